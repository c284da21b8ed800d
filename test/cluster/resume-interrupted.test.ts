// A fleet hot update of a GameZone-owned workload interrupted between its two writes, on a real
// kube-apiserver: the GameZone patch landed, the audit record (a merge patch of its own on the workload)
// never did. `--resume BATCH` writes only that record — the GameZone is not written again — and exits 0.
// The interruption is the executor's own path with the process "dying" at the record write; no GameZone
// controller runs here, so the workload still runs the old image: the record names it as replaced.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AccessCache } from '../../source/actions/access.js';
import { ActionService } from '../../source/actions/service.js';
import { DEFAULT_CONFIG } from '../../source/config/config.js';
import { KINDS } from '../../source/kinds/registry.js';
import type { ClusterClient } from '../../source/kube/client-api.js';
import { HttpClusterClient } from '../../source/kube/client.js';
import { loadKubeconfig } from '../../source/kube/kubeconfig.js';
import { type KubeObject, type ResourceType, resourcePath } from '../../source/kube/object.js';
import { AUDIT_ANNOTATION, parseLastAction } from '../../source/model/last-action.js';
import { runActionIn } from '../sim/in-process-action.js';
import { clusterClient } from './harness.js';
import './provided.js';

const kubeconfig = inject('zonectlKubeconfig');
const [cluster] = inject('zonectlContexts');
const ns = inject('zonectlNamespace');
const raw = clusterClient(kubeconfig, cluster);
const GZ: ResourceType = { group: 'apps.example.com', version: 'v1alpha1', resource: 'gamezones', kind: 'GameZone', namespaced: true };
let admin: HttpClusterClient;
let state: string;
const copies: Array<{ type: ResourceType; name: string }> = [];
const saved = { ...process.env };

beforeAll(() => {
  admin = new HttpClusterClient(cluster, loadKubeconfig([kubeconfig]).forContext(cluster));
  state = mkdtempSync(join(tmpdir(), 'zonectl-resume-real-'));
  process.env.XDG_STATE_HOME = state;
  process.env.ZONECTL_CONFIG = join(state, 'none.yaml');
});
// Copies are deleted afterwards: other files in this tier list the fixture namespace and expect only the fixtures.
afterAll(async () => {
  for (const c of copies) await raw.request('DELETE', resourcePath(c.type, { namespace: ns, name: c.name }));
  admin?.close();
  process.env = saved;
  rmSync(state, { recursive: true, force: true });
});

async function copyOf(type: ResourceType, name: string, metadata: Record<string, unknown> = {}): Promise<KubeObject> {
  const src = (await raw.request('GET', resourcePath(type, { namespace: ns, name }))).json as KubeObject;
  const body = {
    apiVersion: src.apiVersion,
    kind: src.kind,
    metadata: { name: `${name}-resume-${randomBytes(3).toString('hex')}`, namespace: ns, labels: src.metadata.labels, ...metadata },
    spec: src.spec,
  };
  const made = await raw.request('POST', resourcePath(type, { namespace: ns }), body);
  expect(made.status, made.text).toBe(201);
  copies.push({ type, name: body.metadata.name });
  return made.json as KubeObject;
}
const get = async (type: ResourceType, name: string) =>
  (await raw.request('GET', resourcePath(type, { namespace: ns, name }))).json as KubeObject;

class Killed extends Error {}
/** The admin client, except that the process "dies" when the audit record's own merge patch is sent. */
function dyingAtRecord(real: ClusterClient): ClusterClient {
  return new Proxy(real, {
    get(target, prop) {
      if (prop === 'patch')
        return async (...args: Parameters<ClusterClient['patch']>) => {
          const body = args[4] as { metadata?: { annotations?: Record<string, string> }; spec?: unknown };
          if (args[3] === 'merge' && body.metadata?.annotations?.[AUDIT_ANNOTATION] && body.spec === undefined) throw new Killed('killed');
          return target.patch(...args);
        };
      const v: unknown = Reflect.get(target, prop);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  }) as ClusterClient;
}

describe('a hot update interrupted between the GameZone write and its record, on a real apiserver', () => {
  it('--resume writes only the record (the GameZone is not written again) and exits 0', async () => {
    const gz = await copyOf(GZ, 'zone-101');
    const w = await copyOf(KINDS.GameStatefulSet, 'game-101', {
      ownerReferences: [
        { apiVersion: 'apps.example.com/v1alpha1', kind: 'GameZone', name: gz.metadata.name, uid: gz.metadata.uid, controller: true },
      ],
    });
    const name = w.metadata.name!;
    const container = (w.spec.template.spec.containers as Array<{ name: string; image: string }>)[0]!;
    const image = 'registry.example.com/project1/service:1.5.1';
    const batch = randomBytes(4).toString('hex');
    const target = { cluster, namespace: ns, kind: 'GameStatefulSet' as const, name };
    const service = new ActionService({
      client: () => dyingAtRecord(admin),
      config: DEFAULT_CONFIG,
      access: new AccessCache(),
      auditFile: false,
    });
    const planned = await service.plan(target, 'hotupdate', { container: container.name, image });
    expect(planned.plan.steps.map((s) => s.target.type.kind)).toEqual(['GameZone']);
    await expect(service.run(planned, { confirmed: 'yes', batch: { id: batch } })).rejects.toBeInstanceOf(Killed);
    const written = await get(GZ, gz.metadata.name!);
    expect(written.spec.gameZone.serviceConfig[0].image).toBe(image);
    expect((await get(KINDS.GameStatefulSet, name)).metadata.annotations?.[AUDIT_ANNOTATION]).toBeUndefined();

    const args = [
      `${cluster}/${ns}/gamestatefulset/${name}`,
      '--container',
      container.name,
      '--image',
      image,
      '--resume',
      batch,
      '--yes',
      '-o',
      'json',
    ];
    const { code, out, err } = await runActionIn(kubeconfig, 'hotupdate', args);
    if (!out.startsWith('{')) throw new Error(`exit ${code}: ${err}`);
    const j = JSON.parse(out) as { batch: string; results: Array<{ outcome: string; reason: string }> };
    expect(j.batch).toBe(batch);
    expect(j.results.map((r) => r.outcome)).toEqual(['already done']);
    expect(j.results[0]!.reason).toMatch(/applied before the interruption; its audit record written now$/);
    expect(code, err).toBe(0);
    // Only the record: the GameZone as the killed run left it, the workload's spec untouched.
    expect((await get(GZ, gz.metadata.name!)).metadata.resourceVersion).toBe(written.metadata.resourceVersion);
    const after = await get(KINDS.GameStatefulSet, name);
    expect(after.metadata.generation).toBe(w.metadata.generation);
    expect(parseLastAction(after.metadata.annotations?.[AUDIT_ANNOTATION])).toMatchObject({
      action: 'hotupdate',
      batch,
      images: [{ container: container.name, from: container.image, to: image }],
    });
  }, 120_000);
});

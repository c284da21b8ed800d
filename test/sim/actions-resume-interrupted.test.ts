// A fleet hot update interrupted between its two writes (the GameZone patch, then the audit record on
// the workload as a merge patch of its own): the change is live but unrecorded. `--resume ID` must
// count such a target as already done — write only the missing record, the same one a normal run
// writes — rather than refuse it ("already runs the image") and fail the batch. The interruption is
// the executor's own path with the process "dying" at the record write (no Event, no log line after
// it), against `zonectl demo`'s GameZone controller; the resume is the real command.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessCache } from '../../source/actions/access.js';
import { targetName } from '../../source/actions/batch.js';
import { ActionService } from '../../source/actions/service.js';
import { DEFAULT_CONFIG } from '../../source/config/config.js';
import type { ClusterClient } from '../../source/kube/client-api.js';
import { HttpClusterClient } from '../../source/kube/client.js';
import { loadKubeconfig } from '../../source/kube/kubeconfig.js';
import type { KubeObject } from '../../source/kube/object.js';
import { AUDIT_ANNOTATION, parseLastAction } from '../../source/model/last-action.js';
import type { ActionTarget } from '../../source/model/action-types.js';
import { T } from '../../source/sim/controllers/kinds.js';
import { startDemo, type Demo } from '../../source/sim/demo.js';
import { runActionIn } from './in-process-action.js';
import { until } from './kube-helpers.js';

let demo: Demo;
let dir: string;
const saved = { ...process.env };
const clients = new Map<string, HttpClusterClient>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zonectl-resume-gap-'));
  process.env.XDG_STATE_HOME = join(dir, 'state');
  process.env.ZONECTL_CONFIG = join(dir, 'config.yaml');
  demo = await startDemo({ speed: 20, zones: 12, podsPerService: 2, scenarios: false, kubeconfigPath: join(dir, 'kubeconfig') });
});
afterAll(async () => {
  for (const c of clients.values()) c.close();
  await demo?.stop();
  process.env = saved;
  rmSync(dir, { recursive: true, force: true });
});

const store = (cluster: string) => demo.world.stores.get(cluster)!;
const live = (t: ActionTarget): KubeObject => store(t.cluster).get(T.gameDeployment, t.namespace, t.name)!;
const imageOf = (t: ActionTarget): string => live(t).spec.template.spec.containers[0].image as string;
const lastOf = (t: ActionTarget) => parseLastAction(live(t).metadata.annotations?.[AUDIT_ANNOTATION]);
const zoneOf = (t: ActionTarget): KubeObject => {
  const owner = live(t).metadata.ownerReferences!.find((r) => r.kind === 'GameZone')!;
  return store(t.cluster).get(T.gameZone, t.namespace, owner.name)!;
};
/** The image the GameZone asks for the `auth` service (its serviceConfig entry, else the default). */
const zoneImage = (t: ActionTarget): string => {
  const gz = zoneOf(t).spec.gameZone as { defaultImage: string; serviceConfig: Array<{ type: string; image?: string }> };
  return gz.serviceConfig.find((e) => e.type === 'auth')?.image ?? gz.defaultImage;
};

function client(cluster: string): HttpClusterClient {
  let c = clients.get(cluster);
  if (!c) {
    c = new HttpClusterClient(cluster, loadKubeconfig([demo.kubeconfigPath]).forContext(cluster), { timeoutMs: 10_000 });
    clients.set(cluster, c);
  }
  return c;
}

class Killed extends Error {}
/** The cluster's client, except that the process "dies" when the audit record's own merge patch is sent. */
function dyingAtRecord(real: ClusterClient): ClusterClient {
  return new Proxy(real, {
    get(target, prop) {
      if (prop === 'patch')
        return async (...args: Parameters<ClusterClient['patch']>) => {
          const body = args[4] as { metadata?: { annotations?: Record<string, string> }; spec?: unknown };
          if (args[3] === 'merge' && body.metadata?.annotations?.[AUDIT_ANNOTATION] && body.spec === undefined)
            throw new Killed('killed before the audit record');
          return target.patch(...args);
        };
      const v: unknown = Reflect.get(target, prop);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  }) as ClusterClient;
}

const service = (dying: boolean) =>
  new ActionService({
    client: (c) => (dying ? dyingAtRecord(client(c)) : client(c)),
    config: DEFAULT_CONFIG,
    access: new AccessCache(),
    auditFile: false,
  });

describe('a hot update interrupted between the GameZone write and its record', () => {
  const image = 'registry.example.com/project1/service:8.1.0';
  const waves = '1,50%,100%';

  it('--resume records it as already done (nothing re-applied) and finishes the batch with exit 0', async () => {
    const targets = demo.world.zones
      .filter((z) => !z.cluster.startsWith('fed'))
      .slice(0, 6)
      .map((z): ActionTarget => ({ cluster: z.cluster, namespace: z.namespace, kind: 'GameDeployment', name: 'auth-1' }));
    expect(targets).toHaveLength(6);
    for (const t of targets) expect(live(t).metadata.ownerReferences?.[0]?.kind).toBe('GameZone');
    const before = targets.map(imageOf);
    const batch = randomBytes(4).toString('hex');
    const input = { container: 'auth', image };
    const run = async (t: ActionTarget, wave: number, dying: boolean) => {
      const s = service(dying);
      const planned = await s.plan(t, 'hotupdate', input);
      // The plan writes the GameZone (where the image lives), not the workload: the record is a write of its own.
      expect(planned.plan.steps.map((x) => x.target.type.kind)).toEqual(['GameZone']);
      return s.run(planned, { confirmed: 'yes', force: true, batch: { id: batch, wave, waves } });
    };

    // Wave 1 (of 1 + 2 + 3) done and recorded; both wave-2 targets interrupted after their GameZone write.
    await run(targets[0]!, 1, false);
    await until(() => imageOf(targets[0]!) === image, 20_000);
    for (const t of targets.slice(1, 3)) await expect(run(t, 2, true)).rejects.toBeInstanceOf(Killed);
    for (const t of targets.slice(1, 3)) {
      expect(zoneImage(t)).toBe(image);
      expect(lastOf(t)).toBeUndefined();
    }
    // The GameZone controller rolls the image out: the workloads run it, unrecorded.
    await until(() => targets.slice(1, 3).every((t) => imageOf(t) === image), 20_000);
    const generations = targets.slice(1, 3).map((t) => zoneOf(t).metadata.generation);
    const templates = targets.slice(1, 3).map((t) => live(t).metadata.generation);

    const stdin = targets.map(targetName).join('\n') + '\n';
    const r = await runActionIn(
      demo.kubeconfigPath,
      'hotupdate',
      ['-', '--container', 'auth', '--image', image, '--resume', batch, '--yes', '--force', '--timeout', '60s', '-o', 'json'],
      stdin,
    );
    if (!r.out.startsWith('{')) throw new Error(`exit ${r.code}\n${r.err}\n${r.out}`);
    const j = JSON.parse(r.out) as { results: Array<{ target: string; outcome: string; wave?: number; reason: string }> };
    expect(
      j.results.map((x) => [x.wave, x.outcome]),
      r.out,
    ).toEqual([
      [1, 'already done'],
      [2, 'already done'],
      [2, 'already done'],
      [3, 'done'],
      [3, 'done'],
      [3, 'done'],
    ]);
    expect(j.results[1]!.reason).toMatch(/record/i);
    expect(r.code, r.err + r.out).toBe(0);
    // Only the record was written for the interrupted ones: no GameZone write, no template change.
    targets.slice(1, 3).forEach((t, i) => {
      expect(zoneOf(t).metadata.generation).toBe(generations[i]);
      expect(live(t).metadata.generation).toBe(templates[i]);
    });
    // The record a normal run writes: batch, wave, plan and the image it replaced (what --undo puts back).
    targets.forEach((t, i) => {
      expect(lastOf(t)).toMatchObject({ action: 'hotupdate', batch, wave: i === 0 ? 1 : i < 3 ? 2 : 3, waves });
      expect(imageOf(t)).toBe(image);
    });
    expect(lastOf(targets[1]!)?.images).toEqual([{ container: 'auth', from: before[1], to: image }]);

    // Outside --resume nothing changes: a fresh hot update to the image it runs is still not possible.
    const fresh = await runActionIn(demo.kubeconfigPath, 'hotupdate', [
      targetName(targets[1]!),
      '--container',
      'auth',
      '--image',
      image,
      '--yes',
    ]);
    expect(fresh.code).toBe(1);
    expect(fresh.err + fresh.out).toMatch(/already runs/);
  }, 120_000);
});

// A fleet action across the three real kube-apiservers with one of them stopped (issue 17): the live
// clusters' targets are done without waiting on the dead one, its target fails with a line naming it,
// the exit code says so; after the apiserver is back, --resume of the same batch skips what is done
// and finishes the rest. Works on copies of fixture objects (deleted afterwards).
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { KINDS } from '../../source/kinds/registry.js';
import { AUDIT_ANNOTATION, parseLastAction } from '../../source/model/last-action.js';
import { type KubeObject, resourcePath } from '../../source/kube/object.js';
import { clusterControl } from './control.js';
import { clusterClient } from './harness.js';
import './provided.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = resolve(root, 'dist/source/cli.js');
const kubeconfig = inject('zonectlKubeconfig');
const ns = inject('zonectlNamespace');
const state = mkdtempSync(join(tmpdir(), 'zonectl-batch-real-'));

/** zonectl as a user runs it, with stdin; exit code, stdout, stderr. */
function zonectl(args: string[], stdin: string): Promise<{ code: number; out: string; err: string }> {
  return new Promise((res) => {
    const child = execFile(
      process.execPath,
      [cli, ...args],
      { env: { ...process.env, KUBECONFIG: kubeconfig, XDG_STATE_HOME: state, ZONECTL_CONFIG: join(state, 'none.yaml') }, timeout: 90_000 },
      (e, out, err) => res({ code: e ? (typeof e.code === 'number' ? e.code : 99) : 0, out, err }),
    );
    child.stdin!.end(stdin);
  });
}

type Kind = (typeof KINDS)['GameDeployment'];
const copies: Array<{ cluster: string; name: string; type: Kind }> = [];
async function copyOf(cluster: string, name: string, GD: Kind = KINDS.GameDeployment): Promise<string> {
  const raw = clusterClient(kubeconfig, cluster);
  const src = (await raw.request('GET', resourcePath(GD, { namespace: ns, name }))).json as KubeObject;
  const copy = `${name}-batch-${randomBytes(3).toString('hex')}`;
  const made = await raw.request('POST', resourcePath(GD, { namespace: ns }), {
    apiVersion: src.apiVersion,
    kind: src.kind,
    metadata: { name: copy, namespace: ns, labels: src.metadata.labels },
    spec: src.spec,
  });
  expect(made.status, made.text).toBe(201);
  copies.push({ cluster, name: copy, type: GD });
  return copy;
}
const lastOf = async (cluster: string, name: string, GD: Kind = KINDS.GameDeployment) =>
  parseLastAction(
    ((await clusterClient(kubeconfig, cluster).request('GET', resourcePath(GD, { namespace: ns, name }))).json as KubeObject).metadata
      .annotations?.[AUDIT_ANNOTATION],
  );

afterAll(async () => {
  for (const c of copies)
    await clusterClient(kubeconfig, c.cluster).request('DELETE', resourcePath(c.type, { namespace: ns, name: c.name }));
  rmSync(state, { recursive: true, force: true });
});

describe('a fleet action across real kube-apiservers', () => {
  it('one apiserver stopped: the others are done without waiting on it, it fails by name, and --resume finishes the batch', async () => {
    const targets = [
      { cluster: 'real-a', name: await copyOf('real-a', 'gateway-101') },
      { cluster: 'real-b', name: await copyOf('real-b', 'game-201', KINDS.GameStatefulSet) },
      { cluster: 'real-c', name: await copyOf('real-c', 'gateway-301') },
    ];
    const kinds = ['gamedeployment', 'gamestatefulset', 'gamedeployment'];
    const stdin = targets.map((t, i) => `${t.cluster}/${ns}/${kinds[i]}/${t.name}`).join('\n') + '\n';
    const control = clusterControl();
    await control.stopApiserver('real-b');
    let batch: string;
    try {
      const t0 = Date.now();
      const r = await zonectl(['hold', '-', '--yes', '-o', 'json', '--request-timeout', '2000', '--reason', 'batch test'], stdin);
      const ms = Date.now() - t0;
      if (!r.out.startsWith('{')) throw new Error(`exit ${r.code}: ${r.err}`);
      const j = JSON.parse(r.out) as { batch: string; results: Array<{ target: string; outcome: string; reason: string; ms: number }> };
      batch = j.batch;
      expect(j.results.map((x) => [x.target.split('/')[0], x.outcome])).toEqual([
        ['real-a', 'done'],
        ['real-b', expect.stringMatching(/^(failed|refused)$/)],
        ['real-c', 'done'],
      ]);
      expect(j.results[1]!.reason).toMatch(/^real-b: .*(cannot reach|no answer)/);
      // The live clusters' targets did not wait for the dead one's timeouts.
      expect(Math.max(j.results[0]!.ms, j.results[2]!.ms)).toBeLessThan(2_000);
      expect(ms).toBeLessThan(30_000);
      expect(r.code).toBe(3);
      expect(await lastOf('real-a', targets[0]!.name)).toMatchObject({ action: 'hold', batch });
      expect(await lastOf('real-c', targets[2]!.name)).toMatchObject({ action: 'hold', batch });
    } finally {
      await control.startApiserver('real-b');
    }
    // Back up: the same batch resumed from the clusters' own record (a fresh process, no local state used).
    rmSync(join(state, 'zonectl'), { recursive: true, force: true });
    const again = await zonectl(['hold', '-', '--resume', batch, '--yes', '-o', 'json', '--request-timeout', '5000'], stdin);
    if (!again.out.startsWith('{')) throw new Error(`exit ${again.code}: ${again.err}`);
    const k = JSON.parse(again.out) as { batch: string; results: Array<{ target: string; outcome: string }> };
    expect(k.batch).toBe(batch);
    expect(k.results.map((x) => [x.target.split('/')[0], x.outcome])).toEqual([
      ['real-a', 'already done'],
      ['real-c', 'already done'],
      ['real-b', 'done'],
    ]);
    expect(again.code).toBe(0);
    expect(await lastOf('real-b', targets[1]!.name, KINDS.GameStatefulSet)).toMatchObject({ action: 'hold', batch });
  }, 120_000);
});

// Runs the real kubectl against a simulated cluster (https, token users): the one built by
// test/cluster/tools/build-kubectl.sh (npm run test:tools, which CI runs first) or one on PATH; skips itself
// when there is neither.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeKubeconfig } from '../../source/sim/kubeconfig.js';
import { KUBECTL } from '../unit/gitops/tools-path.js';
import { startFixture, T, type Fixture } from './server-helpers.js';

const run = promisify(execFile);

if (!KUBECTL) console.warn('test/sim/kubectl.test.ts: skipped: kubectl not found in the tools cache or on PATH');
const title = KUBECTL ? 'kubectl against the simulator' : 'kubectl against the simulator (SKIPPED: kubectl not found)';

describe.skipIf(!KUBECTL)(title, () => {
  let f: Fixture;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const kubectl = async (...args: string[]): Promise<{ code: number; out: string }> => {
    try {
      const r = await run(KUBECTL!, args, { env, timeout: 20_000 });
      return { code: 0, out: r.stdout + r.stderr };
    } catch (e: any) {
      return { code: e.code ?? 1, out: String(e.stdout ?? '') + String(e.stderr ?? '') };
    }
  };
  /** Starts a long-running kubectl, collects stdout until `until` matches, then ends it by PID. */
  const stream = (args: string[], until: RegExp, trigger: () => void): Promise<string> =>
    new Promise((resolve, reject) => {
      const child = spawn(KUBECTL!, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      const timer = setTimeout(() => {
        child.kill();
        reject(new Error(`kubectl ${args.join(' ')} did not print ${until} in time; got: ${out}`));
      }, 15_000);
      let triggered = false;
      child.stdout.on('data', (d) => {
        out += d;
        if (!triggered) {
          triggered = true;
          trigger();
        }
        if (until.test(out)) {
          clearTimeout(timer);
          child.kill();
          resolve(out);
        }
      });
      child.stderr.on('data', (d) => (out += d));
    });

  beforeAll(async () => {
    f = await startFixture({ tls: true });
    dir = mkdtempSync(join(tmpdir(), 'zonectl-kubectl-'));
    const kc = writeKubeconfig([f.sim], join(dir, 'kubeconfig'));
    env = { PATH: process.env.PATH, HOME: dir, KUBECONFIG: kc, KUBECACHEDIR: join(dir, 'cache') };
    for (let i = 0; i < 3; i++) f.logs.append('sim-t', 'game', 'p0', 'game', `hello ${i}`);
  });
  afterAll(async () => {
    await f?.sim.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('get (all namespaces, label selector, custom kinds), api-resources and describe', async () => {
    const pods = await kubectl('get', 'pods', '-A');
    expect(pods.code).toBe(0);
    expect(pods.out).toMatch(/game\s+p0/);
    const sel = await kubectl('get', 'pods', '-n', 'game', '-l', 'idx in (1,2)', '-o', 'name');
    expect(sel.out.trim().split('\n')).toEqual(['pod/p1', 'pod/p2']);
    const gd = await kubectl('get', 'gamedeployments.tkex.tencent.com', '-n', 'game', '-o', 'jsonpath={.items[*].metadata.name}');
    expect(gd.out).toBe('gd1');
    const res = await kubectl('api-resources');
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/gamestatefulsets\s+tkex\.tencent\.com\/v1alpha1\s+true\s+GameStatefulSet/);
    const d = await kubectl('describe', 'pod', 'p0', '-n', 'game');
    expect(d.code).toBe(0);
    expect(d.out).toMatch(/Controlled By:\s+GameDeployment\/gd1/);
  });

  it("get prints the server-side table: the pod printer columns and a custom resource's printer columns", async () => {
    f.sim.store.mutate(
      T.pod,
      'game',
      'p0',
      (o) => ({
        ...o,
        status: {
          ...o.status,
          containerStatuses: [
            { name: 'game', ready: true, restartCount: 0, state: { running: {} } },
            { name: 'sidecar', ready: false, restartCount: 2, state: { waiting: { reason: 'CrashLoopBackOff' } } },
          ],
        },
      }),
      { subresource: 'status' },
    );
    const pods = await kubectl('get', 'pods', '-n', 'game');
    expect(pods.code).toBe(0);
    const lines = pods.out.trim().split('\n');
    expect(lines[0].split(/\s{2,}/)).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']);
    expect(lines[1]).toMatch(/^p0\s+1\/2\s+CrashLoopBackOff\s+2\s+\d+s$/);
    expect(lines[5]).toMatch(/^p4\s+0\/2\s+Pending\s+0\s+\d+s$/);
    const wide = await kubectl('get', 'pods', '-n', 'game', '-o', 'wide');
    expect(wide.out.split('\n')[0].split(/\s{2,}/)).toEqual([
      'NAME',
      'READY',
      'STATUS',
      'RESTARTS',
      'AGE',
      'IP',
      'NODE',
      'NOMINATED NODE',
      'READINESS GATES',
    ]);
    const gd = await kubectl('get', 'gamedeployments', '-A');
    const gdLines = gd.out.trim().split('\n');
    expect(gdLines[0].split(/\s{2,}/)).toEqual(['NAMESPACE', 'NAME', 'DESIRED', 'UPDATED', 'UPDATED_READY', 'READY', 'TOTAL', 'AGE']);
    expect(gdLines[1]).toMatch(/^game\s+gd1\s+\d+\s+2\s+\d+s$/);
    const json = await kubectl('get', 'pods', '-n', 'game', '-o', 'json');
    expect(JSON.parse(json.out).items).toHaveLength(5);
  });

  it('patch (merge and json, incl. a failed test op), as admin and denied as viewer', async () => {
    const m = await kubectl(
      'patch',
      'gamedeployment',
      'gd1',
      '-n',
      'game',
      '--type=merge',
      '-p',
      '{"spec":{"updateStrategy":{"paused":true}}}',
    );
    expect(m.out).toContain('gamedeployment.tkex.tencent.com/gd1 patched');
    const j = await kubectl(
      'patch',
      'gamedeployment',
      'gd1',
      '-n',
      'game',
      '--type=json',
      '-p',
      '[{"op":"test","path":"/spec/replicas","value":2},{"op":"replace","path":"/spec/replicas","value":3}]',
    );
    expect(j.code).toBe(0);
    expect(f.sim.store.get(T.gd, 'game', 'gd1')!.spec.replicas).toBe(3);
    const bad = await kubectl(
      'patch',
      'gamedeployment',
      'gd1',
      '-n',
      'game',
      '--type=json',
      '-p',
      '[{"op":"test","path":"/spec/replicas","value":2}]',
    );
    expect(bad.code).not.toBe(0);
    expect(bad.out).toContain('The request is invalid: the server rejected our request due to an error in our request');
    const denied = await kubectl(
      '--context',
      'sim-t-viewer',
      'patch',
      'gamedeployment',
      'gd1',
      '-n',
      'game',
      '--type=merge',
      '-p',
      '{"spec":{"replicas":1}}',
    );
    expect(denied.out).toContain(
      'Error from server (Forbidden): gamedeployments.tkex.tencent.com "gd1" is forbidden: User "viewer" cannot patch resource "gamedeployments" in API group "tkex.tencent.com" in the namespace "game"',
    );
  });

  it('auth can-i per context', async () => {
    expect((await kubectl('auth', 'can-i', 'patch', 'gamedeployments.tkex.tencent.com', '-n', 'game')).out.trim()).toBe('yes');
    expect(
      (await kubectl('--context', 'sim-t-viewer', 'auth', 'can-i', 'patch', 'gamedeployments.tkex.tencent.com', '-n', 'game')).out.trim(),
    ).toBe('no');
    expect((await kubectl('--context', 'sim-t-viewer', 'auth', 'can-i', 'get', 'pods', '--subresource=log', '-n', 'game')).out.trim()).toBe(
      'yes',
    );
  });

  it('get -w sees changes; logs -f follows new lines', async () => {
    const w = await stream(['get', 'pods', '-n', 'game', '-w', '-o', 'name'], /pod\/p1[\s\S]*pod\/p1[\s\S]*$/, () => {
      setTimeout(
        () =>
          f.sim.store.mutate(T.pod, 'game', 'p1', (o) => ({
            ...o,
            metadata: { ...o.metadata, labels: { ...o.metadata.labels, watched: 'yes' } },
          })),
        300,
      );
    });
    expect(w.match(/pod\/p1/g)!.length).toBeGreaterThanOrEqual(2);
    const logs = await stream(['logs', '-f', 'p0', '-n', 'game', '-c', 'game', '--tail=1'], /later/, () => {
      setTimeout(() => f.logs.append('sim-t', 'game', 'p0', 'game', 'later'), 200);
    });
    expect(logs).toBe('hello 2\nlater\n');
  });
});

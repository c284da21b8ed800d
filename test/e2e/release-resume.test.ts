// End to end: a release in waves killed mid-wave (SIGKILL: no chance to clean up, as when a jump
// host's SSH session drops) is resumed by another process with its own state dir (another operator on
// another host): the batch's progress is read back from the clusters, nothing is done twice, the rest
// is done in its waves. The built CLI against the in-process simulator.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KubeObject } from '../../source/kube/object.js';
import { AUDIT_ANNOTATION, parseLastAction } from '../../source/model/last-action.js';
import { T } from '../../source/sim/controllers/kinds.js';
import { startDemo, type Demo } from '../../source/sim/demo.js';

const cli = resolve(import.meta.dirname, '..', '..', 'dist/source/cli.js');
let demo: Demo;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zonectl-resume-'));
  // Slow enough that wave 2's gate is still waiting when the process is killed.
  demo = await startDemo({ speed: 1, zones: 12, podsPerService: 2, scenarios: false, kubeconfigPath: join(dir, 'kubeconfig') });
});
afterAll(async () => {
  await demo?.stop();
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  code: Promise<number>;
  out: () => string;
  err: () => string;
  kill: () => void;
}
function zonectl(args: string[], stdin: string, host: string): Run {
  const child = spawn(process.execPath, [cli, ...args, '--kubeconfig', demo.kubeconfigPath], {
    env: { ...process.env, XDG_STATE_HOME: join(dir, host), ZONECTL_CONFIG: join(dir, 'none.yaml') },
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += String(d)));
  child.stderr.on('data', (d) => (err += String(d)));
  child.stdin.end(stdin);
  return {
    code: new Promise((res) => child.on('exit', (c, sig) => res(c ?? (sig ? 128 : -1)))),
    out: () => out,
    err: () => err,
    kill: () => child.kill('SIGKILL'),
  };
}

async function until(what: string, ok: () => boolean, ms = 60_000): Promise<void> {
  const t0 = Date.now();
  while (!ok()) {
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('a release killed mid-wave, resumed from another host', () => {
  it('reads the progress back from the clusters and finishes the waves, nothing done twice', async () => {
    const store = (c: string) => demo.world.stores.get(c)!;
    const targets = demo.world.zones
      .filter((z) => !z.cluster.startsWith('fed'))
      .slice(0, 6)
      .map((z) => ({ cluster: z.cluster, namespace: z.namespace }));
    const live = (t: (typeof targets)[number]): KubeObject => store(t.cluster).get(T.gameDeployment, t.namespace, 'auth-1')!;
    const last = (t: (typeof targets)[number]) => parseLastAction(live(t).metadata.annotations?.[AUDIT_ANNOTATION]);
    const stdin = targets.map((t) => `${t.cluster}/${t.namespace}/gamedeployment/auth-1`).join('\n') + '\n';
    const image = 'registry.example.com/project1/service:7.0.0';
    const args = [
      'hotupdate',
      '-',
      '--container',
      'auth',
      '--image',
      image,
      '--waves',
      '1,50%,100%',
      '--yes',
      '--force',
      '--timeout',
      '5m',
    ];

    const first = zonectl(args, stdin, 'host-a');
    await until('wave 2 to start', () => /^wave 2\/3: acting on 2 targets$/m.test(first.err()));
    const batch = /^batch ([0-9a-f]{8}):/m.exec(first.out())![1]!;
    first.kill();
    expect(await first.code).toBe(128);
    // Wave 3 never started: nothing written there.
    for (const t of targets.slice(3)) expect(last(t)).toBeUndefined();
    expect(last(targets[0]!)).toMatchObject({ batch, wave: 1 });

    const second = zonectl(
      ['hotupdate', '-', '--container', 'auth', '--image', image, '--resume', batch, '--yes', '--force', '--wait', '--timeout', '5m'],
      stdin,
      'host-b',
    );
    const code = await second.code;
    expect(code, `${second.err()}\n--- stdout ---\n${second.out()}`).toBe(0); // both streams, to tell why if it ever fails
    // Wave 1 is already done; wave 2's targets written before the kill are too, the others are done now.
    expect(second.out()).toMatch(new RegExp(`^batch ${batch}:`, 'm'));
    expect(second.out()).toMatch(/^1 +\S+ +\S+ +gamedeployment\/auth-1 +already done /m);
    expect(second.err()).toMatch(/^wave 3\/3: gate passed in/m); // --wait: the last wave is followed too
    expect(targets.map((t) => last(t)?.wave)).toEqual([1, 2, 2, 3, 3, 3]);
    for (const t of targets) {
      expect(last(t)).toMatchObject({ action: 'hotupdate', batch });
      expect(live(t).spec.template.spec.containers[0].image).toBe(image);
    }
    // One write per target across both processes: each target's audit annotation names one write time,
    // and the resumed run reports the killed run's writes as already done (never a second write).
    const rows = second
      .out()
      .split('\n')
      .filter((l) => /gamedeployment\/auth-1/.test(l));
    expect(rows).toHaveLength(6);
    expect(rows.filter((l) => / done /.test(l) && !/already done/.test(l)).length + rows.filter((l) => /already done/.test(l)).length).toBe(
      6,
    );
  }, 180_000);
});

// A fleet release in waves (issue 17) on `zonectl demo`: waves cut in the given order, a gate after
// each wave that follows its targets, a failure in wave 2 that stops waves 3+ with nothing written
// there, a resume of the same batch that skips what is done (its state read back from the clusters),
// and an undo of the batch, wave by wave, that puts back each target's own image.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionHelp, runAction } from '../../commands/action-common.js';
import type { Streams } from '../../commands/action-io.js';
import { targetName } from '../../source/actions/batch.js';
import { runActionIn } from './in-process-action.js';
import type { KubeObject } from '../../source/kube/object.js';
import { AUDIT_ANNOTATION, parseLastAction, RELEASE_ANNOTATION } from '../../source/model/last-action.js';
import type { ActionName, ActionTarget } from '../../source/model/action-types.js';
import { T } from '../../source/sim/controllers/kinds.js';
import { startDemo, type Demo } from '../../source/sim/demo.js';

let demo: Demo;
let dir: string;
const saved = { ...process.env };
const SPEED = 20;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zonectl-waves-'));
  process.env.XDG_STATE_HOME = join(dir, 'state');
  process.env.ZONECTL_CONFIG = join(dir, 'config.yaml');
  demo = await startDemo({ speed: SPEED, zones: 16, podsPerService: 2, kubeconfigPath: join(dir, 'kubeconfig') });
});
afterAll(async () => {
  await demo?.stop();
  process.env = saved;
  rmSync(dir, { recursive: true, force: true });
});

const zonectl = (action: ActionName, args: string[], stdin = '') => runActionIn(demo.kubeconfigPath, action, args, stdin);

const store = (cluster: string) => demo.world.stores.get(cluster)!;
const live = (t: ActionTarget): KubeObject => store(t.cluster).get(T.gameDeployment, t.namespace, t.name)!;
const imageOf = (t: ActionTarget): string => live(t).spec.template.spec.containers[0].image as string;
const lastOf = (t: ActionTarget) => parseLastAction(live(t).metadata.annotations?.[AUDIT_ANNOTATION]);

/** `auth-1` GameDeployments of zones with no demo story, across the clusters, in a fixed order. */
function quietTargets(n: number): ActionTarget[] {
  const story = new Set(Object.values(demo.world.scenarios).map((s) => `${s!.cluster}/${s!.namespace}`));
  return demo.world.zones
    .filter((z) => !story.has(`${z.cluster}/${z.namespace}`) && !z.cluster.startsWith('fed'))
    .filter((z) => store(z.cluster).get(T.gameDeployment, z.namespace, 'auth-1'))
    .slice(0, n)
    .map((z) => ({ cluster: z.cluster, namespace: z.namespace, kind: 'GameDeployment' as const, name: 'auth-1' }));
}

/** Make one target's next in-place update fail its pre-inplace hook (as the demo's failedRollout does). */
function injectHookFailure(t: ActionTarget): void {
  const tpl = store(t.cluster).get(T.hookTemplate, demo.world.scenarios.failedRollout!.namespace, 'pre-inplace-drain');
  const source =
    tpl ??
    [...demo.world.stores.values()]
      .map((s) => s.get(T.hookTemplate, demo.world.scenarios.failedRollout!.namespace, 'pre-inplace-drain'))
      .find(Boolean)!;
  if (!store(t.cluster).get(T.hookTemplate, t.namespace, 'pre-inplace-drain'))
    store(t.cluster).create(T.hookTemplate, {
      apiVersion: source.apiVersion,
      kind: source.kind,
      metadata: { name: 'pre-inplace-drain', namespace: t.namespace },
      spec: source.spec,
    });
  store(t.cluster).mutate(T.gameDeployment, t.namespace, t.name, (o) => {
    o.spec.updateStrategy = { type: 'InplaceUpdate', maxUnavailable: 1, inPlaceUpdateStrategy: { gracePeriodSeconds: 5 } };
    o.spec.preInplaceUpdateStrategy = { hook: { templateName: 'pre-inplace-drain', args: [{ name: 'SimResult', value: '0,1' }] } };
    return o;
  });
}

describe('a fleet release in waves', () => {
  const image = 'registry.example.com/project1/service:9.0.1';

  it('a failure in wave 2 stops the release: wave 3 is not started and nothing is written there; --resume continues after the fix', async () => {
    const targets = quietTargets(6);
    expect(targets.length).toBe(6);
    const before = targets.map(imageOf);
    injectHookFailure(targets[2]!);
    const stdin = targets.map(targetName).join('\n') + '\n';
    const args = [
      '-',
      '--container',
      'auth',
      '--image',
      image,
      '--waves',
      '1,50%,100%',
      '--timeout',
      '60s',
      '--yes',
      '--force',
      '-o',
      'json',
    ];
    const r = await zonectl('hotupdate', args, stdin);
    if (!r.out.startsWith('{')) throw new Error(`${r.code} ${r.err} ${r.out}`);
    const j = JSON.parse(r.out) as {
      batch: string;
      waves: string;
      waveEnds: number[];
      results: Array<{ target: string; outcome: string; wave?: number; reason: string; wait?: { reached: boolean; message: string } }>;
    };
    expect(j.waves).toBe('1,50%,100%');
    expect(j.waveEnds).toEqual([1, 3, 6]);
    expect(j.results.map((x) => [x.wave, x.outcome])).toEqual([
      [1, 'done'],
      [2, 'done'],
      [2, 'done'],
      [3, 'not started'],
      [3, 'not started'],
      [3, 'not started'],
    ]);
    expect(j.results[0]!.wait?.reached).toBe(true);
    expect(j.results[2]!.wait?.reached).toBe(false);
    expect(j.results[2]!.wait?.message).toMatch(/failed/i);
    expect(j.results[3]!.reason).toMatch(/^not started: wave 2 stopped the release \(.*auth-1: .*failed/i);
    expect(r.err).toMatch(/^wave 2\/3: gate failed after/m);
    expect(r.err).toMatch(/^release stopped at wave 2: /m);
    expect(r.code).toBe(1);
    // Nothing written in wave 3: images and audit annotations as they were.
    targets.slice(3).forEach((t, i) => {
      expect(imageOf(t)).toBe(before[3 + i]);
      expect(lastOf(t)).toBeUndefined();
    });
    // The release lives in the clusters: waves 1 and 2 carry the batch id, their wave and the plan.
    expect(targets.slice(0, 3).map((t) => lastOf(t))).toEqual([
      expect.objectContaining({ action: 'hotupdate', batch: j.batch, wave: 1, waves: '1,50%,100%' }),
      expect.objectContaining({ batch: j.batch, wave: 2 }),
      expect.objectContaining({ batch: j.batch, wave: 2 }),
    ]);

    // The operator fixes the failing zone (its drain hook goes), then resumes the batch from a fresh
    // process: the done targets are skipped, the waves come from their annotations.
    store(targets[2]!.cluster).mutate(T.gameDeployment, targets[2]!.namespace, targets[2]!.name, (o) => {
      delete o.spec.preInplaceUpdateStrategy;
      return o;
    });
    await new Promise((res) => setTimeout(res, 20_000 / SPEED));
    const resumed = await zonectl(
      'hotupdate',
      ['-', '--container', 'auth', '--image', image, '--resume', j.batch, '--timeout', '60s', '--yes', '--force'],
      stdin,
    );
    expect(resumed.out).toMatch(/already done in batch [0-9a-f]{8}: 3 /);
    expect(resumed.out).toMatch(/^waves 1,50%,100%: 1 \+ 2 \+ 3 targets/m);
    const rows = resumed.out.split('\n').filter((l) => /^\d +\S+ +\S+ +gamedeployment\/auth-1 /.test(l));
    expect(rows.map((l) => [l.split(/ {3,}/)[0], l.split(/ {3,}/)[4]])).toEqual([
      ['1', 'already done'],
      ['2', 'already done'],
      ['2', 'already done'],
      ['3', 'done'],
      ['3', 'done'],
      ['3', 'done'],
    ]);
    expect(resumed.code, resumed.err + resumed.out).toBe(0);
    targets.slice(3).forEach((t) => expect(lastOf(t)).toMatchObject({ batch: j.batch, wave: 3 }));

    // Stopped fleet-wide and resumed (hold / release of the batch's workloads): the release stays what
    // the workloads belong to (its own annotation), so it is still listed, resumable and undoable.
    const admin = demo.contexts.filter((c) => !c.endsWith('-viewer')).flatMap((c) => ['--context', c]);
    const stop = await zonectl('hold', [...admin, '-A', '--batch', j.batch, '--yes', '-o', 'json']);
    expect(stop.code, stop.err + stop.out).toBe(0);
    expect((JSON.parse(stop.out) as { results: unknown[] }).results).toHaveLength(6);
    const relOf = (t: ActionTarget) => parseLastAction(live(t).metadata.annotations?.[RELEASE_ANNOTATION]);
    for (const t of targets) {
      expect(lastOf(t)).toMatchObject({ action: 'hold' });
      expect(relOf(t)).toMatchObject({ action: 'hotupdate', batch: j.batch });
    }
    const go = await zonectl('release', [...admin, '-A', '--batch', j.batch, '--yes']);
    expect(go.code, go.err + go.out).toBe(0);

    // Rolled back wave by wave: the batch's targets are selected by its id, wherever they are.
    const rb = await zonectl('hotupdate', [
      ...admin,
      '-A',
      '--undo',
      j.batch,
      '--waves',
      '50%,100%',
      '--timeout',
      '60s',
      '--yes',
      '--force',
      '-o',
      'json',
    ]);
    if (!rb.out.startsWith('{')) throw new Error(`${rb.code} ${rb.err}`);
    const back = JSON.parse(rb.out) as {
      batch: string;
      waveEnds: number[];
      results: Array<{ target: string; outcome: string; wave?: number }>;
    };
    expect(rb.code, rb.err + rb.out).toBe(0);
    expect(back.waveEnds).toEqual([3, 6]);
    expect(back.results.map((x) => x.target).sort()).toEqual(targets.map(targetName).sort());
    expect(back.results.every((x) => x.outcome === 'done')).toBe(true);
    targets.forEach((t, i) => {
      expect(imageOf(t)).toBe(before[i]);
      expect(lastOf(t)).toMatchObject({
        action: 'hotupdate',
        batch: back.batch,
        images: [{ container: 'auth', from: image, to: before[i] }],
      });
    });
  }, 120_000);

  it('--gate ask: the operator confirms once, then says no before wave 2: it is not started', async () => {
    const targets = quietTargets(10).slice(6);
    expect(targets.length).toBe(4);
    const input = new PassThrough() as PassThrough & { isTTY?: boolean };
    input.isTTY = true;
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    let err = '';
    stderr.on('data', (d) => (err += String(d)));
    const answered = new Set<string>();
    stdout.on('data', (d) => {
      out += String(d);
      // Answer each question once, when it is asked (readline reads what is there at that moment).
      if (!answered.has('batch') && /hotupdate 4 workloads in 2 waves\? \[y\/N\]/.test(out)) {
        answered.add('batch');
        setImmediate(() => input.write('y\n'));
      }
      if (!answered.has('go') && /Go on with wave 2\/2 \(3 targets\)\? \[y\/N\]/.test(out)) {
        answered.add('go');
        setImmediate(() => input.write('n\n'));
      }
    });
    const io: Streams = { stdin: input, stdout, stderr };
    const args = ['--kubeconfig', demo.kubeconfigPath, ...targets.map(targetName), '--container', 'auth', '--image', image];
    const code = await runAction(
      'hotupdate',
      [...args, '--waves', '1,100%', '--gate', 'ask', '--force', '--timeout', '60s'],
      actionHelp('hotupdate', ''),
      io,
    );
    input.end();
    expect(answered).toEqual(new Set(['batch', 'go']));
    expect(err).toMatch(/^release stopped at wave 1: the operator stopped before wave 2$/m);
    expect(out).toMatch(/^1 +\S+ +\S+ +gamedeployment\/auth-1 +done /m);
    expect(
      out.split('\n').filter((l) => /^2 .*not started: wave 1 stopped the release \(the operator stopped before wave 2\)/.test(l)),
    ).toHaveLength(3);
    expect(code).toBe(1);
    expect(lastOf(targets[0]!)).toMatchObject({ batch: expect.any(String), wave: 1 });
    for (const t of targets.slice(1)) expect(lastOf(t)).toBeUndefined();
  }, 60_000);
});

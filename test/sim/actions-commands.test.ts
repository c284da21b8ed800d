// The scripted action commands against `zonectl demo` (startDemo): exit codes, the approval card,
// --yes / no-TTY handling, the audit trail and --wait, as an operator's script sees them.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction, actionHelp } from '../../commands/action-common.js';
import type { Streams } from '../../commands/action-io.js';
import { AUDIT_ANNOTATION } from '../../source/actions/audit.js';
import { startDemo, type Demo } from '../../source/sim/demo.js';
import { T } from '../../source/sim/controllers/kinds.js';
import type { ActionName } from '../../source/model/action-types.js';

let demo: Demo;
let dir: string;
const saved = { ...process.env };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zonectl-cmd-'));
  process.env.XDG_STATE_HOME = join(dir, 'state');
  process.env.ZONECTL_CONFIG = join(dir, 'config.yaml');
  demo = await startDemo({ speed: 20, zones: 6, podsPerService: 2, kubeconfigPath: join(dir, 'kubeconfig') });
});
afterAll(async () => {
  await demo?.stop();
  process.env = saved;
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  code: number;
  out: string;
  err: string;
}

async function zonectl(
  action: ActionName,
  args: string[],
  opts: { tty?: boolean; answer?: string; beforeAnswer?: () => void } = {},
): Promise<Run> {
  const stdin = new PassThrough() as PassThrough & { isTTY?: boolean };
  stdin.isTTY = opts.tty ?? false;
  const stdout = new PassThrough() as PassThrough & { isTTY?: boolean };
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => {
    out += String(d);
    if (opts.answer !== undefined && /confirm: $|\[y\/N\] $/.test(out)) {
      opts.beforeAnswer?.();
      stdin.write(`${opts.answer}\n`);
      opts.answer = undefined;
    }
  });
  stderr.on('data', (d) => (err += String(d)));
  const io: Streams = { stdin, stdout, stderr };
  const code = await runAction(action, ['--kubeconfig', demo.kubeconfigPath, ...args], actionHelp(action, ''), io);
  return { code, out, err };
}

const scenario = (k: 'awaitingApproval' | 'inconclusiveHook' | 'inPlaceUpdate' | 'failedRollout') => demo.world.scenarios[k]!;
const store = (cluster: string) => demo.world.stores.get(cluster)!;
const typeOf = (kind: string) => (kind === 'GameDeployment' ? T.gameDeployment : T.gameStatefulSet);
const live = (s: { cluster: string; namespace: string; kind: string; name: string }) =>
  store(s.cluster).get(typeOf(s.kind), s.namespace, s.name)!;
const ref = (s: { kind: string; name: string }) => `${s.kind.toLowerCase()}/${s.name}`;
/**
 * The demo's GameZone controller re-applies the zone's image to the workloads it controls (as a zone
 * operator would), which undoes a direct template change within a second. Tests that change a
 * template act on a workload released from its zone (controller ownerReference removed).
 */
const releaseFromZone = (s: { cluster: string; namespace: string; kind: string; name: string }) =>
  store(s.cluster).mutate(typeOf(s.kind), s.namespace, s.name, (o) => ({
    ...o,
    metadata: { ...o.metadata, ownerReferences: (o.metadata.ownerReferences ?? []).filter((r) => r.kind !== 'GameZone') },
  }));
const auditLines = () => {
  const f = join(dir, 'state', 'zonectl', 'audit.jsonl');
  return existsSync(f)
    ? readFileSync(f, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l))
    : [];
};

describe('action commands on the demo federation', () => {
  it('without a TTY and without --yes: exit 2, nothing written', async () => {
    const s = scenario('awaitingApproval');
    const rv = live(s).metadata.resourceVersion;
    const r = await zonectl('approve', [ref(s), '--context', s.cluster, '-n', s.namespace]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`error: stdin is not a terminal: add --yes to approve GameStatefulSet/${s.name} on ${s.cluster} without asking\n`);
    expect(r.out).toContain(`Approve GameStatefulSet/${s.name}`);
    expect(live(s).metadata.resourceVersion).toBe(rv);
  });

  it('viewer: exit 4, nothing written', async () => {
    const s = scenario('awaitingApproval');
    const rv = live(s).metadata.resourceVersion;
    const r = await zonectl('approve', [ref(s), '--context', `${s.cluster}-viewer`, '-n', s.namespace, '--yes']);
    expect(r.code).toBe(4);
    expect(r.err).toMatch(
      new RegExp(`^error: ${s.cluster}-viewer: not allowed to patch gamestatefulsets.tkex.tencent.com ${s.namespace}/${s.name}`),
    );
    expect(live(s).metadata.resourceVersion).toBe(rv);
  });

  it('read-only context in config: exit 4 with one line, nothing written', async () => {
    const s = scenario('awaitingApproval');
    writeFileSync(process.env.ZONECTL_CONFIG!, `contexts:\n  ${s.cluster}:\n    readOnly: true\n`);
    try {
      const r = await zonectl('approve', [ref(s), '--context', s.cluster, '-n', s.namespace, '--yes']);
      expect(r.code).toBe(4);
      expect(r.err).toBe(`error: ${s.cluster}: read-only (config contexts.${s.cluster}.readOnly): refusing to change anything\n`);
    } finally {
      rmSync(process.env.ZONECTL_CONFIG!);
    }
  });

  it('dry-run prints the plan and changes nothing', async () => {
    const s = scenario('awaitingApproval');
    const before = live(s);
    const r = await zonectl('approve', [ref(s), '--context', s.cluster, '-n', s.namespace, '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Dry run: the server accepted these writes (dryRun=All); nothing was changed:');
    expect(r.out).toContain('"updateStrategy":{"paused":false}');
    expect(live(s).metadata.resourceVersion).toBe(before.metadata.resourceVersion);
  });

  it('a protected context needs the workload name typed on a TTY', async () => {
    const s = scenario('awaitingApproval');
    writeFileSync(process.env.ZONECTL_CONFIG!, `contexts:\n  ${s.cluster}:\n    protected: true\n`);
    try {
      const rv = live(s).metadata.resourceVersion;
      const r = await zonectl('approve', [ref(s), '--context', s.cluster, '-n', s.namespace], { tty: true, answer: 'y' });
      expect(r.code).toBe(2);
      expect(r.out).toContain(`Type the workload name (${s.name}) to confirm: `);
      expect(r.err).toBe('Not confirmed: nothing was changed.\n');
      expect(live(s).metadata.resourceVersion).toBe(rv);
    } finally {
      rmSync(process.env.ZONECTL_CONFIG!);
    }
  });

  it('approve the paused rollout with --yes --wait: card, audit trail, next step reached', async () => {
    const s = scenario('awaitingApproval');
    const before = live(s);
    expect(before.status.pauseConditions?.[0]?.reason).toBe('PausedByCanaryPauseStep');
    const r = await zonectl('approve', [
      ref(s),
      '--context',
      s.cluster,
      '-n',
      s.namespace,
      '--yes',
      '--reason',
      'metrics look fine',
      '--wait',
      '--timeout',
      '60s',
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    for (const row of ['cluster', 'namespace', 'workload', 'revision', 'step', 'updated', 'acting as', 'reason'])
      expect(r.out).toMatch(new RegExp(`^  ${row} +\\S`, 'm'));
    expect(r.out).toMatch(/^ {2}step +2\/3 \(pause/m);
    expect(r.out).toMatch(/^Reached in \d+\.\d s\.$/m);
    expect(r.out).toMatch(/^updated \d\/\d/m); // plain progress lines (no TTY)
    const after = live(s);
    expect(after.status.currentStepIndex).toBeGreaterThan(1);
    expect(JSON.parse(after.metadata.annotations![AUDIT_ANNOTATION])).toMatchObject({ action: 'approve', reason: 'metrics look fine' });
    const ev = store(s.cluster)
      .list(T.event, { namespace: s.namespace })
      .items.filter((e) => e.reason === 'ZonectlApprove');
    expect(ev).toHaveLength(1);
    expect(auditLines().some((l) => l.action === 'approve' && l.name === s.name && l.cluster === s.cluster)).toBe(true);
  });

  it('approve of the Inconclusive hook step continues', async () => {
    const s = scenario('inconclusiveHook');
    const before = live(s);
    expect(before.status.pauseConditions?.[0]?.reason).toBe('PausedByStepBasedHook');
    const r = await zonectl('approve', [
      ref(s),
      '--context',
      s.cluster,
      '-n',
      s.namespace,
      '--yes',
      '--wait',
      '--timeout',
      '60s',
      '-o',
      'json',
    ]);
    expect(r.code).toBe(0);
    const res = JSON.parse(r.out);
    expect(res).toMatchObject({ kind: 'ActionResult', action: 'approve', dryRun: false, wait: { reached: true } });
    expect(live(s).status.currentStepIndex).toBeGreaterThan(1);
  });

  it('--wait on a rollout that fails again stops with the reason, exit 1, long before its timeout', async () => {
    const s = scenario('failedRollout');
    // retry the failed pre-inplace hook: the demo's hook fails again, so the target is never reached
    const t0 = Date.now();
    const r = await zonectl('retry-hooks', [ref(s), '--context', s.cluster, '-n', s.namespace, '--yes', '--wait', '--timeout', '60s']);
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^Gave up: failed: pre-inplace hook Failed on auth-1-\w+\.$/m);
    expect(Date.now() - t0).toBeLessThan(20_000);
  });

  it('a plan that is not possible now exits 1 with the reason', async () => {
    const s = scenario('inPlaceUpdate');
    const r = await zonectl('approve', [ref(s), '--context', s.cluster, '-n', s.namespace, '--yes']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`^error: ${s.cluster}: cannot approve GameStatefulSet ${s.namespace}/${s.name} on ${s.cluster}: `));
  });

  it('usage errors exit 2', async () => {
    expect((await zonectl('approve', ['gamedeployment'])).code).toBe(2);
    expect((await zonectl('approve', ['gd/x', '--context', 'a', '--context', 'b'])).code).toBe(2);
    expect((await zonectl('hotupdate', ['gd/x', '--container', 'main'])).code).toBe(2);
  });

  it('someone else acts while the operator reads the card: exit 5, nothing written', async () => {
    const s = scenario('inPlaceUpdate');
    const r = await zonectl('hold', [ref(s), '--context', s.cluster, '-n', s.namespace], {
      tty: true,
      answer: 'y',
      beforeAnswer: () =>
        // A spec change (generation moves): what the operator decided on is no longer what is there.
        store(s.cluster).mutate(typeOf(s.kind), s.namespace, s.name, (o) => ({ ...o, spec: { ...o.spec, minReadySeconds: 7 } })),
    }).catch((e: unknown) => ({ code: -1, out: '', err: String(e) }));
    expect(r.err).toMatch(
      new RegExp(
        `^error: ${s.cluster}: GameStatefulSet ${s.namespace}/${s.name} changed since it was read \\(spec changed \\(generation \\d+ -> \\d+\\): someone else acted\\); nothing was written\n$`,
      ),
    );
    expect(r.code).toBe(5);
    expect(live(s).metadata.annotations?.['zonectl.io/hold']).toBeUndefined();
  });

  it('reject the failed rollout restores the old images', async () => {
    const s = scenario('failedRollout');
    releaseFromZone(s);
    const before = live(s);
    const oldImage = before.spec.template.spec.containers[0].image;
    const r = await zonectl('reject', [ref(s), '--context', s.cluster, '-n', s.namespace, '--yes', '--wait', '--timeout', '20s']);
    if (r.code) console.log(r.out, JSON.stringify(live(s).status));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ {2}images +\S+: \S+ -> \S+$/m);
    const after = live(s);
    expect(after.spec.template.spec.containers[0].image).not.toBe(oldImage);
    expect(after.status.updateRevision).toBe(after.status.currentRevision);
  });

  it('hot-update a GameStatefulSet in place with --one-pod-first: pod uid kept, restartCount + 1', async () => {
    const s = scenario('awaitingApproval');
    // finish the canary first so the workload is at rest
    await zonectl('approve', [ref(s), '--context', s.cluster, '-n', s.namespace, '--yes', '--wait', '--timeout', '20s']);
    releaseFromZone(s);
    const pods = () =>
      store(s.cluster)
        .list(T.pod, { namespace: s.namespace })
        .items.filter((p) => p.metadata.ownerReferences?.some((o) => o.name === s.name));
    const before = new Map(pods().map((p) => [p.metadata.name!, p]));
    const top = [...before.keys()].sort().at(-1)!;
    const r = await zonectl('hotupdate', [
      ref(s),
      '--context',
      s.cluster,
      '-n',
      s.namespace,
      '--container',
      live(s).spec.template.spec.containers[0].name,
      '--image',
      'registry.example.com/game/server:9.9.9',
      '--one-pod-first',
      '--yes',
      '--wait',
      '--timeout',
      '20s',
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const now = new Map(pods().map((p) => [p.metadata.name!, p]));
    for (const [name, p] of now) expect(p.metadata.uid).toBe(before.get(name)!.metadata.uid);
    const cs = now.get(top)!.status.containerStatuses[0];
    expect(cs.image).toBe('registry.example.com/game/server:9.9.9');
    expect(cs.restartCount).toBe(before.get(top)!.status.containerStatuses[0].restartCount + 1);
    for (const [name, p] of now)
      if (name !== top) expect(p.status.containerStatuses[0].image).not.toBe('registry.example.com/game/server:9.9.9');
  });
});

// Marks and a batch approve from the console on `zonectl demo` (issue 17): the session and the
// console's ports wired as `zonectl` wires them (app/session.ts, app/console-ports.ts). Two paused
// rollouts in two clusters are marked on the Rollouts list, `a` shows one batch card, one
// confirmation (the protected context typed once) approves both: both advance in the simulator, each
// audit record carries the batch id, and the status line says so.
import { renderConsole as renderOn } from './console-harness.js';
import type { ListViewId } from '../../source/ui/views/types.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup } from 'ink-testing-library';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AUDIT_ANNOTATION } from '../../source/actions/audit.js';
import type { ActionTarget } from '../../source/model/action-types.js';
import { consolePorts, type ConsolePorts } from '../../source/app/console-ports.js';
import { openSession, type Session } from '../../source/app/session.js';
import type { KubeObject } from '../../source/kube/object.js';
import { T } from '../../source/sim/controllers/kinds.js';
import { startDemo, type Demo } from '../../source/sim/demo.js';
import type { ScenarioRef } from '../../source/sim/world.js';

let dir: string;
let demo: Demo;
let session: Session;
let ports: ConsolePorts;
const saved = { ...process.env };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zonectl-console-marks-'));
  process.env.XDG_STATE_HOME = join(dir, 'state');
  process.env.ZONECTL_CONFIG = join(dir, 'config.yaml');
  // shanghai is protected: the batch card asks for it typed.
  writeFileSync(process.env.ZONECTL_CONFIG, 'contexts:\n  shanghai:\n    protected: true\n');
  demo = await startDemo({ speed: 20, zones: 6, podsPerService: 2, tls: false, kubeconfigPath: join(dir, 'kubeconfig') });
  session = openSession({ kubeconfig: demo.kubeconfigPath, context: ['shanghai', 'nanjing'], allNamespaces: true }, ['zones', 'rollouts'], {
    intervalMs: 66,
  });
  session.store.start();
  ports = await consolePorts(session);
});
afterAll(async () => {
  cleanup();
  ports?.close();
  await session?.close();
  await demo?.stop();
  process.env = saved;
  rmSync(dir, { recursive: true, force: true });
});

const live = (s: ScenarioRef): KubeObject =>
  demo.world.stores.get(s.cluster)!.get(s.kind === 'GameDeployment' ? T.gameDeployment : T.gameStatefulSet, s.namespace, s.name)!;
const step = (s: ScenarioRef) => (live(s).status as { currentStepIndex?: number }).currentStepIndex ?? -1;

/** The console on the session with the real ports, 100x30. */
const renderConsole = (view: ListViewId) => renderOn(session, ports, { view });

describe('marks and a batch from the console', () => {
  test('mark two paused rollouts, approve both with one confirmation: both advance', async () => {
    const { awaitingApproval: a, inconclusiveHook: h } = demo.world.scenarios;
    expect([a!.cluster, h!.cluster]).toEqual(['shanghai', 'nanjing']);
    const before = { a: step(a!), h: step(h!) };
    const { r, frame, waitFor, press } = renderConsole('rollouts');
    const row = (s: ScenarioRef) => new RegExp(`^[> ][ *]${s.cluster} +${s.namespace} +${s.name} `, 'm');
    /** Moves the cursor down to the row of `s` and marks it (space). */
    const mark = async (s: ScenarioRef) => {
      await press('g');
      for (
        let i = 0;
        i < 20 &&
        !/^>/.test(
          frame()
            .split('\n')
            .find((l) => row(s).test(l)) ?? '',
        );
        i++
      )
        await press('j');
      await press(' ');
    };

    await waitFor((f) => row(a!).test(f) && row(h!).test(f), 'both paused rollouts listed');
    await mark(a!);
    await mark(h!);
    let f = await waitFor((x) => /^Rollouts {2}\[\d+\] {2}2 marked/m.test(x), 'two marked');
    const marked = f.split('\n').filter((l) => /^[> ]\*/.test(l));
    expect(marked).toHaveLength(2);
    expect(marked.join('\n')).toMatch(row(a!));
    expect(marked.join('\n')).toMatch(row(h!));

    await press('a');
    f = await waitFor((x) => x.includes('approve 2 workloads: 2 planned, 0 not possible'), 'the batch card');
    expect(f).toMatch(/^ {2}nanjing +1 +\(1 paused\)$/m);
    expect(f).toMatch(/^ {2}shanghai +1 +\(1 paused\)$/m);
    expect(f).toMatch(/^ {2}acting as /m);
    expect(f).toMatch(/^ {2}! protected context shanghai: type shanghai to confirm$/m);
    const batch = /^ {2}batch {7}([0-9a-f]{8}) /m.exec(f)?.[1];
    expect(batch).toBeDefined();
    expect(f).toContain(`  shanghai/${a!.namespace}/gamestatefulset/${a!.name}`);
    expect(f).toContain(`  nanjing/${h!.namespace}/gamedeployment/${h!.name}`);
    // One confirmation: the protected context typed, then Enter.
    for (const ch of 'shanghai') await press(ch);
    await press('\r');
    f = await waitFor((x) => x.includes(`approve 2: 2 done; batch ${batch}`), 'the result on the status line');
    expect(f).not.toMatch(/\d+ marked/);

    // Both advanced past the step they were paused at, in the simulator's own store.
    for (let i = 0; i < 200 && !(step(a!) > before.a && step(h!) > before.h); i++) await new Promise((res) => setTimeout(res, 50));
    expect(step(a!)).toBeGreaterThan(before.a);
    expect(step(h!)).toBeGreaterThan(before.h);
    for (const s of [a!, h!])
      expect(JSON.parse(live(s).metadata.annotations![AUDIT_ANNOTATION]!)).toMatchObject({ action: 'approve', batch });
    approved = batch!;
    r.unmount();
  });

  test('the Releases view lists that batch and its detail; h on it plans a hold of every workload of the release', async () => {
    expect(approved).toMatch(/^[0-9a-f]{8}$/);
    const { r, waitFor, press } = renderConsole('releases');
    const releaseRow = new RegExp(`^> +${approved} +approve +\\S+ +- +2 +`, 'm');
    let f = await waitFor((x) => releaseRow.test(x), 'the release row');
    await press('\r');
    f = await waitFor((x) => x.includes(`Release ${approved} approve by`), 'the release detail');
    expect(f).toMatch(/^ *targets +2: /m);
    await press('\x1b');
    await waitFor((x) => releaseRow.test(x), 'back on the list');
    // h on the release: one card for every workload of it. These two are mid-canary, where bk-bcs takes
    // the partition from the step: the card says so for each (an honest refusal, not a hold that slips).
    await press('h');
    f = await waitFor((x) => x.includes('hold 2 workloads: 0 planned, 2 not possible'), 'the hold card for the release');
    expect(f).toMatch(/canary steps set the partition/);
    await press('n');
    await waitFor((x) => releaseRow.test(x) && !x.includes('hold 2 workloads'), 'cancelled, back on the list');
    r.unmount();
  });
});

let approved = '';

describe('the console port on many targets', () => {
  test('planMany: one card with the targets that are not possible and why; run: one line with the counts and the first reason', async () => {
    // An up-to-date GameDeployment in each cluster (hold is possible there) and one that does not exist.
    const snap = session.store.snapshot();
    const pick = (cluster: string) => {
      const w = snap.workloads.find((x) => x.cluster === cluster && x.kind === 'GameDeployment' && x.rollout.phase === 'complete');
      if (!w) throw new Error(`no up-to-date GameDeployment in ${cluster}`);
      return { cluster: w.cluster, namespace: w.namespace, kind: w.kind, name: w.name } satisfies ActionTarget;
    };
    const targets: ActionTarget[] = [pick('shanghai'), pick('nanjing'), { ...pick('shanghai'), name: 'nosuch' }];
    const view = await ports.actions.planMany(targets, 'hold');
    const card = view.summary.join('\n');
    expect(view.summary[0]).toBe('hold 3 workloads: 2 planned, 1 not possible');
    expect(card).toMatch(/^ {2}nanjing +1 +\(1 complete\)$/m);
    expect(card).toMatch(/^ {2}! protected context shanghai: type shanghai to confirm$/m);
    expect(card).toMatch(
      new RegExp(`^Not possible:\n {2}shanghai/${targets[2]!.namespace}/gamedeployment/nosuch: shanghai: .*not found`, 'm'),
    );
    expect(card).toMatch(/^Targets:$/m);
    expect(view.confirmName).toBe('shanghai');
    const batch = view.plan.batch;
    const res = await ports.actions.run(view.plan, { reason: 'port test' });
    expect(res.ok).toBe(false);
    expect(res.message).toMatch(new RegExp(`^hold 3: 2 done, 1 (refused|not possible); batch ${batch} \\(shanghai: .*nosuch.*\\)$`));
    for (const t of targets.slice(0, 2)) {
      const o = demo.world.stores.get(t.cluster)!.get(T.gameDeployment, t.namespace, t.name)!;
      expect(JSON.parse(o.metadata.annotations![AUDIT_ANNOTATION]!)).toMatchObject({ action: 'hold', batch, reason: 'port test' });
    }
  });
});

// The executor (source/actions) against the simulator: real HTTP, real controllers, hand-built plans.
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KINDS } from '../../source/kinds/registry.js';
import { AccessCache } from '../../source/actions/access.js';
import { AUDIT_ANNOTATION } from '../../source/actions/audit.js';
import { ActionConflict, ActionForbidden, ReadOnlyError } from '../../source/actions/errors.js';
import { execute } from '../../source/actions/execute.js';
import type { ClusterClient } from '../../source/kube/client-api.js';
import { T } from '../../source/sim/controllers/kinds.js';
import { gameDeployment, gameStatefulSet, hookTemplate, setImage } from './controllers-helpers.js';
import { approvePlan, imagePlan, simActions, skipHookPlan, type SimActions } from './actions-helpers.js';

const STEPS = [{ partition: 3 }, { pause: {} }, { partition: 1 }, { pause: {} }, { partition: 0 }];
const GD = KINDS.GameDeployment;
const GSTS = KINDS.GameStatefulSet;

let s: SimActions;
let dir: string;
let auditFile: string;
const opts = (client: ClusterClient, extra: Record<string, unknown> = {}) => ({
  client,
  user: 'admin',
  reason: 'canary looks fine',
  auditFile,
  access: new AccessCache(),
  ...extra,
});

beforeEach(async () => {
  s = await simActions();
  dir = mkdtempSync(join(tmpdir(), 'zonectl-actions-'));
  auditFile = join(dir, 'state', 'audit.jsonl');
});
afterEach(async () => {
  await s.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A GameDeployment paused at its first manual pause step (index 1) with v2 on 1 of 4 pods. */
function pausedCanary(): void {
  s.h.store.create(T.gameDeployment, gameDeployment('gw', 4, 'reg/gw:v1', { type: 'RollingUpdate', canary: { steps: STEPS } }));
  s.h.advance(10_000);
  setImage(s.h, 'gd', 'gw', 'reg/gw:v2');
  s.h.advance(20_000);
  expect(s.h.gd('gw').status.currentStepIndex).toBe(1);
}

const events = () => s.h.store.list(T.event, { namespace: 'game' }).items.filter((e) => (e as any).source?.component === 'zonectl');
const auditLines = () =>
  existsSync(auditFile)
    ? readFileSync(auditFile, 'utf8')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l))
    : [];

describe('execute against the simulator', () => {
  it('approve moves the canary to the next step and leaves the audit annotation, an Event and a log line', async () => {
    pausedCanary();
    const plan = approvePlan('sim-a', GD, s.h.gd('gw'));
    const res = await execute(plan, opts(s.admin, { now: () => Date.parse('2025-01-02T03:04:05Z') }));
    expect(res.writes).toHaveLength(1);
    expect(res.writes[0].body).toMatchObject({
      spec: { updateStrategy: { paused: false } },
      metadata: { resourceVersion: plan.preconditions.resourceVersion },
    });
    const after = s.h.gd('gw');
    const ann = JSON.parse(after.metadata.annotations![AUDIT_ANNOTATION]);
    expect(ann).toEqual({
      action: 'approve',
      by: 'admin',
      at: '2025-01-02T03:04:05.000Z',
      reason: 'canary looks fine',
      summary: plan.summary,
    });
    s.h.advance(20_000);
    expect(s.h.gd('gw').status.currentStepIndex).toBe(3);
    expect(s.h.gd('gw').status.updatedReadyReplicas).toBe(3);
    const ev = events();
    expect(ev).toHaveLength(1);
    expect(ev[0]).toMatchObject({
      reason: 'ZonectlApprove',
      type: 'Normal',
      involvedObject: { kind: 'GameDeployment', name: 'gw', namespace: 'game', uid: after.metadata.uid },
    });
    expect(ev[0].metadata.name).toBe(res.eventName);
    const lines = auditLines();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      action: 'approve',
      by: 'admin',
      cluster: 'sim-a',
      namespace: 'game',
      kind: 'GameDeployment',
      name: 'gw',
      outcome: 'ok',
      reason: 'canary looks fine',
    });
    expect(JSON.stringify(lines[0])).not.toContain(s.sim.tokens.admin);
    expect(res.warnings).toEqual([]);
  });

  it('approve of an Inconclusive hook step continues', async () => {
    s.h.store.create(
      T.hookTemplate,
      hookTemplate('check-online', { successCondition: 'asInt(result) == 0', failureCondition: 'asInt(result) > 5' }),
    );
    const steps = [
      { partition: 2 },
      { hook: { templateName: 'check-online', args: [{ name: 'SimResult', value: '3' }] } },
      { partition: 0 },
    ];
    s.h.store.create(T.gameDeployment, gameDeployment('gw', 4, 'reg/gw:v1', { type: 'RollingUpdate', canary: { steps } }));
    s.h.advance(10_000);
    setImage(s.h, 'gd', 'gw', 'reg/gw:v2');
    s.h.advance(20_000);
    const gd = s.h.gd('gw');
    expect(gd.status.pauseConditions[0].reason).toBe('PausedByStepBasedHook');
    expect(s.h.store.get(T.hookRun, 'game', gd.status.canary.currentStepHookRun)!.status.phase).toBe('Inconclusive');
    await execute(approvePlan('sim-a', GD, gd), opts(s.admin));
    s.h.advance(20_000);
    const after = s.h.gd('gw');
    expect(after.status.currentStepIndex).toBe(3);
    expect(after.status.updatedReadyReplicas).toBe(4);
    expect(after.status.canary.revision).toBe(gd.status.updateRevision);
  });

  it('skip-hook terminates the running step HookRun; it ends Successful and the step advances', async () => {
    s.h.store.create(T.hookTemplate, hookTemplate('check-online', { successCondition: 'asInt(result) == 0', interval: '30s', count: 100 }));
    const steps = [{ partition: 2 }, { hook: { templateName: 'check-online' } }, { partition: 0 }];
    s.h.store.create(T.gameDeployment, gameDeployment('gw', 4, 'reg/gw:v1', { type: 'RollingUpdate', canary: { steps } }));
    s.h.advance(10_000);
    setImage(s.h, 'gd', 'gw', 'reg/gw:v2');
    s.h.advance(20_000);
    const gd = s.h.gd('gw');
    const hr = s.h.store.get(T.hookRun, 'game', gd.status.canary.currentStepHookRun)!;
    expect(hr.status.phase).toBe('Running');
    const res = await execute(skipHookPlan('sim-a', GD, gd, hr), opts(s.admin));
    // the HookRun write carries its own resourceVersion; the annotation goes on the workload separately
    expect(res.writes.map((w) => [w.target.type.kind, w.audit === true])).toEqual([
      ['HookRun', false],
      ['GameDeployment', true],
    ]);
    expect(res.writes[0].body).toEqual({ spec: { terminate: true }, metadata: { resourceVersion: hr.metadata.resourceVersion } });
    s.h.advance(20_000);
    expect(s.h.store.get(T.hookRun, 'game', hr.metadata.name!)!.status.phase).toBe('Successful');
    expect(s.h.gd('gw').status.currentStepIndex).toBe(3);
    expect(JSON.parse(s.h.gd('gw').metadata.annotations![AUDIT_ANNOTATION]).action).toBe('skip-hook');
  });

  it('reject restores the old images', async () => {
    pausedCanary();
    const gd = s.h.gd('gw');
    const res = await execute(imagePlan('reject', 'sim-a', GD, gd, 'main', 'reg/gw:v1'), opts(s.admin));
    // test on resourceVersion first, the plan's own ops, then the annotation
    const ops = res.writes[0].body as Array<{ op: string; path: string }>;
    expect(ops.map((o) => `${o.op} ${o.path}`)).toEqual([
      'test /metadata/resourceVersion',
      'test /spec/template/spec/containers/0/image',
      'replace /spec/template/spec/containers/0/image',
      `add /metadata/annotations${gd.metadata.annotations ? '/zonectl.io~1last-action' : ''}`,
    ]);
    s.h.advance(30_000);
    const after = s.h.gd('gw');
    expect(after.status.updateRevision).toBe(gd.status.canary.revision);
    expect(after.status.updatedReadyReplicas).toBe(4);
    for (const p of s.h.pods('gw')) expect(p.spec.containers[0].image).toBe('reg/gw:v1');
  });

  it('hot update changes images in place: pod uids unchanged, restartCount + 1', async () => {
    s.h.store.create(
      T.gameStatefulSet,
      gameStatefulSet('game-1', 3, 'reg/game:v1', { type: 'InplaceUpdate', rollingUpdate: { partition: 0, maxUnavailable: 1 } }),
    );
    s.h.advance(10_000);
    const before = new Map(s.h.pods('game-1').map((p) => [p.metadata.name!, p]));
    await execute(imagePlan('hotupdate', 'sim-a', GSTS, s.h.gsts('game-1'), 'main', 'reg/game:v2'), opts(s.admin));
    s.h.advance(60_000);
    const pods = s.h.pods('game-1');
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      const old = before.get(p.metadata.name!)!;
      expect(p.metadata.uid).toBe(old.metadata.uid);
      expect(p.status.containerStatuses[0].image).toBe('reg/game:v2');
      expect(p.status.containerStatuses[0].restartCount).toBe(old.status.containerStatuses[0].restartCount + 1);
    }
  });

  it('a change after the operator looked: conflict with what changed, nothing written', async () => {
    pausedCanary();
    const plan = approvePlan('sim-a', GD, s.h.gd('gw'));
    s.h.store.mutate(T.gameDeployment, 'game', 'gw', (o) => ({
      ...o,
      metadata: { ...o.metadata, labels: { ...o.metadata.labels, touched: 'yes' } },
    }));
    const rv = s.h.gd('gw').metadata.resourceVersion;
    const err = await execute(plan, opts(s.admin)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ActionConflict);
    expect((err as ActionConflict).kind).toBe('Conflict');
    expect((err as ActionConflict).changes).toEqual([
      `resourceVersion changed (${plan.preconditions.resourceVersion} -> ${rv}): someone else acted`,
    ]);
    expect(s.h.gd('gw').metadata.resourceVersion).toBe(rv);
    expect(s.h.gd('gw').spec.updateStrategy.paused).toBe(true);
    expect(events()).toHaveLength(0);
    expect(auditLines()).toHaveLength(0);
  });

  it('a step that advanced since: conflict names the step index', async () => {
    s.h.store.create(T.gameDeployment, gameDeployment('gw', 4, 'reg/gw:v1', { type: 'RollingUpdate', canary: { steps: STEPS } }));
    s.h.advance(10_000);
    setImage(s.h, 'gd', 'gw', 'reg/gw:v2');
    s.h.advance(20_000);
    const plan = approvePlan('sim-a', GD, s.h.gd('gw'));
    s.h.patchSpec('gd', 'gw', (sp) => (sp.updateStrategy.paused = false)); // someone else approved
    s.h.advance(20_000);
    const err = (await execute(plan, opts(s.admin)).catch((e: unknown) => e)) as ActionConflict;
    expect(err).toBeInstanceOf(ActionConflict);
    expect(err.changes[0]).toBe('step index 1 -> 3');
    expect(err.message).toMatch(/nothing was written/);
  });

  /** A client whose every patch is preceded by `race` (another writer landing after the precondition read). */
  const racingClient = (race: (n: number) => void): ClusterClient => {
    const racing: ClusterClient = Object.create(s.admin) as ClusterClient;
    let n = 0;
    racing.patch = async (...args: Parameters<ClusterClient['patch']>) => {
      race(++n);
      return s.admin.patch(...args);
    };
    return racing;
  };
  const touchLabels = () =>
    s.h.store.mutate(T.gameDeployment, 'game', 'gw', (o) => ({
      ...o,
      metadata: { ...o.metadata, labels: { ...o.metadata.labels, raced: String(Number(o.metadata.labels?.raced ?? 0) + 1) } },
    }));
  const statusWrite = () =>
    s.h.store.mutate(
      T.gameDeployment,
      'game',
      'gw',
      (o) => ({ ...o, status: { ...o.status, observedGeneration: o.metadata.generation } }),
      {
        subresource: 'status',
      },
    );
  /** The generation the real planners record (kinds/plan/compose.ts seen()); the hand-built plans omit it. */
  const withGeneration = <P extends { preconditions: { generation?: number } }>(plan: P): P => {
    plan.preconditions.generation = s.h.gd('gw').metadata.generation;
    return plan;
  };

  it('a controller status write between the re-read and the patch: the server refuses (409), zonectl reads again and the write lands once', async () => {
    pausedCanary();
    const plan = withGeneration(approvePlan('sim-a', GD, s.h.gd('gw')));
    const racing = racingClient((n) => n === 1 && statusWrite());
    const res = await execute(plan, opts(racing));
    expect(res.writes).toHaveLength(1);
    expect(s.h.gd('gw').spec.updateStrategy.paused).toBe(false);
    expect(s.h.gd('gw').metadata.annotations?.[AUDIT_ANNOTATION]).toContain('approve');
    expect(auditLines()).toHaveLength(1);
  });

  it('a writer that keeps racing: after 3 sends the server refusal (409) stands, nothing written', async () => {
    pausedCanary();
    const plan = withGeneration(approvePlan('sim-a', GD, s.h.gd('gw')));
    let sends = 0;
    const racing = racingClient(() => {
      sends++;
      touchLabels();
    });
    const err = (await execute(plan, opts(racing)).catch((e: unknown) => e)) as ActionConflict;
    expect(err).toBeInstanceOf(ActionConflict);
    expect(err.status).toBe(409);
    expect(sends).toBe(3);
    expect(s.h.gd('gw').spec.updateStrategy.paused).toBe(true);
    expect(s.h.gd('gw').metadata.annotations?.[AUDIT_ANNOTATION]).toBeUndefined();
    expect(events()).toHaveLength(0);
  });

  it('a spec change between the re-read and the patch: the read after the refusal names it, nothing written', async () => {
    pausedCanary();
    const plan = withGeneration(approvePlan('sim-a', GD, s.h.gd('gw')));
    const before = s.h.gd('gw').metadata.generation!;
    const racing = racingClient((n) => n === 1 && s.h.patchSpec('gd', 'gw', (sp) => (sp.replicas = 5)));
    const err = (await execute(plan, opts(racing)).catch((e: unknown) => e)) as ActionConflict;
    expect(err).toBeInstanceOf(ActionConflict);
    expect(err.changes).toEqual([`spec changed (generation ${before} -> ${before + 1}): someone else acted`]);
    expect(s.h.gd('gw').spec.updateStrategy.paused).toBe(true);
    expect(events()).toHaveLength(0);
  });

  it('the same race on a JSON patch: the test op fails (422), zonectl reads again; a writer that keeps racing gets a conflict', async () => {
    pausedCanary();
    const plan = withGeneration(imagePlan('reject', 'sim-a', GD, s.h.gd('gw'), 'main', 'reg/gw:v1'));
    const err = (await execute(plan, opts(racingClient(touchLabels))).catch((e: unknown) => e)) as ActionConflict;
    expect(err).toBeInstanceOf(ActionConflict);
    expect(err.status).toBe(422);
    expect(s.h.gd('gw').spec.template.spec.containers[0].image).toBe('reg/gw:v2');
    const once = withGeneration(imagePlan('reject', 'sim-a', GD, s.h.gd('gw'), 'main', 'reg/gw:v1'));
    await execute(once, opts(racingClient((n) => n === 1 && statusWrite())));
    expect(s.h.gd('gw').spec.template.spec.containers[0].image).toBe('reg/gw:v1');
  });

  it('viewer is refused by the access review before any write', async () => {
    pausedCanary();
    const rv = s.h.gd('gw').metadata.resourceVersion;
    const err = (await execute(approvePlan('sim-a', GD, s.h.gd('gw')), opts(s.viewer)).catch((e: unknown) => e)) as ActionForbidden;
    expect(err).toBeInstanceOf(ActionForbidden);
    expect(err.kind).toBe('Forbidden');
    expect(err.message).toContain('patch gamedeployments.tkex.tencent.com game/gw');
    expect(s.h.gd('gw').metadata.resourceVersion).toBe(rv);
    expect(events()).toHaveLength(0);
    expect(auditLines()).toHaveLength(0);
  });

  it('dry-run sends dryRun=All and leaves no change, annotation, Event or log line', async () => {
    pausedCanary();
    const before = s.h.gd('gw');
    const res = await execute(approvePlan('sim-a', GD, before), opts(s.admin, { dryRun: true }));
    expect(res.dryRun).toBe(true);
    expect(res.writes).toHaveLength(1);
    expect(res.primary?.spec.updateStrategy.paused).toBe(false); // what the server would store
    const after = s.h.gd('gw');
    expect(after.metadata.resourceVersion).toBe(before.metadata.resourceVersion);
    expect(after.spec.updateStrategy.paused).toBe(true);
    expect(after.metadata.annotations?.[AUDIT_ANNOTATION]).toBeUndefined();
    expect(events()).toHaveLength(0);
    expect(auditLines()).toHaveLength(0);
  });

  it('read-only mode refuses before any request', async () => {
    pausedCanary();
    const before = s.h.gd('gw');
    const err = await execute(approvePlan('sim-a', GD, before), opts(s.admin, { readOnly: 'config readOnly: true' })).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ReadOnlyError);
    expect((err as Error).message).toBe('sim-a: read-only (config readOnly: true): refusing to change anything');
    expect(s.h.gd('gw').metadata.resourceVersion).toBe(before.metadata.resourceVersion);
  });
});

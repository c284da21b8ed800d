// Issue 12 on the simulator over HTTP: delete a pod (its GameStatefulSet recreates it under the same
// name; a pod replaced since the plan is not deleted again), restart a workload (its pods roll to a
// new revision), a shell's access review and audit, and the story's Events (the controller's and
// zonectl's own), all through the one ActionService.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActionConflict, ActionForbidden, ReadOnlyError } from '../../source/actions/errors.js';
import { ActionService } from '../../source/actions/service.js';
import { AccessCache } from '../../source/actions/access.js';
import { loadStory, storyEventRows } from '../../source/app/story.js';
import { DEFAULT_CONFIG } from '../../source/config/config.js';
import type { ClusterClient } from '../../source/kube/client-api.js';
import { T } from '../../source/sim/controllers/kinds.js';
import { simActions, type SimActions } from './actions-helpers.js';
import { gameStatefulSet } from './controllers-helpers.js';

let s: SimActions;
let dir: string;
const NS = 'game';

function service(client: ClusterClient, readOnlyFlag = false): ActionService {
  return new ActionService({
    client: () => client,
    config: DEFAULT_CONFIG,
    readOnlyFlag,
    access: new AccessCache(),
    auditFile: join(dir, 'audit.jsonl'),
  });
}

const pod = (name: string) => s.h.store.get(T.pod, NS, name);
const events = () => s.h.store.list(T.event, { namespace: NS }).items;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zonectl-story-'));
  s = await simActions('sim-a', NS);
  s.h.c.rt.recordEvents = true;
  s.h.store.create(T.gameStatefulSet, gameStatefulSet('game-1', 3, 'r/game:1.0.0', { type: 'RollingUpdate' }));
  s.h.advance(20_000);
});

afterAll(async () => {
  await s.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('delete pod on the simulator', () => {
  it('the GameStatefulSet recreates it under the same name; an Event and the local audit line record it', async () => {
    const before = pod('game-1-1')!;
    const svc = service(s.admin);
    const planned = await svc.planPod({ cluster: 'sim-a', namespace: NS, name: 'game-1-1' }, 'delete-pod');
    expect(planned.plan.details).toEqual(['GameStatefulSet/game-1 recreates it with the same name (and its volumes)']);
    const res = await svc.run(planned, { confirmed: 'yes' });
    expect(res.writes.map((w) => w.describe)).toEqual([`delete (precondition uid ${before.metadata.uid}`.concat(')')]);
    expect(res.eventName).toBeDefined();
    s.h.advance(20_000);
    const after = pod('game-1-1')!;
    expect(after.metadata.uid).not.toBe(before.metadata.uid);
    expect(after.status?.phase).toBe('Running');
    const ours = events().filter((e) => e.reason === 'ZonectlDeletePod');
    expect(ours).toHaveLength(1);
    expect(ours[0].involvedObject).toMatchObject({ kind: 'Pod', name: 'game-1-1', uid: before.metadata.uid });
    const audit = readFileSync(join(dir, 'audit.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(audit.at(-1)).toMatchObject({ action: 'delete-pod', kind: 'Pod', name: 'game-1-1', outcome: 'ok' });
  });

  it('a pod replaced under the same name since the plan is not deleted again (conflict, exit 5)', async () => {
    const svc = service(s.admin);
    const planned = await svc.planPod({ cluster: 'sim-a', namespace: NS, name: 'game-1-0' }, 'delete-pod');
    s.h.store.delete(T.pod, NS, 'game-1-0');
    s.h.advance(20_000);
    const replaced = pod('game-1-0')!;
    await expect(svc.run(planned, { confirmed: 'yes' })).rejects.toBeInstanceOf(ActionConflict);
    expect(pod('game-1-0')!.metadata.uid).toBe(replaced.metadata.uid);
  });

  it('the story of the workload merges the controller Events and zonectl own, newest first', async () => {
    const story = await loadStory(
      s.admin,
      { cluster: 'sim-a', namespace: NS, target: { type: 'workload', kind: 'GameStatefulSet', name: 'game-1' } },
      { zoneLabel: 'zonectl.io/zone' },
    );
    expect(story.pods.map((p) => p.metadata.name)).toEqual(['game-1-0', 'game-1-1', 'game-1-2']);
    const rows = await storyEventRows(s.admin, story);
    const reasons = rows.map((r) => `${r.object} ${r.reason}`);
    expect(reasons).toContain('Pod/game-1-1 ZonectlDeletePod');
    expect(reasons).toContain('GameStatefulSet/game-1 SuccessfulCreate');
    expect(rows.map((r) => r.last)).toEqual([...rows.map((r) => r.last)].sort().reverse());
  });
});

describe('restart on the simulator', () => {
  it('a RollingUpdate GameStatefulSet rolls every pod to a new revision, names kept', async () => {
    const uids = ['game-1-0', 'game-1-1', 'game-1-2'].map((n) => pod(n)!.metadata.uid);
    const svc = service(s.admin);
    const planned = await svc.plan({ cluster: 'sim-a', kind: 'GameStatefulSet', namespace: NS, name: 'game-1' }, 'restart');
    expect(planned.plan.requiresForce).toBeUndefined();
    await svc.run(planned, { confirmed: 'yes' });
    s.h.advance(60_000);
    const w = s.h.gsts('game-1');
    expect(w.spec.template.metadata.annotations['kubectl.kubernetes.io/restartedAt']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const now = ['game-1-0', 'game-1-1', 'game-1-2'].map((n) => pod(n)!);
    for (let i = 0; i < 3; i++) expect(now[i].metadata.uid).not.toBe(uids[i]);
    expect(new Set(now.map((p) => p.metadata.labels?.['controller-revision-hash']))).toEqual(new Set([w.status.updateRevision]));
  });
});

describe('shell: access review, read-only, audit', () => {
  it('the viewer is refused by the pods/exec access review; nothing is recorded', async () => {
    const svc = service(s.viewer);
    const planned = await svc.planPod({ cluster: 'sim-a', namespace: NS, name: 'game-1-2' }, 'shell');
    const n = events().length;
    await expect(svc.run(planned, { confirmed: 'yes' })).rejects.toBeInstanceOf(ActionForbidden);
    expect(events()).toHaveLength(n);
  });

  it('read-only mode refuses before reading', async () => {
    await expect(service(s.admin, true).planPod({ cluster: 'sim-a', namespace: NS, name: 'game-1-2' }, 'shell')).rejects.toBeInstanceOf(
      ReadOnlyError,
    );
  });

  it('the admin passes; the run writes nothing but the Event on the pod, and hands back the command', async () => {
    const svc = service(s.admin);
    const planned = await svc.planPod({ cluster: 'sim-a', namespace: NS, name: 'game-1-2' }, 'shell', { reason: 'debug lag' });
    const rv = pod('game-1-2')!.metadata.resourceVersion;
    const res = await svc.run(planned, { confirmed: 'yes' });
    expect(res.writes).toEqual([]);
    expect(res.access.map((a) => a.allowed)).toEqual([true, true]);
    expect(planned.plan.exec?.command).toEqual([
      'kubectl',
      'exec',
      '-it',
      '-n',
      NS,
      'game-1-2',
      '-c',
      'main',
      '--context',
      'sim-a',
      '--',
      'sh',
    ]);
    expect(pod('game-1-2')!.metadata.resourceVersion).toBe(rv);
    const ev = events().find((e) => e.reason === 'ZonectlShell');
    expect(ev?.message).toContain('debug lag');
  });
});

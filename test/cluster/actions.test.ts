// The executor against a real kube-apiserver with the project's CRD fixtures: the exact patches land
// as planned (merge with metadata.resourceVersion, JSON patch with a leading `test`, status
// subresource + separate annotation patch), a failed `test` is a conflict, RBAC denies `viewer`,
// dry-run changes nothing. Each test works on its own copy of a fixture object (the federation is shared).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { KINDS } from '../../source/kinds/registry.js';
import type { Plan, PlanStep, PlanTarget } from '../../source/kinds/plan/types.js';
import { AccessCache } from '../../source/actions/access.js';
import { AUDIT_ANNOTATION } from '../../source/actions/audit.js';
import { ActionConflict, ActionForbidden } from '../../source/actions/errors.js';
import { execute } from '../../source/actions/execute.js';
import { whoAmI } from '../../source/actions/identity.js';
import type { ClusterClient } from '../../source/kube/client-api.js';
import { HttpClusterClient } from '../../source/kube/client.js';
import { loadKubeconfig } from '../../source/kube/kubeconfig.js';
import { type KubeObject, type ResourceType, resourcePath } from '../../source/kube/object.js';
import { clusterClient } from './harness.js';
import { planAction } from '../../source/kinds/plans.js';
import { loadWorkload } from '../../source/actions/load.js';
import { runAction, actionHelp } from '../../commands/action-common.js';
import { PassThrough } from 'node:stream';
import './provided.js';

const kubeconfig = inject('zonectlKubeconfig');
const [cluster] = inject('zonectlContexts');
const [viewerContext] = inject('zonectlViewerContexts');
const ns = inject('zonectlNamespace');
const raw = clusterClient(kubeconfig, cluster);
let admin: HttpClusterClient;
let viewer: HttpClusterClient;
let auditDir: string;

beforeAll(async () => {
  const kc = loadKubeconfig([kubeconfig]);
  admin = new HttpClusterClient(cluster, kc.forContext(cluster));
  viewer = new HttpClusterClient(viewerContext, kc.forContext(viewerContext));
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  auditDir = join(mkdtempSync(join(tmpdir(), 'zonectl-audit-')), 'audit.jsonl');
});
// Copies are deleted afterwards: other files in this tier list the fixture namespace and expect only the fixtures.
const copies: Array<{ type: ResourceType; name: string }> = [];
afterAll(async () => {
  for (const c of copies) await raw.request('DELETE', resourcePath(c.type, { namespace: ns, name: c.name }));
  admin?.close();
  viewer?.close();
});

/** A copy of a fixture object under a fresh name, status written through /status like the fixtures. */
async function copyOf(type: ResourceType, name: string): Promise<KubeObject> {
  const src = (await raw.request('GET', resourcePath(type, { namespace: ns, name }))).json as KubeObject;
  const copyName = `${name}-act-${randomBytes(3).toString('hex')}`;
  const { status, metadata } = src;
  const body = {
    apiVersion: src.apiVersion,
    kind: src.kind,
    metadata: { name: copyName, namespace: ns, labels: metadata.labels },
    spec: src.spec,
  };
  const made = await raw.request('POST', resourcePath(type, { namespace: ns }), body);
  expect(made.status, made.text).toBe(201);
  copies.push({ type, name: copyName });
  if (status) {
    const st = await raw.request('PUT', resourcePath(type, { namespace: ns, name: copyName, subresource: 'status' }), {
      ...made.json,
      status,
    });
    expect(st.status, st.text).toBe(200);
    return st.json as KubeObject;
  }
  return made.json as KubeObject;
}

async function get(type: ResourceType, name: string): Promise<KubeObject> {
  return (await raw.request('GET', resourcePath(type, { namespace: ns, name }))).json as KubeObject;
}

function planOf(
  action: Plan['action'],
  type: ResourceType,
  obj: KubeObject,
  steps: Array<Omit<PlanStep, 'target'> & { target?: PlanTarget }>,
  pre: Partial<Plan['preconditions']> = {},
  context = cluster,
): Plan {
  const primary: PlanTarget = { cluster: context, type, namespace: ns, name: obj.metadata.name! };
  const full = steps.map((s) => ({ ...s, target: s.target ?? primary }));
  return {
    action,
    primary,
    preconditions: { resourceVersion: obj.metadata.resourceVersion!, ...pre },
    steps: full,
    summary: `${action} ${type.kind} ${ns}/${primary.name} on ${cluster}`,
    details: [],
    card: { cluster, namespace: ns, kind: type.kind, name: primary.name },
    warnings: [],
    access: full.map((s) => ({
      verb: 'patch',
      group: s.target.type.group,
      resource: s.target.type.resource,
      subresource: s.subresource,
      namespace: ns,
      name: s.target.name,
    })),
  };
}

const opts = (client: ClusterClient, extra: Record<string, unknown> = {}) => ({
  client,
  user: 'admin',
  reason: 'cluster tier',
  auditFile: auditDir,
  access: new AccessCache(),
  ...extra,
});

async function zonectlEvents(name: string): Promise<KubeObject[]> {
  const r = await raw.request(
    'GET',
    `${resourcePath(KINDS.Event, { namespace: ns })}?fieldSelector=${encodeURIComponent(`involvedObject.name=${name}`)}`,
  );
  return ((r.json?.items ?? []) as KubeObject[]).filter((e) => (e as any).source?.component === 'zonectl');
}

describe('actions on a real kube-apiserver', () => {
  it('knows who is acting (SelfSubjectReview)', async () => {
    expect(await whoAmI(admin)).toBe('admin');
    expect(await whoAmI(viewer)).toBe('viewer');
  });

  it('bk-bcs approve: merge patch with metadata.resourceVersion lands exactly; annotation + Event', async () => {
    const gss = await copyOf(KINDS.GameStatefulSet, 'game-102');
    const plan = planOf(
      'approve',
      KINDS.GameStatefulSet,
      gss,
      [{ patchType: 'merge', body: { spec: { updateStrategy: { paused: false } } }, describe: 'paused: true -> false' }],
      {
        stepIndex: gss.status.currentStepIndex,
        updateRevision: gss.status.updateRevision,
      },
    );
    const res = await execute(plan, opts(admin));
    const after = await get(KINDS.GameStatefulSet, gss.metadata.name!);
    expect(after.spec.updateStrategy.paused).toBe(false);
    // nothing else in spec changed
    expect({ ...after.spec, updateStrategy: { ...after.spec.updateStrategy, paused: gss.spec.updateStrategy.paused } }).toEqual(gss.spec);
    expect(after.status).toEqual(gss.status);
    expect(JSON.parse(after.metadata.annotations![AUDIT_ANNOTATION])).toMatchObject({
      action: 'approve',
      by: 'admin',
      reason: 'cluster tier',
    });
    expect(res.primary?.metadata.resourceVersion).toBe(after.metadata.resourceVersion);
    const ev = await zonectlEvents(gss.metadata.name!);
    expect(ev).toHaveLength(1);
    expect(ev[0]).toMatchObject({
      reason: 'ZonectlApprove',
      type: 'Normal',
      involvedObject: { kind: 'GameStatefulSet', uid: gss.metadata.uid },
    });
  });

  it('image change: JSON patch with test ops lands; a stale resourceVersion test fails as a conflict with no write', async () => {
    const gd = await copyOf(KINDS.GameDeployment, 'gateway-102');
    const path = '/spec/template/spec/containers/0/image';
    const ops = [
      { op: 'test', path, value: 'registry.example.com/project1/service:1.4.0' },
      { op: 'replace', path, value: 'registry.example.com/project1/service:1.5.0' },
    ];
    // With the generation the real planners record, so a metadata-only race passes the re-read.
    const plan = planOf('hotupdate', KINDS.GameDeployment, gd, [{ patchType: 'json', body: ops, describe: 'image 1.4.0 -> 1.5.0' }], {
      generation: gd.metadata.generation,
    });
    // Another writer right after each of the executor's reads: after 3 sends the refusal stands.
    const racing: ClusterClient = Object.create(admin) as ClusterClient;
    let sends = 0;
    racing.patch = async (...args: Parameters<ClusterClient['patch']>) => {
      sends++;
      const r = await raw.request(
        'PATCH',
        resourcePath(KINDS.GameDeployment, { namespace: ns, name: gd.metadata.name }),
        { metadata: { labels: { raced: `r${sends}` } } },
        'application/merge-patch+json',
      );
      expect(r.status).toBe(200);
      return admin.patch(...args);
    };
    const err = (await execute(plan, opts(racing)).catch((e: unknown) => e)) as ActionConflict;
    expect(err).toBeInstanceOf(ActionConflict);
    expect(err.kind).toBe('Conflict');
    expect(err.status).toBe(422);
    expect(sends).toBe(3);
    let now = await get(KINDS.GameDeployment, gd.metadata.name!);
    expect(now.spec.template.spec.containers[0].image).toBe('registry.example.com/project1/service:1.4.0');
    expect(now.metadata.annotations?.[AUDIT_ANNOTATION]).toBeUndefined();
    // Planned again from the fresh object, it lands.
    const again = planOf('hotupdate', KINDS.GameDeployment, now, [{ patchType: 'json', body: ops, describe: 'image 1.4.0 -> 1.5.0' }]);
    const res = await execute(again, opts(admin));
    now = await get(KINDS.GameDeployment, gd.metadata.name!);
    expect(now.spec.template.spec.containers[0].image).toBe('registry.example.com/project1/service:1.5.0');
    expect(now.metadata.generation).toBe(gd.metadata.generation! + 1);
    expect((res.writes[0].body as any[])[0]).toEqual({
      op: 'test',
      path: '/metadata/resourceVersion',
      value: again.preconditions.resourceVersion,
    });
    expect(JSON.parse(now.metadata.annotations![AUDIT_ANNOTATION]).action).toBe('hotupdate');
  });

  it('a stale merge patch gets 409 from the server: read again after a status write and lands; a writer that keeps racing gets the conflict', async () => {
    const gd = await copyOf(KINDS.GameDeployment, 'gateway-101');
    const hold = (obj: KubeObject) =>
      planOf(
        'hold',
        KINDS.GameDeployment,
        obj,
        [{ patchType: 'merge', body: { spec: { updateStrategy: { partition: 2 } } }, describe: 'partition 0 -> 2' }],
        { generation: obj.metadata.generation },
      );
    /** A client whose patches follow another write to the object (`body` to `subresource`) while `when(n)`. */
    const racingWith = (body: (n: number) => unknown, subresource: string | undefined, when: (n: number) => boolean): ClusterClient => {
      const racing: ClusterClient = Object.create(admin) as ClusterClient;
      let n = 0;
      racing.patch = async (...args: Parameters<ClusterClient['patch']>) => {
        if (when(++n)) {
          const r = await raw.request(
            'PATCH',
            resourcePath(KINDS.GameDeployment, { namespace: ns, name: gd.metadata.name, subresource }),
            body(n),
            'application/merge-patch+json',
          );
          expect(r.status).toBe(200);
        }
        return admin.patch(...args);
      };
      return racing;
    };
    let round = 0;
    const err = (await execute(
      hold(gd),
      // A new value each time: a patch that changes nothing leaves the resourceVersion as it was.
      opts(
        racingWith(
          (n) => ({ metadata: { labels: { raced: `r${n}` } } }),
          undefined,
          () => (round++, true),
        ),
      ),
    ).catch((e: unknown) => e)) as ActionConflict;
    expect(err).toBeInstanceOf(ActionConflict);
    expect(err.status).toBe(409);
    expect(round).toBe(3);
    expect((await get(KINDS.GameDeployment, gd.metadata.name!)).spec.updateStrategy.partition).toBe(0);
    // A controller's status write in the window (once): zonectl reads again, re-checks and the write lands.
    const now = await get(KINDS.GameDeployment, gd.metadata.name!);
    let sends = 0;
    const res = await execute(
      hold(now),
      opts(
        racingWith(
          () => ({ status: { observedGeneration: now.metadata.generation! + 7 } }),
          'status',
          (n) => ((sends = n), n === 1),
        ),
      ),
    );
    expect(res.writes).toHaveLength(1);
    expect(sends).toBe(2);
    const after = await get(KINDS.GameDeployment, gd.metadata.name!);
    expect(after.spec.updateStrategy.partition).toBe(2);
    expect(after.metadata.generation).toBe(now.metadata.generation! + 1);
    expect(after.status.observedGeneration).toBe(now.metadata.generation! + 7);
  });

  it('Argo abort: status-subresource patch guarded by resourceVersion, then a separate annotation patch', async () => {
    const ro = await copyOf(KINDS.Rollout, 'web');
    const plan = planOf('reject', KINDS.Rollout, ro, [
      { subresource: 'status', patchType: 'merge', body: { status: { abort: true } }, describe: 'status.abort: true' },
    ]);
    const res = await execute(plan, opts(admin));
    expect(res.writes.map((w) => [w.subresource ?? '', w.audit === true])).toEqual([
      ['status', false],
      ['', true],
    ]);
    const after = await get(KINDS.Rollout, ro.metadata.name!);
    expect(after.status.abort).toBe(true);
    expect(after.spec).toEqual(ro.spec);
    expect(JSON.parse(after.metadata.annotations![AUDIT_ANNOTATION]).action).toBe('reject');
  });

  it('Kruise approve: StepPaused -> StepReady on the status subresource', async () => {
    const kr = await copyOf(KINDS.KruiseRollout, 'matchmaker');
    const plan = planOf(
      'approve',
      KINDS.KruiseRollout,
      kr,
      [
        {
          subresource: 'status',
          patchType: 'merge',
          body: { status: { canaryStatus: { currentStepState: 'StepReady' } } },
          describe: 'StepPaused -> StepReady',
        },
      ],
      {
        stepIndex: 0, // the model's 0-based index of Kruise's 1-based currentStepIndex 1
        updateRevision: '5f9b7c8d6',
      },
    );
    await execute(plan, opts(admin));
    const after = await get(KINDS.KruiseRollout, kr.metadata.name!);
    expect(after.status.canaryStatus.currentStepState).toBe('StepReady');
    expect(after.status.canaryStatus.currentStepIndex).toBe(1);
  });

  it('viewer: the access review denies patch; nothing is written (and the server agrees)', async () => {
    const gd = await copyOf(KINDS.GameDeployment, 'gateway-101');
    const plan = planOf(
      'hold',
      KINDS.GameDeployment,
      gd,
      [{ patchType: 'merge', body: { spec: { updateStrategy: { partition: 2 } } }, describe: 'partition 0 -> 2' }],
      {},
      viewerContext,
    );
    const err = (await execute(plan, opts(viewer)).catch((e: unknown) => e)) as ActionForbidden;
    expect(err).toBeInstanceOf(ActionForbidden);
    expect(err.kind).toBe('Forbidden');
    expect(err.denied[0].describe).toBe(`patch gamedeployments.tkex.tencent.com ${ns}/${gd.metadata.name}`);
    const after = await get(KINDS.GameDeployment, gd.metadata.name!);
    expect(after.metadata.resourceVersion).toBe(gd.metadata.resourceVersion);
    const direct = await clusterClient(kubeconfig, viewerContext).request(
      'PATCH',
      resourcePath(KINDS.GameDeployment, { namespace: ns, name: gd.metadata.name }),
      { spec: { updateStrategy: { partition: 2 } } },
      'application/merge-patch+json',
    );
    expect(direct.status).toBe(403);
  });

  it('dry-run: the server validates the write and stores nothing; no annotation or Event', async () => {
    const hr = await copyOf(KINDS.HookRun, 'canary-game-102-6d5f7c8b9-1-check-online');
    const plan = planOf(
      'skip-hook',
      KINDS.HookRun,
      hr,
      [{ patchType: 'merge', body: { spec: { terminate: true } }, describe: 'terminate' }],
      { hookRunName: hr.metadata.name },
    );
    if (hr.status?.phase !== 'Running') plan.preconditions.hookRunName = undefined;
    const res = await execute(plan, opts(admin, { dryRun: true }));
    expect(res.primary?.spec.terminate).toBe(true);
    const after = await get(KINDS.HookRun, hr.metadata.name!);
    expect(after.metadata.resourceVersion).toBe(hr.metadata.resourceVersion);
    expect(after.spec.terminate ?? false).toBe(false);
    expect(after.metadata.annotations?.[AUDIT_ANNOTATION]).toBeUndefined();
    expect(await zonectlEvents(hr.metadata.name!)).toHaveLength(0);
  });

  it('adapter plans (planAction) land as planned: bk-bcs hook-step approve and Argo promote', async () => {
    const gss = await copyOf(KINDS.GameStatefulSet, 'game-102');
    const l = await loadWorkload(admin, 'GameStatefulSet', ns, gss.metadata.name!);
    const planned = planAction({ action: 'approve' }, l.input);
    expect(planned.ok).toBe(true);
    if (!planned.ok) return;
    const res = await execute(planned.plan, opts(admin));
    expect(res.writes).toHaveLength(1);
    const after = await get(KINDS.GameStatefulSet, gss.metadata.name!);
    expect(after.spec.updateStrategy.paused).toBe(false);
    expect(after.metadata.generation).toBe(gss.metadata.generation! + 1);

    const ro = await copyOf(KINDS.Rollout, 'web');
    const lr = await loadWorkload(admin, 'Rollout', ns, ro.metadata.name!);
    const pr = planAction({ action: 'approve' }, lr.input);
    expect(pr.ok).toBe(true);
    if (!pr.ok) return;
    const rr = await execute(pr.plan, opts(admin));
    expect(rr.writes.map((w) => w.subresource ?? 'main')).toEqual(['status', 'main']); // status, then the audit annotation
    const roAfter = await get(KINDS.Rollout, ro.metadata.name!);
    expect(roAfter.status.pauseConditions ?? null).toBeNull();
    expect(roAfter.spec).toEqual(ro.spec);
  });

  it("owners on real objects: a GameZone-generated workload's image is written to the GameZone and survives the CRD schema; Argo CD tracking is recognised", async () => {
    const gzType: ResourceType = {
      group: 'apps.example.com',
      version: 'v1alpha1',
      resource: 'gamezones',
      kind: 'GameZone',
      namespaced: true,
    };
    const gz = await copyOf(gzType, 'zone-101');
    const w = await copyOf(KINDS.GameStatefulSet, 'game-101');
    const owned = await raw.request(
      'PATCH',
      resourcePath(KINDS.GameStatefulSet, { namespace: ns, name: w.metadata.name! }),
      {
        metadata: {
          ownerReferences: [
            { apiVersion: 'apps.example.com/v1alpha1', kind: 'GameZone', name: gz.metadata.name, uid: gz.metadata.uid, controller: true },
          ],
        },
      },
      'application/merge-patch+json',
    );
    expect(owned.status, owned.text).toBe(200);
    const loaded = await loadWorkload(admin, 'GameStatefulSet', ns, w.metadata.name!);
    expect(loaded.info.owner).toMatchObject({ kind: 'GameZone', name: gz.metadata.name });
    expect(loaded.input.ownerObj?.metadata.uid).toBe(gz.metadata.uid);
    const container = (w.spec.template.spec.containers as Array<{ name: string }>)[0]!.name;
    const r = planAction({ action: 'hotupdate', container, image: 'registry.example.com/project1/service:1.4.9' }, loaded.input);
    if (!r.ok) throw new Error(r.reason);
    expect(r.plan.steps.map((st) => st.target.type.resource)).toEqual(['gamezones']);
    await execute(r.plan, opts(admin));
    const after = await get(gzType, gz.metadata.name!);
    expect(after.spec.gameZone.serviceConfig[0]).toEqual({ type: 'game', id: 1, image: 'registry.example.com/project1/service:1.4.9' });
    // The workload itself is the GameZone controller's to change (none runs here): only the audit annotation.
    const wl = await get(KINDS.GameStatefulSet, w.metadata.name!);
    expect(wl.spec.template.spec.containers[0].image).toBe(w.spec.template.spec.containers[0].image);
    expect(wl.metadata.annotations?.[AUDIT_ANNOTATION]).toContain('"action":"hotupdate"');

    const tracked = await copyOf(KINDS.GameStatefulSet, 'game-102');
    await raw.request(
      'PATCH',
      resourcePath(KINDS.GameStatefulSet, { namespace: ns, name: tracked.metadata.name! }),
      {
        metadata: {
          annotations: { 'argocd.argoproj.io/tracking-id': `games:tkex.tencent.com/GameStatefulSet:${ns}/${tracked.metadata.name}` },
        },
      },
      'application/merge-patch+json',
    );
    const t = await loadWorkload(admin, 'GameStatefulSet', ns, tracked.metadata.name!);
    expect(t.info.owner).toMatchObject({ kind: 'Argo CD', name: 'Application games' });
    const p = planAction({ action: 'hold' }, t.input);
    if (!p.ok) throw new Error(p.reason);
    expect(p.plan.requiresForce).toBe(true);
    expect(p.plan.warnings.at(-1)).toMatch(
      /^Argo CD Application games owns this workload's spec: this change is reverted on the next sync/,
    );
  });

  it('the commands: --yes works for admin, viewer exits 4, dry-run changes nothing', async () => {
    const gd = await copyOf(KINDS.GameDeployment, 'gateway-101');
    const saved = { ...process.env };
    process.env.ZONECTL_CONFIG = `${auditDir}.config.yaml`;
    process.env.XDG_STATE_HOME = `${auditDir}.state`;
    const cmd = async (action: Parameters<typeof runAction>[0], args: string[]) => {
      const stdin = Object.assign(new PassThrough(), { isTTY: false });
      const stdout = new PassThrough();
      const stderr = new PassThrough();
      let out = '';
      let err = '';
      stdout.on('data', (d) => (out += String(d)));
      stderr.on('data', (d) => (err += String(d)));
      const code = await runAction(action, ['--kubeconfig', kubeconfig, ...args], actionHelp(action, ''), { stdin, stdout, stderr });
      return { code, out, err };
    };
    try {
      const dry = await cmd('hold', [`gd/${gd.metadata.name}`, '--context', cluster, '--dry-run']);
      expect(dry.code).toBe(0);
      expect((await get(KINDS.GameDeployment, gd.metadata.name!)).metadata.resourceVersion).toBe(gd.metadata.resourceVersion);
      const denied = await cmd('hold', [`gd/${gd.metadata.name}`, '--context', viewerContext, '--yes']);
      expect(denied.code).toBe(4);
      expect(denied.err).toMatch(/^error: real-a-viewer: not allowed to patch gamedeployments\.tkex\.tencent\.com/);
      const held = await cmd('hold', [`gd/${gd.metadata.name}`, '--context', cluster, '--yes', '--reason', 'freeze']);
      expect(held.err).toBe('');
      expect(held.code).toBe(0);
      const after = await get(KINDS.GameDeployment, gd.metadata.name!);
      expect(after.spec.updateStrategy.partition).toBe(after.spec.replicas);
      expect(JSON.parse(after.metadata.annotations!['zonectl.io/hold']).previous).toBe(0);
      expect(JSON.parse(after.metadata.annotations![AUDIT_ANNOTATION])).toMatchObject({ action: 'hold', by: 'admin', reason: 'freeze' });
    } finally {
      process.env = saved;
    }
  });
});

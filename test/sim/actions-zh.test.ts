// An action run in 简体中文 on `zonectl demo`: the console's card and result line are Chinese, the
// records are not — the audit annotation, the release annotation and the Event zonectl writes, and
// the local audit log line, are English whatever the run's language (DESIGN §9, Plan.record).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessCache } from '../../source/actions/access.js';
import { AUDIT_ANNOTATION } from '../../source/actions/audit.js';
import { ConsoleActions } from '../../source/app/actions-port.js';
import { type Config, DEFAULT_CONFIG } from '../../source/config/config.js';
import { Fleet } from '../../source/fleet/fleet.js';
import { setLang } from '../../source/i18n/t.js';
import { loadKubeconfig } from '../../source/kube/kubeconfig.js';
import type { KubeObject, ResourceType } from '../../source/kube/object.js';
import { T } from '../../source/sim/controllers/kinds.js';
import { startDemo, type Demo } from '../../source/sim/demo.js';

const ARGO: ResourceType = { group: 'argoproj.io', version: 'v1alpha1', resource: 'rollouts', kind: 'Rollout', namespaced: true };

let demo: Demo;
let dir: string;
let cluster: string;
let ns: string;
let fleet: Fleet;
const saved = { ...process.env };

/** An Argo Rollout paused at its manual pause step (step 2 of 3). */
function argoRollout(name: string): KubeObject {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name, namespace: ns, generation: 1 },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: name } },
      template: { spec: { containers: [{ name, image: `registry.example.com/game/${name}:3.2.0` }] } },
      strategy: { canary: { steps: [{ setWeight: 20 }, { pause: {} }, { setWeight: 60 }] } },
    },
    status: {
      observedGeneration: '1',
      replicas: 3,
      updatedReplicas: 1,
      readyReplicas: 3,
      availableReplicas: 3,
      currentStepIndex: 1,
      currentPodHash: '6d4f8c7b9',
      stableRS: '5c9f7d6b8',
      phase: 'Paused',
      controllerPause: true,
      pauseConditions: [{ reason: 'CanaryPauseStep', startTime: new Date().toISOString() }],
    },
  };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zonectl-zh-'));
  process.env.XDG_STATE_HOME = join(dir, 'state');
  process.env.ZONECTL_CONFIG = join(dir, 'config.yaml');
  demo = await startDemo({ speed: 20, zones: 4, podsPerService: 2, kubeconfigPath: join(dir, 'kubeconfig') });
  ({ cluster, namespace: ns } = demo.world.scenarios.awaitingApproval!);
  demo.world.stores.get(cluster)!.create(ARGO, argoRollout('web'));
  fleet = Fleet.fromKubeconfig(loadKubeconfig([demo.kubeconfigPath]), [cluster], DEFAULT_CONFIG);
});
afterAll(async () => {
  setLang('en');
  fleet?.close();
  await demo?.stop();
  process.env = saved;
  rmSync(dir, { recursive: true, force: true });
});

const port = () =>
  new ConsoleActions({ fleet, config: { ...DEFAULT_CONFIG } as Config, access: new AccessCache(), auditFile: join(dir, 'audit.jsonl') });
const store = () => demo.world.stores.get(cluster)!;
const events = (name: string) =>
  store()
    .list(T.event, { namespace: ns })
    .items.filter((e) => (e as KubeObject & { involvedObject?: { name?: string } }).involvedObject?.name === name) as Array<
    KubeObject & { message?: string; reason?: string }
  >;
const auditLines = () =>
  readFileSync(join(dir, 'audit.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('an action in a zh-CN run', () => {
  it('approve (promote) of an Argo Rollout: a Chinese card and result, an English annotation, Event and log line', async () => {
    setLang('zh-CN');
    try {
      const p = port();
      const view = await p.plan({ cluster, kind: 'Rollout', namespace: ns, name: 'web' }, 'approve', { reason: '灰度正常' });
      expect(view.summary[0]).toBe('同意 Rollout/web');
      expect(view.summary).toContain('计划：');
      expect(view.summary).toContain(`  推进集群 ${cluster} 上的 Rollout ${ns}/web`);
      expect(view.summary).toContain('  第 2/3 步，已更新 1/3');
      const res = await p.run(view.plan, { reason: '灰度正常' });
      expect(res).toEqual({ ok: true, message: `推进集群 ${cluster} 上的 Rollout ${ns}/web：完成` });
    } finally {
      setLang('en');
    }
    const english = `promote Rollout ${ns}/web on ${cluster}`;
    const ann = JSON.parse(store().get(ARGO, ns, 'web')!.metadata.annotations![AUDIT_ANNOTATION]!) as Record<string, unknown>;
    expect(ann).toMatchObject({ action: 'approve', summary: english, reason: '灰度正常' });
    const ev = events('web');
    expect(ev).toHaveLength(1);
    expect(ev[0]).toMatchObject({ reason: 'ZonectlApprove' });
    expect(ev[0]!.message).toMatch(new RegExp(`^${english} \\(by [^;]+; reason: 灰度正常\\)$`));
    const line = auditLines().at(-1)!;
    expect(line).toMatchObject({ action: 'approve', summary: english, outcome: 'ok' });
    // The record's own words carry no Chinese but the operator's reason.
    expect(JSON.stringify({ ...line, reason: '' })).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('hold through the console: the result line is Chinese, the Event is English', async () => {
    setLang('zh-CN');
    let message: string;
    try {
      const p = port();
      const view = await p.plan({ cluster, kind: 'Rollout', namespace: ns, name: 'web' }, 'hold');
      expect(view.summary[0]).toBe('挂起 Rollout/web');
      expect(view.summary).toContain('  设置 spec.paused = true');
      message = (await p.run(view.plan)).message;
    } finally {
      setLang('en');
    }
    expect(message).toBe(`挂起集群 ${cluster} 上的 Rollout ${ns}/web：完成`);
    const held = events('web').find((e) => e.reason === 'ZonectlHold');
    expect(held?.message).toMatch(new RegExp(`^hold Rollout ${ns}/web on ${cluster} \\(by [^)]+\\)$`));
    expect(JSON.parse(store().get(ARGO, ns, 'web')!.metadata.annotations![AUDIT_ANNOTATION]!).summary).toBe(
      `hold Rollout ${ns}/web on ${cluster}`,
    );
  });
});

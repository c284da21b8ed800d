// The console's actions port against `zonectl demo`: keys disabled by RBAC and read-only mode with the
// reason; plan shows the approval card; run executes it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessCache } from '../../source/actions/access.js';
import { AUDIT_ANNOTATION } from '../../source/actions/audit.js';
import { ConsoleActions } from '../../source/app/actions-port.js';
import { type Config, DEFAULT_CONFIG } from '../../source/config/config.js';
import { Fleet } from '../../source/fleet/fleet.js';
import { loadKubeconfig } from '../../source/kube/kubeconfig.js';
import { T } from '../../source/sim/controllers/kinds.js';
import { startDemo, type Demo } from '../../source/sim/demo.js';

let demo: Demo;
let dir: string;
let fleet: Fleet;
let config: Config;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zonectl-port-'));
  demo = await startDemo({ speed: 20, zones: 6, podsPerService: 2, kubeconfigPath: join(dir, 'kubeconfig') });
  const s = demo.world.scenarios.awaitingApproval!;
  config = { ...DEFAULT_CONFIG, contexts: { [`${s.cluster}-viewer`]: { protected: true }, nanjing: { readOnly: true } } };
  fleet = Fleet.fromKubeconfig(loadKubeconfig([demo.kubeconfigPath]), [s.cluster, `${s.cluster}-viewer`, 'nanjing'], config);
});
afterAll(async () => {
  fleet?.close();
  await demo?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const port = () => new ConsoleActions({ fleet, config, access: new AccessCache(), auditFile: join(dir, 'audit.jsonl') });

describe('console actions port', () => {
  it('availability: admin may approve; viewer sees the key disabled with the RBAC reason; a read-only context disables all', async () => {
    const s = demo.world.scenarios.awaitingApproval!;
    const target = { cluster: s.cluster, kind: s.kind, namespace: s.namespace, name: s.name };
    const admin = await port().available(target);
    expect(admin.find((a) => a.action === 'approve')).toMatchObject({ possible: true });
    const viewer = await port().available({ ...target, cluster: `${s.cluster}-viewer` });
    expect(viewer.find((a) => a.action === 'approve')).toEqual({
      action: 'approve',
      possible: false,
      reason: `not allowed to patch gamestatefulsets.tkex.tencent.com ${s.namespace}/${s.name}`,
      refusal: 'forbidden',
    });
    const h = demo.world.scenarios.inconclusiveHook!;
    expect(h.cluster).toBe('nanjing');
    const ro = await port().available({ cluster: 'nanjing', kind: h.kind, namespace: h.namespace, name: h.name });
    expect(ro.filter((a) => a.possible)).toEqual([]);
    // One read-only rule and wording for the console and the commands (was "context nanjing is read-only").
    expect(ro.find((a) => a.action === 'approve')).toEqual({
      action: 'approve',
      possible: false,
      reason: 'read-only (config contexts.nanjing.readOnly)',
      refusal: 'read-only',
    });
  });

  it('plan shows the approval card; run approves and records the audit annotation', async () => {
    const s = demo.world.scenarios.awaitingApproval!;
    const p = port();
    const view = await p.plan({ cluster: s.cluster, kind: s.kind, namespace: s.namespace, name: s.name }, 'approve', {
      reason: 'from the console',
    });
    expect(view.summary[0]).toBe(`Approve GameStatefulSet/${s.name}`);
    expect(view.summary.join('\n')).toMatch(/^ {2}step +2\/3 \(pause/m);
    expect(view.confirmName).toBeUndefined();
    const res = await p.run(view.plan);
    expect(res).toEqual({ ok: true, message: `approve GameStatefulSet ${s.namespace}/${s.name} on ${s.cluster}: done` });
    const obj = demo.world.stores.get(s.cluster)!.get(T.gameStatefulSet, s.namespace, s.name)!;
    expect(JSON.parse(obj.metadata.annotations![AUDIT_ANNOTATION])).toMatchObject({ action: 'approve', reason: 'from the console' });
  });

  it('a protected context asks for the name; a denied run reports one sentence naming the cluster', async () => {
    const viewer = `${demo.world.scenarios.awaitingApproval!.cluster}-viewer`;
    const p = port();
    const a = demo.world.scenarios.awaitingApproval!;
    const view = await p.plan({ cluster: viewer, kind: a.kind, namespace: a.namespace, name: a.name }, 'hotupdate', {
      container: 'game',
      image: 'registry.example.com/project1/service:9.9.9',
    });
    expect(view.confirmName).toBe(a.name);
    const res = await p.run(view.plan);
    expect(res.ok).toBe(false);
    // The image of a GameZone service is written to its GameZone: that is the write the viewer may not make.
    expect(res.message).toMatch(new RegExp(`^${viewer}: not allowed to patch gamezones.apps.example.com ${a.namespace}/zone`));
  });
});

// zonectl diff against real kube-apiservers: defaulted fields are not drift, a changed image is Modified, a
// deleted object Missing, an owned extra Extra, an unknown field in Git is the server's warning, and a viewer
// without patch rights gets the client-side fallback and says so. Objects live in a namespace of their own.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { stringify } from 'yaml';
import { kubeTargets, type KubeTargets } from '../../source/gitops/kube-targets.js';
import { markdownReport, textReport } from '../../source/gitops/report.js';
import { runGitDiff } from '../../source/gitops/run.js';
import type { DiffReport, ObjectDiff } from '../../source/gitops/types.js';
import { loadKubeconfig } from '../../source/kube/kubeconfig.js';
import type { KubeObject } from '../../source/kube/object.js';
import { fixtureRepo, type FixtureRepo } from '../unit/gitops/git-fixture.js';
import './provided.js';

const kubeconfig = inject('zonectlKubeconfig');
const NS = `diff-${process.pid}`;
const APP = 'diffapp';
const MANAGER = 'argocd-controller';
const LABEL = { 'app.kubernetes.io/instance': APP };

const deployment = (image: string): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: NS, labels: LABEL },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: {
        containers: [{ name: 'web', image, ports: [{ containerPort: 8080 }], resources: { requests: { cpu: '0.5', memory: '1024Mi' } } }],
      },
    },
  },
});
const service: KubeObject = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', namespace: NS, labels: LABEL },
  spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] },
};
const cm = (name: string, data: Record<string, string>, extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: NS, labels: LABEL },
  data,
  ...extra,
});
const secret: KubeObject = {
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 'db', namespace: NS, labels: LABEL },
  stringData: { password: 'live-password-1' },
};
const zone = (pwd: string): KubeObject => ({
  apiVersion: 'apps.example.com/v1alpha1',
  kind: 'GameZone',
  metadata: { name: 'zone9', namespace: NS, labels: LABEL },
  spec: {
    gameZone: {
      zoneId: 909,
      defaultImage: 'registry.example.com/project1/service:0.1.0',
      serviceConfig: [{ type: 'game', id: 1 }],
      mysqlConfig: { ip: '192.168.1.100', port: 3306, user: 'u', pwd },
    },
  },
});

describe('diff against the real kube-apiserver', () => {
  let targets: KubeTargets;
  let fx: FixtureRepo;
  let report: DiffReport;
  const obj = (r: DiffReport, kind: string, name: string): ObjectDiff | undefined =>
    r.apps.flatMap((a) => a.objects).find((o) => o.kind === kind && o.name === name);

  beforeAll(async () => {
    targets = kubeTargets(loadKubeconfig([kubeconfig]));
    const admin = targets.client('real-a')!;
    await admin.request({
      method: 'POST',
      path: '/api/v1/namespaces',
      body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } },
    });
    const apply = (o: KubeObject, resource: string) => {
      const base = o.apiVersion!.includes('/') ? `/apis/${o.apiVersion}` : `/api/${o.apiVersion}`;
      return admin.request({
        method: 'PATCH',
        path: `${base}/namespaces/${NS}/${resource}/${o.metadata.name}`,
        query: { fieldManager: MANAGER, force: 'true' },
        body: JSON.stringify(o),
        contentType: 'application/apply-patch+yaml',
      });
    };
    // what the GitOps tool applied earlier
    await apply(deployment('registry.example.com/web:1.0'), 'deployments');
    await apply(service, 'services');
    await apply(cm('settings', { mode: 'prod' }), 'configmaps');
    await apply(cm('typo', { a: 'b' }), 'configmaps');
    await apply(cm('leftover', { old: 'true' }), 'configmaps'); // removed from Git later -> Extra
    await apply(cm('gone', { k: 'v' }), 'configmaps');
    await admin.request({ method: 'DELETE', path: `/api/v1/namespaces/${NS}/configmaps/gone` }); // deleted live -> Missing
    await apply(secret, 'secrets');
    await apply(zone('live-password-1'), 'gamezones');
    // an unmanaged object in the namespace (no tracking label): never Extra
    await admin.request({
      method: 'POST',
      path: `/api/v1/namespaces/${NS}/configmaps`,
      body: cm('someone-elses', { x: '1' }, { metadata: { name: 'someone-elses', namespace: NS } }),
    });
    // Git: image changed, 'gone' exists only in Git (deleted live), 'leftover' removed, 'typo' has an unknown field
    const docs = [
      deployment('registry.example.com/web:2.0'),
      service,
      cm('settings', { mode: 'prod' }),
      cm('typo', { a: 'b' }, { datta: { c: 'd' } }),
      cm('gone', { k: 'v' }),
      secret,
      zone('live-password-1'),
    ];
    fx = await fixtureRepo({
      'zonectl.yaml': stringify({
        fieldManager: MANAGER,
        tracking: { label: 'app.kubernetes.io/instance', inject: 'label' },
        apps: [{ name: APP, path: 'app', context: 'real-a', namespace: NS }],
      }),
      'app/all.yaml': docs.map((d) => stringify(d)).join('---\n'),
    });
    report = await runGitDiff({ repo: fx.dir }, targets);
  });
  afterAll(async () => {
    await targets
      ?.client('real-a')
      ?.request({ method: 'DELETE', path: `/api/v1/namespaces/${NS}` })
      .catch(() => undefined);
    targets?.close();
    fx?.cleanup();
  });

  it('reports exactly the introduced drift', () => {
    expect(report.errors).toEqual([]);
    expect(report.apps[0]!.error).toBeUndefined();
    const statuses = Object.fromEntries(report.apps[0]!.objects.map((o) => [`${o.kind}/${o.name}`, o.status]));
    expect(statuses).toEqual({
      'ConfigMap/gone': 'Missing',
      'ConfigMap/leftover': 'Extra',
      'ConfigMap/settings': 'Synced',
      'ConfigMap/typo': 'Synced',
      'Deployment/web': 'Modified',
      'GameZone/zone9': 'Synced',
      'Secret/db': 'Synced',
      'Service/web': 'Synced',
    });
  });

  it('defaulted fields (Deployment strategy, Service clusterIP, quantities) are not drift: the diff is the image only', () => {
    const web = obj(report, 'Deployment', 'web')!;
    expect(web.predictedBy).toBe('server-dry-run');
    expect(web.approximate).toBe(false);
    const changed = web.diff.split('\n').filter((l) => /^[+-]/.test(l) && !/^(\+\+\+|---)/.test(l));
    expect(changed).toEqual(['-        - image: registry.example.com/web:1.0', '+        - image: registry.example.com/web:2.0']);
    expect(obj(report, 'Service', 'web')!.predictedBy).toBe('server-dry-run');
  });

  it('a deleted object is Missing (not dry-run), an owned extra is Extra, an unmanaged one is ignored', () => {
    expect(obj(report, 'ConfigMap', 'gone')!.predictedBy).toBe('none');
    const extra = obj(report, 'ConfigMap', 'leftover')!;
    expect(extra.prune).toBe(true);
    expect(extra.diff).toMatch(/^-\s+old: "true"/m);
    expect(obj(report, 'ConfigMap', 'someone-elses')).toBeUndefined();
  });

  it("an unknown field in Git is the server's warning", () => {
    const typo = obj(report, 'ConfigMap', 'typo')!;
    expect(typo.warnings.join('\n')).toMatch(/unknown field "datta"/);
    expect(textReport(report)).toMatch(/server warning: unknown field "datta"/);
  });

  it('secrets stay masked and the markdown report shows the dry-run result', () => {
    const all = textReport(report) + markdownReport(report) + JSON.stringify(report);
    expect(all).not.toContain('live-password-1');
    expect(markdownReport(report)).toMatch(/\| diffapp \| real-a \| 🟢 success \|/);
  });

  it('a changed secret shows as changed, masked on both sides', async () => {
    await fx.commit({
      'app/all.yaml': [
        deployment('registry.example.com/web:2.0'),
        service,
        cm('settings', { mode: 'prod' }),
        { ...secret, stringData: { password: 'new-password-2' } },
        zone('new-password-2'),
      ]
        .map((d) => stringify(d))
        .join('---\n'),
    });
    const r = await runGitDiff({ repo: fx.dir }, targets);
    const s = obj(r, 'Secret', 'db')!;
    expect(s.status).toBe('Modified');
    const before = /^-\s+password: ("?\*\*\*\(hmac:[0-9a-f]{8}\)"?)$/m.exec(s.diff)?.[1];
    const after = /^\+\s+password: ("?\*\*\*\(hmac:[0-9a-f]{8}\)"?)$/m.exec(s.diff)?.[1];
    expect(before).toBeDefined();
    expect(after).toBeDefined();
    expect(before).not.toBe(after);
    const z = obj(r, 'GameZone', 'zone9')!;
    expect(z.status).toBe('Modified');
    expect(z.diff).toMatch(/^\+\s+pwd: "?\*\*\*\(hmac:[0-9a-f]{8}\)"?$/m);
    expect(JSON.stringify(r)).not.toMatch(/new-password-2|live-password-1/);
  });

  it('a viewer without patch rights gets the client-side fallback, marked approximate, with the same verdicts', async () => {
    const viewer = { ...targets, client: (c: string) => targets.client(`${c}-viewer`) };
    await fx.commit({
      'app/all.yaml': [
        deployment('registry.example.com/web:2.0'),
        service,
        cm('settings', { mode: 'prod' }),
        cm('gone', { k: 'v' }),
        secret,
        zone('live-password-1'),
      ]
        .map((d) => stringify(d))
        .join('---\n'),
    });
    const r = await runGitDiff({ repo: fx.dir }, viewer);
    expect(r.apps[0]!.error).toBeUndefined();
    const web = obj(r, 'Deployment', 'web')!;
    expect(web.status).toBe('Modified');
    expect(web.approximate).toBe(true);
    expect(web.predictedBy).not.toBe('server-dry-run');
    expect(web.note).toMatch(/client-side \(approximate\): no permission to dry-run \(patch deployments\.apps\)/);
    expect(textReport(r)).toMatch(/Modified \(approximate\)/);
    const verdicts = Object.fromEntries(r.apps[0]!.objects.map((o) => [`${o.kind}/${o.name}`, o.status]));
    expect(verdicts).toMatchObject({
      'Deployment/web': 'Modified',
      'Service/web': 'Synced',
      'ConfigMap/settings': 'Synced',
      'ConfigMap/gone': 'Missing',
      'ConfigMap/leftover': 'Extra',
      'Secret/db': 'Synced',
      'GameZone/zone9': 'Synced',
    });
  });
});

// Renderers on fixture repos created with git: plain YAML (multi-doc, List, errors with file/document/line),
// kustomize (kubectl's built-in kustomize) and a Helm chart with value files layered general -> cluster -> app.
// Helm/kubectl come from the tools cache (test/cluster/tools/build-{helm,kubectl}.sh) or PATH.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMapping } from '../../../source/gitops/mapping.js';
import { renderApp, type RenderContext } from '../../../source/gitops/render.js';
import { openRepo, type RepoSnapshot } from '../../../source/gitops/repo.js';
import { fixtureRepo, type FixtureRepo } from './git-fixture.js';
import { HELM, KUBECTL } from './tools-path.js';

const CHART = {
  'appdemo/Chart.yaml': 'apiVersion: v2\nname: appdemo\nversion: 0.1.0\n',
  'appdemo/values.yaml': 'image: registry.example.com/app:0.1.0\nreplicas: 1\nlogLevel: warn\nregion: none\n',
  'appdemo/templates/deploy.yaml': [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: {{ .Values.fullnameOverride }}',
    '  namespace: {{ .Release.Namespace }}',
    '  labels: { release: {{ .Release.Name | quote }} }',
    'spec:',
    '  replicas: {{ .Values.replicas }}',
    '  selector: { matchLabels: { app: {{ .Values.fullnameOverride }} } }',
    '  template:',
    '    metadata: { labels: { app: {{ .Values.fullnameOverride }} } }',
    '    spec:',
    '      containers:',
    '        - name: app',
    '          image: {{ .Values.image }}',
    '          env:',
    '            - { name: LOG_LEVEL, value: {{ .Values.logLevel | quote }} }',
    '            - { name: REGION, value: {{ .Values.region | quote }} }',
    '            - { name: KUBE, value: {{ .Capabilities.KubeVersion.Version | quote }} }',
    '            - { name: HAS_GZ, value: {{ .Capabilities.APIVersions.Has "apps.example.com/v1alpha1/GameZone" | quote }} }',
    '',
  ].join('\n'),
  'appdemo/templates/hook.yaml':
    'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\n  annotations: { helm.sh/hook: pre-install }\nspec: { template: { spec: { restartPolicy: Never, containers: [ { name: m, image: busybox } ] } } }\n',
  'apps/values/general.yaml': 'logLevel: info\nregion: global\n',
  'apps/values/shanghai/cluster.yaml': 'region: ap-shanghai\n',
  'apps/values/shanghai/app-game.yaml': 'fullnameOverride: game\nversionTag: v1\nimage: registry.example.com/app:1.0.0\n',
  'apps/values/nanjing/cluster.yaml': 'region: ap-nanjing\nlogLevel: debug\n',
  'apps/values/nanjing/app-game.yaml': 'fullnameOverride: game-nj\nversionTag: v1\n',
  'argocd/sn-appset.yaml': [
    'apiVersion: argoproj.io/v1alpha1',
    'kind: ApplicationSet',
    'metadata: { name: sn-game, namespace: argocd }',
    'spec:',
    '  generators:',
    '    - git:',
    '        repoURL: https://example.invalid/repo.git',
    '        revision: HEAD',
    '        files:',
    '          - path: "apps/values/*/app*.yaml"',
    '  template:',
    '    metadata: { name: "{{fullnameOverride}}" }',
    '    spec:',
    '      project: sn',
    '      source:',
    '        repoURL: https://example.invalid/repo.git',
    "        targetRevision: '{{versionTag}}'",
    '        path: appdemo',
    '        helm:',
    '          valueFiles:',
    '            - ../apps/values/general.yaml',
    '            - ../apps/values/{{path.basename}}/cluster.yaml',
    '            - ../{{path}}/{{path.filename}}',
    '      destination:',
    "        name: '{{path.basename}}'",
    "        namespace: '{{fullnameOverride}}'",
    '',
  ].join('\n'),
};

const KUSTOMIZE = {
  'kust/base/kustomization.yaml': 'resources: [cm.yaml]\ncommonLabels: { team: game }\n',
  'kust/base/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: settings }\ndata: { mode: base }\n',
  'kust/prod/kustomization.yaml':
    'resources: [../base]\nnamespace: prod\nnamePrefix: prod-\npatches:\n  - patch: |-\n      apiVersion: v1\n      kind: ConfigMap\n      metadata: { name: settings }\n      data: { mode: prod }\n',
  'kust/broken/kustomization.yaml': 'resources: [missing.yaml]\n',
};

const PLAIN = {
  'zones/zone1/all.yaml':
    'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: a }\ndata: { on: yes }\n---\n---\napiVersion: v1\nkind: List\nitems:\n  - { apiVersion: v1, kind: ConfigMap, metadata: { name: b } }\n  - { apiVersion: v1, kind: ConfigMap, metadata: { name: c } }\n',
  'zones/zone1/gz.json':
    '{"apiVersion": "apps.example.com/v1alpha1", "kind": "GameZone", "metadata": {"name": "zone1"}, "spec": {"gameZone": {"zoneId": 101}}}',
  'zones/zone1/README.md': '# not a manifest\n',
  'zones/zone1/sub/deep.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: deep }\n',
  'zones/bad/x.yaml':
    'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: ok }\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bad\n  labels: [unclosed\n',
};

describe('renderers', () => {
  let fx: FixtureRepo;
  let repo: RepoSnapshot;
  let work: { dir: string; cleanup: () => Promise<void> } | undefined;
  const ctx = (extra: Partial<RenderContext> = {}): RenderContext => ({
    repo,
    workdir: async () => (work ??= await repo.materialize()).dir,
    ...extra,
  });
  beforeAll(async () => {
    fx = await fixtureRepo({ ...CHART, ...KUSTOMIZE, ...PLAIN });
    repo = await openRepo(fx.dir);
    if (HELM) process.env.ZONECTL_HELM = HELM;
    if (KUBECTL) process.env.ZONECTL_KUBECTL = KUBECTL;
  });
  afterAll(async () => {
    await work?.cleanup();
    fx.cleanup();
    delete process.env.ZONECTL_HELM;
    delete process.env.ZONECTL_KUBECTL;
  });

  it('plain: multi-document files, List kinds, JSON, null documents dropped, sub-directories only with recurse', async () => {
    const app = { name: 'z', path: 'zones/zone1', destination: {}, origin: 't' };
    const r = await renderApp(ctx(), app, 'games');
    expect(r.tool).toBe('plain');
    expect(r.objects.map((o) => o.object.metadata.name)).toEqual(['a', 'b', 'c', 'zone1']);
    expect(r.objects[0]!.object.data).toEqual({ true: true });
    expect(r.warnings.join('\n')).toMatch(/zones\/zone1\/all\.yaml: document 1, line 4: unquoted "on"/);
    const deep = await renderApp(ctx(), { ...app, recurse: true }, 'games');
    expect(deep.objects.map((o) => o.object.metadata.name)).toContain('deep');
  });

  it('plain: a YAML error names file, document index and line', async () => {
    await expect(renderApp(ctx(), { name: 'b', path: 'zones/bad', destination: {}, origin: 't' }, 'games')).rejects.toThrow(
      /zones\/bad\/x\.yaml: document 2, line \d+: /,
    );
  });

  it.skipIf(!KUBECTL)(
    `kustomize via kubectl kustomize${KUBECTL ? '' : ' (SKIPPED: no kubectl; run test/cluster/tools/build-kubectl.sh)'}`,
    async () => {
      const r = await renderApp(ctx(), { name: 'k', path: 'kust/prod', destination: {}, origin: 't' }, 'ignored');
      expect(r.tool).toBe('kustomize');
      expect(r.objects.map((o) => o.object)).toEqual([
        {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'prod-settings', namespace: 'prod', labels: { team: 'game' } },
          data: { mode: 'prod' },
        },
      ]);
      await expect(renderApp(ctx(), { name: 'k', path: 'kust/broken', destination: {}, origin: 't' }, 'x')).rejects.toThrow(
        /kubectl kustomize kust\/broken: .*missing\.yaml/,
      );
    },
  );

  it.skipIf(!HELM)(
    `helm template with the seed-000 ApplicationSet: value files layered general -> cluster -> app, release, namespace, capabilities${HELM ? '' : ' (SKIPPED: no helm; run test/cluster/tools/build-helm.sh)'}`,
    async () => {
      const map = loadMapping(repo, repo.text('argocd/sn-appset.yaml')!, 'argocd/sn-appset.yaml');
      expect(map.apps.map((a) => [a.name, a.destination.name, a.destination.namespace])).toEqual([
        ['game-nj', 'nanjing', 'game-nj'],
        ['game', 'shanghai', 'game'],
      ]);
      const sh = map.apps.find((a) => a.name === 'game')!;
      const r = await renderApp(
        ctx({ kubeVersion: 'v1.36.4', apiVersions: ['v1', 'apps/v1', 'apps.example.com/v1alpha1', 'apps.example.com/v1alpha1/GameZone'] }),
        sh,
        'game',
      );
      expect(r.tool).toBe('helm');
      const dep = r.objects.find((o) => o.object.kind === 'Deployment')!.object;
      expect(dep.metadata).toMatchObject({ name: 'game', namespace: 'game', labels: { release: 'game' } });
      const c = dep.spec.template.spec.containers[0];
      expect(c.image).toBe('registry.example.com/app:1.0.0'); // app file wins
      expect(Object.fromEntries(c.env.map((e: { name: string; value: string }) => [e.name, e.value]))).toEqual({
        LOG_LEVEL: 'info',
        REGION: 'ap-shanghai',
        KUBE: 'v1.36.4',
        HAS_GZ: 'true',
      });
      const nj = await renderApp(
        ctx(),
        map.apps.find((a) => a.name === 'game-nj')!,
        'game-nj',
      );
      const njEnv = nj.objects.find((o) => o.object.kind === 'Deployment')!.object.spec.template.spec.containers[0].env;
      expect(njEnv.find((e: { name: string }) => e.name === 'LOG_LEVEL').value).toBe('debug'); // cluster file beats general
      expect(njEnv.find((e: { name: string }) => e.name === 'HAS_GZ').value).toBe('false');
      // the pre-install hook is rendered (the engine excludes it from status)
      expect(r.objects.some((o) => o.object.metadata.annotations?.['helm.sh/hook'] === 'pre-install')).toBe(true);
    },
  );

  it.skipIf(!HELM)(`helm: a template error is reported with helm's message${HELM ? '' : ' (SKIPPED: no helm)'}`, async () => {
    const bad = await fixtureRepo({
      'c/Chart.yaml': 'apiVersion: v2\nname: c\nversion: 0.1.0\n',
      'c/templates/x.yaml': 'kind: {{ .Values.nope.deeper }}\n',
    });
    try {
      const r2 = await openRepo(bad.dir);
      let w: { dir: string; cleanup: () => Promise<void> } | undefined;
      await expect(
        renderApp(
          { repo: r2, workdir: async () => (w ??= await r2.materialize()).dir },
          { name: 'c', path: 'c', destination: {}, origin: 't' },
          'n',
        ),
      ).rejects.toThrow(/helm template c: .*nil pointer evaluating/);
      await w?.cleanup();
    } finally {
      bad.cleanup();
    }
  });

  it('a missing tool is reported per app with a clear message', async () => {
    const saved = { PATH: process.env.PATH, H: process.env.ZONECTL_HELM, K: process.env.ZONECTL_KUBECTL };
    process.env.PATH = '/nonexistent';
    delete process.env.ZONECTL_HELM;
    delete process.env.ZONECTL_KUBECTL;
    try {
      await expect(renderApp(ctx(), { name: 'g', path: 'appdemo', destination: {}, origin: 't' }, 'n')).rejects.toThrow(
        /needs `helm` on PATH/,
      );
      await expect(renderApp(ctx(), { name: 'k', path: 'kust/prod', destination: {}, origin: 't' }, 'n')).rejects.toThrow(
        /needs `kubectl`/,
      );
    } finally {
      process.env.PATH = saved.PATH;
      if (saved.H) process.env.ZONECTL_HELM = saved.H;
      if (saved.K) process.env.ZONECTL_KUBECTL = saved.K;
    }
  });
});

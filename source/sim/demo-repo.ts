// The demo's config repo: a small Git repo in the seed-000 layout (apps/values/general.yaml,
// apps/values/<cluster>/cluster.yaml, apps/values/<cluster>/app-*.yaml picked up by a git-files generator in
// zonectl.yaml) describing the demo federation's GameZones as plain manifests, with a few objects drifted on
// purpose so the Diff view has something real to show. When `helm` is on PATH a small chart app (values layered
// general -> cluster -> app) is added too. Returns what was drifted, for tests.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { simpleGit } from 'simple-git';
import { stringify } from 'yaml';
import { apiVersionOf, type KubeObject } from '../kube/object.js';
import { findTool } from '../gitops/tools.js';
import type { SimStore } from './store-api.js';
import { T } from './controllers/kinds.js';

export interface DemoRepoWorld {
  /** Member clusters (contexts of the demo kubeconfig have the same names). */
  members: string[];
  stores: Map<string, Pick<SimStore, 'typeFor' | 'list'>>;
}

export interface DemoDrift {
  app: string;
  cluster: string;
  kind: string;
  namespace: string;
  name: string;
  status: 'Modified' | 'Missing';
  what: string;
}

export interface DemoRepo {
  dir: string;
  commit: string;
  apps: string[];
  drift: DemoDrift[];
}

const NEXT_IMAGE = 'registry.example.com/project1/service:1.9.0';

function desiredOf(o: KubeObject): KubeObject {
  const md: Record<string, unknown> = { name: o.metadata.name, namespace: o.metadata.namespace };
  if (o.metadata.labels && Object.keys(o.metadata.labels).length) md.labels = o.metadata.labels;
  return { apiVersion: o.apiVersion, kind: o.kind, metadata: md as KubeObject['metadata'], spec: structuredClone(o.spec) };
}

export async function writeDemoRepo(dir: string, world: DemoRepoWorld): Promise<DemoRepo> {
  const files: Record<string, string> = {};
  const drift: DemoDrift[] = [];
  const apps: string[] = [];
  const withHelm = Boolean(findTool('helm'));
  files['apps/values/general.yaml'] = stringify({ game: { motd: 'welcome to the demo federation', logLevel: 'info' } });
  world.members.forEach((cluster, ci) => {
    const store = world.stores.get(cluster);
    const t = store?.typeFor(apiVersionOf(T.gameZone), T.gameZone.kind);
    if (!store || !t) return;
    const zones = store
      .list(t)
      .items.map((z) => ({ ...z, apiVersion: apiVersionOf(t), kind: t.kind }))
      .sort((a, b) => String(a.metadata.name).localeCompare(String(b.metadata.name)));
    const app = `zones-${cluster}`;
    apps.push(app);
    files[`apps/values/${cluster}/cluster.yaml`] = stringify({
      cluster: { name: cluster },
      game: { logLevel: ci === 0 ? 'debug' : 'info' },
    });
    files[`apps/values/${cluster}/app-zones.yaml`] = stringify({ name: app, manifests: `zones/${cluster}` });
    zones.forEach((z, zi) => {
      const d = desiredOf(z);
      if (ci === 0 && zi === 0) {
        d.spec.gameZone.defaultImage = NEXT_IMAGE;
        drift.push({
          app,
          cluster,
          kind: 'GameZone',
          namespace: String(z.metadata.namespace),
          name: String(z.metadata.name),
          status: 'Modified',
          what: `spec.gameZone.defaultImage -> ${NEXT_IMAGE}`,
        });
      }
      if (ci === 1 % world.members.length && zi === (ci === 0 ? 1 : 0) && zones.length > zi) {
        d.spec.gameZone.mysqlConfig = { ...d.spec.gameZone.mysqlConfig, pwd: 'demo-password-rotated' };
        drift.push({
          app,
          cluster,
          kind: 'GameZone',
          namespace: String(z.metadata.namespace),
          name: String(z.metadata.name),
          status: 'Modified',
          what: 'spec.gameZone.mysqlConfig.pwd set (masked)',
        });
      }
      files[`zones/${cluster}/${z.metadata.name}.yaml`] = stringify(d);
    });
    if (ci === 0 && zones[0]) {
      const ns = String(zones[0].metadata.namespace);
      const cm = {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'zone-motd', namespace: ns },
        data: { motd: 'maintenance tonight 02:00-03:00' },
      };
      files[`zones/${cluster}/zone-motd.yaml`] = stringify(cm);
      drift.push({ app, cluster, kind: 'ConfigMap', namespace: ns, name: 'zone-motd', status: 'Missing', what: 'in Git, not live' });
    }
    if (withHelm)
      files[`apps/values/${cluster}/app-config.yaml`] = stringify({
        name: `game-config-${cluster}`,
        game: { motd: `hello from ${cluster}` },
      });
  });
  files['charts/game-config/Chart.yaml'] = stringify({ apiVersion: 'v2', name: 'game-config', version: '0.1.0' });
  files['charts/game-config/values.yaml'] = stringify({ game: { motd: '', logLevel: 'warn' } });
  files['charts/game-config/templates/configmap.yaml'] = [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: game-config',
    'data:',
    '  motd: {{ .Values.game.motd | quote }}',
    '  logLevel: {{ .Values.game.logLevel | quote }}',
    '',
  ].join('\n');
  const generators: unknown[] = [
    { files: 'apps/values/*/app-zones.yaml', template: { name: '{{name}}', path: '{{manifests}}', context: '{{path.basename}}' } },
  ];
  if (withHelm) {
    generators.push({
      files: 'apps/values/*/app-config.yaml',
      template: {
        name: '{{name}}',
        path: 'charts/game-config',
        context: '{{path.basename}}',
        namespace: 'default',
        helm: {
          valueFiles: [
            '../../apps/values/general.yaml',
            '../../apps/values/{{path.basename}}/cluster.yaml',
            '../../{{path}}/{{path.filename}}',
          ],
        },
      },
    });
    for (const cluster of world.members) {
      if (!world.stores.get(cluster)) continue;
      apps.push(`game-config-${cluster}`);
      drift.push({
        app: `game-config-${cluster}`,
        cluster,
        kind: 'ConfigMap',
        namespace: 'default',
        name: 'game-config',
        status: 'Missing',
        what: 'chart not deployed yet',
      });
    }
  }
  files['zonectl.yaml'] = [
    '# zonectl diff: which repo paths go to which kube context (seed-000 ApplicationSet git-files layout).',
    stringify({ fieldManager: 'argocd-controller', tracking: { label: 'app.kubernetes.io/instance', inject: 'none' }, generators }),
  ].join('\n');
  for (const [p, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), content);
  }
  const g = simpleGit({ baseDir: dir });
  await g.init(['--quiet', '--initial-branch=main']);
  await g.addConfig('user.email', 'demo@zonectl.invalid');
  await g.addConfig('user.name', 'zonectl demo');
  await g.addConfig('commit.gpgsign', 'false');
  await g.add(['-A', '.']);
  await g.commit('demo federation config');
  const commit = (await g.revparse(['HEAD'])).trim();
  return { dir, commit, apps, drift };
}

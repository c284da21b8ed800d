// Destination mapping: zonectl.yaml apps, the git files/directories generators (Argo CD parameter names and
// pathspec globbing), ApplicationSet manifests, value-file paths relative to the chart.
import { describe, expect, it } from 'vitest';
import { directoriesGenerator, filesGenerator, pathspecRegExp, renderTemplate } from '../../../source/gitops/generator.js';
import { loadMapping, MappingError, repoMapping, resolveRepoPath } from '../../../source/gitops/mapping.js';
import { snapshot } from '../../../source/gitops/repo.js';

const repoOf = (files: Record<string, string>) =>
  snapshot('mem', 'HEAD', '0'.repeat(40), new Map(Object.entries(files).map(([k, v]) => [k, Buffer.from(v)])));

describe('generators', () => {
  it('pathspec globbing: * also matches /, like git ls-files', () => {
    const re = pathspecRegExp('apps/values/*/app*.yaml');
    expect(re.test('apps/values/shanghai/app-game.yaml')).toBe(true);
    expect(re.test('apps/values/a/b/app-x.yaml')).toBe(true);
    expect(re.test('apps/values/general.yaml')).toBe(false);
    expect(re.test('apps/values/shanghai/cluster.yaml')).toBe(false);
  });
  it('files generator: flattened params plus path, path.basename, path.filename, normalized and segments; arrays give one set per element', () => {
    const files = {
      'apps/values/sh_1/app-a.yaml': 'fullnameOverride: game\nimage: { tag: v1 }\n',
      'apps/values/nj/app-list.yaml': '- { name: x }\n- { name: y }\n',
    };
    const sets = filesGenerator(Object.keys(files), 'apps/values/*/app*.yaml', (p) => files[p as keyof typeof files]);
    expect(sets.map((s) => s.file)).toEqual([
      'apps/values/nj/app-list.yaml',
      'apps/values/nj/app-list.yaml',
      'apps/values/sh_1/app-a.yaml',
    ]);
    expect(sets[2]!.params).toMatchObject({
      fullnameOverride: 'game',
      'image.tag': 'v1',
      path: 'apps/values/sh_1',
      'path.basename': 'sh_1',
      'path.filename': 'app-a.yaml',
      'path.basenameNormalized': 'sh-1',
      'path[0]': 'apps',
      'path[2]': 'sh_1',
    });
    expect(sets.slice(0, 2).map((s) => s.params.name)).toEqual(['x', 'y']);
  });
  it('directories generator and templates (unknown parameters are errors)', () => {
    const d = directoriesGenerator(['zones/a/x.yaml', 'zones/b/y.yaml', 'other/c.yaml'], 'zones/*');
    expect(d.map((s) => s.params['path.basename'])).toEqual(['a', 'b']);
    expect(renderTemplate({ name: 'z-{{path.basename}}', list: ['{{ path }}'] }, d[0]!.params, 't')).toEqual({
      name: 'z-a',
      list: ['zones/a'],
    });
    expect(() => renderTemplate({ name: '{{nope}}' }, d[0]!.params, 'where')).toThrow(/where: unknown parameter \{\{nope\}\}/);
  });
});

describe('zonectl.yaml', () => {
  const repo = repoOf({
    'zonectl.yaml': [
      'fieldManager: kustomize-controller',
      'tracking: { label: argocd.argoproj.io/instance, inject: annotation+label }',
      'ignore: [ { group: apps, kind: Deployment, jsonPointers: [/spec/replicas] } ]',
      'clusters: { prod-sh: real-a }',
      'apps:',
      '  - { name: zone1, path: zones/zone1, context: real-a, namespace: games }',
      'generators:',
      '  - files: apps/values/*/app*.yaml',
      '    template: { name: "{{fullnameOverride}}", path: appdemo, helm: { valueFiles: ["../apps/values/general.yaml", "../apps/values/{{path.basename}}/cluster.yaml", "../{{path}}/{{path.filename}}"] }, destination: { name: "{{path.basename}}", namespace: "{{fullnameOverride}}" } }',
      '  - directories: envs/*',
      '    template: { name: "env-{{path.basename}}", path: "{{path}}", context: "{{path.basename}}" }',
    ].join('\n'),
    'apps/values/prod-sh/app-game.yaml': 'fullnameOverride: game\n',
    'envs/real-b/cm.yaml': 'x',
  });
  it('reads settings, apps and generated apps', () => {
    const m = repoMapping(repo);
    expect(m.settings.fieldManager).toBe('kustomize-controller');
    expect(m.settings.tracking).toMatchObject({
      label: 'argocd.argoproj.io/instance',
      inject: 'annotation+label',
      annotation: 'argocd.argoproj.io/tracking-id',
    });
    expect(m.settings.ignore).toHaveLength(1);
    expect(m.apps.map((a) => [a.name, a.path, a.destination.context ?? a.destination.name, a.destination.namespace])).toEqual([
      ['zone1', 'zones/zone1', 'real-a', 'games'],
      ['game', 'appdemo', 'prod-sh', 'game'],
      ['env-real-b', 'envs/real-b', 'real-b', undefined],
    ]);
    expect(m.apps[1]!.helm!.valueFiles!.map((v) => resolveRepoPath('appdemo', v))).toEqual([
      'apps/values/general.yaml',
      'apps/values/prod-sh/cluster.yaml',
      'apps/values/prod-sh/app-game.yaml',
    ]);
  });
  it('errors: no mapping, duplicate names, paths leaving the repo', () => {
    expect(() => repoMapping(repoOf({}))).toThrow(MappingError);
    expect(() => loadMapping(repo, 'apps: [ { name: a, path: x }, { name: a, path: y } ]', 'm')).toThrow(/defined twice/);
    expect(() => resolveRepoPath('a', '../../etc/passwd')).toThrow(/leaves the repository/);
  });
  it('an ApplicationSet manifest works as the mapping (applicationSets: or --map)', () => {
    const appset =
      'apiVersion: argoproj.io/v1alpha1\nkind: ApplicationSet\nmetadata: { name: s }\nspec:\n  generators: [ { git: { files: [ { path: "apps/values/*/app*.yaml" } ] } } ]\n  template:\n    metadata: { name: "{{fullnameOverride}}" }\n    spec: { source: { path: appdemo, helm: { releaseName: rel } }, destination: { name: "{{path.basename}}", namespace: ns } }\n';
    const m = loadMapping(repo, appset, 'appset.yaml');
    expect(m.apps).toHaveLength(1);
    expect(m.apps[0]).toMatchObject({
      name: 'game',
      path: 'appdemo',
      helm: { releaseName: 'rel' },
      destination: { name: 'prod-sh', namespace: 'ns' },
    });
  });
});

// Discovery documents: /version, /api, /apis, /apis/<g>, /api/v1 and /apis/<g>/<v> (APIResourceList).
import { groupsOf, type ResourceInfo } from '../registry.js';

export const SIM_VERSION = {
  major: '1',
  minor: '31',
  gitVersion: 'v1.31.0-zonectl-sim',
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2026-01-01T00:00:00Z',
  goVersion: 'go1.22.0',
  compiler: 'gc',
  platform: 'linux/amd64',
};

const SERVER_ADDRESS = [{ clientCIDR: '0.0.0.0/0', serverAddress: '' }];

export function apiVersions(): unknown {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: SERVER_ADDRESS };
}

function groupDoc(group: string, versions: string[]): Record<string, unknown> {
  const vs = versions.map((v) => ({ groupVersion: `${group}/${v}`, version: v }));
  return { name: group, versions: vs, preferredVersion: vs[0] };
}

export function apiGroupList(types: ResourceInfo[]): unknown {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: groupsOf(types)
      .filter((g) => g.group !== '')
      .map((g) => groupDoc(g.group, g.versions)),
  };
}

export function apiGroup(types: ResourceInfo[], group: string): unknown {
  const g = groupsOf(types).find((x) => x.group === group)!;
  return { kind: 'APIGroup', apiVersion: 'v1', ...groupDoc(group, g.versions) };
}

export function apiResourceList(types: ResourceInfo[], group: string, version: string): unknown {
  const resources: unknown[] = [];
  for (const t of types) {
    if (t.group !== group || t.version !== version) continue;
    const main: Record<string, unknown> = {
      name: t.resource,
      singularName: t.singular,
      namespaced: t.namespaced,
      kind: t.kind,
      verbs: t.verbs,
    };
    if (t.shortNames?.length) main.shortNames = t.shortNames;
    if (t.categories?.length) main.categories = t.categories;
    resources.push(main);
    for (const sub of t.subresources) {
      if (sub === 'status')
        resources.push({
          name: `${t.resource}/status`,
          singularName: '',
          namespaced: t.namespaced,
          kind: t.kind,
          verbs: ['get', 'patch', 'update'],
        });
      if (sub === 'scale')
        resources.push({
          name: `${t.resource}/scale`,
          singularName: '',
          namespaced: t.namespaced,
          group: 'autoscaling',
          version: 'v1',
          kind: 'Scale',
          verbs: ['get', 'patch', 'update'],
        });
      if (sub === 'log')
        resources.push({ name: `${t.resource}/log`, singularName: '', namespaced: t.namespaced, kind: 'Pod', verbs: ['get'] });
    }
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group ? `${group}/${version}` : version, resources };
}

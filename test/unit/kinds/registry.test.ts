import { describe, expect, it } from 'vitest';
import { readAs } from '../../../source/kinds/read.js';
import {
  drivesWorkload,
  gameZoneType,
  KIND_SPECS,
  KINDS,
  kindShort,
  kindsToWatch,
  knownKindOf,
  parseWorkloadKind,
  POD_OWNER_SPECS,
  podOwnerOf,
  refTarget,
  WORKLOAD_SPECS,
} from '../../../source/kinds/registry.js';
import { apiVersionOf, resourcePath } from '../../../source/kube/object.js';
import { buildZones } from '../../../source/model/zones.js';
import { kruise } from './fixtures-rollouts.js';

describe('kinds table', () => {
  it('has the exact group/version/resource of every kind', () => {
    const gvr = (k: keyof typeof KINDS) => `${apiVersionOf(KINDS[k])} ${KINDS[k].resource} ${KINDS[k].kind}`;
    expect(gvr('GameDeployment')).toBe('tkex.tencent.com/v1alpha1 gamedeployments GameDeployment');
    expect(gvr('GameStatefulSet')).toBe('tkex.tencent.com/v1alpha1 gamestatefulsets GameStatefulSet');
    expect(gvr('HookRun')).toBe('tkex.tencent.com/v1alpha1 hookruns HookRun');
    expect(gvr('HookTemplate')).toBe('tkex.tencent.com/v1alpha1 hooktemplates HookTemplate');
    expect(gvr('FederatedGameDeployment')).toBe('types.kubefed.io/v1beta1 federatedgamedeployments FederatedGameDeployment');
    expect(gvr('FederatedStatefulSet')).toBe('types.kubefed.io/v1beta1 federatedstatefulsets FederatedStatefulSet');
    expect(gvr('KubeFedCluster')).toBe('core.kubefed.io/v1beta1 kubefedclusters KubeFedCluster');
    expect(gvr('Rollout')).toBe('argoproj.io/v1alpha1 rollouts Rollout');
    expect(gvr('KruiseRollout')).toBe('rollouts.kruise.io/v1beta1 rollouts Rollout');
    expect(gvr('Pod')).toBe('v1 pods Pod');
    expect(resourcePath(KINDS.GameDeployment, { namespace: 'ns', name: 'gd', subresource: 'status' })).toBe(
      '/apis/tkex.tencent.com/v1alpha1/namespaces/ns/gamedeployments/gd/status',
    );
  });

  it('GameZone group/version are configurable', () => {
    expect(gameZoneType()).toEqual({
      group: 'apps.example.com',
      version: 'v1alpha1',
      resource: 'gamezones',
      kind: 'GameZone',
      namespaced: true,
    });
    expect(gameZoneType({ group: 'game.corp.io', version: 'v1' })).toMatchObject({ group: 'game.corp.io', version: 'v1' });
  });

  it('knownKindOf tells Argo and Kruise Rollouts apart', () => {
    expect(knownKindOf('argoproj.io/v1alpha1', 'Rollout')).toBe('Rollout');
    expect(knownKindOf('rollouts.kruise.io/v1alpha1', 'Rollout')).toBe('KruiseRollout');
    expect(knownKindOf('tkex.tencent.com/v1alpha1', 'Rollout')).toBeUndefined();
    expect(knownKindOf('apps/v1', 'Deployment')).toBe('Deployment');
    expect(knownKindOf('v1', 'Pod')).toBe('Pod');
    expect(knownKindOf('apps.example.com/v1alpha1', 'GameZone')).toBe('GameZone');
    expect(knownKindOf('other.io/v1', 'GameZone')).toBeUndefined();
  });

  it('kindsToWatch: per view, deduplicated, skipping kinds not installed', () => {
    const zones = kindsToWatch({ views: ['zones'] }).map((k) => k.kind);
    expect(zones).toEqual([
      'GameZone',
      'GameStatefulSet',
      'GameDeployment',
      'StatefulSet',
      'Deployment',
      'GameServerSet',
      'Rollout',
      'KruiseRollout',
    ]);
    const both = kindsToWatch({ views: ['zones', 'rollouts'], installed: { Rollout: false, KruiseRollout: false, GameZone: false } }).map(
      (k) => k.kind,
    );
    expect(both).toEqual(['GameStatefulSet', 'GameDeployment', 'StatefulSet', 'Deployment', 'GameServerSet', 'HookRun']);
    expect(kindsToWatch({ views: ['zones'], useGameZone: false }).some((k) => k.kind === 'GameZone')).toBe(false);
    const gz = kindsToWatch({ views: ['zones'], gameZone: { group: 'game.corp.io' } })[0];
    expect(gz.type.group).toBe('game.corp.io');
    expect(kindsToWatch({ views: ['federation'] }).map((k) => k.kind)).toContain('KubeFedCluster');
  });
});

describe('kind registry', () => {
  it('every kind is found again by its own wire type, and every workload by its own name', () => {
    for (const s of KIND_SPECS) expect(knownKindOf(apiVersionOf(s.type), s.type.kind)).toBe(s.kind);
    for (const s of WORKLOAD_SPECS) {
      expect(s.aliases).toContain(s.kind.toLowerCase());
      for (const a of s.aliases) expect(parseWorkloadKind(a.toUpperCase())).toBe(s.kind);
    }
  });

  it('parses the CLI kind aliases of the action commands', () => {
    expect(parseWorkloadKind('gd')).toBe('GameDeployment');
    expect(parseWorkloadKind('gss')).toBe('GameStatefulSet');
    expect(parseWorkloadKind('sts')).toBe('StatefulSet');
    expect(parseWorkloadKind('ro')).toBe('Rollout');
    expect(parseWorkloadKind('rollouts.rollouts.kruise.io')).toBe('KruiseRollout');
    expect(parseWorkloadKind('pod')).toBeUndefined();
    expect(parseWorkloadKind('hookrun')).toBeUndefined();
  });

  it('log targets are the workload kinds that own pods, Deployment pods through their ReplicaSets', () => {
    expect(POD_OWNER_SPECS.map((s) => s.kind)).toEqual(['GameStatefulSet', 'GameDeployment', 'StatefulSet', 'Deployment', 'GameServerSet']);
    expect(podOwnerOf('gsts')?.kind).toBe('GameStatefulSet');
    expect(podOwnerOf('rollout')).toBeUndefined();
    const deploy = podOwnerOf('deploy')!;
    expect(deploy.pods?.ownedBy?.({ kind: 'ReplicaSet', name: 'web-5d8f' }, 'web')).toBe(true);
    expect(deploy.pods?.ownedBy?.({ kind: 'ReplicaSet', name: 'webx-5d8f' }, 'web')).toBe(false);
  });

  it('the workload a Rollout drives: known kinds by their spec, others by apiVersion/kind', () => {
    expect(refTarget({ apiVersion: 'apps/v1', kind: 'Deployment' })).toEqual({
      type: KINDS.Deployment,
      revisions: expect.objectContaining({ resource: 'replicasets' }),
    });
    expect(refTarget({ apiVersion: 'apps/v1', kind: 'StatefulSet' })).toEqual({
      type: KINDS.StatefulSet,
      revisions: KINDS.ControllerRevision,
    });
    expect(refTarget({ apiVersion: 'apps.kruise.io/v1alpha1', kind: 'CloneSet' })).toEqual({
      type: { group: 'apps.kruise.io', version: 'v1alpha1', resource: 'clonesets', kind: 'CloneSet', namespaced: true },
      revisions: KINDS.ControllerRevision,
    });
  });

  it('-l narrows every watched kind except hook runs and member clusters', () => {
    const all = kindsToWatch({ views: ['zones', 'rollouts', 'hotupdate', 'federation', 'pods', 'events'] });
    expect(all.filter((k) => !k.selectable).map((k) => k.kind)).toEqual(['HookRun', 'KubeFedCluster']);
  });

  it('type-only kinds read into no row; short names come from the specs', () => {
    expect(
      readAs('ControllerRevision', 'c', { apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata: { name: 'r' } }),
    ).toBeUndefined();
    expect(readAs('Secret', 'c', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' } })).toBeUndefined();
    expect(
      readAs('HookTemplate', 'c', { apiVersion: 'tkex.tencent.com/v1alpha1', kind: 'HookTemplate', metadata: { name: 't' } })?.type,
    ).toBe('hookTemplate');
    expect(['GameStatefulSet', 'GameDeployment', 'KruiseRollout', 'Deployment'].map(kindShort)).toEqual([
      'GameSTS',
      'GameDeploy',
      'KruiseRO',
      'Deployment',
    ]);
  });

  it('a Kruise Rollout is never a zone service, even when its workloadRef cannot be read', () => {
    const o = kruise();
    o.metadata.labels = { ...o.metadata.labels, 'zonectl.io/zone': '7' };
    delete (o.spec as Record<string, unknown>).workloadRef;
    const row = readAs('KruiseRollout', 'c', o)!.row as Parameters<typeof buildZones>[1][number];
    expect(row.workloadRef).toBeUndefined();
    expect(drivesWorkload(row.kind)).toBe(true);
    const [zone] = buildZones([], [row], (w) => !!w.workloadRef || drivesWorkload(w.kind));
    expect(zone.services).toEqual([]);
  });
});

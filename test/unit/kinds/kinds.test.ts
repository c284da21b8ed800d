import { describe, expect, it } from 'vitest';
import { gameZoneType, KINDS, kindsToWatch, knownKindOf } from '../../../source/kinds/registry.js';
import { apiVersionOf, resourcePath } from '../../../source/kube/object.js';

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
    expect(zones).toEqual(['GameZone', 'GameStatefulSet', 'GameDeployment', 'StatefulSet', 'Deployment', 'Rollout', 'KruiseRollout']);
    const both = kindsToWatch({ views: ['zones', 'rollouts'], installed: { Rollout: false, KruiseRollout: false, GameZone: false } }).map(
      (k) => k.kind,
    );
    expect(both).toEqual(['GameStatefulSet', 'GameDeployment', 'StatefulSet', 'Deployment', 'HookRun']);
    expect(kindsToWatch({ views: ['zones'], useGameZone: false }).some((k) => k.kind === 'GameZone')).toBe(false);
    const gz = kindsToWatch({ views: ['zones'], gameZone: { group: 'game.corp.io' } })[0];
    expect(gz.type.group).toBe('game.corp.io');
    expect(kindsToWatch({ views: ['federation'] }).map((k) => k.kind)).toContain('KubeFedCluster');
  });
});

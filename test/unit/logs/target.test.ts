import { describe, expect, it } from 'vitest';
import { andSelectors, labelSelectorString, parseTarget, TargetError } from '../../../source/logs/target.js';
import { targetForWorkload } from '../../../source/kinds/log-target.js';
import { ownedBy } from '../../../source/logs/resolve.js';

describe('parseTarget', () => {
  it('every documented form', () => {
    expect(parseTarget('pod/game-1-0', undefined)).toEqual({ type: 'pod', name: 'game-1-0' });
    expect(parseTarget('game-1-0', undefined)).toEqual({ type: 'pod', name: 'game-1-0' });
    expect(parseTarget('po/x', undefined)).toEqual({ type: 'pod', name: 'x' });
    expect(parseTarget('gamedeployment/gw', undefined)).toEqual({ type: 'workload', kind: 'GameDeployment', name: 'gw' });
    expect(parseTarget('GameStatefulSet/game-1', undefined)).toEqual({ type: 'workload', kind: 'GameStatefulSet', name: 'game-1' });
    expect(parseTarget('deployment/web', undefined)).toEqual({ type: 'workload', kind: 'Deployment', name: 'web' });
    expect(parseTarget('sts/db', undefined)).toEqual({ type: 'workload', kind: 'StatefulSet', name: 'db' });
    expect(parseTarget('zone/1001', undefined)).toEqual({ type: 'zone', id: '1001' });
    expect(parseTarget(undefined, 'app=game')).toEqual({ type: 'selector', selector: 'app=game' });
  });

  it('workload rows map to targets; other kinds do not', () => {
    expect(targetForWorkload('GameDeployment', 'gw')).toEqual({ type: 'workload', kind: 'GameDeployment', name: 'gw' });
    expect(targetForWorkload('StatefulSet', 'db')).toEqual({ type: 'workload', kind: 'StatefulSet', name: 'db' });
    expect(targetForWorkload('Rollout', 'x')).toBeUndefined();
  });

  it('rejects what it cannot follow, naming the problem', () => {
    expect(() => parseTarget(undefined, undefined)).toThrow(TargetError);
    expect(() => parseTarget('service/x', undefined)).toThrow(/unknown target kind "service"/);
    expect(() => parseTarget('pod/Bad_Name', undefined)).toThrow(/not a valid object name/);
    expect(() => parseTarget('zone/', undefined)).toThrow(/zone id/);
  });
});

describe('selectors', () => {
  it('metav1.LabelSelector to string', () => {
    expect(labelSelectorString({ matchLabels: { app: 'game', tier: 'x' } })).toBe('app=game,tier=x');
    expect(
      labelSelectorString({
        matchLabels: { app: 'game' },
        matchExpressions: [
          { key: 'zone', operator: 'In', values: ['1', '2'] },
          { key: 'canary', operator: 'DoesNotExist' },
          { key: 'env', operator: 'NotIn', values: ['dev'] },
          { key: 'owner', operator: 'Exists' },
        ],
      }),
    ).toBe('app=game,zone in (1,2),!canary,env notin (dev),owner');
    expect(labelSelectorString(undefined)).toBe('');
    expect(andSelectors('a=b', undefined)).toBe('a=b');
    expect(andSelectors('a=b', 'c=d')).toBe('a=b,c=d');
    expect(andSelectors(undefined, ' ')).toBeUndefined();
  });

  it('ownership check for workload pods', () => {
    const pod = (kind?: string, name?: string) => ({
      metadata: { name: 'p', ownerReferences: kind ? [{ apiVersion: 'x', kind, name: name!, uid: 'u', controller: true }] : undefined },
    });
    expect(ownedBy(pod('GameDeployment', 'gw'), { kind: 'GameDeployment', name: 'gw' }, true)).toBe(true);
    expect(ownedBy(pod('GameDeployment', 'gw2'), { kind: 'GameDeployment', name: 'gw' }, true)).toBe(false);
    expect(ownedBy(pod('ReplicaSet', 'web-5d8f'), { kind: 'Deployment', name: 'web' }, true)).toBe(true);
    expect(ownedBy(pod('ReplicaSet', 'webx-5d8f'), { kind: 'Deployment', name: 'web' }, true)).toBe(false);
    expect(ownedBy(pod(), { kind: 'StatefulSet', name: 'db' }, true)).toBe(true);
    expect(ownedBy(pod(), { kind: 'StatefulSet', name: 'db' }, false)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { activeRollouts, linkRollouts, worsePhase } from '../../../source/model/rollouts.js';
import { readObject } from '../../../source/kinds/read.js';
import { readGameDeployment } from '../../../source/kinds/gamedeployment.js';
import { readArgoRollout } from '../../../source/kinds/argo-rollout.js';
import { gdComplete, gdPausedAtPauseStep, gstsHookFailed, gstsInPlace } from '../kinds/fixtures-bkbcs.js';
import { zone1 } from '../kinds/fixtures-zone.js';

describe('rollout derivations', () => {
  it('activeRollouts: not-complete only, worst first', () => {
    const ws = [gdComplete(), gdPausedAtPauseStep(), gstsHookFailed(), gstsInPlace()].map((o) => {
      const r = readObject('c', o);
      if (r?.type !== 'workload') throw new Error('expected a workload');
      return r.row;
    });
    expect(activeRollouts(ws).map((w) => [w.name, w.rollout.phase])).toEqual([
      ['game-1', 'failed'],
      ['test-gd', 'paused'],
      ['game-1', 'progressing'],
    ]);
    expect(worsePhase('paused', 'failed')).toBe('failed');
    expect(worsePhase('failed', 'complete')).toBe('failed');
  });

  it('linkRollouts sets rolloutRef on the Argo workloadRef target', () => {
    const dep = readGameDeployment('c', gdComplete());
    const ro = readArgoRollout('c', {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Rollout',
      metadata: { name: 'gw-ro', namespace: 'zone-101' },
      spec: {
        workloadRef: { apiVersion: 'tkex.tencent.com/v1alpha1', kind: 'GameDeployment', name: 'gateway-1' },
        strategy: { canary: { steps: [] } },
      },
    });
    const { workloads } = linkRollouts([dep, ro]);
    expect(workloads[0].rolloutRef).toEqual({ kind: 'Rollout', name: 'gw-ro' });
    expect(dep.rolloutRef).toBeUndefined(); // input untouched
  });

  it('readObject dispatches by apiVersion/kind and ignores unknown kinds', () => {
    expect(readObject('c', zone1())?.type).toBe('zone');
    expect(readObject('c', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } })).toBeUndefined();
    expect(readObject('c', { apiVersion: 'rollouts.kruise.io/v1beta1', kind: 'Rollout', metadata: { name: 'r' } })?.row).toMatchObject({
      kind: 'KruiseRollout',
    });
  });
});

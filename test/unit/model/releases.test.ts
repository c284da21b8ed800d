// Releases derived from the workloads' audit annotations: grouped by batch, progress per wave, state.
import { describe, expect, it } from 'vitest';
import { releaseColumns } from '../../../source/model/columns/releases.js';
import type { LastAction } from '../../../source/model/last-action.js';
import { releasesOf } from '../../../source/model/releases.js';
import type { WorkloadInfo } from '../../../source/model/types.js';

function w(cluster: string, name: string, phase: WorkloadInfo['rollout']['phase'], last?: LastAction): WorkloadInfo {
  return {
    cluster,
    namespace: 'zone-1',
    name,
    kind: 'GameDeployment',
    apiVersion: 'tkex.tencent.com/v1alpha1',
    uid: name,
    resourceVersion: '1',
    labels: {},
    containers: [],
    ...(last ? { release: last, lastAction: last } : {}),
    rollout: {
      strategy: '',
      replicas: 2,
      updated: 2,
      updatedReady: 2,
      ready: 2,
      steps: [],
      phase,
      paused: false,
      message: '',
      hookConditions: [],
      actions: [],
    },
  };
}
const hot = (batch: string, wave: number | undefined, at: string): LastAction => ({
  action: 'hotupdate',
  by: 'ops',
  at,
  batch,
  ...(wave ? { wave, waves: '1,50%,100%' } : {}),
});

describe('releases from the clusters', () => {
  const fleet = [
    w('shanghai', 'a', 'complete', hot('aaaa0001', 1, '2026-12-03T01:00:00Z')),
    w('nanjing', 'b', 'complete', hot('aaaa0001', 2, '2026-12-03T01:01:00Z')),
    w('nanjing', 'c', 'failed', hot('aaaa0001', 2, '2026-12-03T01:01:01Z')),
    w('shanghai', 'd', 'complete', hot('bbbb0002', undefined, '2026-12-03T02:00:00Z')),
    w('shanghai', 'e', 'complete', { action: 'approve', by: 'x', at: '2026-12-03T03:00:00Z' }),
    w('shanghai', 'f', 'progressing'),
  ];

  it('groups by batch, newest first; a failure anywhere makes it failed; per-wave counts', () => {
    const rs = releasesOf(fleet);
    expect(rs.map((r) => [r.batch, r.state, r.targets])).toEqual([
      ['bbbb0002', 'complete', 1],
      ['aaaa0001', 'failed', 3],
    ]);
    const a = rs[1]!;
    expect(a).toMatchObject({ waves: '1,50%,100%', waveCount: 3, reached: 2, complete: 2, failed: 1, clusters: ['nanjing', 'shanghai'] });
    expect(a.perWave).toEqual([
      { wave: 1, targets: 1, complete: 1, rolling: 0, failed: 0 },
      { wave: 2, targets: 2, complete: 1, rolling: 0, failed: 1 },
    ]);
    expect(a.startedAt).toBe('2026-12-03T01:00:00Z');
    expect(a.lastAt).toBe('2026-12-03T01:01:01Z');
  });

  it('stopped: nothing rolling or failed but waves left; rolling while any target still rolls', () => {
    const stopped = releasesOf([fleet[0]!, fleet[1]!])[0]!;
    expect(stopped.state).toBe('stopped');
    const rolling = releasesOf([fleet[0]!, w('nanjing', 'g', 'paused', hot('aaaa0001', 2, '2026-12-03T01:02:00Z'))])[0]!;
    expect(rolling.state).toBe('rolling');
    const cells = Object.fromEntries(releaseColumns.map((c) => [c.id, c.cell(stopped, { now: Date.parse('2026-12-03T01:11:00Z') }).text]));
    expect(cells).toMatchObject({
      batch: 'aaaa0001',
      wave: '2/3',
      targets: '2',
      progress: '2/0/0',
      state: 'stopped',
      age: '10m',
      waves: '1,50%,100% (1:1/1 2:1/1)',
    });
  });
});

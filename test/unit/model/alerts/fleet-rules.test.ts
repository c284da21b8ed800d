// Alert rules over clusters, federated objects and zones.
import { describe, expect, it } from 'vitest';
import { clusterCandidates, federatedCandidates, zoneCandidates, zoneVersions } from '../../../../source/model/alerts/fleet-rules.js';
import type { FederatedInfo, ZoneInfo } from '../../../../source/model/types.js';
import { T } from './fixtures.js';

const cluster = (state: 'ready' | 'connecting' | 'degraded' | 'unreachable' | 'forbidden', lastError?: string) => ({
  name: 'nanjing',
  server: 'https://n',
  user: 'u',
  state,
  ...(lastError ? { lastError } : {}),
});

function zone(images: Array<[string, string | undefined]>, defaultImage?: string): ZoneInfo {
  return {
    cluster: 'shanghai',
    namespace: 'zone-101',
    zoneId: '101',
    name: 'zone101',
    source: 'GameZone',
    ...(defaultImage ? { defaultImage } : {}),
    services: images.map(([image, running], i) => ({ type: 'game', id: String(i + 1), image, ...(running ? { running } : {}) })),
    servicesReady: images.length,
    servicesTotal: images.length,
    rollout: 'complete',
    rolloutMessage: '',
  };
}

describe('fleet alert rules', () => {
  it('clusters: unreachable is critical, forbidden names check-access, degraded is a warning, ready/connecting nothing', () => {
    expect(clusterCandidates(cluster('ready'))).toEqual([]);
    expect(clusterCandidates(cluster('connecting'))).toEqual([]);
    const [u] = clusterCandidates(cluster('unreachable', 'connect ECONNREFUSED'));
    expect(u).toMatchObject({
      rule: 'cluster-unreachable',
      severity: 'critical',
      message: 'unreachable: connect ECONNREFUSED',
      id: 'cluster-unreachable/nanjing//Cluster/nanjing',
    });
    expect(clusterCandidates(cluster('forbidden'))[0]).toMatchObject({ rule: 'cluster-forbidden', fixes: ['check-access'] });
    expect(clusterCandidates(cluster('degraded'))[0]!.severity).toBe('warning');
  });

  it('federation: a member cluster status other than empty fails propagation; WaitingForRemoval does not', () => {
    const f: FederatedInfo = {
      cluster: 'fed-host',
      namespace: 'game',
      name: 'gateway',
      kind: 'FederatedGameDeployment',
      targetKind: 'GameDeployment',
      uid: 'f1',
      resourceVersion: '1',
      placement: ['shanghai', 'nanjing'],
      template: {},
      clusters: [
        { name: 'shanghai', status: '', overrides: [] },
        { name: 'nanjing', status: 'ClusterNotReady', overrides: [] },
      ],
      propagation: { status: 'False', reason: 'CheckClusters' },
    };
    expect(federatedCandidates(f).map((c) => [c.rule, c.severity, c.message])).toEqual([
      ['propagation-failed', 'critical', 'propagation failed: nanjing: ClusterNotReady'],
    ]);
    expect(
      federatedCandidates({
        ...f,
        clusters: [{ name: 'nanjing', status: 'WaitingForRemoval', overrides: [] }],
        propagation: { status: 'True' },
      }),
    ).toEqual([]);
  });

  it('zones: versions among the services on the zone repository; a db on another image is no mismatch', () => {
    const repo = 'registry.example.com/project1/service';
    expect(
      zoneVersions(
        zone(
          [
            [`${repo}:1.9.0`, undefined],
            [`${repo}:1.9.0`, undefined],
            ['mysql:8.0', undefined],
          ],
          `${repo}:1.9.0`,
        ),
      ),
    ).toEqual(['1.9.0']);
    const mixed = zone(
      [
        [`${repo}:1.9.0`, undefined],
        [`${repo}:1.9.0`, `${repo}:1.8.2`],
      ],
      `${repo}:1.9.0`,
    );
    expect(zoneVersions(mixed)).toEqual(['1.8.2', '1.9.0']);
    const [c] = zoneCandidates(mixed, T);
    expect(c).toMatchObject({
      rule: 'mixed-versions',
      zone: '101',
      after: T.mixedVersions,
      message: 'services run 1.8.2, 1.9.0',
      progress: '1.8.2,1.9.0',
    });
  });
});

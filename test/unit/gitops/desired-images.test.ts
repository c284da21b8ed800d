// What a config repo asks each zone's services to run, read from a Git-vs-live report; the matrix's GIT column.
import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { gitDesired } from '../../../source/gitops/desired-images.js';
import type { DiffReport, ObjectDiff } from '../../../source/model/diff-report.js';
import { versionMatrix } from '../../../source/model/versions.js';
import type { WorkloadInfo, ZoneInfo } from '../../../source/model/types.js';
import { versionColumns, versionRows } from '../../../source/model/columns/versions.js';

const REPO = 'registry.example.com/project1/service';

function object(kind: string, namespace: string, name: string, doc: unknown, status: ObjectDiff['status'] = 'Synced'): ObjectDiff {
  return {
    app: 'zones',
    cluster: 'shanghai',
    group: '',
    kind,
    apiVersion: 'v1',
    namespace,
    name,
    status,
    predictedBy: 'server-dry-run',
    approximate: false,
    warnings: [],
    liveYaml: '',
    predictedYaml: doc === undefined ? '' : stringify(doc),
    diff: '',
  };
}

const gameZone = (zoneId: number, defaultImage: string, serviceConfig: unknown[]) => ({
  kind: 'GameZone',
  spec: { gameZone: { zoneId, defaultImage, serviceConfig, mysqlConfig: { pwd: '***(hmac:0011aabb)' } } },
});

const report = (objects: ObjectDiff[], error?: string): DiffReport => ({
  repo: { source: 'repo', ref: 'HEAD', commit: 'abc' },
  apps: [
    {
      app: 'zones',
      cluster: 'shanghai',
      namespace: 'zone-101',
      path: 'apps',
      tool: 'plain',
      origin: 'zonectl.yaml',
      status: 'OutOfSync',
      warnings: [],
      objects,
    },
    ...(error
      ? [
          {
            app: 'other',
            cluster: 'nanjing',
            namespace: 'x',
            path: 'p',
            tool: 'plain' as const,
            origin: 'o',
            status: 'Unknown' as const,
            error,
            warnings: [],
            objects: [],
          },
        ]
      : []),
  ],
  errors: [],
  durationMs: 1,
  stats: { objects: objects.length, dryRuns: 0, dryRunCacheHits: 0, liveRequests: 0 },
});

describe('gitDesired', () => {
  const r = report(
    [
      object(
        'GameZone',
        'zone-101',
        'zone101',
        gameZone(101, `${REPO}:1.9.0`, [
          { type: 'game', id: 1, image: `${REPO}:1.9.1` },
          { type: 'gateway', id: 1, endId: 2 },
        ]),
        'Modified',
      ),
      object('GameDeployment', 'zone-101', 'login', {
        spec: { template: { spec: { containers: [{ name: 'login', image: 'login:2.3.0' }] } } },
      }),
      object('ConfigMap', 'zone-101', 'motd', { data: { a: 'b' } }),
      object('GameZone', 'zone-102', 'zone102', undefined, 'Extra'),
    ],
    'render failed',
  );
  const g = gitDesired(r);
  const z = { cluster: 'shanghai', namespace: 'zone-101', zoneId: '101' };

  test("a service's entry image, else the zone's default; a workload Git has itself; nothing for what Git lacks", () => {
    expect(g.image(z, 'game-1')).toBe(`${REPO}:1.9.1`);
    expect(g.image(z, 'gateway-2')).toBe(`${REPO}:1.9.0`);
    expect(g.image(z, 'login', 'login')).toBe('login:2.3.0');
    expect(g.image({ ...z, namespace: 'zone-102', zoneId: '102' }, 'game-1')).toBeUndefined();
    expect(g.image({ ...z, cluster: 'nanjing' }, 'game-1')).toBeUndefined();
    expect(g.errors).toEqual(['nanjing: app other: render failed']);
  });

  test('the matrix: the GIT column and "git wants X" when it is the only difference', () => {
    const zone: ZoneInfo = {
      ...z,
      name: 'zone101',
      source: 'GameZone',
      defaultImage: `${REPO}:1.8.2`,
      services: [{ type: 'gateway', id: '1', workload: 'gateway-1' }],
      servicesReady: 1,
      servicesTotal: 1,
      rollout: 'complete',
      rolloutMessage: '',
    };
    const w = {
      cluster: 'shanghai',
      namespace: 'zone-101',
      name: 'gateway-1',
      kind: 'GameDeployment',
      containers: [{ name: 'gateway', image: `${REPO}:1.8.2` }],
      rollout: { replicas: 2, updated: 2, phase: 'complete' },
    } as unknown as WorkloadInfo;
    const [m] = versionMatrix({ zones: [zone], workloads: [w], git: g.image });
    expect(m!.services[0]).toMatchObject({ git: { version: '1.9.0' }, gitDrift: true, drift: false });
    const [row] = versionRows([m!]);
    const cell = (id: string) => versionColumns.find((c) => c.id === id)!.cell(row!, { now: 0 }).text;
    expect([cell('running'), cell('desired'), cell('git'), cell('state')]).toEqual(['1.8.2', '1.8.2', '1.9.0', 'git wants 1.9.0']);
  });
});

// Compare two zones / two clusters: facts, line states, order, masked secrets, the console's layout helper.
import { describe, expect, test } from 'vitest';
import { compareClusters, compareFacts, compareZonePair, flattenConfig } from '../../../source/model/compare.js';
import { maskObject } from '../../../source/model/mask.js';
import type { RolloutStatus, WorkloadInfo, ZoneInfo } from '../../../source/model/types.js';
import { elideCommon } from '../../../source/ui/views/compare.js';

const REPO = 'registry.example.com/project1/service';

function rollout(replicas: number): RolloutStatus {
  return {
    strategy: 'InplaceUpdate',
    replicas,
    updated: replicas,
    updatedReady: replicas,
    ready: replicas,
    steps: [],
    phase: 'complete',
    paused: false,
    message: '',
    hookConditions: [],
    actions: [],
  };
}

function workload(cluster: string, ns: string, name: string, image: string, replicas = 3): WorkloadInfo {
  return {
    cluster,
    namespace: ns,
    name,
    kind: 'GameStatefulSet' as WorkloadInfo['kind'],
    apiVersion: 'tkex.tencent.com/v1alpha1',
    uid: `${cluster}-${ns}-${name}`,
    resourceVersion: '1',
    labels: {},
    containers: [{ name: 'game', image }],
    rollout: rollout(replicas),
  };
}

function zone(cluster: string, id: string, config: Record<string, unknown>, services = ['game-1', 'db-1']): ZoneInfo {
  return {
    cluster,
    namespace: `zone-${id}`,
    zoneId: id,
    name: `zone${id}`,
    source: 'GameZone',
    defaultImage: `${REPO}:1.8.2`,
    config: maskObject(config),
    services: services.map((s) => ({ type: s.split('-')[0]!, id: s.split('-')[1]!, workload: s })),
    servicesReady: services.length,
    servicesTotal: services.length,
    rollout: 'complete',
    rolloutMessage: 'up to date',
  };
}

const config = (db: string, pwd: string) => ({
  redisConfig: { ip: 'redis', port: 6379 },
  mysqlConfig: { user: 'game', pwd, database: db },
});

describe('two zones', () => {
  const a = zone('shanghai', '101', config('zone_101', 's3cret-1'));
  const b = zone('nanjing', '201', config('zone_201', 's3cret-1'), ['game-1', 'db-1', 'battle-1']);
  const ws = [
    workload('shanghai', 'zone-101', 'game-1', `${REPO}:1.9.0`),
    workload('shanghai', 'zone-101', 'db-1', `${REPO}:1.8.2`),
    workload('nanjing', 'zone-201', 'game-1', `${REPO}:1.8.2`, 6),
    workload('nanjing', 'zone-201', 'db-1', `${REPO}:1.8.2`),
    workload('nanjing', 'zone-201', 'battle-1', `${REPO}:1.8.2`),
  ];
  const cmp = compareZonePair(a, b, ws);
  const changed = cmp.lines.filter((l) => l.state !== 'same').map((l) => [l.state, l.section, l.key, l.a, l.b]);

  test('services, images, replicas and config: what differs, and what only one side has under its section', () => {
    expect(cmp.a).toBe('shanghai/zone-101/zone 101');
    expect(cmp.b).toBe('nanjing/zone-201/zone 201');
    expect(changed).toEqual([
      ['changed', 'service game-1', 'replicas', '3', '6'],
      ['changed', 'service game-1', 'image game', `${REPO}:1.9.0`, `${REPO}:1.8.2`],
      ['changed', 'config', 'mysqlConfig.database', 'zone_101', 'zone_201'],
      ['only-b', 'service battle-1', 'kind', undefined, 'GameStatefulSet'],
      ['only-b', 'service battle-1', 'replicas', undefined, '3'],
      ['only-b', 'service battle-1', 'image game', undefined, `${REPO}:1.8.2`],
      ['only-b', 'service battle-1', 'asks', undefined, `${REPO}:1.8.2`],
    ]);
    expect(cmp.differences).toBe(7);
  });

  test('secrets are masked; the same password shows the same marker on both sides and is equal', () => {
    const pwd = cmp.lines.find((l) => l.key === 'mysqlConfig.pwd')!;
    expect(pwd.state).toBe('same');
    expect(pwd.a).toMatch(/^\*\*\*\(hmac:[0-9a-f]{8}\)$/);
    expect(JSON.stringify(cmp)).not.toContain('s3cret-1');
    const rotated = compareZonePair(a, zone('nanjing', '201', config('zone_101', 'rotated-2')), ws);
    const line = rotated.lines.find((l) => l.key === 'mysqlConfig.pwd')!;
    expect(line.state).toBe('changed');
    expect(JSON.stringify(rotated)).not.toContain('rotated-2');
  });

  test('a zone compared with itself has no differences', () => {
    expect(compareZonePair(a, a, ws).differences).toBe(0);
  });
});

describe('two clusters', () => {
  const zones = [
    zone('shanghai', '101', config('zone_101', 'x')),
    zone('shanghai', '102', config('zone_102', 'x')),
    zone('singapore', '102', config('zone_102', 'x')),
    zone('singapore', '301', config('zone_301', 'x')),
  ];
  const ws = [
    workload('shanghai', 'zone-101', 'game-1', `${REPO}:1.9.0`),
    workload('shanghai', 'zone-101', 'db-1', `${REPO}:1.8.2`),
    workload('shanghai', 'zone-102', 'game-1', `${REPO}:1.9.0`),
    workload('shanghai', 'zone-102', 'db-1', `${REPO}:1.8.2`),
    workload('singapore', 'zone-102', 'game-1', `${REPO}:1.8.2`),
    workload('singapore', 'zone-102', 'db-1', `${REPO}:1.8.2`),
    workload('singapore', 'zone-301', 'game-1', `${REPO}:1.8.2`),
    workload('singapore', 'zone-301', 'db-1', `${REPO}:1.8.2`),
  ];
  const cmp = compareClusters('shanghai', 'singapore', zones, ws);
  const diff = cmp.lines.filter((l) => l.state !== 'same').map((l) => [l.state, l.section, l.key, l.a ?? '-', l.b ?? '-']);

  test('zone ids on each side, versions per service across zones, and the shared zone fact by fact', () => {
    expect(diff).toEqual([
      ['only-a', 'zones', 'zone 101', 'zone101 (zone-101)', '-'],
      ['only-b', 'zones', 'zone 301', '-', 'zone301 (zone-301)'],
      ['changed', 'versions (zones)', 'game-1', '1.9.0 ×2', '1.8.2 ×2'],
      ['changed', 'zone 102 · service game-1', 'image game', `${REPO}:1.9.0`, `${REPO}:1.8.2`],
    ]);
    // Equal lines are kept (the caller shows them with --all / A).
    expect(cmp.lines.find((l) => l.section === 'versions (zones)' && l.key === 'db-1')).toMatchObject({ state: 'same', a: '1.8.2 ×2' });
  });
});

describe('helpers', () => {
  test('flattenConfig: sorted dotted paths, arrays by index, empty containers kept', () => {
    expect(flattenConfig({ b: { y: 1, x: [true, { k: null }] }, a: [], c: {} })).toEqual([
      { path: 'a', value: '[]' },
      { path: 'b.x[0]', value: 'true' },
      { path: 'b.x[1].k', value: 'null' },
      { path: 'b.y', value: '1' },
      { path: 'c', value: '{}' },
    ]);
  });

  test('compareFacts: equal, changed, only in A, only in B', () => {
    const f = (key: string, value: string) => ({ section: 's', key, value });
    const cmp = compareFacts('A', [f('x', '1'), f('y', '1'), f('z', '1')], 'B', [f('x', '1'), f('y', '2'), f('w', '1')]);
    expect(cmp.lines.map((l) => `${l.key}:${l.state}`)).toEqual(['x:same', 'y:changed', 'z:only-a', 'w:only-b']);
    expect(cmp.differences).toBe(3);
  });

  test('the console shows two long values from where they differ', () => {
    expect(elideCommon(`${REPO}:1.9.0`, `${REPO}:1.8.2`)).toEqual(['…:1.9.0', '…:1.8.2']);
    expect(elideCommon('a:1', 'a:2')).toEqual(['a:1', 'a:2']);
    expect(elideCommon('registry.example.com/project1/login:2.3.0', 'registry.example.com/project1/service:1.8.2')).toEqual([
      '…/login:2.3.0',
      '…/service:1.8.2',
    ]);
  });
});

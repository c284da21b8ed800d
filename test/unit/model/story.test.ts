// The selected object's story, pure parts: Events merged newest first across the story's objects,
// YAML masked without managedFields, and the kind-aware describe summary.
import { describe, expect, it } from 'vitest';
import { describeLines } from '../../../source/kinds/story/describe.js';
import { storyEvents } from '../../../source/model/story/events.js';
import { objectYaml } from '../../../source/model/story/yaml.js';
import { gstsInPlace } from '../kinds/fixtures-bkbcs.js';

const ev = (name: string, kind: string, obj: string, uid: string, last: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Event',
  metadata: { name, namespace: 'zone-101' },
  involvedObject: { kind, name: obj, uid, namespace: 'zone-101' },
  reason: 'R',
  message: 'm',
  type: 'Normal',
  lastTimestamp: last,
  ...extra,
});

describe('story events', () => {
  const objs = { uids: new Set(['w1', 'p1']), names: new Set(['GameStatefulSet/game-1']), podPrefixes: ['game-1-'] };

  it('keeps the story objects (uid, name, pods gone since by prefix), newest first, masked', () => {
    const rows = storyEvents(
      'shanghai',
      [
        ev('a', 'GameStatefulSet', 'game-1', 'w1', '2026-12-03T10:00:01Z', { reason: 'SuccessfulCreate' }),
        ev('b', 'Pod', 'game-1-0', 'p1', '2026-12-03T10:00:05Z', {
          type: 'Warning',
          reason: 'BackOff',
          count: 4,
          message: 'db password=hunter2 refused',
        }),
        ev('c', 'Pod', 'game-1-7', 'gone', '2026-12-03T10:00:03Z', { reason: 'Killing' }),
        ev('d', 'Pod', 'db-1-0', 'other', '2026-12-03T10:00:09Z'),
        ev('e', 'GameStatefulSet', 'game-1', 'old-uid-but-same-name', '2026-12-03T09:00:00Z', {
          series: { count: 3, lastObservedTime: '2026-12-03T10:00:02Z' },
          lastTimestamp: undefined,
        }),
      ],
      objs,
    );
    expect(rows.map((r) => [r.object, r.reason, r.last, r.count])).toEqual([
      ['Pod/game-1-0', 'BackOff', '2026-12-03T10:00:05Z', 4],
      ['Pod/game-1-7', 'Killing', '2026-12-03T10:00:03Z', 1],
      ['GameStatefulSet/game-1', 'R', '2026-12-03T10:00:02Z', 3],
      ['GameStatefulSet/game-1', 'SuccessfulCreate', '2026-12-03T10:00:01Z', 1],
    ]);
    expect(rows[0].type).toBe('Warning');
    expect(rows[0].message).not.toContain('hunter2');
    expect(rows[0].message).toMatch(/^db password=\*\*\*\(hmac:[0-9a-f]{8}\) refused$/);
  });
});

describe('object YAML', () => {
  it('drops managedFields and masks Secret data and sensitive fields', () => {
    const y = objectYaml({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's', managedFields: [{ manager: 'kubectl' }] },
      data: { password: 'aHVudGVyMg==' },
    });
    expect(y).not.toContain('managedFields');
    expect(y).not.toContain('aHVudGVyMg==');
    expect(y).toMatch(/password: "?\*\*\*\(hmac:[0-9a-f]{8}\)"?/);
  });
});

describe('describe', () => {
  it('a GameStatefulSet: identity, owner, rollout, template, pods and events', () => {
    const now = Date.parse('2020-11-10T08:45:00Z');
    const lines = describeLines({
      cluster: 'shanghai',
      obj: gstsInPlace(),
      now,
      pods: [],
      events: storyEvents('shanghai', [ev('a', 'GameStatefulSet', 'game-1', 'uid-game-1', '2020-11-10T08:44:00Z')]),
    });
    expect(lines.slice(0, 4)).toEqual([
      'Name:           game-1',
      'Namespace:      zone-101',
      'Kind:           GameStatefulSet (tkex.tencent.com/v1alpha1)',
      'Cluster:        shanghai',
    ]);
    expect(lines).toContain('Strategy:       InplaceUpdate');
    expect(lines).toContain('Replicas:       5 desired | 1 updated | 4 ready | 1 updated+ready');
    expect(lines).toContain('Partition:      2');
    expect(lines).toContain('Revision:       game-1-6b8f7d9c5 -> game-1-7c9d8e0f6');
    expect(lines).toContain('  main:');
    expect(lines).toContain('    Image:     registry.example.com/project1/service:0.3.0');
    expect(lines.at(-2)).toBe('  TYPE     REASON                    AGE   OBJECT                          MESSAGE');
    expect(lines.at(-1)).toBe('  Normal   R                           1m  GameStatefulSet/game-1          m');
  });
});

// Compare two zones, or two clusters / environments (all zones of each), side by side. Pure.
//
// Each side becomes a list of facts (section, key, value): a zone's default image, per service its
// kind, replicas and container images, and its GameZone config flattened (already masked at read:
// equal secrets show the same marker, so "changed" is still visible without the value). Two clusters:
// which zone ids each has, the zones they share compared fact by fact, and per service the versions
// and replica counts used across all zones of each side (environments rarely share zone ids; the
// service summary is what tells a stale image in one of them).
import { imageTag } from './format.js';
import type { WorkloadInfo, ZoneInfo } from './types.js';

export interface Fact {
  section: string;
  key: string;
  value: string;
}

export type LineState = 'same' | 'changed' | 'only-a' | 'only-b';

export interface CompareLine {
  section: string;
  key: string;
  a?: string;
  b?: string;
  state: LineState;
}

export interface Comparison {
  a: string;
  b: string;
  /** Every line, equal ones included (the caller hides them unless asked). */
  lines: CompareLine[];
  differences: number;
}

const wkey = (cluster: string, ns: string, name: string) => `${cluster}\u0000${ns}\u0000${name}`;

/**
 * Workloads by cluster/namespace/name, rollout controllers left out (they drive a service, are none);
 * `keep` narrows it first (the console compares on every snapshot: index only what is compared).
 */
export function workloadIndex(ws: readonly WorkloadInfo[], keep: (w: WorkloadInfo) => boolean = () => true): Map<string, WorkloadInfo> {
  const m = new Map<string, WorkloadInfo>();
  for (const w of ws) if (!w.workloadRef && keep(w)) m.set(wkey(w.cluster, w.namespace, w.name), w);
  return m;
}

/** The facts of one zone; `prefix` goes before each section (a cluster comparison names the zone). */
export function zoneFacts(z: ZoneInfo, workloads: Map<string, WorkloadInfo>, prefix = ''): Fact[] {
  const out: Fact[] = [];
  const add = (section: string, key: string, value: string) => out.push({ section: prefix + section, key, value });
  add('zone', 'source', z.source);
  if (z.defaultImage) add('zone', 'defaultImage', z.defaultImage);
  if (z.invalid) add('zone', 'invalid', z.invalid);
  for (const s of z.services) {
    const name = s.id === '' ? s.type : `${s.type}-${s.id}`;
    const section = `service ${name}`;
    const w = s.workload ? workloads.get(wkey(z.cluster, z.namespace, s.workload)) : undefined;
    // What the GameZone asks for this service: its entry's image, else the zone's default.
    const asks = z.source === 'GameZone' ? (s.image ?? z.defaultImage) : undefined;
    if (!w) {
      add(section, 'workload', 'missing');
      if (asks) add(section, 'asks', asks);
      continue;
    }
    add(section, 'kind', w.kind);
    add(section, 'replicas', String(w.rollout.replicas));
    for (const c of w.containers) add(section, `image ${c.name}`, c.image);
    if (asks) add(section, 'asks', asks);
  }
  for (const f of flattenConfig(z.config)) add('config', f.path, f.value);
  return out;
}

/** "redisConfig.port" = "6379"; arrays by index; at most `limit` entries (a runaway config stays readable). */
export function flattenConfig(v: unknown, limit = 500): Array<{ path: string; value: string }> {
  const out: Array<{ path: string; value: string }> = [];
  const walk = (x: unknown, path: string): void => {
    if (out.length >= limit) return;
    if (Array.isArray(x)) {
      if (x.length === 0) out.push({ path, value: '[]' });
      x.forEach((y, i) => walk(y, `${path}[${i}]`));
    } else if (x !== null && typeof x === 'object') {
      const entries = Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      if (entries.length === 0 && path) out.push({ path, value: '{}' });
      for (const [k, y] of entries) walk(y, path ? `${path}.${k}` : k);
    } else out.push({ path, value: x === null ? 'null' : String(x) });
  };
  if (v !== undefined) walk(v, '');
  return out;
}

/** The facts of a whole cluster (its zones in `zones`), and of the zones it shares with the other side. */
export function clusterFacts(zones: readonly ZoneInfo[], other: readonly ZoneInfo[], workloads: Map<string, WorkloadInfo>): Fact[] {
  const out: Fact[] = [];
  const shared = new Set(other.map((z) => z.zoneId));
  for (const z of zones) out.push({ section: 'zones', key: `zone ${z.zoneId}`, value: `${z.name} (${z.namespace})` });
  // Per service name, across every zone of the side: which versions and replica counts, in how many zones.
  const versions = new Map<string, Map<string, number>>();
  const replicas = new Map<string, Map<string, number>>();
  const bump = (m: Map<string, Map<string, number>>, svc: string, v: string) => {
    const c = m.get(svc) ?? m.set(svc, new Map()).get(svc)!;
    c.set(v, (c.get(v) ?? 0) + 1);
  };
  for (const z of zones)
    for (const s of z.services) {
      const name = s.id === '' ? s.type : `${s.type}-${s.id}`;
      const w = s.workload ? workloads.get(wkey(z.cluster, z.namespace, s.workload)) : undefined;
      if (!w) continue;
      const image = w.containers[0]?.image;
      if (image) bump(versions, name, imageTag(image));
      bump(replicas, name, String(w.rollout.replicas));
    }
  const summary = (c: Map<string, number>) =>
    [...c]
      .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
      .map(([v, n]) => `${v} ×${n}`)
      .join(', ');
  // Section codes (`zonectl compare -o json` carries them); ui/views/compare.ts and the table word them.
  // eslint-disable-next-line i18next/no-literal-string -- a code, worded where shown
  for (const [svc, c] of [...versions].sort()) out.push({ section: 'versions (zones)', key: svc, value: summary(c) });
  // eslint-disable-next-line i18next/no-literal-string -- a code, worded where shown
  for (const [svc, c] of [...replicas].sort()) out.push({ section: 'replicas (zones)', key: svc, value: summary(c) });
  for (const z of zones) if (shared.has(z.zoneId)) out.push(...zoneFacts(z, workloads, `zone ${z.zoneId} · `));
  return out;
}

/** Lines of two fact lists: A's order first, then what only B has, in B's order. */
export function compareFacts(aLabel: string, a: readonly Fact[], bLabel: string, b: readonly Fact[]): Comparison {
  const id = (f: Fact) => `${f.section}\u0000${f.key}`;
  const bBy = new Map(b.map((f) => [id(f), f]));
  const aIds = new Set(a.map(id));
  const lines: CompareLine[] = [];
  for (const f of a) {
    const g = bBy.get(id(f));
    lines.push(
      g === undefined
        ? { section: f.section, key: f.key, a: f.value, state: 'only-a' }
        : { section: f.section, key: f.key, a: f.value, b: g.value, state: f.value === g.value ? 'same' : 'changed' },
    );
  }
  for (const g of b) if (!aIds.has(id(g))) lines.push({ section: g.section, key: g.key, b: g.value, state: 'only-b' });
  // A section's lines stay together (B's extra lines under the section they belong to), sections in order of first appearance.
  const order = new Map<string, number>();
  for (const l of lines) if (!order.has(l.section)) order.set(l.section, order.size);
  lines.sort((x, y) => order.get(x.section)! - order.get(y.section)!);
  return { a: aLabel, b: bLabel, lines, differences: lines.filter((l) => l.state !== 'same').length };
}

export const zoneLabel = (z: Pick<ZoneInfo, 'cluster' | 'namespace' | 'zoneId'>) => `${z.cluster}/${z.namespace}/zone ${z.zoneId}`;

export function compareZonePair(a: ZoneInfo, b: ZoneInfo, workloads: readonly WorkloadInfo[]): Comparison {
  const idx = workloadIndex(workloads, (w) => w.namespace === a.namespace || w.namespace === b.namespace);
  return compareFacts(zoneLabel(a), zoneFacts(a, idx), zoneLabel(b), zoneFacts(b, idx));
}

export function compareClusters(a: string, b: string, zones: readonly ZoneInfo[], workloads: readonly WorkloadInfo[]): Comparison {
  const idx = workloadIndex(workloads, (w) => w.cluster === a || w.cluster === b);
  const za = zones.filter((z) => z.cluster === a);
  const zb = zones.filter((z) => z.cluster === b);
  return compareFacts(a, clusterFacts(za, zb, idx), b, clusterFacts(zb, za, idx));
}

/** The diff markers of `diff --side-by-side`: changed |, only left <, only right >, equal blank. */
export const MARKS: Record<LineState, string> = { same: ' ', changed: '|', 'only-a': '<', 'only-b': '>' };

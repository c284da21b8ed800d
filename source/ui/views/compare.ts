// The Compare screen: two zones, or two clusters (every zone of each), side by side, from the marks of
// the Zones or Clusters list (`=`). Only the differences unless A (show all) is on. The comparison is
// model/compare.ts, the same as `zonectl compare`; this file lays it out for a terminal of 80 columns.
import { compareClusters, compareZonePair, MARKS, type Comparison, type CompareLine } from '../../model/compare.js';
import { t, type MessageKey } from '../../i18n/t.js';
import type { Snapshot } from '../../store/types.js';
import type { Token } from '../theme/theme.js';
import { zoneKey } from './keys.js';
import { LineBuilder } from './lines.js';
import type { BuildContext, DetailContent, DetailDef } from './types.js';

const SEP = '\u0001';

/** The detail key of a comparison of two rows of a list ('zones' or 'clusters'). */
export function compareKey(list: string, a: string, b: string): string {
  return [list, a, b].join(SEP);
}

const KEY_WIDTH = 20;
const VALUE_WIDTH = 27;

const TOKENS: Record<CompareLine['state'], Token | undefined> = { same: 'muted', changed: 'warn', 'only-a': 'error', 'only-b': 'ok' };

function cut(s: string, w: number): string {
  return s.length <= w ? s.padEnd(w) : `${s.slice(0, w - 1)}…`;
}

/**
 * Two long values that share their start (images of one registry) show from where they differ, after
 * the last "/" or ":" before it: "…:1.9.0" | "…:1.8.2". The full values are in `zonectl compare`.
 */
export function elideCommon(a: string, b: string): [string, string] {
  if (a === b || a.length + b.length < 2 * VALUE_WIDTH) return [a, b];
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const cutAt = Math.max(a.lastIndexOf('/', i - 1), a.lastIndexOf(':', i - 1));
  if (cutAt < 8) return [a, b];
  return [`…${a.slice(cutAt)}`, `…${b.slice(cutAt)}`];
}

// model/compare.ts names its sections in English (`zonectl compare -o json` carries them); shown, in words.
const SECTIONS: Record<string, MessageKey> = {
  zone: 'views.compare.sectionZone',
  config: 'views.compare.sectionConfig',
  zones: 'views.compare.sectionZones',
  'versions (zones)': 'views.compare.sectionVersions',
  'replicas (zones)': 'views.compare.sectionReplicas',
};
const SECTION_RE = /^(?:zone (\S+) · )?(?:(service) (.+)|(.+))$/;

/** A compare section as a person reads it: "zone 1 · service game-1" -> "区服 1 · 服务 game-1". */
export function sectionText(section: string): string {
  const m = SECTION_RE.exec(section);
  if (!m) return section;
  const [, zone, service, name, rest] = m;
  const head = zone === undefined ? '' : t('views.compare.zonePrefix', { zone });
  if (service) return head + t('views.compare.sectionService', { name: name! });
  const key = SECTIONS[rest!];
  return key ? head + t(key) : section;
}

/** A compare line's key or side label as a person reads it: "zone 102" -> "区服 102", "image game" -> "镜像 game". */
function keyText(key: string): string {
  if (key === 'asks') return t('views.compare.keyAsks');
  return key
    .replace(/(^|\/)zone (\S+)$/, (_m, pre: string, id: string) => pre + t('views.compare.keyZone', { id }))
    .replace(/^image (\S+)$/, (_m, name: string) => t('views.compare.keyImage', { name }));
}

function comparisonOf(s: Snapshot, key: string): Comparison | null {
  const [list, a, b] = key.split(SEP);
  if (a === undefined || b === undefined) return null;
  if (list === 'clusters') {
    const names = new Set(s.clusters.map((c) => c.name));
    return names.has(a) && names.has(b) ? compareClusters(a, b, s.zones, s.workloads) : null;
  }
  const za = s.zones.find((z) => zoneKey(z) === a);
  const zb = s.zones.find((z) => zoneKey(z) === b);
  return za && zb ? compareZonePair(za, zb, s.workloads) : null;
}

export function buildCompare(s: Snapshot, key: string, ctx: BuildContext): DetailContent | null {
  const cmp = comparisonOf(s, key);
  if (!cmp) return null;
  const b = new LineBuilder();
  b.add('a', [
    { text: 'A ', token: 'muted' },
    { text: keyText(cmp.a), token: 'accent' },
  ]);
  b.add('b', [
    { text: 'B ', token: 'muted' },
    { text: keyText(cmp.b), token: 'accent' },
  ]);
  const equal = cmp.lines.length - cmp.differences;
  b.add('summary', [
    {
      text: cmp.differences === 0 ? t('views.compare.noDifferences') : t('views.compare.differences', { n: cmp.differences }),
      token: cmp.differences ? 'warn' : 'ok',
    },
    { text: ctx.showAll ? t('views.compare.equalShown', { n: equal }) : t('views.compare.equalHidden', { n: equal }), token: 'muted' },
  ]);
  const shown = ctx.showAll ? cmp.lines : cmp.lines.filter((l) => l.state !== 'same');
  let section: string | undefined;
  for (const l of shown) {
    if (l.section !== section) {
      section = l.section;
      b.heading(sectionText(section));
    }
    const [va, vb] = elideCommon(l.a ?? '-', l.b ?? '-');
    const tone = TOKENS[l.state];
    b.add(`l:${l.section}:${l.key}`, [
      { text: `${MARKS[l.state]} `, token: tone },
      { text: `${cut(keyText(l.key), KEY_WIDTH)} `, token: 'muted' },
      { text: `${cut(va, VALUE_WIDTH)} `, token: l.state === 'only-b' ? 'muted' : tone },
      { text: vb, token: l.state === 'only-a' ? 'muted' : tone },
    ]);
  }
  return { title: t('views.compare.title', { a: cmp.a, b: cmp.b }), lines: b.lines };
}

export const compareDetail: DetailDef = {
  id: 'compare',
  build: buildCompare,
  // A getter: the detail is defined at import, before the run's language is set.
  get showAll() {
    return t('views.compare.showAll');
  },
};

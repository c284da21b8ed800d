// Printing one pair: stable YAML (sorted keys) of normalised, masked live and predicted-live, and a unified diff
// live -> predicted made with the `diff` library (jsdiff). Rule 22.
import { t as tr } from '../i18n/t.js';
import { createTwoFilesPatch } from 'diff';
import { stringify } from 'yaml';
import { sortKeysDeep } from './canonical.js';

export function toYaml(o: unknown): string {
  if (o === undefined) return '';
  return stringify(sortKeysDeep(o), { lineWidth: 0, aliasDuplicateObjects: false });
}

/** `group/Kind namespace/name` (core group written as the bare Kind). */
export function objectLabel(o: { group: string; kind: string; namespace: string; name: string }): string {
  return `${o.group ? `${o.group}/` : ''}${o.kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name}`;
}

/** A diff line longer than this is cut (a 20 MB value in a config repo must not make a 20 MB line). */
export const MAX_DIFF_LINE = 4_096;

/** The line cut at `max` characters with how much was left out. */
export function cutLine(line: string, max = MAX_DIFF_LINE): string {
  return line.length <= max ? line : `${line.slice(0, max)}… (${tr('report.diff.moreChars', { n: line.length - max })})`;
}

export function unifiedDiff(label: string, liveYaml: string, predictedYaml: string, context = 3): string {
  if (liveYaml === predictedYaml) return '';
  const patch = createTwoFilesPatch(`live/${label}`, `git/${label}`, liveYaml, predictedYaml, undefined, undefined, { context });
  // drop the "Index:"/"=====" preamble jsdiff writes; keep ---/+++ and hunks
  return patch
    .split('\n')
    .filter((l, i) => !(i < 2 && (l.startsWith('Index:') || l.startsWith('===='))))
    .map((l) => cutLine(l))
    .join('\n')
    .replace(/\n+$/, '\n');
}

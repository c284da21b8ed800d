// Printing one pair: stable YAML (sorted keys) of normalised, masked live and predicted-live, and a unified diff
// live -> predicted made with the `diff` library (jsdiff). Rule 22.
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

export function unifiedDiff(label: string, liveYaml: string, predictedYaml: string, context = 3): string {
  if (liveYaml === predictedYaml) return '';
  const patch = createTwoFilesPatch(`live/${label}`, `git/${label}`, liveYaml, predictedYaml, undefined, undefined, { context });
  // drop the "Index:"/"=====" preamble jsdiff writes; keep ---/+++ and hunks
  return patch
    .split('\n')
    .filter((l, i) => !(i < 2 && (l.startsWith('Index:') || l.startsWith('===='))))
    .join('\n')
    .replace(/\n+$/, '\n');
}

// `--version FILTER` and the Versions view's question "which zones still run 1.8.x?". Pure.
//
// A filter is one or more terms separated by spaces; a version matches when every term does:
//   1.8  1.8.x  1.8.*   prefix on dot boundaries: 1.8, 1.8.2, 1.8.2-hotfix (not 1.80, not 1.9.0)
//   =1.8.2              exactly this version
//   >=1.8 <1.9.0        comparisons (>, >=, <, <=, !=), numeric part by part (1.9 = 1.9.0); a
//                       pre-release such as 1.9.0-rc1 sorts before 1.9.0, so "<1.9" takes it (semver);
//                       a leading "v" is ignored on both sides
// A tag that is no version (latest, a digest) matches only a prefix or = term that names it.

import { t } from '../i18n/t.js';

export type VersionTest = (version: string) => boolean;

export class VersionFilterError extends Error {}

const OPS = ['>=', '<=', '!=', '>', '<', '='] as const;
type Op = (typeof OPS)[number];

interface Parsed {
  nums: number[];
  pre: string;
}

/** "v1.8.2-rc1" -> {nums: [1, 8, 2], pre: "rc1"}; undefined when it does not start with a number. */
export function parseVersion(v: string): Parsed | undefined {
  const m = /^v?(\d+(?:\.\d+)*)(?:[-+](.*))?$/.exec(v.trim());
  if (!m) return undefined;
  return { nums: m[1]!.split('.').map(Number), pre: m[2] ?? '' };
}

/** Semver-like order: numbers part by part (missing parts are 0), then a pre-release before none. */
export function compareVersions(a: string, b: string): number {
  const pa = parseVersion(a);
  const pb = parseVersion(b);
  if (!pa || !pb) return pa ? 1 : pb ? -1 : a < b ? -1 : a > b ? 1 : 0;
  for (let i = 0; i < Math.max(pa.nums.length, pb.nums.length); i++) {
    const d = (pa.nums[i] ?? 0) - (pb.nums[i] ?? 0);
    if (d) return d;
  }
  if (pa.pre === pb.pre) return 0;
  if (!pa.pre) return 1;
  if (!pb.pre) return -1;
  return pa.pre < pb.pre ? -1 : 1;
}

function prefixTest(pattern: string): VersionTest {
  const bare = pattern.replace(/^v(?=\d)/, '').replace(/(\.[x*])+$/i, '');
  return (v) => {
    const t = v.replace(/^v(?=\d)/, '');
    return t === bare || (t.startsWith(bare) && /^[.+-]/.test(t.slice(bare.length)));
  };
}

function termTest(term: string): VersionTest {
  const op = OPS.find((o) => term.startsWith(o));
  if (!op) {
    if (/[<>=!]/.test(term)) throw new VersionFilterError(t('views.versionFilter.operator', { term }));
    return prefixTest(term);
  }
  const rest = term.slice(op.length);
  if (rest === '') throw new VersionFilterError(t('views.versionFilter.missing', { term, op }));
  if (/^[<>=!]/.test(rest)) throw new VersionFilterError(t('views.versionFilter.operator', { term }));
  if (op === '=') return (v) => v === rest || v.replace(/^v(?=\d)/, '') === rest.replace(/^v(?=\d)/, '');
  if (!parseVersion(rest)) throw new VersionFilterError(t('views.versionFilter.notVersion', { term, rest }));
  if (op === '!=') return (v) => parseVersion(v) !== undefined && compareVersions(v, rest) !== 0;
  return (v) => parseVersion(v) !== undefined && cmpOp(op, compareVersions(v, rest));
}

function cmpOp(op: Exclude<Op, '=' | '!='>, d: number): boolean {
  switch (op) {
    case '>=':
      return d >= 0;
    case '<=':
      return d <= 0;
    case '>':
      return d > 0;
    case '<':
      return d < 0;
  }
}

/** The test a filter text stands for; a malformed one throws VersionFilterError (a usage error). */
export function versionFilter(text: string): VersionTest {
  // ">= 1.8" is one term: an operator on its own joins the version after it.
  const terms = text
    .trim()
    .replace(/(>=|<=|!=|>|<|=)\s+/g, '$1')
    .split(/\s+/)
    .filter(Boolean);
  if (terms.length === 0) throw new VersionFilterError(t('views.versionFilter.empty'));
  const tests = terms.map(termTest);
  return (v) => tests.every((t) => t(v));
}

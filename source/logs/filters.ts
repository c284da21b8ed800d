// Line and container filters: --include / --exclude / --container for the follower, and the console's
// `/` filter (case-insensitive regex, a leading `!` inverts, like k9s) with match ranges to highlight.
import { InputError } from '../errors.js';

export class FilterError extends InputError {}

/** Compiles a user regex for a flag, naming the flag in the error. */
export function compileRegex(source: string, flag: string, flags = ''): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (e) {
    throw new FilterError(
      `${flag} "${source}": not a valid regular expression (${(e as Error).message.replace(/^Invalid regular expression: /, '')})`,
    );
  }
}

/** --include / --exclude: a line passes when it matches any include (if given) and no exclude. */
export function lineFilter(include: readonly RegExp[] = [], exclude: readonly RegExp[] = []): ((message: string) => boolean) | undefined {
  if (include.length === 0 && exclude.length === 0) return undefined;
  const inc = include.map(stateless);
  const exc = exclude.map(stateless);
  return (m) => {
    if (inc.length > 0) {
      let ok = false;
      for (const r of inc)
        if (r.test(m)) {
          ok = true;
          break;
        }
      if (!ok) return false;
    }
    for (const r of exc) if (r.test(m)) return false;
    return true;
  };
}

/** --container: which containers of a pod to follow (all when no regex). */
export function containerMatcher(re?: RegExp): (name: string) => boolean {
  if (!re) return () => true;
  const r = stateless(re);
  return (n) => r.test(n);
}

function stateless(r: RegExp): RegExp {
  return r.global || r.sticky ? new RegExp(r.source, r.flags.replace(/[gy]/g, '')) : r;
}

/** The console filter: compiled once per query. */
export interface ViewFilter {
  readonly query: string;
  readonly inverted: boolean;
  /** Does the text pass the filter? */
  test(text: string): boolean;
  /** [start, end) ranges to highlight in `text` (empty for an inverted filter). */
  ranges(text: string): Array<[number, number]>;
}

export function viewFilter(query: string): ViewFilter | undefined {
  let q = query;
  let inverted = false;
  if (q.startsWith('!')) {
    inverted = true;
    q = q.slice(1);
  }
  if (!q) return undefined;
  let re: RegExp;
  try {
    re = new RegExp(q, 'gi');
  } catch {
    re = new RegExp(q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'); // not a regex: match it literally
  }
  const probe = new RegExp(re.source, 'i');
  return {
    query,
    inverted,
    test: (text) => probe.test(text) !== inverted,
    ranges(text) {
      if (inverted) return [];
      const out: Array<[number, number]> = [];
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(text)) !== null) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        out.push([m.index, m.index + m[0].length]);
        if (out.length > 64) break;
      }
      return out;
    },
  };
}

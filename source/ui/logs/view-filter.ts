// The console's `/` filter over a log view: case-insensitive regex (text that does not parse is matched
// literally), a leading `!` inverts, like k9s; match ranges feed the highlight.

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

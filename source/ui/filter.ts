// List filter typed after '/':
//   text      case-insensitive substring
//   /re/i     regular expression (when it parses; otherwise the text is taken literally)
//   !expr     inverts either form
export interface CompiledFilter {
  readonly empty: boolean;
  readonly inverted: boolean;
  readonly regex: boolean;
  /** Set when the text looked like /re/ but did not compile (the filter falls back to substring). */
  readonly error?: string;
  test(haystack: string): boolean;
}

const MATCH_ALL: CompiledFilter = { empty: true, inverted: false, regex: false, test: () => true };

export function compileFilter(text: string): CompiledFilter {
  let body = text;
  let inverted = false;
  if (body.startsWith('!')) {
    inverted = true;
    body = body.slice(1);
  }
  if (body === '') return inverted ? { ...MATCH_ALL, inverted } : MATCH_ALL;
  const m = /^\/(.*)\/([a-z]*)$/s.exec(body);
  if (m && m[1] !== '') {
    try {
      const re = new RegExp(m[1], m[2]?.includes('i') ? m[2] : (m[2] ?? '') + 'i');
      return { empty: false, inverted, regex: true, test: (h) => re.test(h) !== inverted };
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      const needle = body.toLowerCase();
      return { empty: false, inverted, regex: false, error, test: (h) => h.toLowerCase().includes(needle) !== inverted };
    }
  }
  const needle = body.toLowerCase();
  return { empty: false, inverted, regex: false, test: (h) => h.toLowerCase().includes(needle) !== inverted };
}

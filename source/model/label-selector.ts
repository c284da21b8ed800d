// Label selector syntax, checked locally as the apiserver parses it (k8s.io/apimachinery labels.Parse),
// so a typo is a usage error before any request rather than a failure of every cluster:
//   selector    := [requirement (',' requirement)*]
//   requirement := key | '!' key | key ('=' | '==' | '!=') [value] | key ('in' | 'notin') '(' [value] (',' [value])* ')'
//                | key ('>' | '<') integer
// Keys are qualified names ([DNS subdomain '/'] name, name at most 63 characters), values at most 63
// characters of [A-Za-z0-9._-] that begin and end alphanumeric, or empty ('x notin ()' is x notin {""});
// the integer of '>' and '<' is a value too (so digits only, no sign) that fits in 64 bits. Blanks are
// space, tab, CR and LF; 'in' and 'notin' are words only where an operator is expected.
/* eslint-disable i18next/no-literal-string -- the apiserver's own wording for a bad selector, as kubectl prints it (values the API writes stay English) */

const NAME_RE = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const SUBDOMAIN_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const OPS = 'in, notin, =, ==, !=, gt, lt';
const BLANK = ' \t\r\n';
const INT64_MAX = 9223372036854775807n;

type Token = { t: 'id'; v: string } | { t: 'op'; v: string } | { t: 'end' };

function tokens(sel: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < sel.length) {
    const ch = sel[i]!;
    if (BLANK.includes(ch)) {
      i++;
      continue;
    }
    const two = sel.slice(i, i + 2);
    if (two === '==' || two === '!=') {
      out.push({ t: 'op', v: two });
      i += 2;
    } else if ('=!(),<>'.includes(ch)) {
      out.push({ t: 'op', v: ch });
      i++;
    } else {
      let j = i;
      while (j < sel.length && !BLANK.includes(sel[j]!) && !'=!(),<>'.includes(sel[j]!)) j++;
      out.push({ t: 'id', v: sel.slice(i, j) });
      i = j;
    }
  }
  out.push({ t: 'end' });
  return out;
}

// The parse errors say what the apiserver says of the same selector, in its words (kept in English).
const shown = (k: Token) => (k.t === 'end' ? 'end of selector' : `'${k.v}'`);

function keyProblem(key: string): string | undefined {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined && (!prefix || prefix.length > 253 || !SUBDOMAIN_RE.test(prefix)))
    return `invalid label key "${key}": the prefix must be a DNS subdomain (lowercase letters, digits, '-' and '.')`;
  if (!name || name.length > 63 || !NAME_RE.test(name))
    return `invalid label key "${key}": a name of at most 63 characters ([A-Za-z0-9._-], beginning and ending alphanumeric)`;
  return undefined;
}

function valueProblem(value: string): string | undefined {
  if (value.length > 63) return `invalid label value "${value}": at most 63 characters`;
  if (value && !NAME_RE.test(value)) return `invalid label value "${value}": [A-Za-z0-9._-], beginning and ending alphanumeric`;
  return undefined;
}

/** Why `sel` is not a label selector the apiserver accepts; undefined when it is one (the empty selector included). */
export function labelSelectorProblem(sel: string): string | undefined {
  const ts = tokens(sel);
  let i = 0;
  const peek = () => ts[i]!;
  const next = () => ts[i++]!;
  const isId = (k: Token): k is { t: 'id'; v: string } => k.t === 'id';
  if (peek().t === 'end') return undefined;
  for (;;) {
    let k = next();
    const negated = k.t === 'op' && k.v === '!';
    if (negated) k = next();
    if (!isId(k)) return `unable to parse requirement: found ${shown(k)}, expected: identifier`;
    const keyBad = keyProblem(k.v);
    if (keyBad) return keyBad;
    const op = peek();
    if (op.t === 'end' || (op.t === 'op' && op.v === ',')) {
      // key or !key
    } else if (negated) {
      return `unable to parse requirement: found ${shown(op)}, expected: ',' or end of selector`;
    } else if (op.t === 'op' && (op.v === '=' || op.v === '==' || op.v === '!=')) {
      next();
      const v = peek();
      if (isId(v)) {
        next();
        const bad = valueProblem(v.v);
        if (bad) return bad;
      } else if (!(v.t === 'end' || (v.t === 'op' && v.v === ','))) {
        return `unable to parse requirement: found ${shown(v)}, expected: a value`;
      }
    } else if (op.t === 'op' && (op.v === '<' || op.v === '>')) {
      next();
      const v = next();
      if (!isId(v) || !/^[-+]?\d+$/.test(v.v) || BigInt(v.v) > INT64_MAX || BigInt(v.v) < -INT64_MAX - 1n)
        return `unable to parse requirement: found ${shown(v)}, expected: an integer`;
      const bad = valueProblem(v.v);
      if (bad) return bad;
    } else if (isId(op) && (op.v === 'in' || op.v === 'notin')) {
      next();
      const open = next();
      if (!(open.t === 'op' && open.v === '(')) return `unable to parse requirement: found ${shown(open)}, expected: (`;
      // '()' and empty places in the list ('(a,,b)', '(,a)') are the empty value.
      for (;;) {
        const v = next();
        if (v.t === 'op' && v.v === ')') break;
        if (isId(v)) {
          const bad = valueProblem(v.v);
          if (bad) return bad;
          const sep = next();
          if (sep.t === 'op' && sep.v === ')') break;
          if (sep.t === 'op' && sep.v === ',') continue;
          return `unable to parse requirement: found ${shown(sep)}, expected: , or )`;
        }
        if (v.t === 'op' && v.v === ',') continue; // an empty value in the list
        return `unable to parse requirement: found ${shown(v)}, expected: )`;
      }
    } else {
      return `unable to parse requirement: found ${shown(op)}, expected: ${OPS}`;
    }
    const sep = next();
    if (sep.t === 'end') return undefined;
    if (!(sep.t === 'op' && sep.v === ',')) return `unable to parse requirement: found ${shown(sep)}, expected: ',' or end of selector`;
    if (peek().t === 'end') return `unable to parse requirement: found end of selector, expected: identifier`;
  }
}

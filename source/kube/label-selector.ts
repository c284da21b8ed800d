// Label selectors, parsed once here as the apiserver parses them (k8s.io/apimachinery labels.Parse), for two
// uses: a typo is a usage error before any request rather than a failure of every cluster (the problem, in
// the apiserver's words), and the informer pool and the simulator evaluate the requirements (selectors.ts).
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

export type LabelRequirement =
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: 'exists' | '!exists' }
  | { key: string; op: 'gt' | 'lt'; value: bigint };

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

type Read = { requirements: LabelRequirement[] } | { problem: string };

/** The requirements of `sel`, or why the apiserver would not accept it. The empty selector is no requirement. */
function readLabelSelector(sel: string): Read {
  const requirements: LabelRequirement[] = [];
  const bad = (problem: string): Read => ({ problem });
  const ts = tokens(sel);
  let i = 0;
  const peek = () => ts[i]!;
  const next = () => ts[i++]!;
  const isId = (k: Token): k is { t: 'id'; v: string } => k.t === 'id';
  if (peek().t === 'end') return { requirements };
  for (;;) {
    let k = next();
    const negated = k.t === 'op' && k.v === '!';
    if (negated) k = next();
    if (!isId(k)) return bad(`unable to parse requirement: found ${shown(k)}, expected: identifier`);
    const keyBad = keyProblem(k.v);
    if (keyBad) return bad(keyBad);
    const key = k.v;
    const op = peek();
    if (op.t === 'end' || (op.t === 'op' && op.v === ',')) {
      requirements.push({ key, op: negated ? '!exists' : 'exists' });
    } else if (negated) {
      return bad(`unable to parse requirement: found ${shown(op)}, expected: ',' or end of selector`);
    } else if (op.t === 'op' && (op.v === '=' || op.v === '==' || op.v === '!=')) {
      next();
      const v = peek();
      if (isId(v)) {
        next();
        const problem = valueProblem(v.v);
        if (problem) return bad(problem);
      } else if (!(v.t === 'end' || (v.t === 'op' && v.v === ','))) {
        return bad(`unable to parse requirement: found ${shown(v)}, expected: a value`);
      }
      requirements.push({ key, op: op.v === '!=' ? 'notin' : 'in', values: [isId(v) ? v.v : ''] });
    } else if (op.t === 'op' && (op.v === '<' || op.v === '>')) {
      next();
      const v = next();
      if (!isId(v) || !/^[-+]?\d+$/.test(v.v) || BigInt(v.v) > INT64_MAX || BigInt(v.v) < -INT64_MAX - 1n)
        return bad(`unable to parse requirement: found ${shown(v)}, expected: an integer`);
      const problem = valueProblem(v.v);
      if (problem) return bad(problem);
      requirements.push({ key, op: op.v === '>' ? 'gt' : 'lt', value: BigInt(v.v) });
    } else if (isId(op) && (op.v === 'in' || op.v === 'notin')) {
      next();
      const open = next();
      if (!(open.t === 'op' && open.v === '(')) return bad(`unable to parse requirement: found ${shown(open)}, expected: (`);
      // '()' and empty places in the list ('(a,,b)', '(,a)', '(a,)') are the empty value.
      const values: string[] = [];
      for (;;) {
        const v = next();
        if (v.t === 'op' && v.v === ')') {
          values.push('');
          break;
        }
        if (isId(v)) {
          const problem = valueProblem(v.v);
          if (problem) return bad(problem);
          values.push(v.v);
          const sep = next();
          if (sep.t === 'op' && sep.v === ')') break;
          if (sep.t === 'op' && sep.v === ',') continue;
          return bad(`unable to parse requirement: found ${shown(sep)}, expected: , or )`);
        }
        if (v.t === 'op' && v.v === ',') {
          values.push(''); // an empty value in the list
          continue;
        }
        return bad(`unable to parse requirement: found ${shown(v)}, expected: )`);
      }
      requirements.push({ key, op: op.v as 'in' | 'notin', values });
    } else {
      return bad(`unable to parse requirement: found ${shown(op)}, expected: ${OPS}`);
    }
    const sep = next();
    if (sep.t === 'end') return { requirements };
    if (!(sep.t === 'op' && sep.v === ','))
      return bad(`unable to parse requirement: found ${shown(sep)}, expected: ',' or end of selector`);
    if (peek().t === 'end') return bad(`unable to parse requirement: found end of selector, expected: identifier`);
  }
}

/** Why `sel` is not a label selector the apiserver accepts; undefined when it is one (the empty selector included). */
export function labelSelectorProblem(sel: string): string | undefined {
  const read = readLabelSelector(sel);
  return 'problem' in read ? read.problem : undefined;
}

/**
 * The requirements of a label selector, or undefined when it does not parse (the apiserver then says why;
 * nothing here guesses). The empty selector is no requirement.
 */
export function parseLabelSelector(sel: string | undefined): LabelRequirement[] | undefined {
  if (sel === undefined) return [];
  const read = readLabelSelector(sel);
  return 'problem' in read ? undefined : read.requirements;
}

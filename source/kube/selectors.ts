// Label and field selectors evaluated here, with the apiserver's semantics, so the informer pool can serve
// a narrow selection (one name, one label set) from a wider watch of the same type that is already running.
//
// Labels follow k8s.io/apimachinery/pkg/labels (selector.go, Requirement.Matches):
//   key=v, key==v, key in (v1,v2)  the label is present and its value is one of the values;
//   key!=v, key notin (v1,v2)      the label is absent, or present with a value not among them;
//   key                            the label is present (any value, the empty one included);
//   !key                           the label is absent;
//   key>n, key<n                   the label is present, its value parses as a base-10 int64, and it is
//                                  greater / less than n (a value that is not an integer never matches).
// Every requirement must hold (a comma is AND); the empty selector matches everything.
// Fields follow k8s.io/apimachinery/pkg/fields (selector.go): `f=v`, `f==v`, `f!=v` joined by commas, with
// `\,` `\=` `\\` as escapes in values; a field the object does not have reads as "". Here only the fields
// every resource has are evaluated (metadata.name, metadata.namespace); a selector on any other field
// (spec.nodeName, involvedObject.name...) is not evaluable here, and the pool then gives it its own watch.
import type { LabelRequirement } from './label-selector.js';
import type { KubeObject } from './object.js';

export interface FieldTerm {
  field: string;
  /** True for `!=`. */
  not: boolean;
  value: string;
}

const BLANK = /^[ \t\r\n]*$/;

/** Top-level terms of a selector: split at commas outside parentheses and not escaped, blank terms kept out. */
function terms(sel: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < sel.length; i++) {
    const c = sel[i]!;
    if (c === '\\' && i + 1 < sel.length) {
      cur += c + sel[++i];
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') depth--;
    if (c === ',' && depth === 0) {
      out.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  out.push(cur.trim());
  return out;
}

const INT = /^[-+]?\d+$/;
const INT64_MAX = 9223372036854775807n;
const asInt64 = (s: string): bigint | undefined => {
  if (!INT.test(s)) return undefined;
  const n = BigInt(s);
  return n > INT64_MAX || n < -INT64_MAX - 1n ? undefined : n;
};

/** Whether labels satisfy every requirement (labels.Requirement.Matches, one by one). */
export function labelsMatch(reqs: readonly LabelRequirement[], labels: Record<string, string> | undefined): boolean {
  for (const r of reqs) {
    const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, r.key);
    const v = has ? labels[r.key]! : undefined;
    switch (r.op) {
      case 'exists':
        if (!has) return false;
        break;
      case '!exists':
        if (has) return false;
        break;
      case 'in':
        if (!has || !r.values.includes(v!)) return false;
        break;
      case 'notin':
        if (has && r.values.includes(v!)) return false;
        break;
      case 'gt':
      case 'lt': {
        const n = has ? asInt64(v!) : undefined;
        if (n === undefined || (r.op === 'gt' ? !(n > r.value) : !(n < r.value))) return false;
        break;
      }
    }
  }
  return true;
}

/** The fields evaluated here: the ones every object has (fields.Set of the generic registry's default attributes). */
export const EVALUABLE_FIELDS: ReadonlySet<string> = new Set(['metadata.name', 'metadata.namespace']);

const unescape = (v: string) => v.replace(/\\(.)/g, '$1');

/** The terms of a field selector, or undefined when it does not parse. The empty selector is no term. */
export function parseFieldSelector(sel: string | undefined): FieldTerm[] | undefined {
  if (sel === undefined || BLANK.test(sel)) return [];
  const out: FieldTerm[] = [];
  for (const term of terms(sel)) {
    const m = term.match(/^([^\s=!]+)\s*(==|=|!=)(.*)$/);
    if (!m || /(^|[^\\])=/.test(m[3]!)) return undefined; // an unescaped '=' in the value is a parse error
    out.push({ field: m[1]!, not: m[2] === '!=', value: unescape(m[3]!) });
  }
  return out;
}

function fieldOf(o: KubeObject, field: string): string {
  if (field === 'metadata.name') return o.metadata.name ?? '';
  if (field === 'metadata.namespace') return o.metadata.namespace ?? '';
  return '';
}

/** Whether `o` satisfies every term; undefined when a term names a field not evaluated here. */
export function fieldsMatch(ts: readonly FieldTerm[], o: KubeObject): boolean | undefined {
  let ok = true;
  for (const t of ts) {
    if (!EVALUABLE_FIELDS.has(t.field)) return undefined;
    if ((fieldOf(o, t.field) === t.value) === t.not) ok = false;
  }
  return ok;
}

/** One spelling per term, so two selectors can be compared term by term (`a = 1` is `a=1`, `a==1` is `a=1`). */
export function labelTermKey(r: LabelRequirement): string {
  switch (r.op) {
    case 'exists':
      return r.key;
    case '!exists':
      return `!${r.key}`;
    case 'gt':
      return `${r.key}>${r.value}`;
    case 'lt':
      return `${r.key}<${r.value}`;
    default:
      return `${r.key} ${r.op} (${[...new Set(r.values)].sort().join(',')})`;
  }
}

export const fieldTermKey = (t: FieldTerm): string => `${t.field}${t.not ? '!=' : '='}${t.value}`;

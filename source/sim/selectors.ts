// Label and field selectors with the apiserver's syntax and errors (400 BadRequest on bad input).
import type { KubeObject } from '../kube/object.js';
import { StoreError } from './store-api.js';

export type LabelRequirement = { key: string; op: 'in' | 'notin'; values: string[] } | { key: string; op: 'exists' | '!exists' };

export type Matcher = (o: KubeObject) => boolean;

const KEY_RE = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

function bad(msg: string): StoreError {
  return new StoreError(400, 'BadRequest', msg);
}

/** Split on commas that are not inside parentheses. */
function splitTerms(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((x) => x.trim()).filter((x) => x !== '');
}

export function parseLabelSelector(sel: string): LabelRequirement[] {
  const reqs: LabelRequirement[] = [];
  for (const term of splitTerms(sel)) {
    let m: RegExpMatchArray | null;
    if ((m = term.match(/^!\s*(\S+)$/))) {
      reqs.push({ key: checkKey(m[1], sel), op: '!exists' });
    } else if ((m = term.match(/^(\S+)\s+(in|notin)\s*\(([^)]*)\)$/))) {
      const values = m[3]
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== '');
      reqs.push({ key: checkKey(m[1], sel), op: m[2] as 'in' | 'notin', values });
    } else if ((m = term.match(/^([^=!\s]+)\s*(==|=|!=)\s*(\S*)$/))) {
      const key = checkKey(m[1], sel);
      reqs.push({ key, op: m[2] === '!=' ? 'notin' : 'in', values: [m[3]] });
    } else if ((m = term.match(/^([^=!\s()]+)$/))) {
      reqs.push({ key: checkKey(m[1], sel), op: 'exists' });
    } else {
      throw bad(`unable to parse requirement: found '${term}', expected: in, notin, =, ==, !=, gt, lt`);
    }
  }
  return reqs;
}

function checkKey(k: string, sel: string): string {
  if (!KEY_RE.test(k) || k.length > 316) throw bad(`unable to parse requirement: invalid label key "${k}" in "${sel}"`);
  return k;
}

export function labelsMatch(reqs: LabelRequirement[], labels: Record<string, string> | undefined): boolean {
  for (const r of reqs) {
    const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, r.key);
    switch (r.op) {
      case 'exists':
        if (!has) return false;
        break;
      case '!exists':
        if (has) return false;
        break;
      case 'in':
        if (!has || !r.values.includes(labels![r.key])) return false;
        break;
      case 'notin':
        if (has && r.values.includes(labels![r.key])) return false;
        break;
    }
  }
  return true;
}

/** Field labels each resource supports beyond metadata.name / metadata.namespace (as the real apiserver). */
const FIELD_LABELS: Record<string, string[]> = {
  '/pods': [
    'spec.nodeName',
    'spec.restartPolicy',
    'spec.schedulerName',
    'spec.serviceAccountName',
    'spec.hostNetwork',
    'status.phase',
    'status.podIP',
    'status.nominatedNodeName',
  ],
  '/events': [
    'involvedObject.kind',
    'involvedObject.namespace',
    'involvedObject.name',
    'involvedObject.uid',
    'involvedObject.apiVersion',
    'involvedObject.resourceVersion',
    'involvedObject.fieldPath',
    'reason',
    'reportingComponent',
    'source',
    'type',
  ],
  'events.k8s.io/events': [
    'regarding.kind',
    'regarding.namespace',
    'regarding.name',
    'regarding.uid',
    'reason',
    'reportingController',
    'type',
  ],
  '/namespaces': ['status.phase'],
  '/nodes': ['spec.unschedulable'],
  '/secrets': ['type'],
  '/services': ['spec.clusterIP', 'spec.type'],
  'apps/statefulsets': ['status.successful'],
};

function fieldValue(o: KubeObject, path: string): string {
  if (path === 'source') return String((o as any).source?.component ?? '');
  let cur: any = o;
  for (const p of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return '';
    cur = cur[p];
  }
  return cur === undefined || cur === null ? '' : String(cur);
}

/** Parses a field selector for a type (typeKey "group/resource"); unsupported labels -> 400 like the apiserver. */
export function parseFieldSelector(sel: string, typeKeyStr: string): Matcher {
  const allowed = FIELD_LABELS[typeKeyStr] ?? [];
  const tests: Array<{ path: string; neg: boolean; value: string }> = [];
  for (const term of splitTerms(sel)) {
    const m = term.match(/^([^=!\s]+)\s*(==|=|!=)\s*(.*)$/);
    if (!m) throw bad(`invalid selector: '${sel}'; can't understand '${term}'`);
    const path = m[1];
    if (path !== 'metadata.name' && path !== 'metadata.namespace' && !allowed.includes(path)) {
      throw bad(`field label not supported: ${path}`);
    }
    tests.push({ path, neg: m[2] === '!=', value: m[3].trim() });
  }
  return (o) => tests.every((t) => (fieldValue(o, t.path) === t.value) !== t.neg);
}

export function labelMatcher(sel: string | undefined): Matcher | undefined {
  if (!sel || !sel.trim()) return undefined;
  const reqs = parseLabelSelector(sel);
  return (o) => labelsMatch(reqs, o.metadata.labels);
}

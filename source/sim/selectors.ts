// Label and field selectors with the apiserver's syntax and errors (400 BadRequest on bad input).
import type { KubeObject } from '../kube/object.js';
import { parseLabelSelector } from '../kube/label-selector.js';
import { labelsMatch } from '../kube/selectors.js';
import { StoreError } from './store-api.js';

export type Matcher = (o: KubeObject) => boolean;

function bad(msg: string): StoreError {
  return new StoreError(400, 'BadRequest', msg);
}

/** Split on commas that are not inside parentheses (field selectors). */
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

/** A label selector as the apiserver evaluates it: the client's own evaluator (kube/selectors.ts), 400 when it does not parse. */
export function labelMatcher(sel: string | undefined): Matcher | undefined {
  if (!sel || !sel.trim()) return undefined;
  const reqs = parseLabelSelector(sel);
  if (!reqs) throw bad(`unable to parse requirement: invalid label selector "${sel}"`);
  return (o) => labelsMatch(reqs, o.metadata.labels);
}

// Alerts: what needs the operator now across the fleet, worst first then oldest (model/alerts). Enter
// opens the object (the rollout, the zone, the federated object, the cluster's zones); the rollout
// action keys act on the alert's workload, so the fix is one key away where the action service
// offers it; `l` follows the pod or the workload. While in front, the view watches the pods of the
// workloads it lists, so their alerts name the pod and the reason (ImagePullBackOff, CrashLoopBackOff).
import { t } from '../../i18n/t.js';
import type { Alert } from '../../model/alerts/types.js';
import { alertColumns } from '../../model/columns/alerts.js';
import type { WorkloadInfo } from '../../model/types.js';
import type { PodFocus, Snapshot } from '../../store/types.js';
import { noSelection, podChoice, workloadChoice } from '../log-target.js';
import { defineView } from './define.js';
import { fedKey, workloadKey, zoneKey } from './keys.js';
import { workloadPodFocus } from './pod-focus.js';
import type { DrillTarget } from './types.js';

const NONE: Alert[] = [];
export const alertsOf = (s: Snapshot): readonly Alert[] => s.alerts ?? NONE;

/** The workloads' pods watched at most (one informer each): the worst alerts' workloads first. */
const FOCUS_MAX = 20;

const alertWorkloadKey = (a: Alert): string | undefined =>
  a.workload && a.namespace !== undefined
    ? workloadKey({ cluster: a.cluster, namespace: a.namespace, kind: a.workload.kind, name: a.workload.name })
    : undefined;

// Alerts by id, once per snapshot's list.
const index = new WeakMap<readonly Alert[], Map<string, Alert>>();
function byId(alerts: readonly Alert[]): Map<string, Alert> {
  let m = index.get(alerts);
  if (!m) index.set(alerts, (m = new Map(alerts.map((a) => [a.id, a]))));
  return m;
}

function workloadOf(s: Snapshot, id: string): WorkloadInfo | undefined {
  const a = byId(alertsOf(s)).get(id);
  const key = a && alertWorkloadKey(a);
  return key ? s.workloads.find((w) => workloadKey(w) === key) : undefined;
}

function open(a: Alert): DrillTarget {
  const wk = alertWorkloadKey(a);
  if (wk) return { view: 'rollout', key: wk, title: `${a.workload!.kind}/${a.workload!.name}` };
  if (a.zone && a.namespace !== undefined)
    return {
      view: 'zone',
      key: zoneKey({ cluster: a.cluster, namespace: a.namespace, zoneId: a.zone }),
      title: `${t('views.crumb.zone')} ${a.zone}`,
    };
  if (a.rule === 'propagation-failed' && a.namespace !== undefined)
    return {
      view: 'fedobj',
      key: fedKey({ cluster: a.cluster, namespace: a.namespace, kind: a.object.kind, name: a.object.name }),
      title: `${a.object.kind}/${a.object.name}`,
    };
  return { view: 'zones', key: '', title: t('views.zones.title'), cluster: a.cluster };
}

/** The pods of the workloads the alerts name (their pod alerts say why they are not ready). */
function alertPodFocus(s: Snapshot): PodFocus[] {
  const keys: string[] = [];
  for (const a of alertsOf(s)) {
    const k = alertWorkloadKey(a);
    if (k && !keys.includes(k)) keys.push(k);
    if (keys.length >= FOCUS_MAX) break;
  }
  return keys.flatMap((k) => workloadPodFocus(s, k));
}

export const alertsView = defineView<Alert>({
  id: 'alerts',
  title: 'views.alerts.title',
  key: '!',
  aliases: ['alert', 'al', 'problems'],
  help: 'views.alerts.help',
  columns: alertColumns,
  rows: (s) => alertsOf(s),
  rowKey: (a) => a.id,
  cluster: (a) => a.cluster,
  open,
  defaultSort: { col: 'severity', desc: false },
  emptyText: (s) => (s.alerts === undefined ? t('views.alerts.emptyNoSource') : t('views.alerts.empty')),
  logs: (s, key) => {
    if (key === undefined) return noSelection('alert');
    const a = byId(alertsOf(s)).get(key);
    if (a?.object.kind === 'Pod' && a.namespace !== undefined)
      return podChoice({ cluster: a.cluster, namespace: a.namespace, name: a.object.name });
    const wk = a && alertWorkloadKey(a);
    return wk ? workloadChoice(s, wk) : { ok: false, reason: t('views.alerts.noLogTarget') };
  },
  actions: { workload: workloadOf },
  podFocus: alertPodFocus,
});

// Row keys of the zones and workloads with an alert, once per snapshot's list (problems first).
const zoneSets = new WeakMap<readonly Alert[], ReadonlySet<string>>();
const workloadSets = new WeakMap<readonly Alert[], ReadonlySet<string>>();

export function alertedZones(s: Snapshot): ReadonlySet<string> {
  const alerts = alertsOf(s);
  let set = zoneSets.get(alerts);
  if (!set) {
    const keys = new Set<string>();
    for (const a of alerts)
      if (a.zone && a.namespace !== undefined) keys.add(zoneKey({ cluster: a.cluster, namespace: a.namespace, zoneId: a.zone }));
    zoneSets.set(alerts, (set = keys));
  }
  return set;
}

export function alertedWorkloads(s: Snapshot): ReadonlySet<string> {
  const alerts = alertsOf(s);
  let set = workloadSets.get(alerts);
  if (!set) {
    const keys = new Set<string>();
    for (const a of alerts) {
      const k = alertWorkloadKey(a);
      if (k) keys.add(k);
    }
    workloadSets.set(alerts, (set = keys));
  }
  return set;
}

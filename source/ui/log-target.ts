// What `l` follows (pure): a zone, a workload or a pod. Each view definition says which of these
// its rows and its detail lines follow (views/*.ts); this file holds the choices themselves. Argo /
// Kruise Rollouts are mapped to the workload they drive (or their pod selector).
import { t, type MessageKey } from '../i18n/t.js';
import { targetForWorkload } from '../kinds/log-target.js';
import { matchLabelsSelector, type LogTarget } from '../model/logs.js';
import type { WorkloadInfo } from '../model/types.js';
import type { Snapshot } from '../store/types.js';
import { workloadKey, zoneKey } from './views/keys.js';
import type { LogChoice, PodRef } from './views/types.js';

/** `l` on a screen whose view follows no logs. */
export const LOGS_NOT_HERE = 'logs: open a zone, a rollout or a pod line first (Zones and Rollouts views)';

/**
 * A log choice's reason in the run's language. LOGS_NOT_HERE stays an English constant (the view
 * registry builds with it at import, before the language is set): it is translated here, when shown.
 */
export function logReason(reason: string): string {
  return reason === LOGS_NOT_HERE ? t('console.logs.notHere') : reason;
}

/** The nouns the views name (English, from their definitions) in the run's language; another noun is shown as given. */
const NOUNS: Record<string, MessageKey> = { zone: 'console.noun.zone', workload: 'console.noun.workload', alert: 'console.noun.alert' };

/** A list with nothing selected. */
export function noSelection(noun: string): LogChoice {
  const key = Object.hasOwn(NOUNS, noun) ? NOUNS[noun] : undefined;
  return { ok: false, reason: t('console.logs.noSelection', { noun: key ? t(key) : noun }) };
}

export function podChoice(p: PodRef): LogChoice {
  return { ok: true, req: { cluster: p.cluster, namespace: p.namespace, target: { type: 'pod', name: p.name } } };
}

export function zoneChoice(snap: Snapshot, key: string): LogChoice {
  const z = snap.zones.find((x) => zoneKey(x) === key);
  if (!z) return { ok: false, reason: t('console.logs.zoneGone') };
  return { ok: true, req: { cluster: z.cluster, namespace: z.namespace, target: { type: 'zone', id: z.zoneId } } };
}

export function workloadChoice(snap: Snapshot, key: string): LogChoice {
  const w = snap.workloads.find((x) => workloadKey(x) === key);
  if (!w) return { ok: false, reason: t('console.logs.workloadGone') };
  const target = workloadLogTarget(w);
  if (typeof target === 'string') return { ok: false, reason: target };
  return { ok: true, req: { cluster: w.cluster, namespace: w.namespace, target } };
}

/** A workload's log target; Argo / Kruise Rollouts follow the workload they drive, else their pod selector. */
export function workloadLogTarget(w: Pick<WorkloadInfo, 'kind' | 'name' | 'workloadRef' | 'selector'>): LogTarget | string {
  const direct = targetForWorkload(w.kind, w.name);
  if (direct) return direct;
  if (w.workloadRef) {
    const ref = targetForWorkload(w.workloadRef.kind, w.workloadRef.name);
    if (ref) return ref;
  }
  const selector = matchLabelsSelector(w.selector);
  if (selector) return { type: 'selector', selector };
  return t('console.logs.noSelector', { object: `${w.kind}/${w.name}` });
}

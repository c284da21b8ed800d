// Asks the actions port which actions are possible on the selected workload: debounced (moving
// through the list does not ask for every row passed), cached per workload + resourceVersion, and
// never blocking a render. Returns the answer for the current version, if there is one yet, and the
// last answer for the same workload (its access denials hold while the new version is checked).
import { useEffect, useRef, useState } from 'react';
import { t } from '../../i18n/t.js';
import type { ActionAvailability } from '../../model/action-types.js';
import type { SelectedWorkload } from '../action-keys.js';
import type { ActionsPort } from '../../ports/actions.js';

export interface Availability {
  checked?: ActionAvailability[];
  last?: ActionAvailability[];
}

const CACHE_MAX = 256;

export function useAvailability(
  port: ActionsPort | undefined,
  sel: SelectedWorkload | undefined,
  o: { enabled: boolean; debounceMs?: number },
): Availability {
  const cache = useRef(new Map<string, ActionAvailability[]>());
  const lastByWorkload = useRef(new Map<string, ActionAvailability[]>());
  const [, setTick] = useState(0);
  const key = sel ? sel.key : undefined;
  const rv = sel?.workload.resourceVersion ?? '';
  const cacheKey = key !== undefined ? `${key}@${rv}` : undefined;
  const selRef = useRef(sel);
  selRef.current = sel;

  useEffect(() => {
    if (!port || !o.enabled || cacheKey === undefined || cache.current.has(cacheKey)) return;
    let live = true;
    const timer = setTimeout(() => {
      const s = selRef.current;
      if (!s) return;
      port.available(s.target).then(
        (list) => {
          remember(cache.current, cacheKey, list);
          remember(lastByWorkload.current, s.key, list);
          if (live) setTick((n) => n + 1);
        },
        (err: unknown) => {
          const reason = t('console.reason.accessReviewFailed', { error: err instanceof Error ? err.message : String(err) });
          const list = s.workload.rollout.actions.map((a): ActionAvailability =>
            a.possible ? { action: a.action, possible: false, reason, refusal: 'unchecked' } : a,
          );
          // Not cached per version: the next change of the workload asks again.
          remember(lastByWorkload.current, s.key, list);
          if (live) setTick((n) => n + 1);
        },
      );
    }, o.debounceMs ?? 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [port, o.enabled, cacheKey, o.debounceMs]);

  if (cacheKey === undefined || key === undefined) return {};
  return { checked: cache.current.get(cacheKey), last: lastByWorkload.current.get(key) };
}

function remember<V>(m: Map<string, V>, k: string, v: V): void {
  m.delete(k);
  m.set(k, v);
  if (m.size > CACHE_MAX) m.delete(m.keys().next().value as string);
}

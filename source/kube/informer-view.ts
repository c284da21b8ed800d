// A narrow subscription served by a wider informer (informer-pool.ts): the wider one's lists and events,
// filtered to the narrow selection, reported as a watch of that selection would report them.
import type { InformerHandlers } from './informer.js';
import type { KubeObject } from './object.js';
import { parseLabelSelector } from './label-selector.js';
import { fieldsMatch, fieldTermKey, labelsMatch, parseFieldSelector } from './selectors.js';

export interface Selection {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

const idOf = (o: KubeObject): string => o.metadata.uid ?? `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;

/**
 * `handlers` behind a filter from `wide`'s objects to `narrow`'s, or undefined when `narrow` cannot be
 * evaluated here (a field other than metadata.name / metadata.namespace that `wide` does not already apply).
 * Like the apiserver's filtered watch (its cacher): an object that starts matching is ADDED, one that stops
 * matching is DELETED (with its new state), a deleted one is DELETED only if this subscriber had it.
 */
export function filtered(handlers: InformerHandlers, narrow: Selection, wide: Selection): InformerHandlers | undefined {
  const labels = parseLabelSelector(narrow.labelSelector);
  const fields = parseFieldSelector(narrow.fieldSelector);
  const applied = new Set((parseFieldSelector(wide.fieldSelector) ?? []).map(fieldTermKey));
  if (!labels || !fields) return undefined;
  const extra = fields.filter((t) => !applied.has(fieldTermKey(t)));
  const ns = wide.namespace === undefined ? narrow.namespace : undefined;
  const probe = { metadata: {} } as KubeObject;
  if (fieldsMatch(extra, probe) === undefined) return undefined;
  const match = (o: KubeObject) =>
    (ns === undefined || o.metadata.namespace === ns) && labelsMatch(labels, o.metadata.labels) && fieldsMatch(extra, o) === true;
  const known = new Set<string>();
  return {
    onReplace(items, rv) {
      const mine = items.filter(match);
      known.clear();
      for (const o of mine) known.add(idOf(o));
      handlers.onReplace(mine, rv);
    },
    onEvent(type, obj) {
      const id = idOf(obj);
      const had = known.has(id);
      if (type !== 'DELETED' && match(obj)) {
        known.add(id);
        handlers.onEvent(had ? 'MODIFIED' : 'ADDED', obj);
      } else if (had) {
        known.delete(id);
        handlers.onEvent('DELETED', obj);
      }
    },
    onState: (state, err) => handlers.onState?.(state, err),
  };
}

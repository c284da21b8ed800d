// The view registry: every list view the console has, each one definition (views/<view>.ts). From
// it come the keys that switch views, the `:` commands, the help lines, the screens, what `l`
// follows, the pods a detail needs and where the rollout action keys apply. Adding a list view is
// its definition file plus one line in DEFAULT_VIEWS.
import { t } from '../../i18n/t.js';
import type { Binding } from '../keymap.js';
import { KEYMAP } from '../keymap.js';
import { LOGS_NOT_HERE } from '../log-target.js';
import type { PodFocus, Snapshot } from '../../store/types.js';
import { alertsView } from './alerts.js';
import { clustersView } from './clusters.js';
import { compareDetail } from './compare.js';
import { federationView } from './federation.js';
import { releasesView } from './releases.js';
import { rolloutsView } from './rollouts.js';
import type { ActionsDef, DetailDef, ListView, LogChoice, LogItem, ViewId } from './types.js';
import { versionsView } from './versions.js';
import { zonesView } from './zones.js';

export const DEFAULT_VIEWS: readonly ListView[] = [
  zonesView,
  rolloutsView,
  clustersView,
  federationView,
  releasesView,
  alertsView,
  versionsView,
];

export interface ViewRegistry {
  /** List views in key order (the first is where the console starts). */
  readonly lists: readonly ListView[];
  list(id: ViewId): ListView | undefined;
  detail(id: ViewId): DetailDef | undefined;
  /** The console's whole keymap: the fixed bindings plus one per list view. */
  readonly keymap: readonly Binding[];
  /** Where the rollout action keys apply: a list view with actions, or its detail. */
  actionsOf(id: ViewId): ActionsDef | undefined;
  /** Does `l` apply on this screen? */
  hasLogs(id: ViewId): boolean;
  /** What `l` follows on this screen (the row / line under the cursor, or the detail's object). */
  logChoice(id: ViewId, frameKey: string, item: LogItem | undefined, snap: Snapshot): LogChoice;
  podFocus(id: ViewId, frameKey: string, snap: Snapshot): PodFocus[];
}

/** One binding per list view with a key, inserted where the fixed keymap's global keys list them. */
function viewBindings(lists: readonly ListView[]): Binding[] {
  return lists.flatMap((v) =>
    v.key === undefined
      ? []
      : [
          {
            id: `view:${v.id}` as const,
            keys: [v.key],
            // Getters: the bindings are made at import, before the run's language is set.
            get label() {
              return v.title.toLowerCase();
            },
            get help() {
              return t('views.registry.show', { view: v.title.toLowerCase() });
            },
            scope: 'global' as const,
          },
        ],
  );
}

function consoleKeymap(lists: readonly ListView[]): Binding[] {
  const at = KEYMAP.findIndex((b) => b.id === 'view-diff');
  return [...KEYMAP.slice(0, at), ...viewBindings(lists), ...KEYMAP.slice(at)];
}

export function makeRegistry(lists: readonly ListView[]): ViewRegistry {
  const byId = new Map(lists.map((v) => [v.id, v]));
  const details = new Map<ViewId, { detail: DetailDef; owner?: ListView }>();
  for (const v of lists) if (v.detail) details.set(v.detail.id, { detail: v.detail, owner: v });
  // The Compare screen belongs to no list (it has no action keys): any list with `compare` opens it.
  if (lists.some((v) => v.compare)) details.set(compareDetail.id, { detail: compareDetail });
  const keymap = consoleKeymap(lists);
  return {
    lists,
    keymap,
    list: (id) => byId.get(id),
    detail: (id) => details.get(id)?.detail,
    actionsOf: (id) => byId.get(id)?.actions ?? details.get(id)?.owner?.actions,
    hasLogs: (id) => (byId.get(id)?.logs ?? details.get(id)?.detail.logs) !== undefined,
    logChoice(id, frameKey, item, snap) {
      const list = byId.get(id);
      if (list) return list.logs ? list.logs(snap, item?.key) : { ok: false, reason: LOGS_NOT_HERE };
      const detail = details.get(id)?.detail;
      return detail?.logs ? detail.logs(snap, frameKey, item) : { ok: false, reason: LOGS_NOT_HERE };
    },
    podFocus: (id, frameKey, snap) => byId.get(id)?.podFocus?.(snap) ?? details.get(id)?.detail.podFocus?.(snap, frameKey) ?? [],
  };
}

export const VIEWS: ViewRegistry = makeRegistry(DEFAULT_VIEWS);

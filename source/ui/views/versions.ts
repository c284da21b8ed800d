// Versions: every zone × service with the version it runs and the version asked for; mixed and
// drifted services marked. Enter opens the zone. The console reads what runs from the workloads (their
// spec's image on `updated` pods, "previous" on the rest): it watches pods only for the detail in
// front, so pods would tell for some services and not others. `zonectl versions` reads the pods.
import { versionColumns, versionRows, type VersionRow } from '../../model/columns/versions.js';
import { versionContext, zoneVersionsOf, type VersionContext } from '../../model/versions.js';
import type { ZoneInfo } from '../../model/types.js';
import { t } from '../../i18n/t.js';
import type { Snapshot } from '../../store/types.js';
import { zoneChoice, noSelection } from '../log-target.js';
import { defineView } from './define.js';
import { zoneKey } from './keys.js';

// Rows per zone object: the store keeps an unchanged zone the same object, and a zone's row changes
// whenever one of its workloads does, so only the zones that changed are derived again (and their rows
// are new objects: the view's row memo rebuilds just those). The workload index is built only when a
// zone missed; a change of the Federated objects (desired images) starts over.
let cache: { federated: Snapshot['federated']; byZone: WeakMap<ZoneInfo, VersionRow[]> } | undefined;
let last: { zones: Snapshot['zones']; workloads: Snapshot['workloads']; rows: VersionRow[] } | undefined;
function rowsOf(s: Snapshot): VersionRow[] {
  if (cache?.federated !== s.federated) {
    cache = { federated: s.federated, byZone: new WeakMap() };
    last = undefined;
  }
  if (last?.zones === s.zones && last.workloads === s.workloads) return last.rows;
  const byZone = cache.byZone;
  const missed = s.zones.filter((z) => !byZone.has(z));
  // Index only the workloads of the zones that changed (all of them on the first build).
  const ctx: VersionContext | undefined = missed.length
    ? versionContext({ workloads: s.workloads, federated: s.federated }, missed)
    : undefined;
  const rows: VersionRow[] = [];
  for (const z of s.zones) {
    let r = byZone.get(z);
    if (!r) {
      r = versionRows([zoneVersionsOf(ctx!, z)]);
      byZone.set(z, r);
    }
    for (const row of r) rows.push(row);
  }
  last = { zones: s.zones, workloads: s.workloads, rows };
  return rows;
}

const rowKey = (r: VersionRow) => `${zoneKey(r.zone)}/${r.service.service}`;

export const versionsView = defineView<VersionRow>({
  id: 'versions',
  title: 'views.versions.title',
  key: '8',
  aliases: ['ver', 'version', 'matrix'],
  help: 'views.versions.help',
  columns: versionColumns,
  rows: rowsOf,
  rowKey,
  cluster: (r) => r.zone.cluster,
  namespace: (r) => r.zone.namespace,
  open: (r) => ({ view: 'zone', key: zoneKey(r.zone), title: `${t('views.crumb.zone')} ${r.zone.zoneId} ${r.zone.name}` }),
  defaultSort: { col: 'state', desc: false },
  emptyText: (s) => (s.clusters.length === 0 ? t('views.empty.noClusters') : t('views.empty.noZones')),
  logs: (s, key) => (key === undefined ? noSelection('zone') : zoneChoice(s, key.slice(0, key.lastIndexOf('/')))),
});

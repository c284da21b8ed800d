// Versions: every zone × service with the version it runs and the version asked for; mixed and
// drifted services marked. Enter opens the zone. The console reads what runs from the workloads (their
// spec's image on `updated` pods, "previous" on the rest): it watches pods only for the detail in
// front, so pods would tell for some services and not others. `zonectl versions` reads the pods.
import { versionColumns, versionRows, type VersionRow } from '../../model/columns/versions.js';
import { versionMatrix } from '../../model/versions.js';
import type { Snapshot } from '../../store/types.js';
import { zoneChoice, noSelection } from '../log-target.js';
import { defineView } from './define.js';
import { zoneKey } from './keys.js';

// One matrix per snapshot (the rows of the view are rebuilt from it; the zones and workloads lists are
// new objects only when something in them changed).
const memo = new WeakMap<Snapshot['zones'], { workloads: Snapshot['workloads']; federated: Snapshot['federated']; rows: VersionRow[] }>();
function rowsOf(s: Snapshot): VersionRow[] {
  const hit = memo.get(s.zones);
  if (hit && hit.workloads === s.workloads && hit.federated === s.federated) return hit.rows;
  const rows = versionRows(versionMatrix({ zones: s.zones, workloads: s.workloads, federated: s.federated }));
  memo.set(s.zones, { workloads: s.workloads, federated: s.federated, rows });
  return rows;
}

const rowKey = (r: VersionRow) => `${zoneKey(r.zone)}/${r.service.service}`;

export const versionsView = defineView<VersionRow>({
  id: 'versions',
  title: 'Versions',
  key: '8',
  aliases: ['ver', 'version', 'matrix'],
  help: 'the version each service of each zone runs, and the one asked for (/1.8. filters)',
  columns: versionColumns,
  rows: rowsOf,
  rowKey,
  cluster: (r) => r.zone.cluster,
  namespace: (r) => r.zone.namespace,
  open: (r) => ({ view: 'zone', key: zoneKey(r.zone), title: `zone ${r.zone.zoneId} ${r.zone.name}` }),
  defaultSort: { col: 'state', desc: false },
  emptyText: (s) => (s.clusters.length === 0 ? 'No clusters in the fleet.' : 'No zones found in the fleet (yet).'),
  logs: (s, key) => (key === undefined ? noSelection('zone') : zoneChoice(s, key.slice(0, key.lastIndexOf('/')))),
});

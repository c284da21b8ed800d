// Zones: every game zone across the fleet; Enter opens its services, workloads and pods.
import type { ZoneInfo } from '../../model/types.js';
import { t } from '../../i18n/t.js';
import { zoneColumns } from '../../model/columns/zones.js';
import { noSelection, podChoice, workloadChoice, zoneChoice } from '../log-target.js';
import { alertedZones } from './alerts.js';
import { defineView } from './define.js';
import { zoneKey } from './keys.js';
import { zonePodFocus } from './pod-focus.js';
import { buildZoneDetail } from './zone-detail.js';

export const zonesView = defineView<ZoneInfo>({
  id: 'zones',
  title: 'views.zones.title',
  key: '1',
  aliases: ['z', 'zone'],
  help: 'views.zones.help',
  columns: zoneColumns,
  rows: (s) => s.zones,
  rowKey: zoneKey,
  cluster: (z) => z.cluster,
  namespace: (z) => z.namespace,
  open: (z) => ({ view: 'zone', key: zoneKey(z), title: `${t('views.crumb.zone')} ${z.zoneId} ${z.name}` }),
  defaultSort: { col: 'cluster', desc: false },
  problems: alertedZones,
  compare: true,
  emptyText: (s) => (s.clusters.length === 0 ? t('views.empty.noClusters') : t('views.empty.noZones')),
  logs: (s, key) => (key === undefined ? noSelection('zone') : zoneChoice(s, key)),
  detail: {
    id: 'zone',
    build: buildZoneDetail,
    podFocus: zonePodFocus,
    // A pod line follows the pod, a workload line the workload, anything else the whole zone.
    logs: (s, key, item) =>
      item?.pod ? podChoice(item.pod) : item?.drill?.view === 'rollout' ? workloadChoice(s, item.drill.key) : zoneChoice(s, key),
  },
});

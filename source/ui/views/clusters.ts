// Clusters: connection state per cluster; Enter shows that cluster's zones.
import { t } from '../../i18n/t.js';
import type { ClusterInfo } from '../../model/types.js';
import { clusterColumns } from '../../model/columns/clusters.js';
import { defineView } from './define.js';

export const clustersView = defineView<ClusterInfo>({
  id: 'clusters',
  title: 'views.clusters.title',
  key: '3',
  aliases: ['cl', 'cluster'],
  help: 'views.clusters.help',
  columns: clusterColumns,
  rows: (s) => s.clusters,
  rowKey: (c) => c.name,
  cluster: (c) => c.name,
  open: (c) => ({ view: 'zones', key: '', title: t('views.zones.title'), cluster: c.name }),
  defaultSort: { col: 'name', desc: false },
  compare: true,
  emptyText: () => t('views.clusters.empty'),
});

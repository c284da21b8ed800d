// Clusters: connection state per cluster; Enter shows that cluster's zones.
import type { ClusterInfo } from '../../model/types.js';
import { clusterColumns } from '../../model/columns/clusters.js';
import { defineView } from './define.js';

export const clustersView = defineView<ClusterInfo>({
  id: 'clusters',
  title: 'Clusters',
  key: '3',
  aliases: ['cl', 'cluster'],
  help: 'cluster connection states',
  columns: clusterColumns,
  rows: (s) => s.clusters,
  rowKey: (c) => c.name,
  cluster: (c) => c.name,
  open: (c) => ({ view: 'zones', key: '', title: 'Zones', cluster: c.name }),
  defaultSort: { col: 'name', desc: false },
  compare: true,
  emptyText: () => 'No clusters in the fleet. Choose contexts with --context or --all-contexts.',
});

// Federation: kubefed objects and their propagation; Enter opens placement, overrides and each
// member cluster's live state.
import type { FederatedInfo } from '../../model/types.js';
import { federationColumns } from '../../model/columns/federation.js';
import { defineView } from './define.js';
import { buildFederationDetail } from './federation-detail.js';
import { fedKey } from './keys.js';

export const federationView = defineView<FederatedInfo>({
  id: 'fed',
  title: 'Federation',
  key: '4',
  aliases: ['federation', 'federated'],
  help: 'federated objects and their propagation',
  columns: federationColumns,
  rows: (s) => s.federated,
  rowKey: fedKey,
  cluster: (f) => f.cluster,
  namespace: (f) => f.namespace,
  open: (f) => ({ view: 'fedobj', key: fedKey(f), title: `${f.kind}/${f.name}` }),
  defaultSort: { col: 'name', desc: false },
  emptyText: (s) => (s.fedClusters.length === 0 ? 'No federated objects: no kubefed host in the fleet.' : 'No federated objects found.'),
  detail: { id: 'fedobj', build: buildFederationDetail },
});

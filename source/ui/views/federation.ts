// Federation: kubefed objects and their propagation; Enter opens placement, overrides and each
// member cluster's live state.
import { t } from '../../i18n/t.js';
import type { FederatedInfo } from '../../model/types.js';
import { federationColumns } from '../../model/columns/federation.js';
import { defineView } from './define.js';
import { buildFederationDetail } from './federation-detail.js';
import { fedKey } from './keys.js';

export const federationView = defineView<FederatedInfo>({
  id: 'fed',
  title: 'views.fed.title',
  key: '4',
  aliases: ['federation', 'federated'],
  help: 'views.fed.help',
  columns: federationColumns,
  rows: (s) => s.federated,
  rowKey: fedKey,
  cluster: (f) => f.cluster,
  namespace: (f) => f.namespace,
  open: (f) => ({ view: 'fedobj', key: fedKey(f), title: `${f.kind}/${f.name}` }),
  defaultSort: { col: 'name', desc: false },
  emptyText: (s) => (s.fedClusters.length === 0 ? t('views.fed.emptyNoHost') : t('views.fed.empty')),
  detail: { id: 'fedobj', build: buildFederationDetail },
});

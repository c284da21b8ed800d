// Secret (v1): known by type only. zonectl never watches Secrets or reads their data (nor the
// KubeFedCluster secretRef): no view names it.
import type { TypeOnlySpec } from './spec.js';

export const secret: TypeOnlySpec<'Secret'> = {
  kind: 'Secret',
  role: 'type',
  type: { group: '', version: 'v1', resource: 'secrets', kind: 'Secret', namespaced: true },
};

// ControllerRevision (apps/v1): the old pod templates StatefulSets and bk-bcs workloads keep; reject
// restores one. Fetched before planning, never watched, read into no row.
import type { TypeOnlySpec } from './spec.js';

export const controllerRevision: TypeOnlySpec<'ControllerRevision'> = {
  kind: 'ControllerRevision',
  role: 'type',
  type: { group: 'apps', version: 'v1', resource: 'controllerrevisions', kind: 'ControllerRevision', namespaced: true },
};

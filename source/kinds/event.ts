// Event (v1): the events view watches them; the audit trail creates one per action.
import type { TypeOnlySpec } from './spec.js';

export const event: TypeOnlySpec<'Event'> = {
  kind: 'Event',
  role: 'type',
  type: { group: '', version: 'v1', resource: 'events', kind: 'Event', namespaced: true },
  watchedBy: ['events'],
};

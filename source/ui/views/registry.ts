import { clustersView } from './clusters.js';
import { federationDetailView } from './federation-detail.js';
import { federationView } from './federation.js';
import { rolloutDetailView } from './rollout-detail.js';
import { rolloutsView } from './rollouts.js';
import type { DetailSpec, DetailViewId, ListSpec, ListViewId, ViewId } from './types.js';
import { zoneDetailView } from './zone-detail.js';
import { zonesView } from './zones.js';

export const LIST_VIEWS: Record<ListViewId, ListSpec> = {
  zones: zonesView,
  rollouts: rolloutsView,
  clusters: clustersView,
  fed: federationView,
};

export const DETAIL_VIEWS: Record<DetailViewId, DetailSpec> = {
  zone: zoneDetailView,
  rollout: rolloutDetailView,
  fedobj: federationDetailView,
};

export function isListView(v: ViewId): v is ListViewId {
  return v in LIST_VIEWS;
}

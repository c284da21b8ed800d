// `=` on a list whose rows can be compared (Zones, Clusters): the Compare screen (views/compare.ts) of
// the two marked rows the list shows, or of the one marked and the cursor's row. Pure.
import { t } from '../i18n/t.js';
import type { ListScreen } from './hooks/use-screen.js';
import { markSummary, marksOf } from './marks.js';
import type { UiState } from './state.js';
import { push, selectedIndex, top } from './state.js';
import { compareKey } from './views/compare.js';
import type { ViewRegistry } from './views/registry.js';

/** The new state with the Compare screen pushed, or what to say instead (one line at 80 columns). */
export function openCompare(state: UiState, screen: ListScreen, views: ViewRegistry): UiState | string {
  const frame = top(state);
  if (!views.list(frame.view)?.compare) return state;
  const shown = markSummary(marksOf(frame.ui), screen.keyed, screen.all).shown;
  const cursor = selectedIndex(frame.ui, screen.keyed);
  const cur = cursor >= 0 ? screen.keyed.keyAt(cursor) : undefined;
  const pair = shown.length === 2 ? shown : shown.length === 1 && cur !== undefined && cur !== shown[0] ? [shown[0]!, cur] : undefined;
  // (A flash of two rows would shift the screen: these fit one.)
  if (!pair) return shown.length > 2 ? t('console.flash.compareMany', { n: shown.length }) : t('console.flash.compareMarkOne');
  // Row keys end with what names the row: a zone id (cluster/namespace/id), a cluster name.
  const name = (k: string) => k.slice(k.lastIndexOf('/') + 1);
  return push(
    state,
    'compare',
    compareKey(frame.view, pair[0]!, pair[1]!),
    t('console.flash.compareTitle', { a: name(pair[0]!), b: name(pair[1]!) }),
  );
}

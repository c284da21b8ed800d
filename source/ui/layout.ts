// How the console's rows are shared (pure): header, title (breadcrumbs), an optional stale banner,
// the body, and a footer that grows to two rows for a long flash. Height is clamped to the terminal
// (one row spare) so Ink never overflows and never full-clears.
import type { Snapshot } from '../store/types.js';
import { staleSegs } from './chrome.js';
import type { Screen } from './hooks/use-screen.js';
import { flashLines } from './overlay-lines.js';
import type { UiState } from './state.js';
import type { Seg } from './views/types.js';

export interface Measure {
  frameHeight: number;
  /** Rows for the list / lines body (a list's header row not counted). */
  bodyHeight: number;
  /** Rows for a log / diff view: under the header and the breadcrumbs, with its own status and key lines. */
  panelHeight: number;
  banner: Seg[] | null;
  /** A long flash (an action's result or error, naming the cluster) gets a second footer row, not a cut. */
  flashRows?: string[];
}

export function measure(state: UiState, screen: Screen, snap: Snapshot, width: number, rows: number): Measure {
  const banner = state.help ? null : staleSegs(snap.clusters, state.cluster);
  const frameHeight = Math.max(4, rows - 1);
  const flashRows = state.flash && !state.overlay && state.mode === 'normal' ? flashLines(state.flash.text, width) : undefined;
  const chrome = 3 + (banner ? 1 : 0) + (screen.kind === 'list' ? 1 : 0) + (flashRows ? flashRows.length - 1 : 0);
  return {
    frameHeight,
    bodyHeight: Math.max(1, frameHeight - chrome),
    panelHeight: Math.max(3, frameHeight - 2 - (banner ? 1 : 0)),
    banner,
    flashRows,
  };
}

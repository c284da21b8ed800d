// Tells the snapshot source which pods the screen in front needs (the view registry knows: a detail
// view's podFocus, or a list's own, such as the Alerts view's workloads).
import { useEffect, useMemo } from 'react';
import type { PodFocus, SnapshotSource, Snapshot } from '../../store/types.js';
import type { Frame } from '../state.js';
import type { ViewRegistry } from '../views/registry.js';

export function usePodFocus(views: ViewRegistry, source: SnapshotSource, frame: Frame, snap: Snapshot): void {
  // Recomputed when the screen or the snapshot changes, not on every key; the effect runs only when
  // the serialized focus differs.
  const { view, key: frameKey } = frame;
  const key = useMemo(() => JSON.stringify(views.podFocus(view, frameKey, snap)), [views, view, frameKey, snap]);
  useEffect(() => {
    source.focusPods?.(JSON.parse(key) as PodFocus[]);
  }, [source, key]);
  useUnfocusOnUnmount(source);
}

/**
 * Drops the pod focus when the console goes. Its own function: the cleanup lives as long as the console,
 * and made in usePodFocus it would keep that call's scope, the first render's snapshot with it, alive.
 */
function useUnfocusOnUnmount(source: SnapshotSource): void {
  useEffect(() => () => source.focusPods?.(undefined), [source]);
}

// The workload the rollout action keys act on (the selected row of a list view with actions, or the
// detail's own object) and each key's verdict: the snapshot's state, the port's access answer,
// read-only mode and whether an action is already running.
import { useMemo } from 'react';
import type { Snapshot } from '../../store/types.js';
import type { ActionKeys, SelectedWorkload } from '../action-keys.js';
import { actionKeys, blockedReason, targetOf } from '../action-keys.js';
import type { ActionsPort } from '../../ports/actions.js';
import type { Frame, UiState } from '../state.js';
import { workloadKey } from '../views/keys.js';
import type { ViewRegistry } from '../views/registry.js';
import type { Screen } from './use-screen.js';
import { useAvailability } from './use-availability.js';

export interface SelectedActions {
  /** undefined where the action keys do not apply (views without actions, help). */
  selected?: SelectedWorkload;
  /** The marked rows the list shows (with any, the action keys act on them). */
  marked?: readonly SelectedWorkload[];
  active: boolean;
  keys: ActionKeys;
  /** One reason that disables every key (no port, read-only, busy), if any. */
  blocked?: string;
}

export function useSelectedWorkload(o: {
  views: ViewRegistry;
  port: ActionsPort | undefined;
  readOnly: boolean;
  state: UiState;
  frame: Frame;
  screen: Screen;
  sel: number;
  snap: Snapshot;
  /** Keys of the marked rows shown (use-marks.ts). */
  markedKeys?: readonly string[];
}): SelectedActions {
  const { views, port, readOnly, state, frame, screen, sel, snap, markedKeys } = o;
  const def = state.help ? undefined : views.actionsOf(frame.view);
  const selKey = !def
    ? undefined
    : !views.list(frame.view)
      ? frame.key
      : screen.kind === 'list' && sel >= 0
        ? screen.rows[sel]?.key
        : undefined;
  const selected = useMemo<SelectedWorkload | undefined>(() => {
    const w = selKey === undefined ? undefined : def?.workload(snap, selKey);
    return w && selKey !== undefined ? { key: selKey, target: targetOf(w), workload: w } : undefined;
  }, [selKey, snap, def]);
  const marked = useMemo<SelectedWorkload[] | undefined>(() => {
    // A row that stands for a group (a release): its workloads are the batch, as if marked.
    if (def?.group && selKey !== undefined && views.list(frame.view)) {
      const out = def.group(snap, selKey).map((w) => ({ key: workloadKey(w), target: targetOf(w), workload: w }));
      return out.length ? out : undefined;
    }
    if (!def || !markedKeys?.length || !views.list(frame.view)) return undefined;
    const out: SelectedWorkload[] = [];
    for (const key of markedKeys) {
      const w = def.workload(snap, key);
      if (w) out.push({ key, target: targetOf(w), workload: w });
    }
    return out.length ? out : undefined;
  }, [def, markedKeys, views, frame.view, snap, selKey]);
  const avail = useAvailability(port, selected, { enabled: !readOnly });
  const busy = state.busy?.text;
  const input = useMemo(
    () => ({ port: port !== undefined, readOnly, selected, checked: avail.checked, last: avail.last, busy, marked }),
    [port, readOnly, selected, avail.checked, avail.last, busy, marked],
  );
  const keys = useMemo(() => actionKeys(input), [input]);
  return { selected, ...(marked ? { marked } : {}), active: def !== undefined, keys, blocked: blockedReason(input) };
}

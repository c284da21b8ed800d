// The console's one UiState: keys and late answers (plans, runs, log views closing) all apply their
// transition to the newest state through `update`; flash messages clear themselves.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { UiState } from '../state.js';
import { initialState } from '../state.js';
import type { ViewRegistry } from '../views/registry.js';
import type { ListViewId } from '../views/types.js';

const FLASH_MS = 4000;
/** Action results stay longer: the operator may be watching the detail, not the footer. */
const RESULT_MS = 15000;

export interface UiStateHandle {
  state: UiState;
  /** The newest state, for callbacks that run between renders. */
  ref: { readonly current: UiState };
  update(f: (s: UiState) => UiState): void;
}

export function useUiState(views: ViewRegistry, initialView: ListViewId | undefined): UiStateHandle {
  const [state, setState] = useState<UiState>(() => {
    const v = (initialView !== undefined ? views.list(initialView) : undefined) ?? views.lists[0];
    return initialState(v.id, v.title);
  });
  const ref = useRef(state);
  ref.current = state;
  const update = useCallback((f: (s: UiState) => UiState) => {
    const next = f(ref.current);
    if (next === ref.current) return;
    ref.current = next;
    setState(next);
  }, []);

  useEffect(() => {
    const f = state.flash;
    if (!f) return;
    const t = setTimeout(() => update((s) => (s.flash === f ? { ...s, flash: undefined } : s)), f.sticky ? RESULT_MS : FLASH_MS);
    return () => clearTimeout(t);
  }, [state.flash, update]);

  return { state, ref, update };
}

// One log follower per opened log panel: created from the logs port when the panel (a new id) opens,
// kept while it stays open (the LogView starts it on mount and stops it on unmount). A target the port
// cannot follow closes the panel with the port's one-sentence reason in the footer.
import { useEffect, useRef } from 'react';
import { t } from '../../i18n/t.js';
import type { LogFollowerPort, LogsPort } from '../../ports/logs.js';
import type { Panel, UiState } from '../state.js';
import { closePanel } from '../state.js';

export interface PanelFollower {
  id: number;
  follower?: LogFollowerPort;
  error?: string;
}

export function usePanelFollower(
  port: LogsPort | undefined,
  panel: Panel | undefined,
  update: (f: (s: UiState) => UiState) => void,
): PanelFollower | undefined {
  const ref = useRef<PanelFollower | undefined>(undefined);
  let current: PanelFollower | undefined;
  if (panel?.kind === 'logs') {
    if (ref.current?.id !== panel.id) {
      try {
        ref.current = port
          ? { id: panel.id, follower: port.open(panel.req) }
          : { id: panel.id, error: t('console.flash.notInConsole', { what: t('console.what.logs') }) };
      } catch (e) {
        ref.current = { id: panel.id, error: e instanceof Error ? e.message : String(e) };
      }
    }
    current = ref.current;
  }
  const error = current?.error;
  const id = current?.id;
  useEffect(() => {
    if (error === undefined || id === undefined) return;
    update((s) => {
      const next = closePanel(s, id);
      const logs = t('console.what.logs');
      const text = error.startsWith(logs) ? error : t('console.flash.prefixed', { what: logs, text: error });
      return next === s ? s : { ...next, flash: { text, token: 'error' } };
    });
  }, [error, id, update]);
  return current;
}

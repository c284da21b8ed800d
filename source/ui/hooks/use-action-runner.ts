// Hands the controller's effects to the actions port (build a plan — for a batch of marked rows, one
// plan of them all — run it) and feeds the answers
// back as state transitions. Nothing here awaits in a render: promises settle later and update the
// state; an answer for an overlay that was cancelled meanwhile is ignored by the transitions.
import { useCallback, useEffect, useRef } from 'react';
import { t } from '../../i18n/t.js';
import type { ActionResult, ActionsPort } from '../../ports/actions.js';
import { noPortReason } from '../action-keys.js';
import type { Effect } from '../overlay.js';
import { failureText, planDone, planFailed, runDone } from '../overlay.js';
import type { UiState } from '../state.js';

/** A checked and audited shell: run on the terminal (the console suspended), then say how it ended. */
function shellDone(argv: string[], runExternal: ((argv: readonly string[]) => number) | undefined): ActionResult {
  const cmd = argv.join(' ');
  if (!runExternal) return { ok: false, message: t('console.flash.shellNoTerminal', { argv: cmd }) };
  const code = runExternal(argv);
  return code === 0
    ? { ok: true, message: t('console.flash.shellClosed', { argv: cmd }) }
    : { ok: false, message: t('console.flash.shellExited', { code, argv: cmd }) };
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function useActionRunner(
  port: ActionsPort | undefined,
  update: (f: (s: UiState) => UiState) => void,
  runExternal?: (argv: readonly string[]) => number,
): (effects: readonly Effect[]) => void {
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const apply = useCallback(
    (f: (s: UiState) => UiState) => {
      if (mounted.current) update(f);
    },
    [update],
  );

  return useCallback(
    (effects: readonly Effect[]) => {
      for (const e of effects) {
        if (!port) {
          apply((s) =>
            e.kind === 'plan' ? planFailed(s, e.id, noPortReason()) : runDone(s, e.id, { ok: false, message: noPortReason() }),
          );
          continue;
        }
        if (e.kind === 'plan') {
          (e.targets ? port.planMany(e.targets, e.action, e.input) : port.plan(e.target, e.action, e.input)).then(
            (view) => apply((s) => planDone(s, e.id, view)),
            (err: unknown) => apply((s) => planFailed(s, e.id, failureText(e.label, e.target.cluster, errorText(err)))),
          );
        } else {
          port.run(e.plan, e.reason !== undefined ? { reason: e.reason } : undefined).then(
            (r) => {
              // Outside the state update: the shell runs once, with the console suspended.
              const done = r.exec ? shellDone(r.exec, runExternal) : r;
              apply((s) => runDone(s, e.id, done));
            },
            (err: unknown) =>
              apply((s) => runDone(s, e.id, { ok: false, message: failureText(e.label, e.target.cluster, errorText(err)) })),
          );
        }
      }
    },
    [port, apply, runExternal],
  );
}

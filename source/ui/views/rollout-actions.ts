// The Rollout detail's "Actions" section: each action key with whether it is possible now and why
// (or why not). The detail builds it from the snapshot's state-based verdict; the App swaps in the
// live verdict (access review, read-only, busy) for the same line keys once it has it.
import type { ActionKeys } from '../action-keys.js';
import { ACTION_COMMANDS, actionKeys, reasonText, targetOf } from '../action-keys.js';
import { KEYMAP } from '../keymap.js';
import type { WorkloadInfo } from '../../model/types.js';
import { t } from '../../i18n/t.js';
import { padCells } from './lines.js';
import type { Line } from './types.js';

export const ACTION_LINE_PREFIX = 'act:';

export function actionHeading(blocked?: string): Line {
  return {
    key: `${ACTION_LINE_PREFIX}heading`,
    segs: [
      { text: t('views.actions.heading'), token: 'title' },
      ...(blocked ? [{ text: t('views.actions.allDisabled', { reason: blocked }), token: 'disabled' as const }] : []),
    ],
  };
}

export function actionLines(keys: ActionKeys): Line[] {
  return ACTION_COMMANDS.map((cmd) => {
    const k = keys[cmd];
    const key = KEYMAP.find((b) => b.id === cmd)?.keys[0] ?? '?';
    return {
      key: `${ACTION_LINE_PREFIX}${cmd}`,
      segs: [
        { text: `  ${key} `, token: k.enabled ? 'key' : 'disabled' },
        { text: `${padCells(k.label, 11)} `, token: k.enabled ? undefined : 'disabled' },
        { text: k.enabled ? t('views.actions.possible') : t('views.actions.notPossible'), token: k.enabled ? 'ok' : 'muted' },
        ...(k.reason ? [{ text: t('views.actions.reason', { reason: reasonText(k.reason) }), token: 'muted' as const }] : []),
      ],
    };
  });
}

/** State-based lines (what the snapshot alone says), used until the port has answered. */
export function stateActionLines(w: WorkloadInfo, key: string): Line[] {
  return actionLines(actionKeys({ port: true, readOnly: false, selected: { key, target: targetOf(w), workload: w } }));
}

/**
 * Replaces the action lines of a detail with the live verdict (same keys, same count). When every
 * key is blocked for one reason (no port, read-only, busy) the heading says so and the lines keep the
 * snapshot's verdict, greyed: what the state would allow stays readable.
 */
export function withActionLines(lines: readonly Line[], keys: ActionKeys, blocked?: string): Line[] {
  const live = new Map([actionHeading(blocked), ...(blocked ? [] : actionLines(keys))].map((l) => [l.key, l]));
  return lines.map(
    (l) =>
      live.get(l.key) ??
      (blocked && l.key.startsWith(ACTION_LINE_PREFIX) ? { ...l, segs: l.segs.map((s) => ({ ...s, token: 'disabled' as const })) } : l),
  );
}

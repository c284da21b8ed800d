// Which action each action key runs on the selected workload, and whether it is possible now and
// why not. Pure: the verdict combines the snapshot's state-based reasons, the port's answer for the
// workload's current resourceVersion (access review, read-only contexts), read-only mode and
// whether an action is already running. The footer's short words come from refusal codes, never
// from the wording of a reason.
import type { RefusalCode } from '../errors.js';
import type { WorkloadInfo } from '../model/types.js';
import type { ActionAvailability, ActionName } from '../model/action-types.js';
import type { ActionTarget } from '../ports/actions.js';
import type { CommandId } from './keymap.js';
import { t, type MessageKey } from '../i18n/t.js';
import { KEYMAP } from './keymap.js';
import { WARNING } from '../kinds/shared/workload-base.js';

export type ActionCommand = 'approve' | 'reject' | 'hotupdate' | 'retry-hooks' | 'skip-hook' | 'hold' | 'restart';
export const ACTION_COMMANDS: readonly ActionCommand[] = ['approve', 'reject', 'hotupdate', 'retry-hooks', 'skip-hook', 'hold', 'restart'];

export function isActionCommand(id: CommandId): id is ActionCommand {
  return (ACTION_COMMANDS as readonly string[]).includes(id);
}

export interface KeyAction {
  /** What the key runs now ('hold' toggles to 'release' on a held workload). */
  action: ActionName;
  /** Footer label ('release' when the key releases). */
  label: string;
  enabled: boolean;
  /** Why not (disabled), or a caveat (enabled). */
  reason?: string;
  /** The footer's short form of why not: read-only, denied: forbidden, n/a, ... */
  short?: string;
}

export type ActionKeys = Record<ActionCommand, KeyAction>;

export interface SelectedWorkload {
  /** Workload key (views/keys.ts). */
  key: string;
  target: ActionTarget;
  workload: WorkloadInfo;
}

export function targetOf(w: WorkloadInfo): ActionTarget {
  return { cluster: w.cluster, kind: w.kind, namespace: w.namespace, name: w.name };
}

/** Why every action key is off in a session without cluster access. */
export const noPortReason = () => t('console.reason.noPort');

/** The planners mark a caveat that is a warning with a code prefix (kinds' WARNING, "warning: "). */
export const isWarning = (reason: string): boolean => reason.startsWith(WARNING);

/** A planner's reason as a person reads it: the warning code worded ("警告：" in Chinese), the rest as planned. */
export const reasonText = (reason: string): string =>
  isWarning(reason) ? t('console.form.warning') + reason.slice(WARNING.length) : reason;
const readOnlyReason = () => t('console.reason.readOnly');
const noWorkload = () => t('console.reason.noWorkload');

/** Why every key is off at once (the console's own reasons) or why one is (the action service's refusal). */
export type KeyBlock = RefusalCode | 'no-port' | 'busy' | 'no-selection';

const SHORT: Partial<Record<KeyBlock, MessageKey>> = {
  'read-only': 'console.short.readOnly',
  forbidden: 'console.short.forbidden',
  unchecked: 'console.short.unchecked',
  'no-port': 'console.short.unavailable',
  busy: 'console.short.busy',
  'no-selection': 'console.short.noSelection',
};

/** A reason cut to a few words for the footer; the full sentence is flashed when the key is pressed. */
export function shortReason(code: KeyBlock | undefined): string {
  const key = code && SHORT[code];
  return t(key || 'console.short.na');
}

/** An action key's footer label (the keymap's, in the run's language). */
const label = (c: ActionCommand): string => KEYMAP.find((b) => b.id === c)?.label ?? c;
const releaseLabel = () => t('console.hint.release');

function disabled(action: ActionName, label: string, reason: string, code: KeyBlock | undefined): KeyAction {
  return { action, label, enabled: false, reason, short: shortReason(code) };
}

export interface ActionKeysInput {
  port: boolean;
  readOnly: boolean;
  selected?: SelectedWorkload;
  /** The port's answer for this workload at its current resourceVersion. */
  checked?: ActionAvailability[];
  /** The port's last answer for this workload at an older resourceVersion (keeps access denials while re-checking). */
  last?: ActionAvailability[];
  /** Text of the action that is running, if any. */
  busy?: string;
  /** The marked rows shown (a list with marks): the keys act on them, each target's verdict on the batch card. */
  marked?: readonly SelectedWorkload[];
}

/** What disables every action key at once (no port, read-only, nothing selected, busy). */
function block(o: ActionKeysInput): { code: KeyBlock; reason: string } | undefined {
  if (!o.port) return { code: 'no-port', reason: noPortReason() };
  if (o.readOnly) return { code: 'read-only', reason: readOnlyReason() };
  if (!o.selected && !o.marked?.length) return { code: 'no-selection', reason: noWorkload() };
  if (o.busy) return { code: 'busy', reason: t('console.reason.busy', { action: o.busy }) };
  return undefined;
}

/** The reason that disables every action key at once, if any. */
export function blockedReason(o: ActionKeysInput): string | undefined {
  return block(o)?.reason;
}

/**
 * With rows marked every key is on (unless all are off for one reason): whether each target allows the
 * action is decided when the batch is planned, and the card lists those where it is not possible and
 * why. h releases when every marked workload is held, else holds.
 */
function markedKeys(marked: readonly SelectedWorkload[]): ActionKeys {
  const held = marked.every((m) => m.workload.rollout.hold);
  const out = {} as ActionKeys;
  for (const cmd of ACTION_COMMANDS) {
    const release = cmd === 'hold' && held;
    out[cmd] = { action: release ? 'release' : cmd, label: release ? releaseLabel() : label(cmd), enabled: true };
  }
  return out;
}

export function actionKeys(o: ActionKeysInput): ActionKeys {
  const blocked = block(o);
  if (!blocked && o.marked?.length) return markedKeys(o.marked);
  const w = o.selected?.workload;
  const held = !!w?.rollout.hold;
  const out = {} as ActionKeys;
  if (blocked || !w) {
    for (const cmd of ACTION_COMMANDS)
      out[cmd] = disabled(
        cmd === 'hold' && held ? 'release' : cmd,
        cmd === 'hold' && held ? releaseLabel() : label(cmd),
        blocked?.reason ?? noWorkload(),
        blocked?.code ?? 'no-selection',
      );
    return out;
  }

  const verdict = (a: ActionName): ActionAvailability => {
    const notOffered: ActionAvailability = { action: a, possible: false, reason: t('console.reason.notOffered') };
    if (o.checked) return o.checked.find((x) => x.action === a) ?? notOffered;
    const s = w.rollout.actions.find((x) => x.action === a) ?? notOffered;
    if (!s.possible) return s;
    const prev = o.last?.find((x) => x.action === a);
    return prev && !prev.possible ? prev : s;
  };
  for (const cmd of ACTION_COMMANDS) {
    let v: ActionAvailability;
    if (cmd === 'hold') {
      const hold = verdict('hold');
      const release = verdict('release');
      v = release.possible || (!hold.possible && held) ? release : hold;
    } else v = verdict(cmd);
    const text = v.action === 'release' ? releaseLabel() : label(cmd);
    out[cmd] = v.possible
      ? { action: v.action, label: text, enabled: true, ...(v.reason ? { reason: v.reason } : {}) }
      : disabled(v.action, text, v.reason ?? t('console.reason.notPossible'), v.refusal);
  }
  return out;
}

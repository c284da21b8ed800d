// Action overlays as pure state: the hot update form, "working" while the plan is built, and the
// confirmation card. Keys move the state; side effects (plan, run) are returned as effects for the
// App to hand to the actions port. Results come back through the *Done / *Failed transitions, which
// ignore answers for an overlay that was cancelled meanwhile (ids).
import { t, type MessageKey } from '../i18n/t.js';
import { isWarning, reasonText } from './action-keys.js';
import type { ContainerImage } from '../model/types.js';
import type { ActionName } from '../model/action-types.js';
import type { ActionInput, ActionResult, ConsoleTarget, PlanView } from '../ports/actions.js';
import { lookup, type Scope } from './keymap.js';
import { clearListMarks } from './marks.js';
import type { ConfirmFocus, ConfirmOverlay, Effect, FormField, FormOverlay, MarkedTargets, Overlay } from './overlay-types.js';
import { FORM_FIELDS } from './overlay-types.js';
import type { UiState } from './state.js';
import type { Token } from './theme/theme.js';

export type { Effect } from './overlay-types.js';

export interface OverlayKeyResult {
  state: UiState;
  quit?: boolean;
  effects?: Effect[];
}

/** Message-key stems of the actions: `console.action.<stem>` (the short title), `.title.<stem>`, `.batch.<stem>`. */
const STEMS: Record<ActionName, string> = {
  approve: 'approve',
  reject: 'reject',
  hotupdate: 'hotupdate',
  'retry-hooks': 'retryHooks',
  'skip-hook': 'skipHook',
  hold: 'hold',
  release: 'release',
  restart: 'restart',
  'delete-pod': 'deletePod',
  shell: 'shell',
};

/** The title line's last crumb while an overlay is open. */
export function shortTitle(action: ActionName): string {
  return t(`console.action.${STEMS[action]}` as MessageKey);
}

export function actionTitle(action: ActionName, target: ConsoleTarget): string {
  return t(`console.action.title.${STEMS[action]}` as MessageKey, { object: `${target.kind}/${target.name}` });
}

/** Short label for the "working" and result lines: "approve GameStatefulSet/game-1 on shanghai". */
export function actionLabel(action: ActionName, target: ConsoleTarget): string {
  return t('console.action.label', { action: actionWord(action), object: `${target.kind}/${target.name}`, cluster: target.cluster });
}

/** A batch's title: "Approve 3 marked workloads". */
export function batchTitle(action: ActionName, n: number): string {
  return t(`console.action.batch.${STEMS[action]}` as MessageKey, { n });
}

/** A batch's label for the "working" line: "approve 3 marked workloads". */
export function batchLabel(action: ActionName, n: number): string {
  return t('console.action.batchLabel', { action: actionWord(action), n });
}

/** The action in a label: its own name in English ("approve", "retry-hooks"). */
function actionWord(action: ActionName): string {
  return t(`console.action.word.${STEMS[action]}` as MessageKey);
}

const titleOf = (action: ActionName, target: ConsoleTarget, batch?: MarkedTargets) =>
  batch ? batchTitle(action, batch.targets.length) : actionTitle(action, target);
const labelOf = (action: ActionName, target: ConsoleTarget, batch?: MarkedTargets) =>
  batch ? batchLabel(action, batch.targets.length) : actionLabel(action, target);

/** One line for an error that came back from the port: always names the cluster. */
export function failureText(label: string, cluster: string, message: string): string {
  return message.includes(cluster) ? message : t('console.flash.prefixed', { what: label, text: message });
}

function printable(name: string, input: string): boolean {
  // eslint-disable-next-line no-control-regex
  return input.length > 0 && name === input && !/[\u0000-\u001f\u007f]/.test(input);
}

const cut = (s: string) => [...s].slice(0, -1).join('');

// ---- starting an action ----

/**
 * An action key on a workload — or on a list's marked rows (`batch`; `target` is the first of them):
 * the hot update form, or straight to building the plan. For a batch the form offers every container
 * name of the marked workloads (`containers`), the image of the first that has it to start from.
 */
export function startAction(
  state: UiState,
  action: ActionName,
  target: ConsoleTarget,
  o: { containers: ContainerImage[]; replicas: number; caveat?: string; batch?: MarkedTargets },
): OverlayKeyResult {
  const id = state.nextId;
  const next = { ...state, nextId: id + 1 };
  const batch = o.batch ? { batch: o.batch } : {};
  const title = titleOf(action, target, o.batch);
  if (action === 'hotupdate') {
    if (o.containers.length === 0 || target.kind === 'Pod')
      return {
        state: {
          ...next,
          flash: { text: t('console.action.noContainers', { what: o.batch ? title : `${target.kind}/${target.name}` }), token: 'warn' },
        },
      };
    const form: FormOverlay = {
      kind: 'form',
      id,
      target,
      ...batch,
      title,
      containers: o.containers,
      container: 0,
      image: o.containers[0].image,
      partition: '',
      onePodFirst: false,
      replicas: o.replicas,
      focus: o.containers.length > 1 ? 'container' : 'image',
      ...(o.caveat && isWarning(o.caveat) ? { note: { text: reasonText(o.caveat), token: 'warn' as Token } } : {}),
    };
    return { state: { ...next, overlay: form } };
  }
  return {
    state: { ...next, overlay: { kind: 'planning', id, target, ...batch, action, title } },
    effects: [planEffect(id, target, action, undefined, o.batch)],
  };
}

function planEffect(id: number, target: ConsoleTarget, action: ActionName, input: ActionInput | undefined, batch?: MarkedTargets): Effect {
  return {
    kind: 'plan',
    id,
    target,
    action,
    ...(input ? { input } : {}),
    label: labelOf(action, target, batch),
    ...(batch ? { targets: batch.targets } : {}),
  };
}

// ---- results ----

export function planDone(state: UiState, id: number, view: PlanView): UiState {
  const o = state.overlay;
  if (o?.kind !== 'planning' || o.id !== id) return state;
  const confirm: ConfirmOverlay = {
    kind: 'confirm',
    id,
    target: o.target,
    ...(o.batch ? { batch: o.batch } : {}),
    action: o.action,
    title: o.title,
    view,
    name: '',
    reason: '',
    focus: view.confirmName ? 'name' : 'none',
    scroll: 0,
  };
  return { ...state, overlay: confirm };
}

export function planFailed(state: UiState, id: number, message: string): UiState {
  const o = state.overlay;
  if (o?.kind !== 'planning' || o.id !== id) return state;
  if (o.form) return { ...state, overlay: { ...o.form, note: { text: message, token: 'error' } } };
  return { ...state, overlay: undefined, flash: { text: message, token: 'error', sticky: true } };
}

/** The answer of a run; after a batch on a list's marks, its marks are cleared (marks.ts says why). */
export function runDone(state: UiState, id: number, r: ActionResult): UiState {
  if (state.busy?.id !== id) return state;
  const view = state.busy.marksOf;
  const next: UiState = { ...state, busy: undefined, flash: { text: r.message, token: r.ok ? 'ok' : 'error', sticky: true } };
  return view !== undefined ? clearListMarks(next, view) : next;
}

// ---- keys ----

export function overlayScopes(o: Overlay): Set<Scope> {
  return new Set<Scope>(o.kind === 'form' ? ['form'] : o.kind === 'confirm' ? ['confirm'] : []);
}

export function handleOverlayKey(state: UiState, o: Overlay, name: string, input: string): OverlayKeyResult {
  if (name === 'ctrl+c') return { state, quit: true };
  if (o.kind === 'planning') {
    if (name === 'esc' || name === 'n') return cancel(state);
    return { state };
  }
  return o.kind === 'form' ? formKey(state, o, name, input) : confirmKey(state, o, name, input);
}

function cancel(state: UiState): OverlayKeyResult {
  return { state: { ...state, overlay: undefined, flash: { text: t('console.flash.cancelled'), token: 'info' } } };
}

function confirmKey(state: UiState, o: ConfirmOverlay, name: string, input: string): OverlayKeyResult {
  const set = (patch: Partial<ConfirmOverlay>): OverlayKeyResult => ({ state: { ...state, overlay: { ...o, ...patch } } });
  const field = o.focus === 'name' ? 'name' : o.focus === 'reason' ? 'reason' : undefined;
  if (field && printable(name, input)) return set({ [field]: o[field] + input, note: undefined });
  if (field && (name === 'backspace' || name === 'delete')) return set({ [field]: cut(o[field]) });
  if (field && name === 'ctrl+u') return set({ [field]: '' });
  const b = lookup(name, overlayScopes(o));
  switch (b?.id) {
    case 'confirm': {
      const want = o.view.confirmName;
      if (want !== undefined && o.name !== want) {
        return set({ focus: 'name', note: { text: t('console.confirm.protectedNote', { name: want }), token: 'warn' } });
      }
      const reason = o.reason.trim();
      const label = labelOf(o.action, o.target, o.batch);
      return {
        state: {
          ...state,
          overlay: undefined,
          busy: { id: o.id, text: t('console.action.working', { label }), ...(o.batch ? { marksOf: o.batch.view } : {}) },
        },
        effects: [{ kind: 'run', id: o.id, target: o.target, plan: o.view.plan, label, ...(reason ? { reason } : {}) }],
      };
    }
    case 'cancel':
      return cancel(state);
    case 'next-field': {
      const order: ConfirmFocus[] = o.view.confirmName !== undefined ? ['name', 'reason'] : ['none', 'reason'];
      return set({ focus: order[(order.indexOf(o.focus) + 1) % order.length] });
    }
    case 'down':
      return set({ scroll: o.scroll + 1 });
    case 'up':
      return set({ scroll: Math.max(0, o.scroll - 1) });
    default:
      return { state };
  }
}

function formKey(state: UiState, o: FormOverlay, name: string, input: string): OverlayKeyResult {
  const set = (patch: Partial<FormOverlay>): OverlayKeyResult => ({ state: { ...state, overlay: { ...o, ...patch } } });
  const choose = (d: number): OverlayKeyResult => {
    const n = o.containers.length;
    const i = (o.container + d + n) % n;
    return set({ container: i, image: o.containers[i].image, note: undefined });
  };
  if (o.focus === 'image' && printable(name, input) && input !== ' ') return set({ image: o.image + input, note: undefined });
  if (o.focus === 'partition' && printable(name, input) && input !== ' ') {
    if (!/^\d$/.test(input)) return set({ note: { text: t('console.form.partitionNumber'), token: 'warn' } });
    return set({ partition: o.partition + input, onePodFirst: false, note: undefined });
  }
  if ((o.focus === 'image' || o.focus === 'partition') && (name === 'backspace' || name === 'delete'))
    return set({ [o.focus]: cut(o[o.focus]) });
  const b = lookup(name, overlayScopes(o));
  const move = (d: number) => set({ focus: FORM_FIELDS[(FORM_FIELDS.indexOf(o.focus) + d + FORM_FIELDS.length) % FORM_FIELDS.length] });
  switch (b?.id) {
    case 'confirm':
      return submitForm(state, o);
    case 'cancel':
      return cancel(state);
    case 'next-field':
      return move(1);
    case 'prev-field':
      return move(-1);
    case 'choose-prev':
    case 'choose-next':
    case 'toggle':
      if (o.focus === 'container') return choose(b.id === 'choose-prev' ? -1 : 1);
      if (o.focus === 'one') return set({ onePodFirst: !o.onePodFirst, partition: '' });
      return { state };
    case 'clear-field':
      if (o.focus === 'image' || o.focus === 'partition') return set({ [o.focus]: '' });
      return { state };
    default:
      return { state };
  }
}

function submitForm(state: UiState, o: FormOverlay): OverlayKeyResult {
  const c = o.containers[o.container];
  const image = o.image.trim();
  const bad = (text: string, focus: FormField): OverlayKeyResult => ({
    state: { ...state, overlay: { ...o, focus, note: { text, token: 'warn' } } },
  });
  if (!image) return bad(t('console.form.typeImage'), 'image');
  const partition = o.partition === '' ? undefined : Number(o.partition);
  // The same image with a partition moves the partition only: the way on after "one pod first". (In a
  // batch other targets may run another image: each target's planner says where nothing would change.)
  if (image === c.image && partition === undefined && !o.batch)
    return bad(t('console.form.sameImage', { container: c.name, image }), 'image');
  if (partition !== undefined && partition > o.replicas)
    return bad(t('console.form.partitionTooBig', { partition, replicas: o.replicas }), 'partition');
  const input: ActionInput = {
    container: c.name,
    image,
    ...(partition !== undefined ? { partition } : {}),
    ...(o.onePodFirst ? { onePodFirst: true } : {}),
  };
  return {
    state: {
      ...state,
      overlay: {
        kind: 'planning',
        id: o.id,
        target: o.target,
        ...(o.batch ? { batch: o.batch } : {}),
        action: 'hotupdate',
        title: o.title,
        form: { ...o, note: undefined },
      },
    },
    effects: [planEffect(o.id, o.target, 'hotupdate', input, o.batch)],
  };
}

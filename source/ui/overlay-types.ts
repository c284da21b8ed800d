// The action overlays' state as data: the hot update form, "working" while the plan is built and
// the confirmation card, plus the effects a key can ask for. Shapes only, so the UI state (state.ts)
// and the transitions on overlays (overlay.ts) both build on them without importing each other.
import type { ContainerImage } from '../model/types.js';
import type { ActionName } from '../model/action-types.js';
import type { ActionInput, ActionTarget, ConsoleTarget, PlanView } from '../ports/actions.js';
import type { Token } from './theme/theme.js';
import type { ListViewId } from './views/types.js';

export type FormField = 'container' | 'image' | 'partition' | 'one';
export const FORM_FIELDS: readonly FormField[] = ['container', 'image', 'partition', 'one'];

export interface Note {
  text: string;
  token: Token;
}

/** An action on a list's marked rows: its targets (in row order) and the list whose marks they are. */
export interface MarkedTargets {
  targets: ActionTarget[];
  view: ListViewId;
}

export interface FormOverlay {
  kind: 'form';
  id: number;
  /** The workload acted on (a batch: its first target). */
  target: ActionTarget;
  batch?: MarkedTargets;
  title: string;
  containers: ContainerImage[];
  container: number;
  image: string;
  /** Digits typed for the partition ('' = leave it). */
  partition: string;
  onePodFirst: boolean;
  replicas: number;
  focus: FormField;
  note?: Note;
}

export interface PlanningOverlay {
  kind: 'planning';
  id: number;
  target: ConsoleTarget;
  batch?: MarkedTargets;
  action: ActionName;
  title: string;
  /** The form to return to when the plan cannot be built (hot update). */
  form?: FormOverlay;
}

export type ConfirmFocus = 'none' | 'name' | 'reason';

export interface ConfirmOverlay {
  kind: 'confirm';
  id: number;
  target: ConsoleTarget;
  batch?: MarkedTargets;
  action: ActionName;
  title: string;
  view: PlanView;
  /** What has been typed for the workload name (protected contexts; a batch: the contexts). */
  name: string;
  reason: string;
  focus: ConfirmFocus;
  scroll: number;
  note?: Note;
}

export type Overlay = FormOverlay | PlanningOverlay | ConfirmOverlay;

export type Effect =
  | {
      kind: 'plan';
      id: number;
      target: ConsoleTarget;
      action: ActionName;
      input?: ActionInput;
      label: string;
      /** A batch: plan the action on all of these (the card is the batch's). */
      targets?: ActionTarget[];
    }
  | { kind: 'run'; id: number; target: ConsoleTarget; plan: unknown; reason?: string; label: string };

// The keymap's shapes: what a command is, where a binding applies, and a binding itself.

export type CommandId =
  | 'up'
  | 'down'
  | 'pgup'
  | 'pgdn'
  | 'top'
  | 'bottom'
  | 'open'
  | 'back'
  | 'filter'
  | 'command'
  | 'help'
  | 'quit'
  | 'sort-next'
  | 'sort-reverse'
  | 'cluster-next'
  | 'toggle-all'
  | 'view-diff'
  | 'logs'
  | 'approve'
  | 'reject'
  | 'hotupdate'
  | 'retry-hooks'
  | 'skip-hook'
  | 'hold'
  | 'mark'
  | 'mark-range'
  | 'mark-all'
  | 'mark-clear'
  | 'compare'
  | 'confirm'
  | 'cancel'
  | 'next-field'
  | 'prev-field'
  | 'choose-prev'
  | 'choose-next'
  | 'toggle'
  | 'clear-field'
  | 'follow'
  | 'wrap'
  | 'timestamps'
  | 'save'
  | 'close'
  | 'refresh'
  | 'show-synced'
  | 'restart'
  | 'describe'
  | 'yaml'
  | 'events'
  | 'delete-pod'
  | 'shell'
  /** Switch to a list view (one binding per view, from the registry). */
  | `view:${string}`;

/**
 * Where a binding applies. 'nav' = any scrollable screen (lists, details, help). 'marks' = a list whose
 * rows are workloads (the rollout action keys apply to its rows, and to the marked ones when marked). 'confirm' and
 * 'form' are the action overlays: while one is open only its own scope applies. 'log-panel',
 * 'diff-list' and 'diff-object' are the full-screen log and diff views, which read their own keys.
 */
export type Scope =
  | 'global'
  | 'nav'
  | 'list'
  | 'detail'
  | 'logs'
  | 'rollout-actions'
  | 'marks'
  | 'compare'
  | 'confirm'
  | 'form'
  | 'log-panel'
  | 'diff-list'
  | 'diff-object'
  | 'story-panel';

export interface Binding {
  id: CommandId;
  keys: readonly string[];
  /** Short label for the footer. */
  label: string;
  /** One line for the help screen. */
  help: string;
  scope: Scope;
  /** Shown in the footer (in this order) when the scope applies. */
  footer?: number;
  /** When set the key is shown but does nothing except say why. */
  disabled?: string;
}

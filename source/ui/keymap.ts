// The keymap is data: the input handlers (console, log view, diff view), the footer hints and the
// `?` help are all generated from this one table. The keys that switch views come from the view
// registry (views/registry.ts adds one binding per view). A key name is what `keyName()` produces:
// 'j', 'G', '/', 'enter', 'esc', 'up', 'pgdn', 'ctrl+c', ...
import type { Key } from 'ink';
import { PANEL_BINDINGS } from './keymap-panels.js';
import type { Binding, Scope } from './keymap-types.js';

export type { Binding, CommandId, Scope } from './keymap-types.js';

export const KEYMAP: readonly Binding[] = [
  { id: 'up', keys: ['up', 'k'], label: 'up', help: 'Move up', scope: 'nav' },
  { id: 'down', keys: ['down', 'j'], label: 'down', help: 'Move down', scope: 'nav' },
  { id: 'pgup', keys: ['pgup', 'ctrl+b', 'ctrl+u'], label: 'page up', help: 'Page up', scope: 'nav' },
  { id: 'pgdn', keys: ['pgdn', 'ctrl+f', 'ctrl+d'], label: 'page down', help: 'Page down', scope: 'nav' },
  { id: 'top', keys: ['g', 'home'], label: 'top', help: 'Go to the first row', scope: 'nav' },
  { id: 'bottom', keys: ['G', 'end'], label: 'bottom', help: 'Go to the last row', scope: 'nav' },
  { id: 'open', keys: ['enter', 'right'], label: 'open', help: 'Open the selected row (drill in)', scope: 'nav', footer: 7 },
  {
    id: 'back',
    keys: ['esc', 'left', 'backspace'],
    label: 'back',
    help: 'Go back (close help, leave a detail view)',
    scope: 'global',
    footer: 8,
  },
  { id: 'filter', keys: ['/'], label: 'filter', help: 'Filter rows: text, /regex/, !inverted', scope: 'list', footer: 9 },
  {
    id: 'cluster-next',
    keys: ['c'],
    label: 'cluster',
    help: 'Cycle the cluster filter (all, then each cluster)',
    scope: 'list',
    footer: 10,
  },
  { id: 'sort-next', keys: ['o'], label: 'order', help: 'Order (sort) by the next column', scope: 'list', footer: 11 },
  { id: 'sort-reverse', keys: ['O'], label: 'reverse', help: 'Reverse the order', scope: 'list' },
  { id: 'toggle-all', keys: ['A'], label: 'all', help: 'Rollouts: also show workloads that are up to date', scope: 'list' },
  { id: 'toggle-all', keys: ['A'], label: 'equal', help: 'Compare screen: also show the lines that are equal', scope: 'detail' },
  // (the registry inserts one 'view:<id>' binding per list view here: 1 zones, 2 rollouts, ...)
  {
    id: 'view-diff',
    keys: ['5'],
    label: 'diff',
    help: 'Show the Git-vs-live diff (needs --diff-repo or diff: in the config file)',
    scope: 'global',
  },
  // Logs of what is selected: a zone, a workload (Argo / Kruise Rollouts: the workload they drive) or a pod line.
  // The log view then reads its own keys ('log-panel' below).
  {
    id: 'logs',
    keys: ['l'],
    label: 'logs',
    help: 'Logs of the selected zone, workload or pod, across its pods (q/<esc> closes)',
    scope: 'logs',
    footer: 7.5,
  },
  // Operator actions on the selected workload (Rollouts list, Rollout detail). Whether each is possible
  // now, and why not, comes from the actions port; the footer shows it next to the key.
  {
    id: 'approve',
    keys: ['a'],
    label: 'approve',
    help: 'Approve: continue a paused step or failed hook',
    scope: 'rollout-actions',
    footer: 1,
  },
  {
    id: 'reject',
    keys: ['x'],
    label: 'reject',
    help: 'Reject: roll back to the last released revision',
    scope: 'rollout-actions',
    footer: 2,
  },
  {
    id: 'hotupdate',
    keys: ['u'],
    label: 'hot update',
    help: 'Hot update: set a container image in place',
    scope: 'rollout-actions',
    footer: 3,
  },
  {
    id: 'retry-hooks',
    keys: ['r'],
    label: 'retry',
    help: 'Retry the failed in-place / pre-delete hooks',
    scope: 'rollout-actions',
    footer: 4,
  },
  {
    id: 'skip-hook',
    keys: ['s'],
    label: 'skip hook',
    help: 'Skip hook: end the step hook run as successful',
    scope: 'rollout-actions',
    footer: 5,
  },
  { id: 'hold', keys: ['h'], label: 'hold', help: 'Hold (partition = replicas) or release', scope: 'rollout-actions', footer: 6 },
  {
    id: 'restart',
    keys: ['R'],
    label: 'restart',
    help: 'Restart the pods the way the controller supports (restartedAt annotation; Argo: restartAt)',
    scope: 'rollout-actions',
  },
  // The selected object's story (k9s keys where it has them: d describe, y YAML) and the pod actions:
  // on a zone, a workload or a pod line (Zones and Rollouts lists and details).
  { id: 'describe', keys: ['d'], label: 'describe', help: 'Describe the selected zone, workload or pod (a panel)', scope: 'logs' },
  { id: 'yaml', keys: ['y'], label: 'yaml', help: 'YAML of the selected object (secrets masked)', scope: 'logs' },
  {
    id: 'events',
    keys: ['e'],
    label: 'events',
    help: 'Events of the selected object, its pods and HookRuns (a zone: all its workloads), live',
    scope: 'logs',
  },
  {
    id: 'delete-pod',
    keys: ['ctrl+k'],
    label: 'delete pod',
    help: 'Delete the selected pod line (its controller recreates it; the card says how)',
    scope: 'logs',
  },
  {
    id: 'shell',
    keys: ['S'],
    label: 'shell',
    help: 'Shell in the selected pod line: kubectl exec -it ... -- sh, the console suspended until it exits',
    scope: 'logs',
  },
  // Marks (k9s keys where it has them): with rows marked, every action key above acts on the marked rows
  // the list shows — one batch card, one confirmation. In a detail the keys act on its own workload.
  { id: 'mark', keys: [' '], label: 'mark', help: 'Mark the row (or unmark it) and move down', scope: 'marks', footer: 10.5 },
  {
    id: 'mark-range',
    keys: ['ctrl+space'],
    label: 'mark range',
    help: 'Mark the rows from the one marked last to the cursor',
    scope: 'marks',
  },
  {
    id: 'mark-all',
    keys: ['ctrl+a', '*'],
    label: 'mark all',
    help: 'Mark every row the filter shows',
    scope: 'marks',
  },
  { id: 'mark-clear', keys: ['ctrl+\\'], label: 'clear marks', help: 'Clear all marks', scope: 'marks' },
  // Compare (Zones and Clusters lists): the two marked rows, or the one marked and the cursor's row.
  {
    id: 'compare',
    keys: ['='],
    label: 'compare',
    help: 'Compare the two marked rows (or the marked one and the cursor row) side by side',
    scope: 'compare',
    // Before the cluster and mark hints: at 80 columns those are the ones left out.
    footer: 9.5,
  },
  {
    id: 'command',
    keys: [':'],
    label: 'cmd',
    // The commands (one per view, then :diff :ctx :help :quit) are listed under "Commands" in the help.
    help: 'Command line (commands listed below); Tab completes',
    scope: 'global',
    footer: 12,
  },
  { id: 'help', keys: ['?'], label: 'help', help: 'Show or hide this help', scope: 'global', footer: 13 },
  { id: 'quit', keys: ['q', 'ctrl+c'], label: 'quit', help: 'Quit', scope: 'global', footer: 14 },
  // The confirmation card of an action. With a protected context the workload name is typed first,
  // so y and n are text there; Enter and Esc always work.
  { id: 'confirm', keys: ['y', 'enter'], label: 'confirm', help: 'Confirm: run the action shown on the card', scope: 'confirm', footer: 1 },
  { id: 'cancel', keys: ['n', 'esc'], label: 'cancel', help: 'Cancel: nothing is written', scope: 'confirm', footer: 2 },
  { id: 'next-field', keys: ['tab'], label: 'reason', help: 'Type a reason (audit trail) / next field', scope: 'confirm', footer: 3 },
  { id: 'down', keys: ['down', 'ctrl+n'], label: 'scroll', help: 'Scroll the card', scope: 'confirm' },
  { id: 'up', keys: ['up', 'ctrl+p'], label: 'scroll', help: 'Scroll the card back', scope: 'confirm' },
  // The hot update form.
  { id: 'confirm', keys: ['enter'], label: 'plan', help: 'Build the plan and show it for confirmation', scope: 'form', footer: 1 },
  { id: 'cancel', keys: ['esc'], label: 'cancel', help: 'Cancel the hot update', scope: 'form', footer: 2 },
  { id: 'next-field', keys: ['tab', 'down'], label: 'next field', help: 'Next field', scope: 'form', footer: 3 },
  { id: 'prev-field', keys: ['shift+tab', 'up'], label: 'previous', help: 'Previous field', scope: 'form' },
  { id: 'choose-prev', keys: ['left'], label: 'choose', help: 'Container: the previous one', scope: 'form' },
  { id: 'choose-next', keys: ['right'], label: 'choose', help: 'Container: the next one', scope: 'form', footer: 4 },
  { id: 'toggle', keys: [' '], label: 'toggle', help: 'One pod first: on / off', scope: 'form' },
  { id: 'clear-field', keys: ['ctrl+u'], label: 'clear', help: 'Clear the field', scope: 'form' },
  ...PANEL_BINDINGS,
];

export const SCOPE_TITLES: Record<Scope, string> = {
  global: 'Everywhere',
  nav: 'Moving around',
  list: 'Lists',
  detail: 'Detail views',
  logs: 'Zones and rollouts (lists and details)',
  'rollout-actions': 'Rollout actions (Rollouts list and Rollout detail)',
  marks: 'Marks (Rollouts list): with rows marked, the action keys act on the marked rows shown',
  compare: 'Compare (Zones and Clusters lists): two zones or two clusters side by side (A: equal lines too)',
  confirm: 'Action confirmation card',
  form: 'Hot update form',
  'log-panel': 'Log view (l)',
  'diff-list': 'Diff view (:diff, 5): the report',
  'diff-object': "Diff view: one object's diff",
  'story-panel': 'Describe / YAML / Events panel (d, y, e)',
};

/** Normalizes an Ink key event to a key name used by the keymap. */
export function keyName(input: string, key: Key): string {
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.pageUp) return 'pgup';
  if (key.pageDown) return 'pgdn';
  if (key.home) return 'home';
  if (key.end) return 'end';
  if (key.return) return 'enter';
  if (key.escape) return 'esc';
  if (key.tab) return key.shift ? 'shift+tab' : 'tab';
  if (key.backspace) return 'backspace';
  if (key.delete) return 'delete';
  // Ctrl-Space arrives as NUL, which Ink reports as ctrl with a space.
  if (key.ctrl && input === ' ') return 'ctrl+space';
  if (key.ctrl && input) return `ctrl+${input.toLowerCase()}`;
  return input;
}

/**
 * Key names of one input chunk. Over a slow link (SSH, tmux) several keystrokes can arrive in one
 * read and Ink hands them over as one string: split plain text into one key per character, with
 * CR as enter, so nothing typed is lost. Special keys (arrows, ctrl, esc) come alone.
 */
export function keyNames(input: string, key: Key): string[] {
  const special =
    key.upArrow ||
    key.downArrow ||
    key.leftArrow ||
    key.rightArrow ||
    key.pageUp ||
    key.pageDown ||
    key.home ||
    key.end ||
    key.return ||
    key.escape ||
    key.tab ||
    key.backspace ||
    key.delete ||
    key.ctrl ||
    key.meta;
  if (special || input.length <= 1) return [keyName(input, key)];
  const out: string[] = [];
  for (const ch of input) out.push(ch === '\r' || ch === '\n' ? 'enter' : ch === '\u007f' ? 'backspace' : ch === '\t' ? 'tab' : ch);
  return out;
}

/** Finds the binding for a key among the scopes that apply now. */
export function lookup(name: string, scopes: ReadonlySet<Scope>, keymap: readonly Binding[] = KEYMAP): Binding | undefined {
  return keymap.find((b) => scopes.has(b.scope) && b.keys.includes(name));
}

export function footerBindings(scopes: ReadonlySet<Scope>, keymap: readonly Binding[] = KEYMAP): Binding[] {
  return keymap.filter((b) => b.footer !== undefined && scopes.has(b.scope)).sort((a, b) => (a.footer ?? 0) - (b.footer ?? 0));
}

/**
 * The one-line key hints of a full-screen panel (log / diff view): its footer bindings in order, keys
 * written as typed ("esc", "enter"); bindings that share a footer number share a hint ("g/G top/end").
 */
export function panelHints(scope: Scope, keymap: readonly Binding[] = KEYMAP): string {
  const groups = new Map<number, Binding[]>();
  for (const b of footerBindings(new Set([scope]), keymap)) groups.set(b.footer!, [...(groups.get(b.footer!) ?? []), b]);
  return [...groups.values()].map((bs) => `${bs.map((b) => b.keys[0]).join('/')} ${bs[0].label}`).join('  ');
}

/** Shows a key name the way the help and footer print it. */
export function displayKey(k: string): string {
  const named: Record<string, string> = {
    enter: '<enter>',
    esc: '<esc>',
    up: '<up>',
    down: '<down>',
    left: '<left>',
    right: '<right>',
    pgup: '<pgup>',
    pgdn: '<pgdn>',
    home: '<home>',
    end: '<end>',
    backspace: '<bksp>',
    tab: '<tab>',
    'shift+tab': '<shift-tab>',
    ' ': '<space>',
  };
  if (named[k]) return named[k];
  if (k.startsWith('ctrl+')) return `<ctrl-${k.slice(5)}>`;
  return k;
}

// The keymap is data: the input handlers (console, log view, diff view), the footer hints and the
// `?` help are all generated from this one table. The keys that switch views come from the view
// registry (views/registry.ts adds one binding per view). A key name is what `keyName()` produces:
// 'j', 'G', '/', 'enter', 'esc', 'up', 'pgdn', 'ctrl+c', ...
import type { Key } from 'ink';
import { t, type MessageKey } from '../i18n/t.js';
import { bind } from './keymap-bind.js';
import { PANEL_BINDINGS } from './keymap-panels.js';
import type { Binding, Scope } from './keymap-types.js';

export type { Binding, CommandId, Scope } from './keymap-types.js';

export const KEYMAP: readonly Binding[] = [
  bind({ id: 'up', keys: ['up', 'k'], label: 'console.hint.up', help: 'console.keyHelp.moveUp', scope: 'nav' }),
  bind({ id: 'down', keys: ['down', 'j'], label: 'console.hint.down', help: 'console.keyHelp.moveDown', scope: 'nav' }),
  bind({ id: 'pgup', keys: ['pgup', 'ctrl+b', 'ctrl+u'], label: 'console.hint.pageUp', help: 'console.keyHelp.pageUp', scope: 'nav' }),
  bind({ id: 'pgdn', keys: ['pgdn', 'ctrl+f', 'ctrl+d'], label: 'console.hint.pageDown', help: 'console.keyHelp.pageDown', scope: 'nav' }),
  bind({ id: 'top', keys: ['g', 'home'], label: 'console.hint.top', help: 'console.keyHelp.firstRow', scope: 'nav' }),
  bind({ id: 'bottom', keys: ['G', 'end'], label: 'console.hint.bottom', help: 'console.keyHelp.lastRow', scope: 'nav' }),
  bind({ id: 'open', keys: ['enter', 'right'], label: 'console.hint.open', help: 'console.keyHelp.open', scope: 'nav', footer: 7 }),
  bind({
    id: 'back',
    keys: ['esc', 'left', 'backspace'],
    label: 'console.hint.back',
    help: 'console.keyHelp.back',
    scope: 'global',
    footer: 8,
  }),
  bind({ id: 'filter', keys: ['/'], label: 'console.hint.filter', help: 'console.keyHelp.filter', scope: 'list', footer: 9 }),
  bind({
    id: 'cluster-next',
    keys: ['c'],
    label: 'console.hint.cluster',
    help: 'console.keyHelp.clusterNext',
    scope: 'list',
    footer: 10,
  }),
  bind({ id: 'sort-next', keys: ['o'], label: 'console.hint.order', help: 'console.keyHelp.sortNext', scope: 'list', footer: 11 }),
  bind({ id: 'sort-reverse', keys: ['O'], label: 'console.hint.reverse', help: 'console.keyHelp.sortReverse', scope: 'list' }),
  bind({ id: 'toggle-all', keys: ['A'], label: 'console.hint.all', help: 'console.keyHelp.showAll', scope: 'list' }),
  bind({ id: 'toggle-all', keys: ['A'], label: 'console.hint.equal', help: 'console.keyHelp.showEqual', scope: 'detail' }),
  // (the registry inserts one 'view:<id>' binding per list view here: 1 zones, 2 rollouts, ...)
  bind({
    id: 'view-diff',
    keys: ['5'],
    label: 'console.hint.diff',
    help: 'console.keyHelp.viewDiff',
    scope: 'global',
  }),
  // Logs of what is selected: a zone, a workload (Argo / Kruise Rollouts: the workload they drive) or a pod line.
  // The log view then reads its own keys ('log-panel' below).
  bind({
    id: 'logs',
    keys: ['l'],
    label: 'console.hint.logs',
    help: 'console.keyHelp.logs',
    helpValues: { esc: '<esc>' },
    scope: 'logs',
    footer: 7.5,
  }),
  // Operator actions on the selected workload (Rollouts list, Rollout detail). Whether each is possible
  // now, and why not, comes from the actions port; the footer shows it next to the key.
  bind({
    id: 'approve',
    keys: ['a'],
    label: 'console.hint.approve',
    help: 'console.keyHelp.approve',
    scope: 'rollout-actions',
    footer: 1,
  }),
  bind({
    id: 'reject',
    keys: ['x'],
    label: 'console.hint.reject',
    help: 'console.keyHelp.reject',
    scope: 'rollout-actions',
    footer: 2,
  }),
  bind({
    id: 'hotupdate',
    keys: ['u'],
    label: 'console.hint.hotUpdate',
    help: 'console.keyHelp.hotUpdate',
    scope: 'rollout-actions',
    footer: 3,
  }),
  bind({
    id: 'retry-hooks',
    keys: ['r'],
    label: 'console.hint.retry',
    help: 'console.keyHelp.retryHooks',
    scope: 'rollout-actions',
    footer: 4,
  }),
  bind({
    id: 'skip-hook',
    keys: ['s'],
    label: 'console.hint.skipHook',
    help: 'console.keyHelp.skipHook',
    scope: 'rollout-actions',
    footer: 5,
  }),
  bind({ id: 'hold', keys: ['h'], label: 'console.hint.hold', help: 'console.keyHelp.hold', scope: 'rollout-actions', footer: 6 }),
  bind({
    id: 'restart',
    keys: ['R'],
    label: 'console.hint.restart',
    help: 'console.keyHelp.restart',
    scope: 'rollout-actions',
  }),
  // The selected object's story (k9s keys where it has them: d describe, y YAML) and the pod actions:
  // on a zone, a workload or a pod line (Zones and Rollouts lists and details).
  bind({ id: 'describe', keys: ['d'], label: 'console.hint.describe', help: 'console.keyHelp.describe', scope: 'logs' }),
  bind({ id: 'yaml', keys: ['y'], label: 'console.hint.yaml', help: 'console.keyHelp.yaml', scope: 'logs' }),
  bind({
    id: 'events',
    keys: ['e'],
    label: 'console.hint.events',
    help: 'console.keyHelp.events',
    scope: 'logs',
  }),
  bind({
    id: 'delete-pod',
    keys: ['ctrl+k'],
    label: 'console.hint.deletePod',
    help: 'console.keyHelp.deletePod',
    scope: 'logs',
  }),
  bind({
    id: 'shell',
    keys: ['S'],
    label: 'console.hint.shell',
    help: 'console.keyHelp.shell',
    scope: 'logs',
  }),
  // Marks (k9s keys where it has them): with rows marked, every action key above acts on the marked rows
  // the list shows — one batch card, one confirmation. In a detail the keys act on its own workload.
  bind({ id: 'mark', keys: [' '], label: 'console.hint.mark', help: 'console.keyHelp.mark', scope: 'marks', footer: 10.5 }),
  bind({
    id: 'mark-range',
    keys: ['ctrl+space'],
    label: 'console.hint.markRange',
    help: 'console.keyHelp.markRange',
    scope: 'marks',
  }),
  bind({
    id: 'mark-all',
    keys: ['ctrl+a', '*'],
    label: 'console.hint.markAll',
    help: 'console.keyHelp.markAll',
    scope: 'marks',
  }),
  bind({ id: 'mark-clear', keys: ['ctrl+\\'], label: 'console.hint.clearMarks', help: 'console.keyHelp.clearMarks', scope: 'marks' }),
  // Compare (Zones and Clusters lists): the two marked rows, or the one marked and the cursor's row.
  bind({
    id: 'compare',
    keys: ['='],
    label: 'console.hint.compare',
    help: 'console.keyHelp.compare',
    scope: 'compare',
    // Before the cluster and mark hints: at 80 columns those are the ones left out.
    footer: 9.5,
  }),
  bind({
    id: 'command',
    keys: [':'],
    label: 'console.hint.cmd',
    // The commands (one per view, then :diff :ctx :help :quit) are listed under "Commands" in the help.
    help: 'console.keyHelp.command',
    scope: 'global',
    footer: 12,
  }),
  bind({ id: 'help', keys: ['?'], label: 'console.hint.help', help: 'console.keyHelp.help', scope: 'global', footer: 13 }),
  bind({ id: 'quit', keys: ['q', 'ctrl+c'], label: 'console.hint.quit', help: 'console.keyHelp.quit', scope: 'global', footer: 14 }),
  // The confirmation card of an action. With a protected context the workload name is typed first,
  // so y and n are text there; Enter and Esc always work.
  bind({
    id: 'confirm',
    keys: ['y', 'enter'],
    label: 'console.hint.confirm',
    help: 'console.keyHelp.confirm',
    scope: 'confirm',
    footer: 1,
  }),
  bind({
    id: 'cancel',
    keys: ['n', 'esc'],
    label: 'console.hint.cancel',
    help: 'console.keyHelp.cancelConfirm',
    scope: 'confirm',
    footer: 2,
  }),
  bind({ id: 'next-field', keys: ['tab'], label: 'console.hint.reason', help: 'console.keyHelp.reason', scope: 'confirm', footer: 3 }),
  bind({ id: 'down', keys: ['down', 'ctrl+n'], label: 'console.hint.scroll', help: 'console.keyHelp.scrollCard', scope: 'confirm' }),
  bind({ id: 'up', keys: ['up', 'ctrl+p'], label: 'console.hint.scroll', help: 'console.keyHelp.scrollCardBack', scope: 'confirm' }),
  // The hot update form.
  bind({ id: 'confirm', keys: ['enter'], label: 'console.hint.plan', help: 'console.keyHelp.plan', scope: 'form', footer: 1 }),
  bind({ id: 'cancel', keys: ['esc'], label: 'console.hint.cancel', help: 'console.keyHelp.cancelForm', scope: 'form', footer: 2 }),
  bind({
    id: 'next-field',
    keys: ['tab', 'down'],
    label: 'console.hint.nextField',
    help: 'console.keyHelp.nextField',
    scope: 'form',
    footer: 3,
  }),
  bind({ id: 'prev-field', keys: ['shift+tab', 'up'], label: 'console.hint.previous', help: 'console.keyHelp.prevField', scope: 'form' }),
  bind({ id: 'choose-prev', keys: ['left'], label: 'console.hint.choose', help: 'console.keyHelp.choosePrev', scope: 'form' }),
  bind({ id: 'choose-next', keys: ['right'], label: 'console.hint.choose', help: 'console.keyHelp.chooseNext', scope: 'form', footer: 4 }),
  bind({ id: 'toggle', keys: [' '], label: 'console.hint.toggle', help: 'console.keyHelp.toggleOne', scope: 'form' }),
  bind({ id: 'clear-field', keys: ['ctrl+u'], label: 'console.hint.clear', help: 'console.keyHelp.clearField', scope: 'form' }),
  ...PANEL_BINDINGS,
];

const SCOPE_TITLE_KEYS: Record<Scope, MessageKey> = {
  global: 'console.scope.global',
  nav: 'console.scope.nav',
  list: 'console.scope.list',
  detail: 'console.scope.detail',
  logs: 'console.scope.logs',
  'rollout-actions': 'console.scope.rolloutActions',
  marks: 'console.scope.marks',
  compare: 'console.scope.compare',
  confirm: 'console.scope.confirm',
  form: 'console.scope.form',
  'log-panel': 'console.scope.logPanel',
  'diff-list': 'console.scope.diffList',
  'diff-object': 'console.scope.diffObject',
  'story-panel': 'console.scope.storyPanel',
};

/** Every scope, in the order the help lists them. */
export const SCOPES = Object.keys(SCOPE_TITLE_KEYS) as Scope[];

/** A scope's heading in the `?` help, in the run's language. */
export function scopeTitle(scope: Scope): string {
  return t(SCOPE_TITLE_KEYS[scope]);
}

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

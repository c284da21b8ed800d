// The keys of the full-screen log and diff views, which read their own keys (the console passes them
// none but Ctrl-C). Part of the keymap, so `?` lists them and each view dispatches through lookup().
import type { Binding } from './keymap-types.js';

export const PANEL_BINDINGS: readonly Binding[] = [
  // The log view (l). While its filter is being typed, keys are text (Enter keeps it, Esc drops it).
  // Its footer shows the bindings with a footer number; the same number joins keys into one hint (g/G).
  {
    id: 'follow',
    keys: ['f', ' '],
    label: 'follow/pause',
    help: 'Follow new lines, or pause (scroll back while new lines are counted)',
    scope: 'log-panel',
    footer: 1,
  },
  {
    id: 'filter',
    keys: ['/'],
    label: 'filter',
    help: 'Filter lines: text, /regex/, !inverted (matches highlighted)',
    scope: 'log-panel',
    footer: 2,
  },
  { id: 'wrap', keys: ['w'], label: 'wrap', help: 'Wrap long lines on / off', scope: 'log-panel', footer: 3 },
  { id: 'timestamps', keys: ['t'], label: 'time', help: 'Timestamps on / off', scope: 'log-panel', footer: 4 },
  {
    id: 'save',
    keys: ['s', 'ctrl+s'],
    label: 'save',
    help: 'Save the lines in view to a new file (mode 0600)',
    scope: 'log-panel',
    footer: 5,
  },
  { id: 'up', keys: ['up', 'k'], label: 'up', help: 'Scroll up (pauses)', scope: 'log-panel' },
  { id: 'down', keys: ['down', 'j'], label: 'down', help: 'Scroll down', scope: 'log-panel' },
  { id: 'pgup', keys: ['pgup', 'ctrl+b', 'ctrl+u'], label: 'page up', help: 'Page up (pauses)', scope: 'log-panel' },
  { id: 'pgdn', keys: ['pgdn', 'ctrl+f', 'ctrl+d'], label: 'page down', help: 'Page down', scope: 'log-panel' },
  { id: 'top', keys: ['g', 'home'], label: 'top/end', help: 'Go to the first line (pauses)', scope: 'log-panel', footer: 6 },
  { id: 'bottom', keys: ['G', 'end'], label: 'end', help: 'Go to the end and follow', scope: 'log-panel', footer: 6 },
  { id: 'back', keys: ['esc'], label: 'back', help: 'Clear the filter, or close the log view', scope: 'log-panel', footer: 7 },
  { id: 'close', keys: ['q'], label: 'close', help: 'Close the log view', scope: 'log-panel' },
  // The diff view (:diff, 5): the report (clusters, apps, objects that differ), then one object's diff.
  { id: 'open', keys: ['enter'], label: 'diff', help: "Show the selected object's diff", scope: 'diff-list', footer: 1 },
  {
    id: 'show-synced',
    keys: ['a'],
    label: 'all/changed',
    help: 'Show every object, or only those that differ',
    scope: 'diff-list',
    footer: 2,
  },
  { id: 'refresh', keys: ['r'], label: 'refresh', help: 'Render the repo again and compare with live', scope: 'diff-list', footer: 3 },
  { id: 'back', keys: ['esc', 'q'], label: 'back', help: 'Close the diff view', scope: 'diff-list', footer: 4 },
  { id: 'up', keys: ['up', 'k'], label: 'up', help: 'Move up', scope: 'diff-list' },
  { id: 'down', keys: ['down', 'j'], label: 'down', help: 'Move down', scope: 'diff-list' },
  { id: 'pgup', keys: ['pgup', 'ctrl+b'], label: 'page up', help: 'Page up', scope: 'diff-list' },
  { id: 'pgdn', keys: ['pgdn', 'ctrl+f'], label: 'page down', help: 'Page down', scope: 'diff-list' },
  { id: 'top', keys: ['g', 'home'], label: 'top', help: 'Go to the first object', scope: 'diff-list' },
  { id: 'bottom', keys: ['G', 'end'], label: 'bottom', help: 'Go to the last object', scope: 'diff-list' },
  { id: 'up', keys: ['up', 'k'], label: 'scroll', help: 'Scroll up', scope: 'diff-object', footer: 1 },
  { id: 'down', keys: ['down', 'j'], label: 'scroll', help: 'Scroll down', scope: 'diff-object', footer: 1 },
  { id: 'back', keys: ['esc', 'q'], label: 'back', help: 'Back to the report', scope: 'diff-object', footer: 2 },
  { id: 'refresh', keys: ['r'], label: 'refresh', help: 'Render the repo again and compare with live', scope: 'diff-object', footer: 3 },
  { id: 'pgup', keys: ['pgup', 'ctrl+b'], label: 'page up', help: 'Page up', scope: 'diff-object' },
  { id: 'pgdn', keys: ['pgdn', 'ctrl+f'], label: 'page down', help: 'Page down', scope: 'diff-object' },
  { id: 'top', keys: ['g', 'home'], label: 'top', help: 'Go to the top', scope: 'diff-object' },
  { id: 'bottom', keys: ['G', 'end'], label: 'bottom', help: 'Go to the end', scope: 'diff-object' },
];

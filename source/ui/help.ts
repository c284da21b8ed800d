// The '?' screen, generated from the console's keymap (fixed keys, one per view, the log and diff
// views' own keys) and the command table.
import { commandsOf } from './commands.js';
import type { Scope } from './keymap.js';
import { displayKey, SCOPE_TITLES } from './keymap.js';
import type { ViewRegistry } from './views/registry.js';
import { VIEWS } from './views/registry.js';
import { LineBuilder } from './views/lines.js';
import type { Line } from './views/types.js';

/** "Zones and rollouts (lists and details)": the views where `l` applies, named from the registry. */
function logsTitle(views: ViewRegistry): string {
  const names = views.lists.filter((v) => views.hasLogs(v.id)).map((v, i) => (i === 0 ? v.title : v.title.toLowerCase()));
  if (names.length === 0) return SCOPE_TITLES.logs;
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `${list} (lists and details)`;
}

/** "Marks (Rollouts list): ...": the lists whose rows are workloads, named from the registry. */
function marksTitle(views: ViewRegistry): string {
  const names = views.lists.filter((v) => (v.actions && !v.actions.group) || v.compare).map((v) => v.title);
  if (names.length === 0) return SCOPE_TITLES.marks;
  return `Marks (${names.join(', ')} list${names.length > 1 ? 's' : ''}): action keys act on marked rows, = compares two`;
}

const MARK_NOTES = [
  'With rows marked, an action key plans it on every marked row shown:',
  'one card (per cluster and state, where not possible and why), one',
  'confirmation (protected contexts typed), one batch id. Marks (* left of the',
  'row) stay while rows update; a row that leaves the list is unmarked; marked',
  'rows the filter hides are not acted on; a batch that ran clears the marks.',
  'In a Rollout detail the keys act on that workload only.',
];

export function helpLines(views: ViewRegistry = VIEWS): Line[] {
  const b = new LineBuilder();
  const scopes = Object.keys(SCOPE_TITLES) as Scope[];
  const section = (scope: Scope) => {
    const bs = views.keymap.filter((k) => k.scope === scope);
    if (bs.length === 0) return;
    b.heading(scope === 'logs' ? logsTitle(views) : scope === 'marks' ? marksTitle(views) : SCOPE_TITLES[scope]);
    for (const k of bs) {
      const keys = k.keys.map(displayKey).join(' ');
      b.add(`key:${scope}:${k.id}`, [
        { text: `  ${keys.padEnd(26)} `, token: k.disabled ? 'disabled' : 'key' },
        { text: k.help, token: k.disabled ? 'disabled' : undefined },
        k.disabled && { text: ` (${k.disabled})`, token: 'disabled' },
      ]);
    }
    if (scope === 'marks') MARK_NOTES.forEach((t, i) => b.add(`marks:note:${i}`, [{ text: `  ${t}`, token: 'muted' }]));
    b.blank();
  };
  const panels = new Set<Scope>(['log-panel', 'diff-list', 'diff-object']);
  for (const scope of scopes) if (!panels.has(scope)) section(scope);
  b.heading('Commands (type : then Tab to complete)');
  for (const c of commandsOf(views)) {
    const name = `:${c.name}${c.arg ? ` <${c.arg}>` : ''}`;
    const aliases = c.aliases.length > 0 ? ` (also ${c.aliases.map((a) => `:${a}`).join(' ')})` : '';
    b.add(`cmd:${c.name}`, [{ text: `  ${name.padEnd(26)} `, token: 'key' }, c.help, { text: aliases, token: 'muted' }]);
  }
  b.blank();
  for (const scope of panels) section(scope);
  b.heading('Filter syntax');
  b.add('f:1', ['  text        rows containing the text (any column, case-insensitive)']);
  b.add('f:2', ['  /regex/     rows matching the regular expression']);
  b.add('f:3', ['  !text       rows NOT containing the text (also !/regex/)']);
  return b.lines;
}

// The '?' screen, generated from the console's keymap (fixed keys, one per view, the log and diff
// views' own keys) and the command table.
import { commandsOf } from './commands.js';
import type { Scope } from './keymap.js';
import { t } from '../i18n/t.js';
import { displayKey, SCOPES, scopeTitle } from './keymap.js';
import type { ViewRegistry } from './views/registry.js';
import { VIEWS } from './views/registry.js';
import { LineBuilder } from './views/lines.js';
import type { Line } from './views/types.js';

/** "Zones and rollouts (lists and details)": the views where `l` applies, named from the registry. */
function logsTitle(views: ViewRegistry): string {
  const names = views.lists.filter((v) => views.hasLogs(v.id)).map((v, i) => (i === 0 ? v.title : v.title.toLowerCase()));
  if (names.length === 0) return scopeTitle('logs');
  const list =
    names.length === 1
      ? names[0]
      : t('console.help.listAnd', { first: names.slice(0, -1).join(t('console.help.listSep')), last: names.at(-1)! });
  return t('console.help.logsTitle', { views: list });
}

/** "Marks (Rollouts list): ...": the lists whose rows are workloads, named from the registry. */
function marksTitle(views: ViewRegistry): string {
  const names = views.lists.filter((v) => (v.actions && !v.actions.group) || v.compare).map((v) => v.title);
  if (names.length === 0) return scopeTitle('marks');
  return t('console.help.marksTitle', { views: names.join(t('console.help.listSep')), n: names.length });
}

/** The notes under the marks keys, one message per help line (each fits 80 columns). */
const markNotes = () =>
  (
    [
      'console.help.marksNote1',
      'console.help.marksNote2',
      'console.help.marksNote3',
      'console.help.marksNote4',
      'console.help.marksNote5',
      'console.help.marksNote6',
    ] as const
  ).map((k) => t(k));

export function helpLines(views: ViewRegistry = VIEWS): Line[] {
  const b = new LineBuilder();
  const scopes = SCOPES;
  const section = (scope: Scope) => {
    const bs = views.keymap.filter((k) => k.scope === scope);
    if (bs.length === 0) return;
    b.heading(scope === 'logs' ? logsTitle(views) : scope === 'marks' ? marksTitle(views) : scopeTitle(scope));
    for (const k of bs) {
      const keys = k.keys.map(displayKey).join(' ');
      b.add(`key:${scope}:${k.id}`, [
        { text: `  ${keys.padEnd(26)} `, token: k.disabled ? 'disabled' : 'key' },
        { text: k.help, token: k.disabled ? 'disabled' : undefined },
        k.disabled && { text: ` (${k.disabled})`, token: 'disabled' },
      ]);
    }
    if (scope === 'marks') markNotes().forEach((t, i) => b.add(`marks:note:${i}`, [{ text: `  ${t}`, token: 'muted' }]));
    b.blank();
  };
  const panels = new Set<Scope>(['log-panel', 'diff-list', 'diff-object']);
  for (const scope of scopes) if (!panels.has(scope)) section(scope);
  b.heading(t('console.help.commands'));
  for (const c of commandsOf(views)) {
    const name = `:${c.name}${c.arg ? ` <${c.arg}>` : ''}`;
    const aliases = c.aliases.length > 0 ? `${t('console.help.aliases', { aliases: c.aliases.map((a) => `:${a}`).join(' ') })}` : '';
    b.add(`cmd:${c.name}`, [{ text: `  ${name.padEnd(26)} `, token: 'key' }, c.help, { text: aliases, token: 'muted' }]);
  }
  b.blank();
  for (const scope of panels) section(scope);
  b.heading(t('console.help.filterSyntax'));
  b.add('f:1', [`  text        ${t('console.help.filterText')}`]);
  b.add('f:2', [`  /regex/     ${t('console.help.filterRegex')}`]);
  b.add('f:3', [`  !text       ${t('console.help.filterNot')}`]);
  return b.lines;
}

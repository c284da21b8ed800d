// The '?' screen, generated from the keymap and the command table.
import { COMMANDS } from './commands.js';
import type { Scope } from './keymap.js';
import { displayKey, KEYMAP, SCOPE_TITLES } from './keymap.js';
import { DIFF_VIEW_KEYS } from './views/DiffView.js';
import { LineBuilder } from './views/lines.js';
import { LOG_VIEW_KEYS } from './views/LogView.js';
import type { Line } from './views/types.js';

export function helpLines(): Line[] {
  const b = new LineBuilder();
  const scopes = Object.keys(SCOPE_TITLES) as Scope[];
  for (const scope of scopes) {
    const bs = KEYMAP.filter((k) => k.scope === scope);
    if (bs.length === 0) continue;
    b.heading(SCOPE_TITLES[scope]);
    for (const k of bs) {
      const keys = k.keys.map(displayKey).join(' ');
      b.add(`key:${k.id}`, [
        { text: `  ${keys.padEnd(26)} `, token: k.disabled ? 'disabled' : 'key' },
        { text: k.help, token: k.disabled ? 'disabled' : undefined },
        k.disabled && { text: ` (${k.disabled})`, token: 'disabled' },
      ]);
    }
    b.blank();
  }
  b.heading('Commands (type : then Tab to complete)');
  for (const c of COMMANDS) {
    const name = `:${c.name}${c.arg ? ` <${c.arg}>` : ''}`;
    const aliases = c.aliases.length > 0 ? ` (also ${c.aliases.map((a) => `:${a}`).join(' ')})` : '';
    b.add(`cmd:${c.name}`, [{ text: `  ${name.padEnd(26)} `, token: 'key' }, c.help, { text: aliases, token: 'muted' }]);
  }
  b.blank();
  b.heading('Log view (l) and diff view (:diff, 5) keys');
  b.add('v:logs', [{ text: '  logs  ', token: 'key' }, `${LOG_VIEW_KEYS}  j/k scroll  q close`]);
  b.add('v:diff', [{ text: '  diff  ', token: 'key' }, `${DIFF_VIEW_KEYS}  j/k move  q close`]);
  b.blank();
  b.heading('Filter syntax');
  b.add('f:1', ['  text        rows containing the text (any column, case-insensitive)']);
  b.add('f:2', ['  /regex/     rows matching the regular expression']);
  b.add('f:3', ['  !text       rows NOT containing the text (also !/regex/)']);
  return b.lines;
}

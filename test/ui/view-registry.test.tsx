// A list view is one definition: a HookRuns view defined here (columns from the shared vocabulary,
// rows from the snapshot, a detail) and added to a registry shows up in every place the console
// names views — its key, its `:` command and aliases, the help, the title, Enter and `l`.
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, test } from 'vitest';
import type { MessageKey } from '../../source/i18n/t.js';
import { hookRunColumns } from '../../source/model/columns/hookruns.js';
import type { HookRunInfo } from '../../source/model/types.js';
import { completions, parseCommand } from '../../source/ui/commands.js';
import { helpLines } from '../../source/ui/help.js';
import { lookup } from '../../source/ui/keymap.js';
import { defineView } from '../../source/ui/views/define.js';
import { LineBuilder } from '../../source/ui/views/lines.js';
import { DEFAULT_VIEWS, makeRegistry, VIEWS } from '../../source/ui/views/registry.js';
import { expectFits, rowWith } from './assert-frame.js';
import { makeSnapshot } from './fixtures.js';
import { KEYS, renderApp } from './harness.js';

afterEach(() => cleanup());

const hookRunKey = (h: HookRunInfo) => `${h.cluster}/${h.namespace}/${h.name}`;

// The whole definition of the new view: nothing else in the console is edited to add it.
const hookRunsView = defineView<HookRunInfo>({
  id: 'hookruns',
  // A view's words are message keys; a key missing from the catalogs reads as itself (English here).
  title: 'Hook runs' as MessageKey,
  key: '7',
  aliases: ['hr', 'hookrun'],
  help: 'hook runs and their metric results' as MessageKey,
  columns: hookRunColumns,
  rows: (s) => s.hookRuns,
  rowKey: hookRunKey,
  cluster: (h) => h.cluster,
  open: (h) => ({ view: 'hookrun', key: hookRunKey(h), title: `HookRun/${h.name}` }),
  defaultSort: { col: 'name', desc: false },
  emptyText: () => 'No hook runs.',
  detail: {
    id: 'hookrun',
    build: (s, key) => {
      const h = s.hookRuns.find((x) => hookRunKey(x) === key);
      if (!h) return null;
      const b = new LineBuilder();
      b.add('title', [{ text: `HookRun ${h.namespace}/${h.name}`, token: 'title' }]);
      for (const m of h.metrics) b.kv(`m:${m.name}`, m.name, `${m.phase} last=${m.lastValue ?? '-'}`);
      return { title: `HookRun/${h.name}`, lines: b.lines };
    },
  },
});

const views = makeRegistry([...DEFAULT_VIEWS, hookRunsView]);

describe('a view is one definition', () => {
  test('its key, its `:` command and aliases, and the help come from the definition', () => {
    const scopes = new Set(['global' as const]);
    expect(lookup('7', scopes, views.keymap)?.id).toBe('view:hookruns');
    expect(lookup('7', scopes, VIEWS.keymap)).toBeUndefined();
    expect(parseCommand('hookruns', [], views)).toEqual({ kind: 'view', view: 'hookruns' });
    expect(parseCommand('hr', [], views)).toEqual({ kind: 'view', view: 'hookruns' });
    expect(parseCommand('hr', [], VIEWS)).toMatchObject({ kind: 'error' });
    expect(completions('ho', [], views)).toEqual(['hookruns']);
    const help = helpLines(views)
      .map((l) => l.segs.map((s) => s.text).join(''))
      .join('\n');
    expect(help).toMatch(/^ {2}7 +Show the hook runs view$/m);
    expect(help).toMatch(/^ {2}:hookruns +hook runs and their metric results \(also :hr :hookrun\)$/m);
  });

  test('the console shows it: key 7, its columns, Enter opens its detail, `:hr` comes back to it', async () => {
    const h = await renderApp(makeSnapshot(), { columns: 120, rows: 30, views });
    await h.press('7');
    const f = h.frame();
    expectFits(f, 120, 30);
    expect(h.lines()[1]).toMatch(/^Hook runs {2}\[2\] {2}sort:NAME/);
    expect(rowWith(f, '  CLUSTER')).toMatch(/CLUSTER +NAMESPACE +NAME\+ +TYPE +PHASE +OWNER +STEP +AGE/);
    expect(rowWith(f, 'sh-prod-1 ')).toMatch(/game-1-check-online-2 +canary-step +Running +GameStatefulSet\/game-1 +3 +2m/);
    // No `l` here (the definition offers no logs), and no action keys.
    expect(h.lines().at(-1)).toBe('<enter> open  <esc> back  / filter  c cluster  o order  : cmd  ? help  q quit');
    await h.press(KEYS.enter);
    expect(h.lines()[1]).toMatch(/^Hook runs > HookRun\//);
    expect(h.frame()).toMatch(/online-players +(Running|Failed) last=1234/);
    await h.press('1', ':');
    await h.type('hr');
    await h.press(KEYS.enter);
    expect(h.lines()[1]).toMatch(/^Hook runs {2}\[2\]/);
  });
});

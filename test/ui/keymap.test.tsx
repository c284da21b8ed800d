import { cleanup } from 'ink-testing-library';
import type { Key } from 'ink';
import { afterEach, describe, expect, test } from 'vitest';
import type { Scope } from '../../source/ui/keymap.js';
import { KEYMAP, footerBindings, keyName, lookup, panelHints } from '../../source/ui/keymap.js';
import { helpLines } from '../../source/ui/help.js';
import { expectFits } from './assert-frame.js';
import { makeSnapshot } from './fixtures.js';
import { KEYS, renderApp } from './harness.js';

afterEach(() => cleanup());

const noKey: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

describe('keymap data', () => {
  test('no key is bound twice in any set of scopes that are active together', () => {
    const contexts: Scope[][] = [
      ['global', 'nav', 'list', 'rollout-actions'],
      ['global', 'nav', 'detail', 'rollout-actions'],
      ['global', 'nav'],
      ['confirm'],
      ['form'],
    ];
    for (const ctx of contexts) {
      const seen = new Map<string, string>();
      for (const b of KEYMAP.filter((x) => ctx.includes(x.scope))) {
        for (const k of b.keys) {
          expect(seen.get(k), `key ${k} bound to ${seen.get(k)} and ${b.id}`).toBeUndefined();
          seen.set(k, b.id);
        }
      }
    }
  });

  test('keyName normalizes Ink key events', () => {
    expect(keyName('', { ...noKey, downArrow: true })).toBe('down');
    expect(keyName('', { ...noKey, pageDown: true })).toBe('pgdn');
    expect(keyName('\r', { ...noKey, return: true })).toBe('enter');
    expect(keyName('', { ...noKey, escape: true })).toBe('esc');
    expect(keyName('c', { ...noKey, ctrl: true })).toBe('ctrl+c');
    expect(keyName('G', { ...noKey, shift: true })).toBe('G');
    expect(keyName('华', noKey)).toBe('华');
  });

  test('lookup respects scopes; action keys apply on rollout screens only', () => {
    const list = new Set<Scope>(['global', 'nav', 'list']);
    expect(lookup('j', list)?.id).toBe('down');
    expect(lookup('/', list)?.id).toBe('filter');
    expect(lookup('/', new Set<Scope>(['global', 'nav', 'detail']))).toBeUndefined();
    expect(lookup('a', list)).toBeUndefined();
    const ro = new Set<Scope>(['global', 'nav', 'list', 'rollout-actions']);
    expect(lookup('a', ro)?.id).toBe('approve');
    expect(lookup('x', ro)?.id).toBe('reject');
    expect(lookup('u', ro)?.id).toBe('hotupdate');
    expect(lookup('r', ro)?.id).toBe('retry-hooks');
    expect(lookup('s', ro)?.id).toBe('skip-hook');
    expect(lookup('h', ro)?.id).toBe('hold');
    expect(lookup('o', ro)?.id).toBe('sort-next');
    expect(lookup('O', ro)?.id).toBe('sort-reverse');
    expect(lookup('y', ro)).toBeUndefined();
    expect(lookup('y', new Set<Scope>(['confirm']))?.id).toBe('confirm');
    expect(footerBindings(ro).map((b) => b.id)).toEqual([
      'approve',
      'reject',
      'hotupdate',
      'retry-hooks',
      'skip-hook',
      'hold',
      'open',
      'back',
      'filter',
      'cluster-next',
      'sort-next',
      'command',
      'help',
      'quit',
    ]);
  });

  test('help is generated from the keymap: every binding and command appears', () => {
    const text = helpLines()
      .map((l) => l.segs.map((s) => s.text).join(''))
      .join('\n');
    for (const b of KEYMAP) expect(text).toContain(b.help);
    for (const c of [':zones', ':rollouts', ':clusters', ':fed', ':ctx <cluster>', ':quit']) expect(text).toContain(c);
  });
});

describe('log and diff view keys are in the keymap', () => {
  test('? lists them, under their own headings', () => {
    const lines = helpLines().map((l) => l.segs.map((s) => s.text).join(''));
    const section = (title: string) => {
      const at = lines.indexOf(title);
      expect(at, title).toBeGreaterThan(0);
      const end = lines.indexOf('', at);
      return lines.slice(at + 1, end).join('\n');
    };
    const logs = section('Log view (l)');
    expect(logs).toMatch(/^ {2}f <space> +Follow new lines, or pause/m);
    expect(logs).toMatch(/^ {2}\/ +Filter lines/m);
    expect(logs).toMatch(/^ {2}s <ctrl-s> +Save the lines in view/m);
    expect(logs).toMatch(/^ {2}<esc> +Clear the filter, or close the log view/m);
    const diff = section('Diff view (:diff, 5): the report');
    expect(diff).toMatch(/^ {2}<enter> +Show the selected object's diff/m);
    expect(diff).toMatch(/^ {2}a +Show every object, or only those that differ/m);
    expect(diff).toMatch(/^ {2}r +Render the repo again/m);
    expect(section("Diff view: one object's diff")).toMatch(/^ {2}<esc> q +Back to the report/m);
  });

  test("no key is bound twice within a panel, and the panels' key lines come from the same bindings", () => {
    for (const scope of ['log-panel', 'diff-list', 'diff-object'] as const) {
      const seen = new Map<string, string>();
      for (const b of KEYMAP.filter((x) => x.scope === scope)) {
        for (const k of b.keys) {
          expect(seen.get(k), `${scope}: key ${k} bound to ${seen.get(k)} and ${b.id}`).toBeUndefined();
          seen.set(k, b.id);
        }
      }
    }
    const logs = new Set(['log-panel' as const]);
    expect(lookup(' ', logs)?.id).toBe('follow');
    expect(lookup('G', logs)?.id).toBe('bottom');
    expect(lookup('q', logs)?.id).toBe('close');
    expect(lookup('a', new Set(['diff-list' as const]))?.id).toBe('show-synced');
    expect(lookup('a', new Set(['diff-object' as const]))).toBeUndefined();
    expect(panelHints('log-panel')).toBe('f follow/pause  / filter  w wrap  t time  s save  g/G top/end  esc back');
    expect(panelHints('diff-list')).toBe('enter diff  a all/changed  r refresh  esc back');
    expect(panelHints('diff-object')).toBe('up/down scroll  esc back  r refresh');
  });
});

describe('keys in the console', () => {
  test('? opens help (scrollable, fits the terminal), Esc closes it', async () => {
    const h = await renderApp(makeSnapshot(), { columns: 80, rows: 24 });
    await h.press('?');
    expect(h.lines()[1]).toBe('Zones > Help');
    expect(h.frame()).toContain('Move down');
    expectFits(h.frame(), 80, 24);
    await h.press('G');
    expect(h.frame()).toContain('!text       rows NOT containing the text');
    expect(h.lines().at(-1)).toContain('<esc> close help');
    await h.press(KEYS.esc);
    expect(h.lines()[1]).toMatch(/^Zones {2}\[12\]/);
  });

  test('footer shows the keys that apply here', async () => {
    const h = await renderApp(makeSnapshot(), { columns: 200, rows: 24 });
    // Zones rows are marked to compare two of them (=).
    expect(h.lines().at(-1)).toBe('<enter> open  <esc> back  / filter  = compare  c cluster  <space> mark  o order  : cmd  ? help  q quit');
    await h.press('2');
    // No actions port in this console: the action keys are shown disabled, with the reason.
    expect(h.lines().at(-1)).toBe(
      'a/x/u/r/s/h(unavailable)  <enter> open  <esc> back  / filter  c cluster  <space> mark  o order  : cmd  ? help  q quit',
    );
    await h.press(KEYS.enter);
    expect(h.lines().at(-1)).toBe('a/x/u/r/s/h(unavailable)  <enter> open  <esc> back  : cmd  ? help  q quit');
  });

  test(': command line completes with Tab and shows candidates; errors are one sentence', async () => {
    const h = await renderApp(makeSnapshot(), { columns: 120, rows: 24 });
    await h.press(':');
    await h.type('c');
    expect(h.lines().at(-1)).toBe(':c_   clusters  ctx');
    await h.type('t');
    await h.press(KEYS.tab);
    expect(h.lines().at(-1)).toMatch(/^:ctx _ {3}ctx all {2}ctx fed-host {2}ctx nj-prod-1/);
    await h.type('nj');
    await h.press(KEYS.tab);
    expect(h.lines().at(-1)).toMatch(/^:ctx nj-prod-1_/);
    await h.press(KEYS.enter);
    expect(h.lines()[1]).toContain('ctx:nj-prod-1');
    await h.press(':');
    await h.type('bogus');
    await h.press(KEYS.enter);
    expect(h.lines().at(-1)).toContain('unknown command ":bogus"');
    await h.press(':');
    await h.type('ro');
    await h.press(KEYS.enter);
    expect(h.lines()[1]).toMatch(/^Rollouts/);
    await h.press(':', KEYS.esc);
    expect(h.lines().at(-1)).toContain('<enter> open');
  });

  test('q quits', async () => {
    const h = await renderApp(makeSnapshot());
    await h.press('q');
    expect(h.exits).toEqual([0]);
  });

  test('Ctrl-C quits, also from a detail view', async () => {
    const h = await renderApp(makeSnapshot());
    await h.press(KEYS.enter, KEYS.ctrlC);
    expect(h.exits).toEqual([0]);
  });

  test(':q quits; q while typing a filter is text', async () => {
    const h = await renderApp(makeSnapshot());
    await h.press('/', 'q');
    expect(h.exits).toEqual([]);
    expect(h.frame()).toContain('/q_');
    await h.press(KEYS.esc, ':', 'q', KEYS.enter);
    expect(h.exits).toEqual([0]);
  });

  test("number keys switch views and keep each view's filter", async () => {
    const h = await renderApp(makeSnapshot());
    await h.press('/');
    await h.type('sh-');
    await h.press(KEYS.enter, '2');
    expect(h.lines()[1]).toMatch(/^Rollouts {2}\[3\]/);
    await h.press('1');
    expect(h.lines()[1]).toMatch(/^Zones {2}\[4\/12\] {2}filter:sh-/);
    await h.press('3');
    expect(h.lines()[1]).toMatch(/^Clusters {2}\[4\]/);
    await h.press('4');
    expect(h.lines()[1]).toMatch(/^Federation {2}\[1\]/);
  });
});

describe('keystrokes that arrive together (slow links)', () => {
  test('a chunk of text is split into one key per character, CR as enter', async () => {
    const { keyNames } = await import('../../source/ui/keymap.js');
    const plain = {
      upArrow: false,
      downArrow: false,
      leftArrow: false,
      rightArrow: false,
      pageUp: false,
      pageDown: false,
      home: false,
      end: false,
      return: false,
      escape: false,
      tab: false,
      backspace: false,
      delete: false,
      ctrl: false,
      meta: false,
      shift: false,
    } as never;
    expect(keyNames('j', plain)).toEqual(['j']);
    expect(keyNames('/awaiting\r', plain)).toEqual(['/', 'a', 'w', 'a', 'i', 't', 'i', 'n', 'g', 'enter']);
  });

  test('"/paused<CR>" in one read filters the list like typing it slowly', async () => {
    const { makeSnapshot } = await import('./fixtures.js');
    const { renderApp } = await import('./harness.js');
    const h = await renderApp(makeSnapshot(), { view: 'rollouts', columns: 160, rows: 30 });
    await h.press('/awaiting\r');
    await h.waitFor((f) => /Rollouts\s+\[1/.test(f), 'one filtered row');
    expect(h.frame()).toMatch(/game-1001/);
    h.unmount();
  });
});

// The console's chrome in 简体中文 (in process, the real App on a fixture snapshot): header, footer key
// hints with their short reasons, the `?` help, the approve card and its cancel, and the `:` errors. Each
// frame fits 80x24 by display width (CJK takes two cells). The views' own titles and columns belong to
// another area and are not asserted here.
import { cleanup } from 'ink-testing-library';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { setLang } from '../../source/i18n/t.js';
import { KEYMAP } from '../../source/ui/keymap.js';
import { helpLines } from '../../source/ui/help.js';
import { parseCommand } from '../../source/ui/commands.js';
import { displayWidth } from '../../source/ui/text/width.js';
import { expectFits, rowWith } from './assert-frame.js';
import { FakeActions } from './fake-actions.js';
import { makeSnapshot } from './fixtures.js';
import { KEYS, renderApp } from './harness.js';

const footer = (f: string) => f.split('\n').at(-1) ?? '';
const CJK = /[\u4e00-\u9fff]/;

beforeEach(() => setLang('zh-CN'));
afterEach(() => {
  cleanup();
  setLang('en');
});

describe('console chrome in Chinese (80x24)', () => {
  test('header and footer: Chinese words, key names and Kubernetes names kept, read-only reasons short', async () => {
    const port = new FakeActions(() => makeSnapshot());
    const h = await renderApp(makeSnapshot(), { view: 'rollouts', columns: 80, rows: 24, actions: port, readOnly: true });
    await h.press('j');
    const f = await h.waitFor((x) => footer(x).includes('（只读）'), 'the read-only hint');
    expect(h.lines()[0]).toMatch(/^zonectl {2}集群群组 .*命名空间 全部 +只读 +集群 \d+\/\d+ 就绪/);
    // Every action key is off for one reason: one hint says so for all of them.
    expect(footer(f)).toMatch(/^a\/x\/u\/r\/s\/h（只读） {2}.*\? 帮助 {2}q 退出$/);
    expectFits(f, 80, 24);
    await h.press('a');
    expect(footer(h.frame())).toBe('同意：只读模式');
  });

  test('the approve card: Chinese field names and key hints; n cancels with nothing written', async () => {
    const port = new FakeActions(() => h.source.snapshot());
    const h = await renderApp(makeSnapshot(), { view: 'rollouts', columns: 80, rows: 24, actions: port });
    await h.press('j');
    expect(rowWith(h.frame(), '> ')).toContain('game-1001');
    await h.waitFor((x) => /^a 同意 {2}/.test(footer(x)), 'approve enabled');
    expectFits(h.frame(), 80, 24);
    await h.press('a');
    const f = await h.waitFor((x) => footer(x) === 'y/<enter> 确认  n/<esc> 取消  <tab> 原因', 'the card');
    expect(f.split('\n')[1]).toMatch(/ > 同意$/);
    expect(f).toMatch(/^ {2}原因 {8}（无：按 <tab> 为审计记录填写原因）$/m);
    expectFits(f, 80, 24);
    await h.press(KEYS.tab);
    // While a reason is typed, y and n are text: only Enter and Esc are shown.
    expect(footer(h.frame())).toBe('<enter> 确认  <esc> 取消  <tab> 完成');
    await h.press(KEYS.esc);
    expect(footer(h.frame())).toBe('已取消：未写入任何内容');
    expect(port.calls.run).toEqual([]);
  });

  test('? help: Chinese headings and key lines, every line within 80 cells', async () => {
    const h = await renderApp(makeSnapshot(), { columns: 80, rows: 24 });
    await h.press('?');
    const f = h.frame();
    expect(f.split('\n')[1]).toMatch(/ > 帮助$/);
    expect(footer(f)).toBe('<esc> 关闭帮助  j/k 滚动  q 退出');
    expectFits(f, 80, 24);
    const text = helpLines()
      .map((l) => l.segs.map((s) => (typeof s === 'string' ? s : s ? s.text : '')).join(''))
      .join('\n');
    expect(text).toMatch(/^全局$/m);
    expect(text).toContain('命令（输入 : 后按 Tab 补全）');
    expect(text).toContain('过滤语法');
    // Every binding's help and footer label is Chinese (or a name kept in English: YAML, Shell).
    for (const b of KEYMAP) {
      expect(b.help, b.id).toMatch(CJK);
      expect(text).toContain(b.help);
      if (!/^(YAML|Shell)$/.test(b.label)) expect(b.label, b.id).toMatch(CJK);
      expect(displayWidth(b.label), b.label).toBeLessThanOrEqual(12);
    }
  });

  test(': errors in Chinese, command and cluster names as typed', () => {
    expect(parseCommand('bogus', [])).toEqual({ kind: 'error', message: '未知命令 ":bogus"（输入 : 后按 Tab 列出命令；? 查看帮助）' });
    expect(parseCommand('ctx xx', ['shanghai'])).toEqual({ kind: 'error', message: '没有名为 "xx" 的集群' });
  });

  test('the language is read when shown: back to English, the same keymap says English', () => {
    setLang('en');
    expect(KEYMAP.find((b) => b.id === 'approve')?.label).toBe('approve');
    setLang('zh-CN');
    expect(KEYMAP.find((b) => b.id === 'approve')?.label).toBe('同意');
  });
});

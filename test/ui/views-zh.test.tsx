// The console's views in 简体中文 (issue 18): titles, column headers and the words zonectl coins in a
// row come from the views catalog, and at 80×24 the key columns stay visible and aligned by display
// width (a Chinese header is twice as wide as its length). English is what the other tests assert.
import { cleanup } from 'ink-testing-library';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { setLang } from '../../source/i18n/t.js';
import { displayWidth } from '../../source/ui/text/width.js';
import { colOf, expectFits, rowWith } from './assert-frame.js';
import { makeSnapshot } from './fixtures.js';
import { KEYS, renderApp } from './harness.js';

/** The table's header row: the first line after the console's own header (which names 集群 too) holding `text`. */
function tableHeader(frame: string, text: string): string {
  const line = frame
    .split('\n')
    .slice(1)
    .find((l) => l.includes(text));
  if (line === undefined) throw new Error(`no row with ${text} in:\n${frame}`);
  return line;
}

beforeEach(() => setLang('zh-CN'));
afterEach(() => {
  cleanup();
  setLang('en');
});

describe('views in Chinese', () => {
  test('Zones at 80×24: Chinese title and headers, the key columns kept, versions aligned under their header', async () => {
    const h = await renderApp(makeSnapshot(), { columns: 80, rows: 24 });
    const f = h.frame();
    expectFits(f, 80, 24);
    expect(h.lines()[1]).toMatch(/^区服 {2}\[12\] {2}排序：集群/);
    const header = tableHeader(f, '  集群');
    for (const col of ['集群', '区服', '名称', '版本', '服务', '发布']) expect(header).toContain(col);
    expect(header).not.toMatch(/CLUSTER|ZONE|NAME/);
    const verCol = colOf(header, '版本');
    const rows = h.lines().filter((l) => /\bv1\.\d\.\d\b/.test(l));
    expect(rows.length).toBe(12);
    for (const l of rows) expect(colOf(l, 'v1.'), l).toBe(verCol);
    // The words zonectl coins for a rollout; a CJK zone name keeps its place.
    expect(rowWith(f, '1001')).toContain('华东一区 风云');
  });

  test('Zones at 200×60 shows every column, in Chinese', async () => {
    const h = await renderApp(makeSnapshot(), { columns: 200, rows: 60 });
    expectFits(h.frame(), 200, 60);
    const header = tableHeader(h.frame(), '  集群');
    for (const col of ['命名空间', '时长']) expect(header).toContain(col);
  });

  test('Rollouts, Clusters, Versions and Alerts at 80×24: headers and coined words in Chinese, key columns visible', async () => {
    const h = await renderApp(makeSnapshot(), { columns: 80, rows: 24 });
    await h.press('2');
    let f = h.frame();
    expectFits(f, 80, 24);
    expect(h.lines()[1]).toMatch(/^发布 /);
    let header = tableHeader(f, '  集群');
    for (const col of ['集群', '工作负载', '步骤', '状态']) expect(header).toContain(col);
    // A coined state, worded, starts where its header does.
    expect(colOf(rowWith(f, '已暂停'), '已暂停')).toBe(colOf(header, '状态'));

    await h.press('3');
    f = h.frame();
    expectFits(f, 80, 24);
    header = tableHeader(f, '  集群');
    expect(header).toMatch(/集群\S* +状态 +版本/);
    expect(f).toMatch(/就绪/);

    await h.press('8');
    f = h.frame();
    expectFits(f, 80, 24);
    header = tableHeader(f, '  集群');
    for (const col of ['区服', '服务', '运行版本', '状态']) expect(header).toContain(col);

    await h.press('!');
    f = h.frame();
    expectFits(f, 80, 24);
    expect(h.lines()[1]).toMatch(/^告警 /);
    header = rowWith(f, '  级别');
    for (const col of ['级别', '对象', '时长', '消息']) expect(header).toContain(col);
  });

  test('detail panes: labels padded by display width, headings in Chinese', async () => {
    const h = await renderApp(makeSnapshot(), { columns: 80, rows: 24 });
    await h.press('2', KEYS.enter);
    const f = h.frame();
    expectFits(f, 80, 24);
    // Labels padded to 12 cells whatever their characters (gutter 2, indent 2): every value starts at cell 17.
    for (const label of ['状态', '策略', '副本', '修订']) expect(valueCol(rowWith(f, `  ${label} `)), label).toBe(17);
    expect(colOf(rowWith(f, '镜像 main'), 'registry.example.com')).toBe(17);
    expect(f).toContain('步骤（4）');
    expect(f).toContain('钩子运行（1）');
    expect(f).toMatch(/副本 +期望 \d+，已更新/);
  });

  test('the metric line of a hook run: full-width colon and brackets around the counts', async () => {
    const h = await renderApp(makeSnapshot(), { view: 'rollouts', columns: 120, rows: 60 });
    await h.press('/');
    await h.type('game-1002');
    await h.press(KEYS.enter, KEYS.enter);
    const f = h.frame();
    expect(f).toContain('online-players：Running（成功 2） 最近值 1234');
  });
});

/** Display column where a detail line's value starts (after its one-word label and the padding). */
function valueCol(line: string): number {
  const m = /^ +\S+ +/.exec(line);
  return m ? displayWidth(m[0]) : -1;
}

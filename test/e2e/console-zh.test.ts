// End to end: the console's chrome in 简体中文, driven through tmux on the real `zonectl demo`. The
// language comes from `--lang zh-CN`, or from the locale (LC_MESSAGES=zh_CN.UTF-8, no flag); `--lang en`
// shows the same screens in English. At 80x24 and 200x60: the header, the footer's key hints, the `?`
// help and the approve card of the rollout awaiting approval (shanghai, zone-101, game-1), cancelled
// (nothing is written). No captured line may be wider than the terminal in display cells (a CJK
// character takes two). The views' own titles and columns are another area's: not asserted here.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { displayWidth } from '../../source/ui/text/width.js';
import { bin, footer, hasTmux, Tmux } from './tmux.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** A tmux server that reads and writes UTF-8 whatever the test's own locale (-u): CJK cells stay CJK. */
class Utf8Tmux extends Tmux {
  override run(...args: string[]): string {
    return execFileSync('tmux', ['-u', '-L', this.socket, ...args], { encoding: 'utf8' });
  }
}

/** Every captured line fits the terminal in display cells. */
function fitsCells(screen: string, cols: number): void {
  for (const line of screen.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(cols);
}

/**
 * `zonectl demo --seed 1` with `env` before it (the locale) and `args` after, its own state and config
 * directories; resolves once the zones list shows data.
 */
async function startDemo(cols: number, rows: number, env: string, args: string): Promise<Tmux> {
  const dir = mkdtempSync(join(tmpdir(), 'zonectl-e2e-zh-'));
  const t = new Utf8Tmux(cols, rows);
  cleanups.push(
    () => rmSync(dir, { recursive: true, force: true }),
    () => t.kill(),
  );
  // LC_ALL and LANGUAGE from the test's environment would win over the locale under test.
  t.start(`env -u LC_ALL -u LANGUAGE ${env} XDG_STATE_HOME=${dir}/state XDG_CONFIG_HOME=${dir}/config ${bin} demo --seed 1 ${args}`);
  await t.waitFor((x) => /\[\d+\]/.test(x) && /zone101/.test(x), 'the zones list with data');
  return t;
}

/** The words each language shows on the screens under test. */
const WORDS = {
  zh: {
    header: /^zonectl {2}集群群组 demo.*集群 4\/4 就绪 {2}告警 \d/,
    footer: [' 帮助', ' 退出', ' 过滤'],
    help: '帮助',
    helpFooter: /^<esc> 关闭帮助 {2}j\/k 滚动 {2}q 退出$/,
    helpHeading: /^[- ] 全局$/m,
    helpLine: /返回（关闭帮助，离开详情页）/,
    approveHint: /^a 同意 {2}/,
    cardTitle: /^发布 > 同意$/m,
    cardFooter: /^y\/<enter> 确认 {2}n\/<esc> 取消 {2}<tab> 原因$/,
    reason: /^ {2}原因 {8}（无：按 <tab> 为审计记录填写原因）$/m,
    cancelled: '已取消：未写入任何内容',
    awaiting: '等待审批',
  },
  en: {
    header: /^zonectl {2}fleet demo .*clusters 4\/4 ready {2}alerts \d/,
    footer: [' help', ' quit', ' filter'],
    help: 'Help',
    helpFooter: /^<esc> close help {2}j\/k scroll {2}q quit$/,
    helpHeading: /^[- ] Everywhere$/m,
    helpLine: /Go back \(close help, leave a detail view\)/,
    approveHint: /^a approve {2}/,
    cardTitle: /^Rollouts > Approve$/m,
    cardFooter: /^y\/<enter> confirm {2}n\/<esc> cancel {2}<tab> reason$/,
    reason: /^ {2}reason {6}\(none: <tab> to type one for the audit trail\)$/m,
    cancelled: 'cancelled: nothing was written',
    awaiting: 'awaiting',
  },
};

/** Header, footer, `?` help, the approve card of game-1 in shanghai/zone-101 (cancelled), in `lang`'s words. */
async function checkChrome(t: Tmux, lang: 'zh' | 'en'): Promise<void> {
  const w = WORDS[lang];
  const fits = (s: string) => fitsCells(s, t.cols);
  let s = await t.waitFor((x) => w.header.test(x.split('\n')[0]!), 'the header');
  for (const hint of w.footer) expect(footer(s)).toContain(hint);
  fits(s);

  t.keys('?');
  s = await t.waitFor((x) => w.helpFooter.test(footer(x)), 'the help screen');
  expect(s.split('\n')[1]).toContain(`> ${w.help}`);
  expect(s).toMatch(w.helpHeading);
  expect(s).toMatch(w.helpLine);
  fits(s);
  // The whole help, page by page: every line fits.
  for (let i = 0; i < 6; i++) {
    t.keys('PageDown');
    fits(t.screen());
  }
  t.keys('Escape');

  // The rollout awaiting approval: Rollouts, all workloads, filtered to it.
  t.keys('2', 'A', '/');
  // The filter matches the words on screen: the state as the language words it.
  t.type(w.awaiting);
  t.keys('Enter');
  s = await t.waitFor((x) => /^> shanghai +zone-101 +game-1 /m.test(x) && w.approveHint.test(footer(x)), 'game-1 selected, approve on');
  fits(s);
  t.keys('a');
  s = await t.waitFor((x) => w.cardFooter.test(footer(x)), 'the approve card');
  expect(s).toMatch(w.cardTitle);
  expect(s).toMatch(/GameStatefulSet\/game-1/);
  expect(s).toMatch(/shanghai/);
  expect(s).toMatch(/zone-101/);
  expect(s).toMatch(w.reason);
  fits(s);
  // Cancel: nothing is written.
  t.keys('n');
  s = await t.waitFor((x) => footer(x).includes(w.cancelled), 'the cancel flash');
  fits(s);
}

describe.skipIf(!hasTmux())('the console in 简体中文 (tmux)', () => {
  it('--lang zh-CN at 80x24: Chinese header, key hints, help and approve card, every line within 80 cells', async () => {
    const t = await startDemo(80, 24, '', '--lang zh-CN');
    await checkChrome(t, 'zh');
  });

  it('LC_MESSAGES=zh_CN.UTF-8 (no flag) at 200x60: the same Chinese chrome, every line within 200 cells', async () => {
    const t = await startDemo(200, 60, 'LC_MESSAGES=zh_CN.UTF-8', '');
    await checkChrome(t, 'zh');
  });

  it('--lang zh-CN at 80x24: every view titled and headed in Chinese, its key columns visible, every line within 80 cells', async () => {
    const t = await startDemo(80, 24, '', '--lang zh-CN');
    const views: Array<[string, string, RegExp]> = [
      ['1', '区服', /集群\S* +区服 +名称/],
      ['2', '发布', /集群\S* .*工作负载/],
      ['3', '集群', /集群\S* +状态/],
      ['4', '联邦', /名称|类型/],
      ['6', '发布记录', /批号|集群群组操作|没有/],
      ['8', '版本', /区服\S* +服务/],
      ['!', '告警', /级别\S* .*对象/],
    ];
    for (const [key, title, header] of views) {
      t.keys(key);
      const s = await t.waitFor((x) => x.split('\n')[1]!.startsWith(`${title} `) && header.test(x), `view ${key} (${title})`);
      // Kubernetes and zonectl's own column words in English would show a view left untranslated.
      expect(s, `view ${key}`).not.toMatch(/\b(CLUSTER|ZONE|NAME|STATUS|READY|WORKLOAD)\b/);
      fitsCells(s, 80);
    }
  });

  it('--lang en at 80x24 (with a Chinese locale): the same screens in English', async () => {
    const t = await startDemo(80, 24, 'LC_MESSAGES=zh_CN.UTF-8', '--lang en');
    await checkChrome(t, 'en');
  });
});

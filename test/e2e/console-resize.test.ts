// End to end: the real `zonectl demo` in tmux, resized (issue 16 #13). A resize must leave a whole
// frame: the title (fleet and cluster health), the breadcrumb and the column header on top, the footer
// at the bottom — at 80x24 one column wider and back, after the log view was resized, and height
// changes too. And a bad --theme in a terminal is one line and exit 2 (issue 16 #10), not a stack trace.
import { afterEach, describe, expect, it } from 'vitest';
import { bin, expectFits, footer, hasTmux, startDemoSession, Tmux } from './tmux.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

const lines = (s: string) => s.split('\n');
/** Longer than the console takes to redraw after a resize (tens of milliseconds). */
const settle = () => new Promise((r) => setTimeout(r, 700));
/** The console's title line: product, fleet (its "(4 clusters)" and the user left out at 80 columns for the alert count), namespace scope and the clusters' health. */
const TITLE = /^zonectl {2}fleet demo( \(4 clusters\))? {2}(user \S+ \+3 {2})?ns all {2}clusters 4\/4 ready/;

/** The zones list drawn whole: title, breadcrumb, column header, first row, footer; nothing doubled. */
function zonesWhole(s: string): boolean {
  const l = lines(s);
  return (
    TITLE.test(l[0] ?? '') &&
    /^Zones {2}\[12\]/.test(l[1] ?? '') &&
    /^ {2}CLUSTER/.test(l[2] ?? '') &&
    /^> \w+ /.test(l[3] ?? '') &&
    /q quit/.test(footer(s)) &&
    l.filter((x) => TITLE.test(x)).length === 1 &&
    l.filter((x) => /^ {2}CLUSTER/.test(x)).length === 1
  );
}

describe.skipIf(!hasTmux())('zonectl demo resized (tmux)', () => {
  it('80x24: one column wider and back, then taller/shorter and wider/narrower: the whole frame every time', async () => {
    const { t } = await startDemoSession(80, 24, 'resize', cleanups);
    const first = await t.waitFor(zonesWhole, 'every cluster ready');
    // Where the footer sits at rest: it comes back there (one frame, not two stacked or one scrolled).
    const footerRow = (s: string, rows: number) => lines(s.trimEnd()).length - rows;
    const rest = footerRow(first, 24);
    for (const [cols, rows] of [
      [81, 24],
      [80, 24],
      [81, 24],
      [80, 24],
      [80, 30],
      [80, 24],
      [120, 24],
      [80, 24],
      [81, 25],
      [80, 24],
    ] as const) {
      t.resize(cols, rows);
      // Give the console time to settle: a frame that was whole for a moment and then broke counts.
      await settle();
      const s = await t.waitFor((x) => zonesWhole(x) && footerRow(x, rows) === rest, `the whole zones frame at ${cols}x${rows}`, 5_000);
      expectFits(s, cols);
    }
    // Still whole a moment later (no late frame drawn over it) and it still moves.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(zonesWhole(t.screen())).toBe(true);
    t.keys('Down');
    await t.waitFor(
      (x) => TITLE.test(lines(x)[0] ?? '') && /^ {2}\w+ /.test(lines(x)[3] ?? '') && /^> \w+ /.test(lines(x)[4] ?? ''),
      'the selection one row down, the frame whole',
      5_000,
    );
  });

  it.each([
    [80, 24, [150, 80, 150]],
    [150, 40, [80, 150, 81, 80, 150]],
  ] as const)('%ix%i log view resized to %j columns, then Esc: the title and header come back', async (cols0, rows, widths) => {
    const { t } = await startDemoSession(cols0, rows, 'resize-logs', cleanups);
    t.keys('l');
    const following = (s: string) =>
      TITLE.test(lines(s)[0] ?? '') && /^Zones > logs$/.test(lines(s)[1] ?? '') && /^Logs following/.test(lines(s)[2] ?? '');
    await t.waitFor((s) => following(s) && /^(nanjing|shanghai|singapore)\/\S+ \d{4}-/m.test(s), 'the log view with lines');
    for (const cols of widths) {
      t.resize(cols, rows);
      await settle();
      const s = await t.waitFor(following, `the log view whole at ${cols} columns`, 5_000);
      expectFits(s, cols);
    }
    t.keys('Escape');
    await t.waitFor(
      (s) => TITLE.test(lines(s)[0] ?? '') && /^Zones {2}\[12\]/.test(lines(s)[1] ?? '') && /^ {2}CLUSTER/.test(lines(s)[2] ?? ''),
      'the zones list whole after the log view',
      5_000,
    );
  });

  it.each([[`${bin} demo --theme nosuch`], [`${bin} --theme nosuch`]])('%s in a terminal: one usage line, exit 2', async (cmd) => {
    const t = new Tmux(80, 24);
    cleanups.push(() => t.kill());
    t.start(cmd);
    const s = await t.waitFor((x) => /EXITED=\d+/.test(x), 'the program to end', 20_000);
    expect(s).toMatch(/^error: --theme nosuch: unknown theme \(choose dark, light, high-contrast, mono\)\nEXITED=2$/m);
    expect(s).not.toMatch(/internal error|\n {4}at /);
  });
});

// End to end: the real `zonectl demo` at 80x24 (tmux): the header's namespace scope (every namespace by
// default), :ns narrows it; two zones marked and compared (=) side by side, differences only, A shows
// the equal lines; the Versions view (:versions) with the demo's in-place update marked mixed.
import { afterEach, describe, expect, it } from 'vitest';
import { expectFits, footer, hasTmux, startDemoSession } from './tmux.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

const COLS = 80;
const ROWS = 24;
const header = (s: string) => s.split('\n')[0] ?? '';
const title = (s: string) => s.split('\n')[1] ?? '';
const fits = (s: string): void => expectFits(s, COLS);

describe.skipIf(!hasTmux())('compare, versions and namespaces in zonectl demo (tmux, 80x24)', () => {
  it('ns all in the header; Space marks a zone, = compares it with the cursor row; A, Esc; :versions; :ns; q', async () => {
    const { t, screen } = await startDemoSession(COLS, ROWS, 'compare', cleanups);
    let s = screen;
    fits(s);
    expect(header(s)).toMatch(/^zonectl {2}fleet demo( \(\d clusters\))? {2}ns all {2}clusters/); // "(4 clusters)" gives way at 80 columns when alerts are counted
    // The demo's zones live in zone-* namespaces: every one is listed without -A.
    expect(title(s)).toMatch(/^Zones {2}\[12\]/);

    // Mark the first zone (the cursor moves down), move one further, compare.
    s = await t.waitFor((x) => /^> \S+ +\d+ /m.test(x), 'the cursor on the first zone');
    const first = /^> \S+ +(\d+) /m.exec(s)![1];
    t.keys('Space');
    s = await t.waitFor((x) => /1 marked/.test(title(x)), 'one zone marked');
    expect(footer(s)).toMatch(/= compare/);
    t.keys('j', '=');
    s = await t.waitFor((x) => /^Zones > compare \d+ \| \d+/.test(title(x)), 'the compare screen');
    fits(s);
    const [, a, b] = /^Zones > compare (\d+) \| (\d+)/.exec(title(s))!;
    expect(a).toBe(first);
    expect(s).toMatch(new RegExp(`^. A \\w+/zone-${a}/zone ${a}$`, 'm'));
    expect(s).toMatch(new RegExp(`^ {2}B \\w+/zone-${b}/zone ${b}$`, 'm'));
    expect(s).toMatch(/^ {2}\d+ differences?; \d+ equal hidden \(A shows them\)$/m);
    // Each zone's MySQL database differs; every shown line is a difference (| < >).
    expect(s).toMatch(new RegExp(`^ {2}\\| mysqlConfig\\.database +zone_${a} +zone_${b}$`, 'm'));
    t.keys('A');
    s = await t.waitFor((x) => /equal shown \(A hides them\)/.test(x), 'the equal lines shown');
    fits(s);
    expect(s).toMatch(/^ {2} {2}kind +Game\w+ +Game\w+$/m);
    t.keys('Escape');
    s = await t.waitFor((x) => /^Zones {2}\[12\] {2}1 marked/.test(title(x)), 'back on the zones');

    // The version matrix: the demo's in-place hot update runs two versions in one service.
    t.keys(':');
    t.type('versions');
    t.keys('Enter');
    s = await t.waitFor((x) => /^Versions {2}\[\d+\]/.test(title(x)) && /mixed/.test(x), 'the versions view');
    fits(s);
    expect(s).toMatch(/^ {2}CLUSTER +ZONE +SERVICE +RUNNING +DESIRED +STATE/m);
    expect(s).toMatch(/ \d+\.\d+\.\d+ on \d+\/\d+ +\d+\.\d+\.\d+ +mixed \(updating\)/);

    // One namespace.
    t.keys('1', ':');
    t.type('ns zone-101');
    t.keys('Enter');
    s = await t.waitFor((x) => /^Zones {2}\[1\/12\]/.test(title(x)), 'one namespace');
    fits(s);
    expect(header(s)).toMatch(/ {2}ns zone-101 {2}/);
    t.keys('q');
    await t.waitFor((x) => /EXITED=0/.test(x), 'the console quit');
  }, 90_000);
});

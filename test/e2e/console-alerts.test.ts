// End to end: the Alerts view of the real `zonectl demo` at 80x24 through tmux, with a config whose
// pause thresholds are 0 (the demo's canary awaiting approval is then a long pause at once). The
// header counts the alerts on every view; `!` and `:alerts` open the list worst first; Enter opens the
// rollout; the fix (approve) is one key away on the row and clears the alert.
import { afterEach, describe, expect, it } from 'vitest';
import { expectFits, footer, hasTmux, startDemoSession } from './tmux.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

const COLS = 80;
const ROWS = 24;
const CONFIG = 'alerts:\n  pause: { approval: 0s, hook: 0s }\n';
const lines = (s: string) => s.split('\n');
const selected = (s: string) => lines(s).find((l) => l.startsWith('> ')) ?? '';
const count = (s: string) => /alerts (\d+)( \((\d+) critical\))?/.exec(lines(s)[0] ?? '');

describe.skipIf(!hasTmux())('the Alerts view in zonectl demo (tmux, 80x24)', () => {
  it('header count on every view, the list worst first, Enter to the rollout, approve from the row clears it', async () => {
    const { t } = await startDemoSession(COLS, ROWS, 'alerts', cleanups, CONFIG);
    // The failed rollout (critical) and the two paused canaries (warnings) at least.
    let s = await t.waitFor(
      (x) => /clusters 4\/4 ready/.test(lines(x)[0] ?? '') && Number(count(x)?.[1] ?? 0) >= 3 && Number(count(x)?.[3] ?? 0) >= 1,
      'every cluster ready and the alert count in the header',
    );
    expectFits(s, COLS);
    // At 80 columns the user and the label's "(4 clusters)" give way so the scope, health and count show whole.
    expect(lines(s)[0]).toMatch(/^zonectl {2}fleet demo {2}ns all {2}clusters 4\/4 ready {2}alerts \d+ \(\d+ critical\)$/);
    const before = Number(count(s)![1]);

    t.keys('!');
    s = await t.waitFor((x) => /^Alerts {2}\[\d+\] {2}sort:SEVERITY/.test(lines(x)[1] ?? ''), 'the Alerts view');
    expectFits(s, COLS);
    expect(lines(s)[0]).toMatch(/alerts \d+/);
    expect(lines(s)[2]).toMatch(/^ {2}SEVERITY\+? +CLUSTER +OBJECT +AGE +MESSAGE/);
    const sev = lines(s)
      .map((l) => /^[> ] (critical|warning|info) /.exec(l)?.[1])
      .filter((x): x is string => !!x);
    expect(sev[0]).toBe('critical');
    expect(sev.indexOf('warning')).toBeGreaterThan(sev.lastIndexOf('critical'));
    expect(s).toMatch(/critical +shanghai +GameDeploy\S* {2}/);

    // The pause awaiting approval: its row, the approve key enabled on it, Enter opens its rollout.
    t.keys('/');
    t.type('awaiting');
    t.keys('Enter');
    s = await t.waitFor(
      (x) => /^> warning +shanghai +GameStateful\S* +\d+[smh] +paused: awaiting/.test(selected(x)),
      'the awaiting-approval alert selected',
    );
    s = await t.waitFor((x) => /(^| {2})a approve( |$)/.test(footer(x)), 'the approve key enabled on the alert');
    expectFits(s, COLS);
    t.keys('Enter');
    s = await t.waitFor((x) => /^Alerts > GameStatefulSet\/game-1/.test(lines(x)[1] ?? ''), 'the rollout detail');
    expectFits(s, COLS);
    t.keys('Escape');
    await t.waitFor((x) => /^Alerts {2}\[1\//.test(lines(x)[1] ?? ''), 'back on the filtered list');

    // The fix from the row: approve, confirm; the alert clears and the count goes down.
    t.keys('a');
    s = await t.waitFor((x) => x.includes('Writes:') && /y\/<enter> confirm/.test(x), 'the approval card');
    expectFits(s, COLS);
    t.keys('y');
    await t.waitFor((x) => x.includes('approve GameStatefulSet zone-101/game-1 on shanghai: done'), 'the approve result');
    t.keys('Escape');
    s = await t.waitFor((x) => Number(count(x)?.[1] ?? before) < before, 'the alert count down after the approval', 30_000);

    // `:alerts` from another view comes back to the list.
    t.keys('Escape', '1', ':');
    t.type('alerts');
    t.keys('Enter');
    await t.waitFor((x) => /^Alerts {2}\[\d+\]/.test(lines(x)[1] ?? ''), ':alerts');
    t.keys('q');
    await t.waitFor((x) => /EXITED=0/.test(x), 'a clean exit');
  }, 120_000);
});

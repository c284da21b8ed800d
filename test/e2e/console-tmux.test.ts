// End to end: the real `zonectl demo` in tmux, driven with send-keys, read with capture-pane.
// Runs at 80x24 and 200x60. Uses a private tmux socket and kills only that tmux server.
import { afterEach, describe, expect, it } from 'vitest';
import { bin, hasTmux, Tmux } from './tmux.js';

const sessions: Tmux[] = [];
afterEach(() => {
  while (sessions.length) sessions.pop()!.kill();
});

describe.skipIf(!hasTmux())('zonectl demo in tmux', () => {
  for (const [cols, rows] of [
    [80, 24],
    [200, 60],
  ] as const) {
    it(`navigates, filters, drills into the paused rollout, goes back and quits at ${cols}x${rows}`, async () => {
      const t = new Tmux(cols, rows);
      sessions.push(t);
      t.start(`${bin} demo --seed 1`);
      let s = await t.waitFor((x) => /Zones\s+\[\d+\]/.test(x) && /zone101/.test(x), 'the zones view with data');
      // Nothing overflows the terminal: every line fits, the footer is on screen.
      for (const line of s.split('\n')) expect(line.length).toBeLessThanOrEqual(cols);
      expect(s).toMatch(/q quit/);
      expect(s).toMatch(/shanghai/);
      expect(s).toMatch(/nanjing/);
      expect(s).toMatch(/singapore/);

      // Rollouts view, filter to the one awaiting approval, drill in.
      t.keys('2');
      s = await t.waitFor((x) => /Rollouts\s+\[\d+\]/.test(x), 'the rollouts view');
      expect(s).toMatch(/paused: (awaiting|hook)/);
      t.keys('/');
      t.type('awaiting');
      t.keys('Enter');
      s = await t.waitFor((x) => /Rollouts\s+\[1/.test(x), 'one filtered row');
      expect(s).toMatch(/game-1/);
      t.keys('Enter');
      s = await t.waitFor((x) => /Steps \(3\)/.test(x), 'the rollout detail');
      expect(s).toMatch(/Rollouts > GameStatefulSet\/game-1/);
      expect(s).toMatch(/pause \(manual\).*awaiting approval/);
      expect(s).toMatch(/\[>\] 2\./);

      // Back to the list (filter kept), clear the filter, back to zones, quit.
      t.keys('Escape');
      s = await t.waitFor((x) => /Rollouts\s+\[1/.test(x) && !/Steps \(/.test(x), 'the filtered list again');
      t.keys('Escape');
      await t.waitFor((x) => /Rollouts\s+\[[2-9]/.test(x), 'the unfiltered list');
      t.keys(':');
      t.type('zones');
      t.keys('Enter');
      await t.waitFor((x) => /Zones\s+\[\d+\]/.test(x), 'zones via the command line');
      t.keys('q');
      s = await t.waitFor((x) => /EXITED=0/.test(x), 'a clean exit');
      // The terminal is restored: the alternate screen is gone and the shell line is visible.
      expect(s).not.toMatch(/Zones\s+\[/);
    });
  }
});

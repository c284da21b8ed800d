// End to end (issue 16 #7): closing the terminal under the console (tmux kill-pane, like a dropped SSH
// session) is a hang-up, not a crash: no "internal error: write EIO", and `zonectl demo` still removes
// its temp dir with the admin kubeconfig.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bin, hasTmux, Tmux } from './tmux.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

describe.skipIf(!hasTmux())('the terminal closes under the console', () => {
  it('exits quietly and leaves no temp dir behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zonectl-e2e-hangup-'));
    const tmp = join(dir, 'tmp');
    mkdirSync(tmp);
    const t = new Tmux(80, 24);
    cleanups.push(
      () => rmSync(dir, { recursive: true, force: true }),
      () => t.kill(),
    );
    t.start(`TMPDIR=${tmp} XDG_STATE_HOME=${dir}/state XDG_CONFIG_HOME=${dir}/config ${bin} demo --seed 1 2>${dir}/stderr`);
    await t.waitFor((x) => /Zones\s+\[\d+\]/.test(x) && /zone101/.test(x), 'the zones view with data');
    const made = readdirSync(tmp).filter((n) => n.startsWith('zonectl-sim-'));
    expect(made).toHaveLength(1); // the demo's kubeconfig lives here while it runs
    // A second window keeps the tmux server alive while the console's pane is killed.
    t.run('new-window', '-d', '-t', 'e2e', 'sleep 30');
    t.run('kill-pane', '-t', 'e2e:0');
    const end = Date.now() + 15_000;
    while (Date.now() < end && existsSync(join(tmp, made[0]!))) await new Promise((r) => setTimeout(r, 100));
    expect(existsSync(join(tmp, made[0]!)), 'the demo temp dir (admin kubeconfig) is removed').toBe(false);
    const err = existsSync(join(dir, 'stderr')) ? readFileSync(join(dir, 'stderr'), 'utf8') : '';
    expect(err, err).not.toMatch(/internal error|EIO/);
    // No zonectl demo of this test left running (found by the TMPDIR in its environment) soon after.
    const ours = () =>
      readdirSync('/proc')
        .filter((p) => /^\d+$/.test(p))
        .filter((p) => {
          try {
            return readFileSync(`/proc/${p}/environ`, 'utf8').split('\0').includes(`TMPDIR=${tmp}`);
          } catch {
            return false; // gone, or not ours
          }
        });
    const until = Date.now() + 10_000;
    while (Date.now() < until && ours().length) await new Promise((r) => setTimeout(r, 100));
    expect(ours()).toEqual([]);
  }, 60_000);
});

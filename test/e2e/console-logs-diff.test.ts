// End to end: logs and the Git-vs-live diff in the real `zonectl demo` at 80x24 (tmux): open a zone,
// `l` follows its pods (cluster/pod/container prefixes), Esc back; `:diff` shows the demo repo's drift
// (Modified image, Modified masked password, Missing ConfigMap), Enter shows the masked diff, Esc back,
// q quits. And `demo --serve` prints the config repo so `zonectl diff --repo <path>` works against it.
import { execFile, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bin, expectFits, footer, hasTmux, root, startDemoSession } from './tmux.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

const COLS = 80;
const ROWS = 24;
const title = (s: string) => s.split('\n')[1] ?? '';

const fits = (s: string): void => expectFits(s, COLS);

describe.skipIf(!hasTmux())('logs and diff in zonectl demo (tmux, 80x24)', () => {
  it('l follows a zone and Esc returns; :diff shows the drift with a masked password; q quits', async () => {
    const { t, screen } = await startDemoSession(COLS, ROWS, 'logs', cleanups);
    let s = screen;
    expect(footer(s)).toMatch(/l logs/);

    // Open the first zone, then its logs.
    t.keys('Enter');
    s = await t.waitFor((x) => /Services \(\d+\)/.test(x), 'the zone detail');
    const zone = /^Zones > zone (\d+)/.exec(title(s))?.[1];
    expect(zone).toBeDefined();
    t.keys('l');
    s = await t.waitFor(
      (x) => /^Logs following/m.test(x) && /^(nanjing|shanghai|singapore)\/[a-z0-9-]+\/[a-z0-9-]+ \d{4}-/m.test(x),
      'log lines with cluster/pod/container prefixes',
    );
    fits(s);
    expect(title(s)).toMatch(new RegExp(`^Zones > zone ${zone} \\S+ > logs$`));
    expect(s).toMatch(new RegExp(`^Logs following {2}\\d+ streams {2}[\\d,]+ lines {2}zone/${zone} in \\w+`, 'm'));
    expect(s).toContain(`[zone ${zone}]`);
    expect(footer(s)).toMatch(/^f follow\/pause/);
    // f pauses (new lines are counted, not shown), f follows again.
    t.keys('f');
    await t.waitFor((x) => /^Logs paused \+\d+ new/m.test(x), 'paused');
    t.keys('f');
    await t.waitFor((x) => /^Logs following/m.test(x), 'following again');
    t.keys('Escape');
    s = await t.waitFor((x) => /Services \(\d+\)/.test(x) && !/^Logs following/m.test(x), 'the zone detail again');
    expect(title(s)).toMatch(new RegExp(`^Zones > zone ${zone} \\S+$`));

    // The demo's config repo versus live.
    t.keys(':');
    t.type('diff');
    t.keys('Enter');
    s = await t.waitFor((x) => /^ {2}shanghai {2}1 app:/m.test(x) && /Missing/.test(x), 'the diff report', 30_000);
    fits(s);
    expect(title(s)).toMatch(/ > diff$/);
    expect(s).toMatch(/^Diff HEAD \([0-9a-f]{8}\) {2}2 modified, 1 missing/m);
    expect(s).toMatch(/^ {2}nanjing {2}1 app: 1 modified/m);
    expect(s).toMatch(/^ {2}shanghai {2}1 app: 1 modified, 1 missing/m);
    expect(s).toMatch(/^> {5}Modified {2}GameZone\.apps\.example\.com zone-2\d\d\/zone2\d\d$/m);
    expect(s).toMatch(/^ {6}Modified {2}GameZone\.apps\.example\.com zone-101\/zone101$/m);
    expect(s).toMatch(/^ {6}Missing {3}ConfigMap zone-101\/zone-motd$/m);
    // The nanjing zone (selected first): Git sets a password; both sides are masked.
    t.keys('Enter');
    s = await t.waitFor((x) => /predicted by/.test(x), 'the object diff');
    fits(s);
    expect(s).toMatch(/^ {2}\+ +pwd: "?\*\*\*\(hmac:[0-9a-f]{8}\)"?$/m);
    expect(s).not.toContain('demo-password-rotated');
    t.keys('Escape');
    s = await t.waitFor((x) => /^ {6}Missing {3}ConfigMap/m.test(x), 'the report again');
    // The shanghai zone: the image Git wants.
    t.keys('j', 'Enter');
    s = await t.waitFor((x) => /predicted by/.test(x), 'the image diff');
    expect(s).toMatch(/^ {2}\+ +defaultImage: registry\.example\.com\/project1\/service:1\.9\.0$/m);
    t.keys('Escape');
    await t.waitFor((x) => /enter diff/.test(footer(x)), 'the report again');
    t.keys('Escape');
    s = await t.waitFor((x) => /Services \(\d+\)/.test(x), 'the zone detail after the diff');
    t.keys('q');
    s = await t.waitFor((x) => /EXITED=0/.test(x), 'a clean exit');
    expect(s).not.toMatch(/Zones\s+\[/);
  });
});

describe('demo --serve prints its config repo for zonectl diff', () => {
  it('zonectl diff --repo <printed path> finds the drift (exit 1 with --exit-code)', async () => {
    const child = spawn(bin, ['demo', '--serve', '--seed', '1'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    let kubeconfig = '';
    cleanups.push(() => {
      if (child.exitCode === null) child.kill('SIGINT');
      if (kubeconfig) rmSync(dirname(kubeconfig), { recursive: true, force: true });
    });
    const end = Date.now() + 30_000;
    while (!/Serving until interrupted/.test(out) && Date.now() < end && child.exitCode === null)
      await new Promise((r) => setTimeout(r, 100));
    kubeconfig = /^kubeconfig: (.+)$/m.exec(out)?.[1] ?? '';
    const repo = /^config repo: (.+)$/m.exec(out)?.[1] ?? '';
    expect(kubeconfig, out).not.toBe('');
    expect(repo, out).toBe(join(dirname(kubeconfig), 'config-repo'));
    expect(out).toContain(`zonectl diff --repo ${repo}`);
    const r = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      execFile(
        bin,
        ['diff', '--repo', repo, '--exit-code'],
        { cwd: root, env: { ...process.env, KUBECONFIG: kubeconfig, NO_COLOR: '1' }, timeout: 60_000 },
        (err, stdout) => resolve({ code: err ? ((err as { code?: number }).code ?? null) : 0, stdout }),
      );
    });
    expect(r.code, r.stdout).toBe(1);
    expect(r.stdout).toMatch(/Modified/);
    expect(r.stdout).toMatch(/Missing/);
    expect(r.stdout).toMatch(/\*\*\*\(hmac:[0-9a-f]{8}\)/);
    expect(r.stdout).not.toContain('demo-password-rotated');
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });
});

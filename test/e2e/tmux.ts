// A private tmux server for driving the real console: send-keys in, capture-pane out. Each Tmux has
// its own socket; kill() stops only that server (and the program it runs).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { expect } from 'vitest';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const bin = resolve(root, 'bin/zonectl');

export function hasTmux(): boolean {
  try {
    execFileSync('tmux', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export class Tmux {
  readonly socket = `zonectl-e2e-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  constructor(
    readonly cols: number,
    readonly rows: number,
  ) {}
  run(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }
  start(cmd: string, cwd = root): void {
    this.run(
      'new-session',
      '-d',
      '-s',
      'e2e',
      '-x',
      String(this.cols),
      '-y',
      String(this.rows),
      '-c',
      cwd,
      `${cmd}; echo "EXITED=$?"; sleep 30`,
    );
  }
  screen(): string {
    return this.run('capture-pane', '-p', '-t', 'e2e');
  }
  keys(...keys: string[]): void {
    for (const k of keys) {
      this.run('send-keys', '-t', 'e2e', k);
      execFileSync('sleep', ['0.15']);
    }
  }
  /** Resizes the window, as a terminal emulator or `tmux resize-window` does (the program gets SIGWINCH). */
  resize(cols: number, rows: number = this.rows): void {
    this.run('resize-window', '-t', 'e2e', '-x', String(cols), '-y', String(rows));
  }
  type(text: string): void {
    this.run('send-keys', '-t', 'e2e', '-l', text);
  }
  async waitFor(pred: (s: string) => boolean, what: string, timeoutMs = 20_000): Promise<string> {
    const end = Date.now() + timeoutMs;
    let last = '';
    while (Date.now() < end) {
      last = this.screen();
      if (pred(last)) return last;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting for ${what}; screen was:\n${last}`);
  }
  kill(): void {
    try {
      this.run('kill-server');
    } catch {
      /* already gone */
    }
  }
}

/** The footer (last non-empty line) of a captured screen. */
export const footer = (s: string): string => s.trimEnd().split('\n').at(-1) ?? '';

/** Nothing on the screen is wider than the terminal. */
export function expectFits(s: string, cols: number): void {
  for (const line of s.split('\n')) expect(line.length, line).toBeLessThanOrEqual(cols);
}

/**
 * `zonectl demo --seed 1` in a new tmux session with its own state and config directories (the audit
 * log lands there); registers cleanups. Resolves once the zones view shows data.
 */
export async function startDemoSession(
  cols: number,
  rows: number,
  prefix: string,
  cleanups: Array<() => void>,
  /** The config file's text (e.g. alert thresholds); none by default. */
  config?: string,
): Promise<{ t: Tmux; dir: string; screen: string }> {
  const dir = mkdtempSync(join(tmpdir(), `zonectl-e2e-${prefix}-`));
  if (config !== undefined) {
    mkdirSync(join(dir, 'config', 'zonectl'), { recursive: true });
    writeFileSync(join(dir, 'config', 'zonectl', 'config.yaml'), config);
  }
  const t = new Tmux(cols, rows);
  cleanups.push(
    () => rmSync(dir, { recursive: true, force: true }),
    () => t.kill(),
  );
  t.start(`XDG_STATE_HOME=${dir}/state XDG_CONFIG_HOME=${dir}/config ${bin} demo --seed 1`);
  const screen = await t.waitFor((x) => /Zones\s+\[\d+\]/.test(x) && /zone101/.test(x), 'the zones view with data');
  return { t, dir, screen };
}

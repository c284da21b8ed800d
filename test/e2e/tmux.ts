// A private tmux server for driving the real console: send-keys in, capture-pane out. Each Tmux has
// its own socket; kill() stops only that server (and the program it runs).
import { execFileSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
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
  constructor(readonly cols: number, readonly rows: number) {}
  run(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }
  start(cmd: string): void {
    this.run('new-session', '-d', '-s', 'e2e', '-x', String(this.cols), '-y', String(this.rows), '-c', root, `${cmd}; echo "EXITED=$?"; sleep 30`);
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

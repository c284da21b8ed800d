// An exec credential plugin (kubeconfig users[].user.exec) whose behaviour a test switches at runtime:
// `ok` answers with the token (valid for `ttlSeconds`, so zonectl runs it again soon), `hang` never
// answers (a shell whose child sleeps: zonectl must end the whole process group), `fail` exits 1 with
// a line on stderr and a token on stdout (which must never be shown). Every run and every process it
// starts is recorded, so a test counts runs and ends what outlived it.
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type PluginMode = 'ok' | 'hang' | 'fail';

export interface FaultPlugin {
  /** The plugin's path (for `exec.command`). */
  command: string;
  set(mode: PluginMode): void;
  /** Runs started so far, by the mode they found. */
  runs(): Record<PluginMode, number>;
  /** Ends every process a run started that still runs (SIGKILL by PID). */
  killLeft(): void;
}

/** Writes the plugin into `dir` (which must be private to the test). */
export function faultPlugin(dir: string, token: string, opts: { ttlSeconds?: number; stdoutSecret?: string } = {}): FaultPlugin {
  const modeFile = join(dir, 'plugin-mode');
  const runsFile = join(dir, 'plugin-runs');
  const pidsFile = join(dir, 'plugin-pids');
  const command = join(dir, 'fault-plugin.sh');
  const ttl = opts.ttlSeconds ?? 3600;
  writeFileSync(modeFile, 'ok');
  writeFileSync(runsFile, '');
  writeFileSync(pidsFile, '');
  writeFileSync(
    command,
    [
      '#!/bin/sh',
      `mode=$(cat '${modeFile}')`,
      `echo "$mode" >> '${runsFile}'`,
      `echo $$ >> '${pidsFile}'`,
      'case "$mode" in',
      `  hang) sleep 300 & echo $! >> '${pidsFile}'; wait ;;`,
      `  fail) echo '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"${opts.stdoutSecret ?? 'stdout-t0ken'}"}}'`,
      "        echo 'login failed: invalid_grant (refresh token expired)' >&2; exit 1 ;;",
      // GNU date: an RFC 3339 expiry ttl seconds from now.
      `  *) exp=$(date -u -d "@$(( $(date +%s) + ${ttl} ))" +%Y-%m-%dT%H:%M:%SZ)`,
      `     echo '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"${token}","expirationTimestamp":"'"$exp"'"}}' ;;`,
      'esac',
      '',
    ].join('\n'),
  );
  chmodSync(command, 0o755);
  return {
    command,
    set: (mode) => writeFileSync(modeFile, mode),
    runs: () => {
      const out: Record<PluginMode, number> = { ok: 0, hang: 0, fail: 0 };
      for (const m of readFileSync(runsFile, 'utf8').split('\n')) if (m === 'ok' || m === 'hang' || m === 'fail') out[m]++;
      return out;
    },
    killLeft: () => {
      for (const pid of readFileSync(pidsFile, 'utf8').split('\n').filter(Boolean)) {
        try {
          // Only a process that is still ours (the plugin's shell or its sleep), not a reused PID.
          const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
          if (!cmd.includes(command) && !cmd.startsWith('sleep\u0000300')) continue;
          process.kill(Number(pid), 'SIGKILL');
        } catch {
          // already gone
        }
      }
    },
  };
}

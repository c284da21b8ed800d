// The environment and simple-git options for git child processes: credentials and GIT_SSH_COMMAND work as they do
// for git itself (simple-git 4 strips every GIT_* variable unless allowed), git never prompts (the console owns the
// TTY), and URLs are printed without their userinfo.
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { SimpleGitOptions } from 'simple-git';

/** Inherited variables that change how git authenticates or connects; everything else GIT_* stays out. */
const PASS_THROUGH = [
  'GIT_SSH_COMMAND',
  'GIT_SSH',
  'GIT_SSH_VARIANT',
  'GIT_ASKPASS',
  'SSH_ASKPASS',
  'SSH_AUTH_SOCK',
  'GIT_SSL_NO_VERIFY',
  'GIT_SSL_CAINFO',
  'GIT_SSL_CAPATH',
  'GIT_SSL_CERT',
  'GIT_SSL_KEY',
  'GIT_HTTP_PROXY_AUTHMETHOD',
  'GIT_CONFIG_GLOBAL',
  'GIT_CONFIG_NOSYSTEM',
  'GIT_TERMINAL_PROMPT',
];
const GUARDED_PLAIN = new Set(['editor', 'pager', 'prefix', 'ssh_askpass', 'visual']);

export function gitEnv(): Record<string, string> {
  const allowed = new Set(PASS_THROUGH.map((k) => k.toLowerCase()));
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined) continue;
    const lk = k.toLowerCase();
    if ((lk.startsWith('git_') || GUARDED_PLAIN.has(lk)) && !allowed.has(lk)) continue;
    env[k] = v;
  }
  env.GIT_TERMINAL_PROMPT = '0';
  return env;
}

export function gitOptions(baseDir: string, extra: Partial<SimpleGitOptions> = {}): Partial<SimpleGitOptions> {
  return {
    baseDir,
    maxConcurrentProcesses: 4,
    allowEnvironment: PASS_THROUGH,
    unsafe: { allowUnsafeSshCommand: true, allowUnsafeAskPass: true, allowUnsafeConfigPaths: true },
    timeout: { block: 120_000 },
    ...extra,
  };
}

/** `https://user:token@host/x.git` -> `https://host/x.git`; also scrubs such URLs inside messages. */
export function redactUrl(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/@\s]+@/gi, '$1');
}

export function cacheRoot(): string {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'zonectl', 'repos');
}

// External renderers on PATH (helm, kubectl for `kubectl kustomize`), run without a shell, with bounded output and
// time. ZONECTL_HELM / ZONECTL_KUBECTL override the lookup.
import { t as tr } from '../i18n/t.js';
import { InputError } from '../errors.js';
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export class ToolFailed extends InputError {}

export function findTool(name: 'helm' | 'kubectl' | 'kustomize'): string | undefined {
  const override = process.env[`ZONECTL_${name.toUpperCase()}`];
  if (override) return override;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const p = join(dir, name);
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      /* next */
    }
  }
  return undefined;
}

export function runTool(
  bin: string,
  args: string[],
  opts: { cwd?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      bin,
      args,
      { cwd: opts.cwd, timeout: opts.timeoutMs ?? 60_000, maxBuffer: 256 * 1024 * 1024, env: opts.env ?? process.env, encoding: 'utf8' },
      (err, stdout, stderr) => {
        if (err) {
          const msg = (stderr || err.message || '').trim().split('\n').filter(Boolean).slice(-5).join('\n');
          reject(new ToolFailed(msg || tr('report.gitops.toolExited', { bin, code: String(err.code) })));
          return;
        }
        resolve(stdout);
      },
    );
  });
}

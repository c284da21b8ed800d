// Turning errors into one stderr line each and an exit code.
import { isExpected } from '../source/errors.js';
import { EXIT } from '../source/exit-codes.js';
import type { KubeError } from '../source/kube/errors.js';
import { t } from '../source/i18n/t.js';

/** Per-cluster failures of a fan-out: one line per cluster; 4 if all were forbidden, else 3. */
export function reportErrors(errors: KubeError[], clusters: number): number {
  if (errors.length === 0) return EXIT.OK;
  for (const e of errors) process.stderr.write(`${t('commands.error.line', { message: e.oneLine() })}\n`);
  const forbidden = errors.every((e) => e.kind === 'Forbidden' || e.kind === 'Unauthorized');
  if (forbidden && errors.length === clusters) return EXIT.FORBIDDEN;
  return EXIT.PARTIAL;
}

/**
 * Wraps a command body: an expected error becomes one line and its own exit code (--help, which is
 * not a failure, prints to stdout and exits 0); anything else is a bug: the stack trace and exit 10.
 */
export async function guarded(
  body: () => Promise<number>,
  io: { stdout: { write(s: string): unknown }; stderr: { write(s: string): unknown } } = process,
): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (isExpected(e)) {
      if (e.exitCode === EXIT.OK) io.stdout.write(e.oneLine().trimStart() + '\n');
      else io.stderr.write(`${t('commands.error.line', { message: e.oneLine() })}\n`);
      return e.exitCode;
    }
    io.stderr.write(`${t('commands.error.bug')}${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT.BUG;
  }
}

// Turning errors into one stderr line each and an exit code.
import { ConfigError } from '../source/config/config.js';
import { EXIT } from '../source/exit-codes.js';
import { SelectionError } from '../source/fleet/select.js';
import { KubeError } from '../source/kube/errors.js';
import { KubeconfigError } from '../source/kube/kubeconfig-error.js';
import { ReadOnlyError } from '../source/actions/errors.js';
import { HelpRequested, UsageError } from './flags.js';

/** Per-cluster failures of a fan-out: one line per cluster; 4 if all were forbidden, else 3. */
export function reportErrors(errors: KubeError[], clusters: number): number {
  if (errors.length === 0) return EXIT.OK;
  for (const e of errors) process.stderr.write(`error: ${e.oneLine()}\n`);
  const forbidden = errors.every((e) => e.kind === 'Forbidden' || e.kind === 'Unauthorized');
  if (forbidden && errors.length === clusters) return EXIT.FORBIDDEN;
  return EXIT.PARTIAL;
}

/** Wraps a command body: expected errors become one line and a documented exit code. */
export async function guarded(
  body: () => Promise<number>,
  io: { stdout: { write(s: string): unknown }; stderr: { write(s: string): unknown } } = process,
): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof HelpRequested) {
      io.stdout.write(e.message.trimStart() + '\n');
      return EXIT.OK;
    }
    if (e instanceof UsageError || e instanceof SelectionError || e instanceof ConfigError || e instanceof KubeconfigError) {
      io.stderr.write(`error: ${e.message}\n`);
      return EXIT.USAGE;
    }
    if (e instanceof ReadOnlyError) {
      io.stderr.write(`error: ${e.message}\n`);
      return EXIT.FORBIDDEN;
    }
    if (e instanceof KubeError) {
      io.stderr.write(`error: ${e.oneLine()}\n`);
      if (e.kind === 'Forbidden' || e.kind === 'Unauthorized') return EXIT.FORBIDDEN;
      if (e.kind === 'Conflict') return EXIT.CONFLICT;
      if (e.kind === 'NotFound' || e.kind === 'Invalid') return EXIT.USAGE;
      return EXIT.PARTIAL;
    }
    throw e;
  }
}

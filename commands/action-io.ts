// Terminal I/O of the action commands: the confirmation prompt and --wait progress (a bar on a TTY,
// plain lines otherwise).
import { createInterface } from 'node:readline/promises';
import type { WorkloadInfo } from '../source/model/types.js';
import { Refusal } from '../source/errors.js';
import { UsageError } from './flags.js';
import { t } from '../source/i18n/t.js';

export interface Streams {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream;
}

export const processStreams = (): Streams => ({ stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });

/** Ask on the terminal. Protected contexts: the workload name must be typed; otherwise y/N. */
export async function confirm(io: Streams, opts: { typed?: string; question: string }): Promise<boolean> {
  const rl = createInterface({ input: io.stdin, output: io.stdout, terminal: true });
  try {
    const q = opts.typed
      ? t('commands.confirm.typeName', { question: opts.question, name: opts.typed })
      : t('commands.confirm.yesNo', { question: opts.question });
    const answer = (await rl.question(q)).trim();
    return opts.typed ? answer === opts.typed : /^(y|yes)$/i.test(answer);
  } catch {
    return false; // stdin closed (Ctrl-D)
  } finally {
    rl.close();
  }
}

/**
 * The one confirmation step of every single-target action (workload or pod): none with --yes or --dry-run;
 * refused without a terminal; otherwise asked (typed name on protected contexts). False: not confirmed,
 * after saying nothing was changed.
 */
export async function confirmPlanned(
  io: Streams,
  planned: { plan: { requiresForce?: boolean }; confirmName?: string },
  f: { dryRun?: boolean; yes?: boolean },
  what: string,
  context: string,
): Promise<boolean> {
  if (f.dryRun || f.yes) return true;
  if (!io.stdin.isTTY) throw new Refusal('needs-confirmation', context, t('commands.confirm.noTerminal', { what, ctx: context }));
  const ok = await confirm(io, {
    question: planned.plan.requiresForce ? t('commands.confirm.proceedDespite') : t('commands.confirm.proceed'),
    typed: planned.confirmName,
  });
  if (!ok) io.stderr.write(`${t('commands.confirm.notConfirmed')}\n`);
  return ok;
}

/** The run options every action command passes to ActionService.run, from its flags. */
export function runOptions(f: { yes?: boolean; force?: boolean; dryRun?: boolean; confirm?: string }) {
  return {
    confirmed: f.yes ? ('yes' as const) : ('asked' as const),
    force: f.force,
    dryRun: f.dryRun,
    ...(f.confirm !== undefined ? { confirmName: f.confirm } : {}),
  };
}

export interface Progress {
  update(line: string, info: WorkloadInfo): void;
  done(final: string): void;
}

/** A one-line bar redrawn in place on a TTY; otherwise one plain line per change. */
export function progress(io: Streams, tty: boolean): Progress {
  if (!tty) {
    return {
      update: (line) => io.stdout.write(`${line}\n`),
      done: (final) => io.stdout.write(`${final}\n`),
    };
  }
  const width = Math.max(10, Math.min(30, (io.stdout.columns ?? 80) - 60));
  let shown = false;
  return {
    update(line, info) {
      const r = info.rollout;
      const target = Math.max(1, r.replicas);
      const filled = Math.round((Math.min(r.updatedReady, target) / target) * width);
      const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
      const text = `${bar} ${line}`;
      const max = (io.stdout.columns ?? 80) - 1;
      io.stdout.write(`\r\u001b[2K${text.length > max ? text.slice(0, max - 1) + '…' : text}`);
      shown = true;
    },
    done(final) {
      io.stdout.write(`${shown ? '\n' : ''}${final}\n`);
    },
  };
}

/** The longest --timeout: a day. (Node timers hold at most 2^31-1 ms, ~24.8 days; longer ones fire at once.) */
export const MAX_TIMEOUT_MS = 24 * 3_600_000;

/**
 * --timeout: "90s", "5m", "1h", "300" (seconds) -> ms; `fallbackMs` when not given. Anything else —
 * not a duration, 0, more than a day — is a usage error (exit 2) naming the flag and the range.
 */
export function parseTimeout(v: string | undefined, fallbackMs: number): number {
  if (v === undefined) return fallbackMs;
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(v.trim());
  const ms = m ? Math.round(Number(m[1]) * UNIT_MS[m[2] ?? 's']!) : NaN;
  if (!(ms >= 1 && ms <= MAX_TIMEOUT_MS))
    throw new UsageError(t('commands.usage.expected', { flag: `--timeout ${v || '""'}`, what: t('commands.usage.want.timeout') }));
  return ms;
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

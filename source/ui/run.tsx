// Entry point for the interactive console. Renders full-screen in the alternate buffer and makes
// sure the terminal is restored however we leave: q, Ctrl-C, SIGTERM/SIGHUP, or a crash.
// No JSX in this file: TypeScript would hoist a react/jsx-runtime import above prod-env.
import './prod-env.js';
import { render } from 'ink';
import type { Instance } from 'ink';
import { createElement } from 'react';
import type { SnapshotSource } from '../store/types.js';
import type { DiffPort } from '../ports/diff.js';
import type { ActionsPort } from '../ports/actions.js';
import type { LogsPort } from '../ports/logs.js';
import { bugReport } from '../source-map-stack.js';
import { App } from './app.js';
import type { Theme } from './theme/theme.js';
import { resolveTheme } from './theme/theme.js';
import type { ListViewId } from './views/types.js';

export interface ConsoleOptions {
  source: SnapshotSource;
  actions?: ActionsPort;
  /** Follows and saves logs for `l` (source/app/logs-port.ts). */
  logs?: LogsPort;
  /** Git-vs-live source for `:diff`; without it `:diff` shows `diffHint`. */
  diff?: DiffPort;
  diffHint?: string;
  /** Theme name (dark, light, high-contrast, mono) or a parsed theme; NO_COLOR forces mono. */
  theme?: string | Theme;
  fleetLabel: string;
  user: string;
  readOnly: boolean;
  initialView?: ListViewId;
  /** Streams (tests and benchmarks); default process.stdin/stdout/stderr. */
  stdin?: NodeJS.ReadStream;
  stdout?: NodeJS.WriteStream;
  stderr?: NodeJS.WriteStream;
  env?: NodeJS.ProcessEnv;
  /** Ink's interactive mode; default: whether stdout is a terminal (regardless of a CI variable). */
  interactive?: boolean;
  /** Install process signal / crash handlers (default true). */
  handleSignals?: boolean;
}

/** Ink options for the console (exported so benchmarks measure exactly what users get). */
export const CONSOLE_RENDER_OPTIONS = {
  alternateScreen: true,
  exitOnCtrlC: false,
  patchConsole: false,
  maxFps: 15,
  incrementalRendering: true,
} as const;

const SHOW_CURSOR = '\u001B[?25h';
const LEAVE_ALT_SCREEN = '\u001B[?1049l';

/** A write to a terminal that has gone away (closed pane, dropped SSH session). */
function isGoneTerminal(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return code === 'EIO' || code === 'EPIPE' || code === 'ENXIO';
}

/** Runs the console until the user quits. Resolves with the process exit code. */
export async function runConsole(opts: ConsoleOptions): Promise<number> {
  const theme = resolveTheme(opts.theme, opts.env ?? process.env);
  const stdout = opts.stdout ?? process.stdout;
  let exitCode = 0;
  let instance: Instance | undefined;
  let finished = false;

  const finish = (code: number) => {
    if (finished) return;
    finished = true;
    exitCode = code;
    try {
      instance?.unmount();
    } catch (err) {
      // Unmounting writes (Ink shows the cursor): on a terminal that is gone that is EIO, a hang-up.
      if (!isGoneTerminal(err)) throw err;
      exitCode = 129;
    }
  };

  // Last-resort restore when something throws outside React (Ink restores on normal unmount).
  const restore = () => {
    try {
      stdout.write(SHOW_CURSOR + LEAVE_ALT_SCREEN);
    } catch {
      /* the terminal is gone */
    }
  };
  const onSignal = (sig: NodeJS.Signals) => finish(sig === 'SIGINT' ? 130 : sig === 'SIGHUP' ? 129 : 143);
  const onCrash = (err: unknown) => {
    // Ink turns raw mode off in a microtask after unmounting: on a closed terminal that throws EIO.
    if (isGoneTerminal(err)) return finish(129);
    finish(10);
    restore();
    process.stderr.write(bugReport(err));
    process.exit(10);
  };
  // The terminal went away (the pane or SSH session closed): writes fail with EIO (or EPIPE/ENXIO).
  // That is a hang-up, not a bug: leave as on SIGHUP, so the callers' cleanup runs.
  const onOutputError = (err: NodeJS.ErrnoException) => {
    if (isGoneTerminal(err)) finish(129);
    else onCrash(err);
  };
  stdout.on('error', onOutputError);
  const handle = opts.handleSignals !== false;
  const listeners = [
    ['SIGTERM', onSignal],
    ['SIGHUP', onSignal],
    ['SIGINT', onSignal],
    ['uncaughtException', onCrash],
    ['unhandledRejection', onCrash],
  ] as const;
  if (handle) for (const [event, fn] of listeners) process.on(event, fn);

  try {
    instance = render(
      createElement(App, {
        source: opts.source,
        actions: opts.actions,
        logs: opts.logs,
        diff: opts.diff,
        diffHint: opts.diffHint,
        theme,
        fleetLabel: opts.fleetLabel,
        user: opts.user,
        readOnly: opts.readOnly,
        initialView: opts.initialView,
        onExit: finish,
      }),
      {
        stdout,
        stdin: opts.stdin ?? process.stdin,
        stderr: opts.stderr ?? process.stderr,
        ...CONSOLE_RENDER_OPTIONS,
        // The console only runs on a terminal (the caller checks), so it is interactive even when a CI
        // variable is set in the environment (Ink would otherwise draw nothing until it exits).
        interactive: opts.interactive ?? stdout.isTTY === true,
      },
    );
    await instance.waitUntilExit();
  } catch (err) {
    if (isGoneTerminal(err)) {
      // Unmounting wrote to a terminal that is gone (Ink shows the cursor as it leaves): a hang-up.
      exitCode = 129;
    } else {
      // A render error (bug): Ink has unmounted; make sure the screen is back, then report it.
      restore();
      if (handle) process.stderr.write(bugReport(err));
      exitCode = 10;
    }
  } finally {
    if (handle) for (const [event, fn] of listeners) process.off(event, fn);
    // onOutputError stays: a write that failed while unmounting reports its EIO a tick later.
    // After a hang-up, late EIOs from Ink's deferred teardown are no bug either (the callers clean up).
    if (handle && exitCode === 129)
      process.on('uncaughtException', (err) => {
        if (isGoneTerminal(err)) return;
        process.stderr.write(bugReport(err));
        process.exit(10);
      });
  }
  return exitCode;
}

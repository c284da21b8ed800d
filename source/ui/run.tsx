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
    instance?.unmount();
  };

  // Last-resort restore when something throws outside React (Ink restores on normal unmount).
  const restore = () => {
    try {
      stdout.write(SHOW_CURSOR + LEAVE_ALT_SCREEN);
    } catch {
      /* the terminal is gone */
    }
  };
  const onSignal = (sig: NodeJS.Signals) => finish(sig === 'SIGINT' ? 130 : 143);
  const onCrash = (err: unknown) => {
    finish(10);
    restore();
    process.stderr.write(bugReport(err));
    process.exit(10);
  };
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
    // A render error (bug): Ink has unmounted; make sure the screen is back, then report it.
    restore();
    if (handle) process.stderr.write(bugReport(err));
    exitCode = 10;
  } finally {
    if (handle) for (const [event, fn] of listeners) process.off(event, fn);
  }
  return exitCode;
}

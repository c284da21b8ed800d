// Entry point for the interactive console. Renders full-screen in the alternate buffer and makes
// sure the terminal is restored however we leave: q, Ctrl-C, SIGTERM/SIGHUP, or a crash.
// No JSX in this file: TypeScript would hoist a react/jsx-runtime import above prod-env.
import './prod-env.js';
import { t } from '../i18n/t.js';
import { render } from 'ink';
import type { Instance } from 'ink';
import { createElement } from 'react';
import type { SnapshotSource } from '../store/types.js';
import type { DiffPort } from '../ports/diff.js';
import type { ActionsPort } from '../ports/actions.js';
import type { LogsPort } from '../ports/logs.js';
import type { StoryPort } from '../ports/story.js';
import { spawnSync } from 'node:child_process';
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
  /** Describe / YAML / Events of the selected object (d, y, e). */
  story?: StoryPort;
  /** Git-vs-live source for `:diff`; without it `:diff` shows `diffHint`. */
  diff?: DiffPort;
  diffHint?: string;
  /** Theme name (dark, light, high-contrast, mono) or a parsed theme; NO_COLOR forces mono. */
  theme?: string | Theme;
  fleetLabel: string;
  user: string;
  readOnly: boolean;
  /** The one namespace the console watches (-n NS); undefined: every namespace. */
  namespace?: string;
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

/**
 * Ink's frame cap. The store paces the data (one snapshot per FleetStore `intervalMs`, 66 ms in the
 * console), the log view its lines (useLogFollower's flush) and a key must draw at once: one throttle
 * from event to frame (issue 11). Ink's throttle stacked on the store's: a snapshot that landed within
 * 1/maxFps of the frame before (the previous snapshot's, or a key's) waited for its trailing edge, up
 * to 67 ms more at 15 fps, and so did a key that followed a snapshot. At 1000 its window is 1 ms: it
 * only merges the commits of one moment. Ink draws only when React commits, so idle stays idle.
 */
const CONSOLE_MAX_FPS = 1000;

/** Ink options for the console (exported so benchmarks measure exactly what users get). */
export const CONSOLE_RENDER_OPTIONS = {
  alternateScreen: true,
  exitOnCtrlC: false,
  patchConsole: false,
  maxFps: CONSOLE_MAX_FPS,
  incrementalRendering: true,
} as const;

const SHOW_CURSOR = '\u001B[?25h';
const HIDE_CURSOR = '\u001B[?25l';
const LEAVE_ALT_SCREEN = '\u001B[?1049l';
const ENTER_ALT_SCREEN = '\u001B[?1049h';
/** Cursor to the top-left corner, erase to the end of the screen. */
const HOME_AND_ERASE_DOWN = '\u001B[1;1H\u001B[J';
/** A resize is redrawn whole once the window has kept its size this long (a drag sends many). */
export const RESIZE_SETTLE_MS = 50;

/**
 * Ink draws a frame as the difference to the one before, relative to the cursor. A resize breaks that
 * bookkeeping: the terminal rewraps or drops what is on screen (tmux rewraps lines wider than the new
 * width), and Ink draws one frame laid out for the old size before the console has re-rendered for the
 * new one. Rows it then believes unchanged (the title, the breadcrumb) stay wrong for good. So once a
 * resize settles the screen is erased and the next frame drawn whole from the top-left corner.
 */
function redrawOnResize(stdout: NodeJS.WriteStream, redraw: () => void): () => void {
  let timer: NodeJS.Timeout | undefined;
  const onResize = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      redraw();
    }, RESIZE_SETTLE_MS);
    timer.unref?.();
  };
  stdout.on('resize', onResize);
  return () => {
    if (timer) clearTimeout(timer);
    stdout.off('resize', onResize);
  };
}

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

  const stdin = opts.stdin ?? process.stdin;
  /**
   * A shell (S on a pod line): the console hands the terminal over and takes it back, as k9s does.
   * The main screen and the cursor come back, raw mode goes off, and the command runs synchronously with
   * the terminal as its stdio: Node reads no key meanwhile, so every keystroke is the command's. (The
   * watches pause with the event loop and catch up, or re-list, afterwards.) Then the alternate screen
   * returns and the console is drawn whole, as after a resize.
   */
  const runExternal = (argv: readonly string[]): number => {
    const raw = stdin.isTTY === true && stdin.isRaw;
    stdout.write(SHOW_CURSOR + LEAVE_ALT_SCREEN);
    if (raw) stdin.setRawMode(false);
    let code: number;
    try {
      const r = spawnSync(argv[0]!, argv.slice(1), { stdio: 'inherit' });
      code = r.error ? 127 : (r.status ?? 128);
      if (r.error) stdout.write(`${t('console.flash.couldNotRun', { cmd: argv[0]!, error: r.error.message })}\n`);
    } finally {
      if (raw) stdin.setRawMode(true);
      stdout.write(ENTER_ALT_SCREEN + HIDE_CURSOR);
      if (!finished && instance) {
        instance.clear();
        stdout.write(HOME_AND_ERASE_DOWN);
        instance.rerender(app());
      }
    }
    return code;
  };
  const app = () =>
    createElement(App, {
      source: opts.source,
      actions: opts.actions,
      logs: opts.logs,
      story: opts.story,
      runExternal,
      diff: opts.diff,
      diffHint: opts.diffHint,
      theme,
      fleetLabel: opts.fleetLabel,
      user: opts.user,
      readOnly: opts.readOnly,
      namespace: opts.namespace,
      initialView: opts.initialView,
      onExit: finish,
    });
  // The console only runs on a terminal (the caller checks), so it is interactive even when a CI
  // variable is set in the environment (Ink would otherwise draw nothing until it exits).
  const interactive = opts.interactive ?? stdout.isTTY === true;
  let stopRedraw: (() => void) | undefined;
  try {
    instance = render(app(), {
      stdout,
      stdin,
      stderr: opts.stderr ?? process.stderr,
      ...CONSOLE_RENDER_OPTIONS,
      interactive,
    });
    if (interactive)
      stopRedraw = redrawOnResize(stdout, () => {
        if (finished || !instance) return;
        // Ink forgets the frame it drew (its next one is written whole, at the cursor), the screen is
        // erased with the cursor at the top-left corner, and the console renders again.
        instance.clear();
        stdout.write(HOME_AND_ERASE_DOWN);
        instance.rerender(app());
      });
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
    stopRedraw?.();
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

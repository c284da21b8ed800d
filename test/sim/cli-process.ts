// The zonectl program as a real child process, built from the current sources (esbuild, like
// `npm run bundle`, into a temp dir) so a test never runs a stale dist/. Run on the project's pinned
// Node. Every child a test starts is ended by its own PID.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type BuildOptions } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const pinned = join(root, 'node_modules/node/bin/node');
export const NODE = existsSync(pinned) ? pinned : process.execPath;

export interface BuiltCli {
  /** The entry file (cli.mjs). */
  cli: string;
  remove(): void;
}

/** The temp build each built CLI lives in: its compile cache is kept there and removed with it. */
const buildDirs = new Map<string, string>();

/**
 * A child's environment: the caller's on top of ours, and for a temp build its own compile cache
 * (else each build, at a new path, would leave its ~2.5 MB in the runner's ~/.cache/zonectl).
 */
function childEnv(cli: string, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const dir = buildDirs.get(cli);
  return { ...process.env, NO_COLOR: '1', ...(dir ? { NODE_COMPILE_CACHE: join(dir, 'compile-cache') } : {}), ...env };
}

/** Bundles source/cli.ts (with its lazily loaded command chunks) into a temp dir. */
export async function buildCli(): Promise<BuiltCli> {
  const dir = mkdtempSync(join(tmpdir(), 'zonectl-cli-'));
  // Laid out as dist/ is: the bundle in bundle/, build-info.json beside it (what --version reads).
  const out = join(dir, 'bundle');
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  writeFileSync(join(dir, 'build-info.json'), JSON.stringify({ version: pkg.version, commit: 'test', date: 'test' }));
  // The options of `npm run bundle` (scripts/bundle.mjs), from the TypeScript sources.
  const { bundleOptions } = (await import(pathToFileURL(join(root, 'scripts/bundle.mjs')).href)) as {
    bundleOptions: (o: { entry: string; outdir: string }) => BuildOptions;
  };
  await build({ ...bundleOptions({ entry: join(root, 'source/cli.ts'), outdir: out }), logLevel: 'silent' });
  const cli = join(out, 'cli.mjs');
  buildDirs.set(cli, dir);
  return {
    cli,
    remove: () => {
      buildDirs.delete(cli);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Ran {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `zonectl args` to its end (killed after timeoutMs: the result then has signal SIGKILL). */
export function runCli(cli: string, args: string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 30_000): Promise<Ran> {
  return new Promise((done, fail) => {
    const child = spawn(NODE, [cli, ...args], {
      env: childEnv(cli, env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', fail);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, stdout, stderr });
    });
  });
}

/**
 * Runs `zonectl args` with its stdout read until `bytes` bytes arrived, then closed (what `| head -c`
 * does): the program then writes into a pipe nobody reads.
 */
export function runCliClosingStdout(cli: string, args: string[], env: NodeJS.ProcessEnv, bytes: number, timeoutMs = 30_000): Promise<Ran> {
  return new Promise((done, fail) => {
    const child = spawn(NODE, [cli, ...args], {
      env: childEnv(cli, env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      if (stdout.length >= bytes) return;
      stdout += String(d);
      if (stdout.length >= bytes) child.stdout.destroy();
    });
    child.stderr.on('data', (d) => (stderr += String(d)));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', fail);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, stdout, stderr });
    });
  });
}

/** A long-running child (e.g. `demo --serve`): resolves once its stdout matches `ready`. */
export function startCli(
  cli: string,
  args: string[],
  ready: RegExp,
  env: NodeJS.ProcessEnv = {},
): Promise<{ child: ChildProcess; stdout: () => string; stderr: () => string }> {
  return new Promise((done, fail) => {
    const child = spawn(NODE, [cli, ...args], { env: childEnv(cli, env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`zonectl ${args.join(' ')} did not print ${ready} in time; stderr: ${stderr}`));
    }, 30_000);
    child.stdout!.on('data', (d) => {
      stdout += String(d);
      if (ready.test(stdout)) {
        clearTimeout(timer);
        done({ child, stdout: () => stdout, stderr: () => stderr });
      }
    });
    child.stderr!.on('data', (d) => (stderr += String(d)));
    child.on('error', (e) => {
      clearTimeout(timer);
      fail(e);
    });
  });
}

export interface TimedRun {
  code: number | null;
  out: string;
  err: string;
  ms: number;
  /** How long the process lived after its last output (a command that lingers after printing). */
  afterOutputMs: number;
}

/** Runs the CLI; wall time, and how long the process lived after its last output. */
export function runCliTimed(cli: string, args: string[], env: NodeJS.ProcessEnv, killAfterMs: number): Promise<TimedRun> {
  return new Promise((done) => {
    const t0 = performance.now();
    let last = t0;
    const child = spawn(NODE, [cli, ...args], { env: childEnv(cli, env), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => ((out += String(d)), (last = performance.now())));
    child.stderr.on('data', (d) => ((err += String(d)), (last = performance.now())));
    const kill = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('close', (code) => {
      clearTimeout(kill);
      const end = performance.now();
      done({ code, out, err, ms: end - t0, afterOutputMs: end - last });
    });
  });
}

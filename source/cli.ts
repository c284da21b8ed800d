#!/usr/bin/env node
// Entry: `zonectl` on a TTY opens the console; `zonectl <command>` runs a scripted command.
// Kept import-light so `--version` stays fast: command modules load lazily.
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { isSea } from 'node:sea';
import { fileURLToPath } from 'node:url';
import { commandWord } from '../commands/words.js';
import { enableCompileCache } from './compile-cache.js';
import { type Lang, resolveLang } from './i18n/lang.js';
import { startMark } from './start-trace.js';

// Cache compiled code on disk (compile-cache.ts). It covers only modules loaded after this call: an ESM
// module's static imports are compiled before its body runs, so this file imports nothing heavy
// statically (the i18n engine and catalogs, ~480 KB, load after it; `--version` loads none).
enableCompileCache();
startMark('entry');

/** The i18n engine, loaded on the first word printed (never for `--version`). */
const i18n = () => import('./i18n/t.js');

const COMMANDS: Record<string, () => Promise<{ run: (argv: string[]) => Promise<number> }>> = {
  clusters: () => import('../commands/clusters.js'),
  zones: () => import('../commands/zones.js'),
  rollouts: () => import('../commands/rollouts.js'),
  hookruns: () => import('../commands/hookruns.js'),
  releases: () => import('../commands/releases.js'),
  alerts: () => import('../commands/alerts.js'),
  versions: () => import('../commands/versions.js'),
  compare: () => import('../commands/compare.js'),
  diff: () => import('../commands/diff.js'),
  logs: () => import('../commands/logs.js'),
  describe: () => import('../commands/describe.js'),
  events: () => import('../commands/events.js'),
  approve: () => import('../commands/approve.js'),
  reject: () => import('../commands/reject.js'),
  'skip-hook': () => import('../commands/skip-hook.js'),
  'retry-hooks': () => import('../commands/retry-hooks.js'),
  hold: () => import('../commands/hold.js'),
  release: () => import('../commands/release.js'),
  hotupdate: () => import('../commands/hotupdate.js'),
  restart: () => import('../commands/restart.js'),
  delete: () => import('../commands/delete.js'),
  shell: () => import('../commands/shell.js'),
  demo: () => import('../commands/demo.js'),
  completion: () => import('../commands/completion.js'),
  ui: () => import('../commands/ui.js'),
};

/** A command's --help text, as the command prints it (the console's when there is no command). */
async function helpOf(command: string | undefined): Promise<string> {
  const load = COMMANDS[command ?? 'ui'];
  if (!load) return '';
  const mod = await load();
  let text = '';
  const write = process.stdout.write;
  process.stdout.write = ((chunk: string | Uint8Array) => {
    text += String(chunk);
    return true;
  }) as typeof process.stdout.write;
  try {
    await mod.run(['--help']);
  } finally {
    process.stdout.write = write;
  }
  return text;
}

/** `zonectl __complete WORD... CURRENT` (what the completion scripts run): the candidates, one a line. */
async function completeWords(words: string[]): Promise<number> {
  const { complete } = await import('../commands/completion.js');
  const names = Object.keys(COMMANDS).filter((c) => c !== 'ui' && c !== 'completion');
  const found = await complete(words, { names, helpOf });
  process.stdout.write(found.map((c) => `${c}\n`).join(''));
  return 0;
}

/**
 * `zonectl --help` in `lang`: as the build baked it (build-info.json; no i18n engine, catalogs or meow
 * to load: issue 14's 30 ms), else built now from the catalogs (a run from the sources).
 */
async function usage(lang: Lang): Promise<string> {
  const baked = buildInfo().help?.[lang];
  if (baked !== undefined) return baked;
  const [{ setLang }, { USAGE }] = await Promise.all([i18n(), import('../commands/help-text.js')]);
  setLang(lang);
  return USAGE();
}

/** What the build baked into dist/build-info.json (scripts/build-info.mjs); the package.json version without it. */
interface BuildInfo {
  version: string;
  commit: string;
  date: string;
  /** `zonectl --help` per language (commands/help-text.ts usageByLang). */
  help?: Partial<Record<Lang, string>>;
}

function buildInfo(): BuildInfo {
  // dist/build-info.json sits one folder above both dist/bundle/cli.mjs and dist/source/cli.js, and
  // above the single executable's extracted bundle.
  try {
    return JSON.parse(readFileSync(new URL('../build-info.json', import.meta.url), 'utf8')) as BuildInfo;
  } catch {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    return { version: pkg.version, commit: 'unknown', date: 'unknown' };
  }
}

/** `zonectl version`: what was built, from which commit, when, and on which runtime it runs. */
async function versionReport(): Promise<string> {
  const { t } = await i18n();
  const b = buildInfo();
  const sea = isSea() ? t('commands.version.singleExecutable') : '';
  return [
    `zonectl ${b.version}`,
    t('commands.version.commit', { commit: b.commit }),
    t('commands.version.built', { date: b.date }),
    t('commands.version.runtime', { node: process.version, platform: `${process.platform}-${process.arch}`, sea }),
    '',
  ].join('\n');
}

/**
 * The run's language, before any word is printed: --lang, the config file's lang:, the locale. A config
 * file that does not parse is the command's to report (exit 2): here it only does not decide.
 */
async function chooseLang(argv: string[]): Promise<Lang> {
  return resolveLang({ argv, env: process.env, config: await configLang() });
}

async function configLang(): Promise<string | undefined> {
  try {
    // No config file (the usual case): nothing to parse, so the config reader (and YAML) is not loaded.
    const { configFile } = await import('./config/paths.js');
    if (!existsSync(configFile())) return undefined;
    const { loadConfig } = await import('./config/config.js');
    return loadConfig().lang;
  } catch {
    return undefined;
  }
}

export async function main(argv: string[]): Promise<number> {
  const first = commandWord(argv);
  if (argv[0] === '--version' || argv[0] === '-v') {
    process.stdout.write(`zonectl ${buildInfo().version}\n`);
    return 0;
  }
  if (argv[0] === '__complete') return completeWords(argv.slice(1));
  const lang = await chooseLang(argv);
  if (!first && (argv.includes('--help') || argv.includes('-h'))) {
    process.stdout.write(await usage(lang));
    return 0;
  }
  if (lang !== 'en') (await i18n()).setLang(lang);
  if (argv[0] === 'version') {
    process.stdout.write(await versionReport());
    return 0;
  }
  if (!first) {
    if (!process.stdout.isTTY || !process.stdin.isTTY) {
      const { t } = await i18n();
      process.stderr.write(`${t('console.needsTerminal')}\n`);
      return 2;
    }
    const mod = await COMMANDS.ui!();
    return mod.run(argv);
  }
  const load = COMMANDS[first];
  if (!load) {
    const { t } = await i18n();
    process.stderr.write(`${t('commands.usage.unknownCommand', { command: first })}\n`);
    return 2;
  }
  // (A command's --help reaches no cluster.)
  if (ONE_SHOT_LISTS.has(first) && !argv.includes('--help') && !argv.includes('-h')) preloadHttps();
  const idx = argv.indexOf(first);
  const mod = await load();
  startMark('command-loaded');
  return mod.run([...argv.slice(0, idx), ...argv.slice(idx + 1)]);
}

/** The commands that list over node:https (commands/run-list.ts, app/session.ts's oneShot). */
const ONE_SHOT_LISTS = new Set(['zones', 'rollouts', 'hookruns', 'releases', 'versions']);

/**
 * Loads the one-shot lists' transport (node:https, node:tls) beside the command's own modules rather than
 * after them. Loading node:tls starts Node's thread that parses its bundled root certificates and those of
 * NODE_EXTRA_CA_CERTS, and the first TLS context waits for that thread even when the kubeconfig gives the
 * CA (Node builds its root store before it makes a store of the given CA alone; the roots are not trusted
 * then): started ~100 ms earlier, it is done by then. Nothing is connected here; a failure is the first
 * request's to report.
 */
function preloadHttps(): void {
  import('./kube/https-transport.js').catch(() => undefined);
}

function invokedDirectly(): boolean {
  try {
    return !!process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}
/**
 * SIGUSR1 would make Node open its inspector on 127.0.0.1:9229: anyone who may signal this process
 * could then run code in a process that holds the kubeconfig's credentials. A listener of our own
 * takes the signal instead (and ignores it).
 */
function ignoreInspectorSignal(): void {
  process.on('SIGUSR1', () => undefined);
}

let readerGone = false;

/**
 * The reader of stdout went away (`zonectl ... | head -1`): like kubectl, stop quietly — later writes
 * go nowhere, nothing is printed about it, and the exit code is 0. The same for stderr. Any other
 * stream error is still a bug.
 */
function quietOnClosedPipes(): void {
  for (const stream of [process.stdout, process.stderr]) {
    let gone = false;
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (gone) return; // writes after the pipe closed fail too (ERR_STREAM_DESTROYED)
      // EPIPE: the reader left; EIO: the terminal closed (a pane or an SSH session): both stop quietly.
      if (e.code !== 'EPIPE' && e.code !== 'EIO') throw e;
      gone = true;
      if (stream === process.stdout) {
        // The command may have returned already (its exit code set): the reader's leaving decides.
        readerGone = true;
        process.exitCode = 0;
      }
      stream.write = ((_chunk: unknown, enc?: unknown, cb?: unknown) => {
        const done = typeof enc === 'function' ? enc : cb;
        if (typeof done === 'function') process.nextTick(done as () => void);
        return true;
      }) as typeof stream.write;
    });
  }
}

/** Runs zonectl as a process: `bin/zonectl`, `node dist/source/cli.js`, or the single executable's loader. */
export function start(argv: string[]): void {
  ignoreInspectorSignal();
  quietOnClosedPipes();
  main(argv).then(
    (code) => {
      process.exitCode = readerGone ? 0 : code;
      // The command is done and has said everything (stdout/stderr to pipes, files and terminals are
      // written synchronously on Linux): leave now. A hung cluster's half-open TLS connect would
      // otherwise keep the process alive until its own timeout, long after the output.
      startMark('exit-called');
      process.exit();
    },
    async (e: unknown) => {
      process.exitCode = 10;
      // The report's words need the i18n engine; should loading it fail too, the bare stack still goes out.
      const report = await import('./source-map-stack.js').then(
        (m) => m.bugReport(e),
        () => `${e instanceof Error ? e.stack : String(e)}\n`,
      );
      process.stderr.write(report);
    },
  );
}

if (invokedDirectly()) start(process.argv.slice(2));

// zonectl demo: a simulated federation on 127.0.0.1 (no cluster needed), opened in the console, or
// served headless with --serve so kubectl and every zonectl subcommand can use it.
import { dirname, join } from 'node:path';
import { EXIT } from '../source/exit-codes.js';
import { importConsole } from '../source/ui/load-console.js';
import { guarded } from './errors.js';
import { UsageError, langFlagValue, strictMeow, themeFlag } from './flags.js';
import { t } from '../source/i18n/t.js';

const HELP = (): string => t('commands.help.demo');

/** Sizes the simulator can build in memory (a world is built before it serves: 1M pods is ~3 GB). */
const MAX_SIZE = { clusters: 100, zones: 100_000, 'services-per-zone': 100, 'pods-per-service': 1_000 };
const MAX_PODS = 1_000_000;
const MAX_SPEED = 10_000;

export function run(argv: string[]): Promise<number> {
  return guarded(async () => {
    const cli = strictMeow(HELP(), argv, {
      serve: { type: 'boolean', default: false },
      seed: { type: 'number', default: 1 },
      speed: { type: 'number', default: 1 },
      clusters: { type: 'number', default: 3 },
      zones: { type: 'number', default: 12 },
      podsPerService: { type: 'number', default: 3 },
      servicesPerZone: { type: 'number' },
      theme: { type: 'string' },
      lang: { type: 'string' },
      help: { type: 'boolean', shortFlag: 'h', default: false },
    } as never);
    const f = cli.flags as {
      serve: boolean;
      seed: number;
      speed: number;
      clusters: number;
      zones: number;
      podsPerService: number;
      servicesPerZone?: number;
      theme?: string;
      lang?: string;
      help: boolean;
    };
    langFlagValue(f.lang);
    if (f.help) {
      process.stdout.write(HELP().trimStart());
      return EXIT.OK;
    }
    const sizes = {
      clusters: f.clusters,
      zones: f.zones,
      'services-per-zone': f.servicesPerZone ?? 6,
      'pods-per-service': f.podsPerService,
    };
    for (const [k, v] of Object.entries(sizes)) {
      const max = MAX_SIZE[k as keyof typeof MAX_SIZE];
      if (!Number.isInteger(v) || v < 1 || v > max) throw new UsageError(t('commands.demo.wholeNumber', { flag: `--${k}`, max }));
    }
    const pods = sizes.zones * sizes['services-per-zone'] * sizes['pods-per-service'];
    if (pods > MAX_PODS) throw new UsageError(t('commands.demo.tooManyPods', { pods, max: MAX_PODS }));
    if (!(f.speed > 0 && f.speed <= MAX_SPEED)) throw new UsageError(t('commands.demo.speed', { max: MAX_SPEED }));
    if (!Number.isSafeInteger(f.seed) || f.seed < 0) throw new UsageError(t('commands.demo.seed'));
    // Checked before the simulator starts (the console would only find out once it draws).
    themeFlag(f.theme);
    if (!f.serve && (!process.stdout.isTTY || !process.stdin.isTTY)) {
      process.stderr.write(`${t('commands.demo.needsTerminal')}\n`);
      return EXIT.USAGE;
    }
    const { startDemo } = await import('../source/sim/demo.js');
    // Load the console's modules while the simulator starts: both take a noticeable part of a second.
    const preload = f.serve ? undefined : Promise.all([import('./ui.js'), importConsole()]);
    preload?.catch(() => undefined);
    const demo = await startDemo({
      seed: f.seed,
      speed: f.speed,
      clusters: clusterNames(f.clusters),
      zones: f.zones,
      podsPerService: f.podsPerService,
      servicesPerZone: f.servicesPerZone,
      // kubectl sends tokens only over TLS, so --serve serves https; the in-process console talks to
      // its own simulator over plain http on 127.0.0.1 and skips the certificate and handshakes.
      tls: f.serve,
    });
    // The demo's config repo (Git), next to the kubeconfig: the source of the console's :diff view.
    const repoDir = join(dirname(demo.kubeconfigPath), 'config-repo');
    let repo: Promise<unknown> | undefined;
    let repoTimer: NodeJS.Timeout | undefined;
    try {
      if (f.serve) {
        const written = await writeRepo(repoDir, demo);
        // The --serve banner stays English in every language: scripts and test harnesses read its
        // "kubeconfig:" / "config repo:" lines and wait for "Serving until interrupted".
        /* eslint-disable i18next/no-literal-string -- machine-read banner (see above) */
        process.stdout.write(
          `kubeconfig: ${demo.kubeconfigPath}\ncontexts: ${demo.contexts.join(' ')}\n${written ? `config repo: ${repoDir}\n` : ''}\n  export KUBECONFIG=${demo.kubeconfigPath}\n  zonectl zones -A --all-contexts\n${written ? `  zonectl diff --repo ${repoDir}\n` : ''}\nServing until interrupted (Ctrl-C).\n`,
        );
        /* eslint-enable i18next/no-literal-string */
        await new Promise<void>((resolve) => {
          process.once('SIGINT', () => resolve());
          process.once('SIGTERM', () => resolve());
        });
        return EXIT.OK;
      }
      const [{ openConsole }] = await preload!;
      const admin = demo.contexts.filter((c) => !c.endsWith('-viewer'));
      // Writing the repo runs git seven times (~0.37 s measured): it starts once the console is drawing its
      // first frames, and :diff waits for it (the first frame does not).
      repo = new Promise<void>((resolve) => (repoTimer = setTimeout(resolve, REPO_DELAY_MS))).then(() => {
        repoTimer = undefined;
        return writeRepo(repoDir, demo, true);
      });
      // A failure is shown by :diff (which waits for it), never as an unhandled rejection.
      repo.catch(() => undefined);
      return await openConsole({ kubeconfig: demo.kubeconfigPath, context: admin, allNamespaces: true }, f.theme, {
        label: t('commands.demo.fleetLabel', { n: admin.length }),
        diff: { repo: repoDir },
        diffReady: repo,
        ...(admin.includes('fed-host') ? { kubefedHost: 'fed-host' } : {}),
      });
    } finally {
      // Quit before the repo was started: nothing to wait for (the :diff view is gone with the console).
      if (repoTimer) clearTimeout(repoTimer);
      else await repo?.catch(() => undefined);
      await demo.stop();
      // demo.stop() removed its temp dir: the kubeconfig (the demo's tokens) and the config repo.
    }
  });
}

/** After this long the console has drawn its first frame (demo start budget: 1 s to the first full frame). */
const REPO_DELAY_MS = 400;

/**
 * Writes the demo config repo; true when it was written. With `strict` a failure rejects (the console's
 * :diff shows it); otherwise it is reported on stderr and the demo runs without the repo.
 */
async function writeRepo(
  dir: string,
  demo: { world: import('../source/sim/demo-repo.js').DemoRepoWorld },
  strict = false,
): Promise<boolean> {
  const { writeDemoRepo } = await import('../source/sim/demo-repo.js');
  try {
    await writeDemoRepo(dir, demo.world);
    return true;
  } catch (e) {
    const msg = t('commands.demo.repoFailed', { error: e instanceof Error ? e.message.split('\n')[0]! : String(e) });
    if (strict) throw new Error(msg);
    process.stderr.write(`zonectl demo: ${msg}\n`); // eslint-disable-line i18next/no-literal-string -- the program's name before a worded message
    return false;
  }
}

const NAMES = ['shanghai', 'nanjing', 'singapore', 'beijing', 'guangzhou', 'chengdu', 'tokyo', 'frankfurt', 'virginia', 'saopaulo'];

/** Member cluster names: the well-known three first, then more cities, then numbered. */
export function clusterNames(n: number): string[] {
  return Array.from({ length: n }, (_, i) => NAMES[i] ?? `member-${i + 1}`);
}

// zonectl versions: the version matrix — every zone × service, the version it runs (from its pods),
// the version asked for (GameZone / Federated template), mixed and drifted services marked.
import { versionColumns, versionRows } from '../source/model/columns/versions.js';
import { compareZones } from '../source/model/zones.js';
import { VersionFilterError, versionFilter } from '../source/model/version-filter.js';
import { filterVersions, versionMatrix } from '../source/model/versions.js';
import { tableColumns } from '../source/output/columns.js';
import { renderList } from '../source/output/format.js';
import { loadConfig } from '../source/config/config.js';
import { EXIT } from '../source/exit-codes.js';
import { kubeconfigFiles, loadKubeconfig } from '../source/kube/kubeconfig.js';
import { guarded } from './errors.js';
import { FLEET_HELP, parseFlags, UsageError } from './flags.js';
import { runList } from './run-list.js';
import { t } from '../source/i18n/t.js';

const HELP = (): string => t('commands.help.versions', { fleetFlags: FLEET_HELP() });

export function run(argv: string[]): Promise<number> {
  return guarded(async () => {
    const { flags } = parseFlags(argv, HELP, {
      version: { type: 'string' },
      mixed: { type: 'boolean', default: false },
      pods: { type: 'boolean', default: true },
      repo: { type: 'string' },
      ref: { type: 'string' },
      map: { type: 'string' },
    });
    if (flags.repo === '') throw new UsageError(t('commands.usage.needsPathOrUrl', { flag: '--repo' }));
    if (!flags.repo && (flags.ref || flags.map))
      throw new UsageError(t('commands.usage.needFlag', { a: '--ref', b: '--map', needed: '--repo' }));
    let test: ((v: string) => boolean) | undefined;
    if (flags.version !== undefined) {
      try {
        test = versionFilter(String(flags.version));
      } catch (e) {
        if (e instanceof VersionFilterError) throw new UsageError(`--version ${JSON.stringify(flags.version)}: ${e.message}`);
        throw e;
      }
    }
    const withPods = flags.pods !== false;
    const git = flags.repo ? await readGit(flags) : undefined;
    const code = await runList(
      flags,
      withPods ? ['zones', 'federation', 'pods'] : ['zones', 'federation'],
      (s, errors) => {
        const zones = [...s.zones].sort(compareZones);
        const matrix = filterVersions(
          versionMatrix({ zones, workloads: s.workloads, pods: withPods ? s.pods : undefined, federated: s.federated, git: git?.image }),
          { version: test, mixed: flags.mixed === true },
        );
        const rows = versionRows(matrix);
        // JSON / YAML: one item per zone with its services (the matrix); tables and names: one row per service.
        const structured = flags.output === 'json' || flags.output === 'yaml';
        const text = structured
          ? renderList({
              kind: 'ZoneVersions',
              rows: matrix,
              columns: [],
              format: flags.output,
              name: () => '',
              toJSON: (z) => z,
              errors,
              empty: '',
            })
          : renderList({
              kind: 'ZoneVersions',
              rows,
              columns: tableColumns(versionColumns, { now: Date.now() }),
              format: flags.output,
              name: (r) => `${r.zone.cluster}/${r.zone.namespace}/${r.zone.zoneId}/${r.service.service}`,
              toJSON: (r) => r,
              errors,
              empty: '',
            });
        return { text, empty: rows.length === 0 };
      },
      test || flags.mixed ? t('commands.list.noZoneMatches') : t('commands.list.noZones'),
    );
    // Apps of the repo that could not be read: what Git asks is unknown there, as for a failed cluster.
    for (const e of git?.errors ?? []) process.stderr.write(`${t('commands.error.line', { message: `git: ${e}` })}\n`);
    return code === EXIT.OK && git?.errors.length ? EXIT.PARTIAL : code;
  });
}

/** The config repo's desired images (a Git-vs-live run with the Synced objects' YAML); a bad repo or mapping is a usage error. */
async function readGit(flags: {
  repo?: unknown;
  ref?: unknown;
  map?: unknown;
  context?: string[];
  kubeconfig?: string;
  requestTimeout?: number;
}) {
  const { createDiffPort } = await import('../source/app/diff-port.js');
  const { gitDesired } = await import('../source/gitops/desired-images.js');
  const { RepoError } = await import('../source/gitops/repo.js');
  const { MappingError } = await import('../source/gitops/mapping.js');
  const kc = loadKubeconfig(flags.kubeconfig ? [flags.kubeconfig] : kubeconfigFiles());
  const port = createDiffPort(
    {
      repo: String(flags.repo),
      ref: flags.ref as string | undefined,
      mapFile: flags.map as string | undefined,
      contexts: flags.context,
      syncedYaml: true,
    },
    kc,
    { timeoutMs: flags.requestTimeout ?? Math.max(loadConfig().requestTimeoutMs, 30_000) },
  );
  try {
    const report = await port.refresh();
    const desired = gitDesired(report);
    return { image: desired.image, errors: [...report.errors, ...desired.errors] };
  } catch (e) {
    if (e instanceof RepoError || e instanceof MappingError) throw new UsageError(`--repo ${String(flags.repo)}: ${e.message}`);
    throw e;
  } finally {
    port.close();
  }
}

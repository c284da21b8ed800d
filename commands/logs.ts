// zonectl logs: follow a pod, a workload, a zone or a label selector across the fleet.
// flags -> LogFollower over the fleet -> LineWriter (stdout; markers on stderr) -> exit code.
import { loadConfig } from '../source/config/config.js';
import { EXIT } from '../source/exit-codes.js';
import { namespaceFor, selectContexts } from '../source/fleet/select.js';
import { openFleet } from '../source/app/clients.js';
import { withKubeFedMembers } from '../source/app/session.js';
import { kubeconfigFiles, loadKubeconfig } from '../source/kube/kubeconfig.js';
import { compileRegex, FilterError } from '../source/logs/filters.js';
import { LogFollower, type FollowerCluster } from '../source/logs/follower.js';
import { LineWriter, type LogOutput } from '../source/logs/format.js';
import { parseTarget, TargetError, describeTarget } from '../source/logs/target.js';
import { DurationError, parseDuration } from '../source/logs/timestamp.js';
import { capYoungGeneration } from '../source/logs/young-gen.js';
import { favourMemory } from '../source/logs/memory-mode.js';
import { slowHeapGrowth } from '../source/store/heap-growth.js';
import type { FollowOptions, LogTarget } from '../source/logs/types.js';
import { guarded } from './errors.js';
import { targetsHelp } from './kind-help.js';
import {
  FLEET_FLAGS,
  HelpRequested,
  UsageError,
  fleetSelectionFlags,
  namespaceFlag,
  requestTimeoutFlag,
  selectorFlag,
  strictMeow,
} from './flags.js';
import { t } from '../source/i18n/t.js';

const HELP = (): string => t('commands.help.logs', { targets: targetsHelp('commands.help.logsTargetsLast') });

const LOG_FLAGS = {
  ...FLEET_FLAGS,
  output: { type: 'string', shortFlag: 'o', default: 'raw' },
  follow: { type: 'boolean', shortFlag: 'f', default: false },
  since: { type: 'string' },
  tail: { type: 'number' },
  timestamps: { type: 'boolean', default: false },
  previous: { type: 'boolean', shortFlag: 'p', default: false },
  container: { type: 'string', shortFlag: 'c' },
  include: { type: 'string', shortFlag: 'i', isMultiple: true },
  exclude: { type: 'string', shortFlag: 'e', isMultiple: true },
  maxStreams: { type: 'number', default: 100 },
} as const;

export interface LogsRequest {
  target: LogTarget;
  options: FollowOptions;
  output: LogOutput;
  timestamps: boolean;
  fleet: {
    context?: string[];
    allContexts?: boolean;
    namespace?: string;
    allNamespaces?: boolean;
    kubeconfig?: string;
    requestTimeout?: number;
    kubefedHost?: string;
  };
}

/** argv -> what to follow. Throws UsageError / HelpRequested. */
export function parseLogsArgs(argv: string[], zoneLabel = 'zonectl.io/zone'): LogsRequest {
  const cli = strictMeow(HELP(), argv, LOG_FLAGS as never);
  const f = cli.flags as Record<string, any>;
  if (f.help) throw new HelpRequested(HELP());
  if (f.output !== 'raw' && f.output !== 'json')
    throw new UsageError(t('commands.usage.expected', { flag: `-o ${f.output}`, what: t('commands.logs.want.output') }));
  if (f.namespace && f.allNamespaces) throw new UsageError(t('commands.usage.exclude', { a: '-n', b: '-A' }));
  namespaceFlag(f.namespace);
  fleetSelectionFlags(f);
  selectorFlag(f.selector);
  const requestTimeout = requestTimeoutFlag(f.requestTimeout);
  // kubectl refuses an empty -c; taken as "every container" it would widen the request the user narrowed.
  if (f.container === '') throw new UsageError(t('commands.logs.emptyContainer'));
  if (f.previous && f.follow) throw new UsageError(t('commands.logs.previousFollow'));
  if (cli.input.length > 1) throw new UsageError(t('commands.logs.oneTarget', { n: cli.input.length, input: cli.input.join(' ') }));
  if (f.tail !== undefined && (!Number.isInteger(f.tail) || f.tail < -1))
    throw new UsageError(t('commands.usage.expected', { flag: '--tail', what: t('commands.logs.want.tail') }));
  if (!Number.isInteger(f.maxStreams) || f.maxStreams < 0)
    throw new UsageError(t('commands.usage.expected', { flag: '--max-streams', what: t('commands.usage.want.wholeFrom0') }));
  try {
    const target = parseTarget(cli.input[0], f.selector);
    const many = target.type !== 'pod';
    return {
      target,
      output: f.output,
      timestamps: !!f.timestamps,
      options: {
        follow: !!f.follow,
        previous: !!f.previous,
        selector: target.type === 'selector' ? undefined : f.selector,
        sinceSeconds: f.since !== undefined ? parseDuration(String(f.since)) : undefined,
        tailLines: f.tail !== undefined ? f.tail : f.since !== undefined ? -1 : many ? 10 : -1,
        container: f.container ? compileRegex(f.container, '--container') : undefined,
        include: ((f.include as string[] | undefined) ?? []).map((r) => compileRegex(r, '--include')),
        exclude: ((f.exclude as string[] | undefined) ?? []).map((r) => compileRegex(r, '--exclude')),
        maxStreams: f.maxStreams,
        zoneLabel,
      },
      fleet: {
        context: f.context,
        allContexts: f.allContexts,
        namespace: f.namespace,
        allNamespaces: f.allNamespaces,
        kubeconfig: f.kubeconfig,
        requestTimeout,
        kubefedHost: f.kubefedHost,
      },
    };
  } catch (e) {
    if (e instanceof TargetError || e instanceof FilterError) throw new UsageError(e.message);
    if (e instanceof DurationError) throw new UsageError(`--since ${e.message}`);
    throw e;
  }
}

/**
 * A zone id finds its namespace: without -n, `zone/101` is looked up in every namespace (the zone label
 * selects its pods and workloads), so zones in `zone-*` namespaces need no -n. Other targets keep
 * kubectl's default namespace.
 */
export function zoneScope(req: Pick<LogsRequest, 'target' | 'fleet'>): LogsRequest['fleet'] {
  return req.target.type === 'zone' && !req.fleet.namespace ? { ...req.fleet, allNamespaces: true } : req.fleet;
}

export interface LogsIO {
  stdout: { write(s: string): unknown; isTTY?: boolean; once?(event: 'drain', cb: () => void): unknown };
  stderr: { write(s: string): unknown };
  env: NodeJS.ProcessEnv;
  /** Aborted -> stop following (Ctrl+C). */
  signal?: AbortSignal;
}

/** Follow with an already-built set of clusters; returns the exit code. */
export async function followLogs(req: LogsRequest, clusters: FollowerCluster[], io: LogsIO): Promise<number> {
  const colour = req.output === 'raw' && !!io.stdout.isTTY && !io.env.NO_COLOR && io.env.TERM !== 'dumb';
  const follower = new LogFollower(clusters, req.target, req.options);
  const following = req.options.follow && !req.options.previous;
  const writer = new LineWriter({
    output: req.output,
    timestamps: req.timestamps,
    colour,
    write: (s) => io.stdout.write(s),
    ...(io.stdout.once ? { drain: (cb: () => void) => void io.stdout.once!('drain', cb) } : {}),
    note: (t) => io.stderr.write(t + '\n'),
  });
  const sink = following
    ? writer
    : {
        line: writer.line.bind(writer),
        paused: () => writer.paused(),
        event: (ev: Parameters<LineWriter['event']>[0]) => (ev.kind === 'join' || ev.kind === 'leave' ? undefined : writer.event(ev)),
      };
  const onAbort = () => void follower.stop();
  io.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    follower.start(sink);
    const summary = await follower.ready;
    const allFailed = summary.failures.length > 0 && summary.failures.length === summary.clusters;
    const notFound =
      summary.failures.length === 0 &&
      ((req.target.type === 'workload' && summary.withTarget === 0) || (req.target.type === 'pod' && summary.pods === 0));
    if (notFound) {
      await follower.stop();
      io.stderr.write(`${t('commands.error.line', { message: t('commands.logs.notFound', { target: describeTarget(req.target) }) })}\n`);
      return EXIT.USAGE;
    }
    // Nothing to show is said, and is exit 1 (a condition not met) when every cluster was read.
    const partly = summary.failures.length > 0;
    const what = describeTarget(req.target);
    let nothing = false;
    if (allFailed) await follower.stop();
    else if (summary.pods === 0) {
      nothing = !following;
      io.stderr.write(
        `${following ? t('commands.logs.waitingPods') : partly ? t('commands.logs.noPodsRead', { what }) : t('commands.logs.noPods', { what })}\n`,
      );
    } else if (summary.containers === 0) {
      nothing = !following;
      const c = { pattern: req.options.container?.source ?? '', n: summary.pods, what };
      io.stderr.write(
        `${following ? t('commands.logs.waitingContainer', c) : t('commands.logs.noContainer', { ...c, names: summary.containerNames.join(', ') })}\n`,
      );
    }
    await follower.done;
    writer.flush();
    const failures = summary.failures;
    if (failures.length === 0) return nothing ? EXIT.CONDITION : EXIT.OK;
    const forbidden = failures.every((e) => e.kind === 'Forbidden' || e.kind === 'Unauthorized');
    return forbidden && failures.length === summary.clusters ? EXIT.FORBIDDEN : EXIT.PARTIAL;
  } finally {
    io.signal?.removeEventListener('abort', onAbort);
    await follower.stop();
    writer.flush();
  }
}

/** The semi-space cap of a follow, MiB (young-gen.ts: V8 grows them to 16 at 100 streams × 1,000 lines/s). */
const LOGS_SEMI_SPACE_MIB = 4;
/**
 * How far past its live size a follow's old generation grows before the next full GC, % (store/heap-growth.ts,
 * the console's setting). Behind a slow reader every queued line outlives two scavenges and dies old: with
 * V8's own factor the heap climbed 30 -> 120 MiB in 10 s between two full GCs (~35 MiB live).
 */
const LOGS_HEAP_GROWING_PERCENT = 50;
/**
 * The HTTP/2 window of each log stream, bytes: HTTP/2's default (undici's is 256 KiB). What the process holds
 * per stream while stdout's reader is behind; 1,000 lines/s of ~130 bytes need 64 KiB per 0.5 s of round trip.
 */
const LOGS_STREAM_WINDOW_BYTES = 65_535;

export function run(argv: string[]): Promise<number> {
  return guarded(async () => {
    const config = loadConfig();
    const req = parseLogsArgs(argv, config.zoneLabel);
    // A follow runs for hours at up to tens of thousands of lines a second: keep V8's young generation
    // small (young-gen.ts). A one-pass read ends too soon for it to matter.
    const following = req.options.follow && !req.options.previous;
    const uncap = following ? capYoungGeneration(LOGS_SEMI_SPACE_MIB) : undefined;
    const unslow = following ? slowHeapGrowth(LOGS_HEAP_GROWING_PERCENT) : undefined;
    const unfavour = following ? favourMemory() : undefined;
    if (req.fleet.requestTimeout) config.requestTimeoutMs = req.fleet.requestTimeout;
    const kc = loadKubeconfig(req.fleet.kubeconfig ? [req.fleet.kubeconfig] : kubeconfigFiles());
    const fleetFlags = await withKubeFedMembers(req.fleet, (l) => process.stderr.write(`${t('commands.warning.line', { message: l })}\n`));
    const contexts = selectContexts(kc.contexts, kc.current, fleetFlags, config);
    // One client per context with room for every stream: each open log stream and pod watch holds
    // a connection (the shared default of 32 would queue streams beyond it forever).
    // --max-streams 0 (no cap): no connection limit either, or streams past it would wait forever.
    const connections = req.options.maxStreams > 0 ? req.options.maxStreams + 16 : null;
    const fleet = openFleet(kc, contexts, config, { connections, streamWindowBytes: LOGS_STREAM_WINDOW_BYTES });
    const nsFor = namespaceFor(zoneScope(req), kc);
    const ac = new AbortController();
    const stop = () => ac.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    // A closed pipe (`| head`) ends the follow quietly.
    const onPipe = (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') ac.abort();
    };
    process.stdout.on('error', onPipe);
    try {
      return await followLogs(
        req,
        fleet.members.map((m) => ({ name: m.name, client: m.client, namespace: nsFor(m.name) })),
        {
          stdout: process.stdout,
          stderr: process.stderr,
          env: process.env,
          signal: ac.signal,
        },
      );
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      process.stdout.off('error', onPipe);
      fleet.close();
      uncap?.();
      unslow?.();
      unfavour?.();
    }
  });
}

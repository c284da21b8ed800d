// A fleet action from a script: many targets at once — repeated targets, `-` for targets on stdin in
// the `-o name` form (cluster/namespace/kind/name, which `zonectl rollouts -o name` prints), or a
// selection (--context / --all-contexts, -n / -A, -l, --state, --step, --image-from) — then one batch
// card, one confirmation, bounded concurrency per cluster, one result table and one batch id in
// every target's audit record (source/actions/batch.ts).
import { randomBytes } from 'node:crypto';
import { accessCache } from '../source/actions/access.js';
import { batchCard, batchExitCode, planBatch, runBatch, targetName, type TargetResult } from '../source/actions/batch.js';
import { parseKind } from '../source/actions/load.js';
import { ActionService } from '../source/actions/service.js';
import { openSession, type FleetFlags } from '../source/app/session.js';
import { Refusal } from '../source/errors.js';
import { EXIT } from '../source/exit-codes.js';
import { isActiveRollout } from '../source/model/rollouts.js';
import type { ActionInput, ActionName, ActionTarget, WorkloadInfo } from '../source/model/types.js';
import { confirm, type Streams } from './action-io.js';
import { UsageError } from './flags.js';

export interface BatchFlags extends FleetFlags {
  output: string;
  yes: boolean;
  dryRun: boolean;
  wait: boolean;
  force: boolean;
  reason?: string;
  confirm?: string;
  state?: string;
  step?: number;
  imageFrom?: string;
}

const STATES: Record<string, WorkloadInfo['rollout']['phase']> = {
  paused: 'paused',
  failed: 'failed',
  updating: 'progressing',
  progressing: 'progressing',
  complete: 'complete',
};

/** Does this command line name more than one target, or a selection? (Else the one-target flow.) */
export function isBatch(args: readonly string[], f: BatchFlags): boolean {
  if (args.length > 1 || args.includes('-') || args.some((a) => a.split('/').length === 4)) return true;
  return (
    args.length === 0 &&
    (f.state !== undefined || f.step !== undefined || f.imageFrom !== undefined || !!f.selector || !!f.allContexts || !!f.allNamespaces)
  );
}

/** `cluster/namespace/kind/name` or `kind/name` (the one --context and -n). */
function parseTarget(text: string, f: BatchFlags, current: string | undefined): ActionTarget {
  const parts = text.trim().split('/');
  if (parts.length === 4) {
    const [cluster, namespace, kindText, name] = parts as [string, string, string, string];
    const kind = parseKind(kindText);
    if (!kind || !cluster || !namespace || !name)
      throw new UsageError(`"${text}" is not cluster/namespace/kind/name with a known workload kind`);
    return { cluster, namespace, kind, name };
  }
  if (parts.length === 2) {
    const kind = parseKind(parts[0]!);
    const context = f.context?.[0] ?? current;
    if (!kind || !parts[1] || !context) throw new UsageError(`"${text}" is not kind/name with a known workload kind (and a --context)`);
    if ((f.context?.length ?? 0) > 1 || f.allContexts)
      throw new UsageError(`"${text}": kind/name needs exactly one --context; use cluster/namespace/kind/name`);
    return { cluster: context, namespace: f.namespace ?? 'default', kind, name: parts[1] };
  }
  throw new UsageError(`"${text}" is not kind/name or cluster/namespace/kind/name`);
}

async function readStdin(io: Streams): Promise<string[]> {
  let text = '';
  for await (const chunk of io.stdin) text += String(chunk);
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

function matches(w: WorkloadInfo, f: BatchFlags): boolean {
  if (f.state !== undefined) {
    const want = STATES[f.state];
    if (!want) throw new UsageError(`--state ${f.state}: expected paused, failed, updating or complete`);
    if (w.rollout.phase !== want) return false;
  }
  if (f.step !== undefined && (w.rollout.stepIndex === undefined || w.rollout.stepIndex + 1 !== f.step)) return false;
  if (f.imageFrom !== undefined && !w.containers.some((c) => c.image === f.imageFrom)) return false;
  return f.state !== undefined || f.step !== undefined || f.imageFrom !== undefined || isActiveRollout(w);
}

function table(results: readonly TargetResult[]): string {
  const rows = results.map((r) => [
    r.target.cluster,
    r.target.namespace,
    `${r.target.kind.toLowerCase()}/${r.target.name}`,
    r.outcome,
    r.wait ? (r.wait.reached ? 'reached' : r.wait.message) : '-',
    `${(r.ms / 1000).toFixed(1)}s`,
    r.exitCode ? r.reason : '',
  ]);
  const head = ['CLUSTER', 'NAMESPACE', 'TARGET', 'OUTCOME', 'WAIT', 'TIME', 'REASON'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  return (
    [head, ...rows]
      .map((r) =>
        r
          .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!)))
          .join('   ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}

export async function runBatchAction(
  action: ActionName,
  args: readonly string[],
  f: BatchFlags,
  input: ActionInput,
  timeoutMs: number,
  io: Streams,
): Promise<number> {
  const fromStdin = args.includes('-');
  const lines = [...args.filter((a) => a !== '-'), ...(fromStdin ? await readStdin(io) : [])];
  const explicit = lines.length > 0;
  // Explicit targets: the fleet is their clusters; a selection: the fleet the flags select, listed.
  const { loadKubeconfig, kubeconfigFiles } = await import('../source/kube/kubeconfig.js');
  const kc = loadKubeconfig(f.kubeconfig ? [f.kubeconfig] : kubeconfigFiles());
  const named = lines.map((l) => parseTarget(l, f, kc.current));
  // A target on a context the kubeconfig does not have is that target's refusal, not the batch's.
  const known = new Set(kc.contexts.map((c) => c.name));
  const flags: FleetFlags = explicit
    ? { ...f, context: [...new Set(named.map((t) => t.cluster).filter((c) => known.has(c)))], allContexts: false }
    : f;
  const session = openSession(flags, ['rollouts']);
  try {
    let targets = named;
    if (!explicit) {
      session.store.start();
      await session.store.waitForSync((f.requestTimeout ?? session.config.requestTimeoutMs) + 5_000);
      for (const e of session.store.clusterErrors())
        io.stderr.write(`warning: ${e.cluster}: ${e.error.message}; its workloads are not in the batch\n`);
      targets = session.store
        .snapshot()
        .workloads.filter((w) => !w.invalid && matches(w, f))
        .map((w) => ({ cluster: w.cluster, namespace: w.namespace, kind: w.kind, name: w.name }));
      if (!targets.length) {
        io.stderr.write(`${action}: no workload matches the selection\n`);
        return EXIT.OK;
      }
    }
    const service = new ActionService({
      client: (c) => {
        const m = session.fleet.member(c);
        if (!m) throw new Refusal('usage', c, `${c}: not a context of the kubeconfig`);
        return m.client;
      },
      config: session.config,
      readOnlyFlag: f.readonly,
      access: accessCache,
    });
    const batch = randomBytes(4).toString('hex');
    const reachable = targets.filter((t) => known.has(t.cluster));
    const byTarget = new Map(
      (await planBatch(service, reachable, action, input, { dryRun: f.dryRun })).map((p) => [targetName(p.target), p]),
    );
    const planned: TargetResult[] = targets.map(
      (t) =>
        byTarget.get(targetName(t)) ?? {
          target: t,
          outcome: 'refused',
          reason: `${t.cluster}: not a context of the kubeconfig`,
          exitCode: EXIT.USAGE,
          ms: 0,
        },
    );
    const json = f.output === 'json';
    if (!json) io.stdout.write([...batchCard(action, planned, f.dryRun), `batch ${batch}`, ''].join('\n'));
    const runnable = planned.filter((p) => p.planned);
    // Protected contexts: --yes needs them named (--confirm CLUSTER[,CLUSTER]); asking needs them typed.
    const protectedClusters = [...new Set(runnable.filter((p) => p.planned!.confirmName !== undefined).map((p) => p.target.cluster))];
    const confirmed = new Set((f.confirm ?? '').split(',').filter(Boolean));
    if (runnable.length && !f.dryRun && !f.yes) {
      if (!io.stdin.isTTY || fromStdin)
        throw new Refusal(
          'needs-confirmation',
          undefined,
          `stdin is not a terminal: add --yes to ${action} ${runnable.length} workloads without asking`,
        );
      const ok = await confirm(io, {
        question: `${action} ${runnable.length} workload${runnable.length === 1 ? '' : 's'}?`,
        ...(protectedClusters.length ? { typed: protectedClusters.join(',') } : {}),
      });
      if (!ok) {
        io.stderr.write('Not confirmed: nothing was changed.\n');
        return EXIT.USAGE;
      }
      protectedClusters.forEach((c) => confirmed.add(c));
    }
    const results = await runBatch(service, planned, {
      confirmed: f.yes ? 'yes' : 'asked',
      force: f.force,
      dryRun: f.dryRun,
      batch,
      ...(f.reason !== undefined ? { reason: f.reason } : {}),
      confirmFor: (t) => (confirmed.has(t.cluster) ? t.name : undefined),
    });
    if (f.wait && !f.dryRun) {
      await Promise.all(
        results
          .filter((r) => r.outcome === 'done' && r.planned)
          .map(async (r) => {
            const w = await service.follow(r.planned!, r.result).wait({ timeoutMs });
            r.wait = { reached: w.reached, message: w.message, elapsedMs: w.elapsedMs };
            if (!w.reached) r.exitCode = EXIT.CONDITION;
          }),
      );
    }
    if (json)
      io.stdout.write(
        JSON.stringify(
          {
            batch,
            action,
            results: results.map((r) => ({
              target: targetName(r.target),
              outcome: r.outcome,
              reason: r.reason,
              exitCode: r.exitCode,
              ms: r.ms,
              ...(r.wait ? { wait: r.wait } : {}),
            })),
          },
          null,
          2,
        ) + '\n',
      );
    else io.stdout.write(table(results));
    return batchExitCode(results);
  } finally {
    await session.close();
  }
}

// A fleet action from a script: many targets at once — repeated targets, `-` for targets on stdin in
// the `-o name` form (cluster/namespace/kind/name, which `zonectl rollouts -o name` prints), or a
// selection (--context / --all-contexts, -n / -A, -l, --state, --step, --image-from) — then one batch
// card, one confirmation, bounded concurrency per cluster, one result table and one batch id in
// every target's audit record (source/actions/batch.ts).
import { randomBytes } from 'node:crypto';
import { accessCache } from '../source/actions/access.js';
import { batchCard, batchExitCode, type BatchInput, planBatch, targetName, type TargetResult } from '../source/actions/batch.js';
import { releaseEventLine, runRelease } from '../source/actions/release.js';
import { inStartedWave, parseWaves, releaseOrder, waveEnds } from '../source/actions/waves.js';
import { ActionService } from '../source/actions/service.js';
import { openSession, type FleetFlags } from '../source/app/session.js';
import { loadConfig } from '../source/config/config.js';
import { Refusal } from '../source/errors.js';
import { EXIT } from '../source/exit-codes.js';
import { batchRecord } from '../source/model/releases.js';
import type { WorkloadInfo } from '../source/model/types.js';
import type { ActionInput, ActionName } from '../source/model/action-types.js';
import { confirm, type Streams } from './action-io.js';
import { releaseLines, resultTable } from './batch-report.js';
import { UsageError } from './flags.js';
import { type BatchFlags, checkBatchFlags, matches, parseTarget, readStdin, zoneFilter } from './batch-select.js';
// `tr`: `t` names a target here.
import { t as tr } from '../source/i18n/t.js';

export async function runBatchAction(
  action: ActionName,
  args: readonly string[],
  f: BatchFlags,
  input: ActionInput,
  timeoutMs: number,
  io: Streams,
): Promise<number> {
  checkBatchFlags(f, loadConfig().waves);
  for (const [flag, id] of [
    ['--batch', f.batch],
    ['--undo', f.undo],
  ] as const)
    if (id !== undefined && !/^[0-9a-f]{8}$/.test(id))
      throw new UsageError(tr('commands.usage.expected', { flag: `${flag} ${id}`, what: tr('commands.usage.want.batchId') }));
  if (f.resume !== undefined && !/^[0-9a-f]{8}$/.test(f.resume))
    throw new UsageError(tr('commands.usage.expected', { flag: `--resume ${f.resume}`, what: tr('commands.usage.want.batchId') }));
  const inZone = f.zone !== undefined ? zoneFilter(f.zone) : undefined;
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
    ? {
        ...f,
        context: [...new Set(named.map((t) => t.cluster).filter((c) => known.has(c)))],
        allContexts: false,
        // A resume (or undo) finds what a batch did in every namespace of those clusters.
        ...(f.resume || f.undo ? { allNamespaces: true } : {}),
      }
    : // A zone id finds its namespace: --zone without -n selects in every namespace (zones live in one each).
      f.zone !== undefined && !f.namespace
      ? { ...f, allNamespaces: true }
      : f;
  const session = openSession(flags, ['rollouts']);
  try {
    let targets = named;
    let done: WorkloadInfo[] = [];
    const undone = new Map<string, WorkloadInfo>();
    /** Clusters whose workloads could not be listed (left out of the selection): the exit is then 3 at least. */
    let unread = 0;
    if (!explicit || f.resume || f.undo) {
      session.store.start();
      await session.store.waitForSync((f.requestTimeout ?? session.config.requestTimeoutMs) + 5_000);
      const failed = session.store.clusterErrors();
      unread = failed.length;
      for (const e of failed)
        io.stderr.write(
          `${tr('commands.warning.line', { message: tr('commands.batch.clusterLeftOut', { cluster: e.cluster, error: e.error.message }) })}\n`,
        );
      const all = session.store.snapshot().workloads.filter((w) => !w.invalid);
      if (f.resume) {
        // Explicit targets: only those listed count (a failed one left out of the list is left out);
        // a selection: every workload the batch did, wherever it is now.
        const listed = new Set(named.map(targetName));
        done = all.filter((w) => batchRecord(w, f.resume!) && (!explicit || listed.has(targetName(w))));
        const other = done.find((w) => batchRecord(w, f.resume!)!.action !== action);
        if (other)
          throw new UsageError(
            tr('commands.batch.resumeOtherAction', {
              batch: f.resume,
              was: batchRecord(other, f.resume)!.action,
              where: `${other.cluster}/${other.name}`,
              action,
            }),
          );
      }
      if (f.undo) for (const w of all) if (w.release?.batch === f.undo) undone.set(targetName(w), w);
      if (!explicit)
        targets = all
          .filter((w) => matches(w, f, inZone))
          .map((w) => ({ cluster: w.cluster, namespace: w.namespace, kind: w.kind, name: w.name }));
      if (!targets.length && !done.length) {
        io.stderr.write(`${unread ? tr('commands.batch.noMatchRead', { action }) : tr('commands.batch.noMatch', { action })}\n`);
        return unread ? EXIT.PARTIAL : EXIT.OK;
      }
    }
    const service = new ActionService({
      client: (c) => {
        const m = session.fleet.member(c);
        if (!m) throw new Refusal('usage', c, tr('commands.batch.notAContext', { cluster: c }));
        return m.client;
      },
      config: session.config,
      readOnlyFlag: f.readonly,
      access: accessCache,
      // The session's store watches the selected kinds: each wave's --wait is served from its informers.
      informers: session.fleet.informers,
    });
    const batch = f.resume ?? randomBytes(4).toString('hex');
    // The wave plan: --waves (or a plan named in the config), else the one the resumed batch ran under.
    const wavesText =
      f.waves !== undefined ? (session.config.waves[f.waves] ?? f.waves) : done.map((d) => batchRecord(d, batch)?.waves).find(Boolean);
    const order = releaseOrder(
      done.map((w) => ({
        target: { cluster: w.cluster, namespace: w.namespace, kind: w.kind, name: w.name },
        wave: batchRecord(w, batch)?.wave,
      })),
      targets,
    );
    let ends = [order.targets.length];
    if (wavesText) {
      const marks = parseWaves(wavesText);
      if (typeof marks === 'string') throw new UsageError(marks);
      const e = waveEnds(marks, order.targets.length);
      if (typeof e === 'string') throw new UsageError(e);
      ends = e;
    }
    const doneNames = new Map(done.map((w) => [targetName(w), w]));
    const rec = (w: WorkloadInfo) => batchRecord(w, batch)!;
    // --undo: each target gets back the image its hot update in that batch replaced.
    const undoInput: BatchInput = f.undo
      ? (t) => {
          const im = undone.get(targetName(t))?.release?.images?.[0];
          if (!im) return { ...input, container: '', image: '' };
          return { ...input, container: im.container, image: im.from };
        }
      : input;
    // --resume: a target in a wave the batch had started whose change is live but unrecorded (killed
    // between an owner write and the record) is planned as "already done": only its record is written.
    const reached = Math.max(0, ...done.map((d) => rec(d).wave ?? 0));
    const since = done.map((d) => rec(d).at).sort()[0];
    const started = new Set(order.targets.filter((_, i) => f.resume && inStartedWave(ends, i, reached)).map(targetName));
    const inputFor: BatchInput = started.size
      ? (t) => {
          const i = typeof undoInput === 'function' ? undoInput(t) : undoInput;
          return started.has(targetName(t)) ? { ...i, resumed: since !== undefined ? { since } : {} } : i;
        }
      : undoInput;
    const toPlan = order.targets.filter((t) => !doneNames.has(targetName(t)) && known.has(t.cluster));
    // With waves, only the first wave is planned for the card; later waves are planned when they start.
    const firstEnd = wavesText ? (ends[ends.findIndex((e) => e > order.doneCount)] ?? order.targets.length) : order.targets.length;
    const firstWave = new Set(order.targets.slice(0, firstEnd).map(targetName));
    const byTarget = new Map(
      (
        await planBatch(
          service,
          toPlan.filter((t) => firstWave.has(targetName(t))),
          action,
          inputFor,
          { dryRun: f.dryRun },
        )
      ).map((p) => [targetName(p.target), p]),
    );
    const planned: TargetResult[] = order.targets.map((t): TargetResult => {
      const d = doneNames.get(targetName(t));
      if (d)
        return {
          target: t,
          outcome: 'already done',
          reason: rec(d).wave
            ? tr('commands.batch.doneInWave', { wave: rec(d).wave!, by: rec(d).by, at: rec(d).at })
            : tr('commands.batch.doneInBatch', { by: rec(d).by, at: rec(d).at }),
          exitCode: 0,
          ms: 0,
          current: d,
        };
      if (!known.has(t.cluster))
        return {
          target: t,
          outcome: 'refused',
          reason: tr('commands.batch.notAContext', { cluster: t.cluster }),
          exitCode: EXIT.USAGE,
          ms: 0,
        };
      // A later wave's target: planned when its wave starts (a marker plan-to-be).
      return (
        byTarget.get(targetName(t)) ?? {
          target: t,
          outcome: 'not started',
          reason: tr('commands.batch.plannedLater'),
          exitCode: 0,
          ms: 0,
          later: true,
        }
      );
    });
    const json = f.output === 'json';
    if (!json)
      io.stdout.write(
        [
          ...batchCard(action, planned, f.dryRun),
          ...releaseLines(action, batch, wavesText, ends, order.doneCount, {
            dryRun: f.dryRun,
            ...(f.timeout !== undefined ? { timeout: f.timeout } : {}),
          }),
          '',
        ].join('\n'),
      );
    const runnable = planned.filter((p) => p.planned || p.later);
    // Protected contexts: --yes needs them named (--confirm CLUSTER[,CLUSTER]); asking needs them typed.
    const protectedClusters = [...new Set(runnable.filter((p) => service.isProtected(p.target.cluster)).map((p) => p.target.cluster))];
    const confirmed = new Set((f.confirm ?? '').split(',').filter(Boolean));
    const tty = !!io.stdin.isTTY && !fromStdin;
    if (f.gate === 'ask' && !tty) throw new UsageError(tr('commands.batch.gateNeedsTerminal'));
    if (runnable.length && !f.dryRun && !f.yes) {
      if (!tty) throw new Refusal('needs-confirmation', undefined, tr('commands.batch.noTerminal', { action, n: runnable.length }));
      const ok = await confirm(io, {
        question:
          ends.length > 1
            ? tr('commands.batch.questionWaves', { action, n: runnable.length, waves: ends.length })
            : tr('commands.batch.question', { action, n: runnable.length }),
        ...(protectedClusters.length ? { typed: protectedClusters.join(',') } : {}),
      });
      if (!ok) {
        io.stderr.write(`${tr('commands.confirm.notConfirmed')}\n`);
        return EXIT.USAGE;
      }
      protectedClusters.forEach((c) => confirmed.add(c));
    }
    const results = await runRelease(service, action, inputFor, planned, {
      confirmed: f.yes ? 'yes' : 'asked',
      force: f.force,
      dryRun: f.dryRun,
      batch,
      ...(wavesText ? { wavesText } : {}),
      ends,
      waitLast: f.wait,
      gateMs: timeoutMs,
      ...(f.reason !== undefined ? { reason: f.reason } : {}),
      confirmFor: (t) => (confirmed.has(t.cluster) ? t.name : undefined),
      ...(f.gate === 'ask'
        ? {
            go: (next: number, n: number, count: number) =>
              confirm(io, { question: tr('commands.batch.goOn', { next, waves: n, targets: count }) }),
          }
        : {}),
      onEvent: (e) => io.stderr.write(`${releaseEventLine(e)}\n`),
    });
    if (json)
      io.stdout.write(
        JSON.stringify(
          {
            batch,
            action,
            ...(wavesText ? { waves: wavesText, waveEnds: ends } : {}),
            results: results.map((r) => ({
              target: targetName(r.target),
              outcome: r.outcome,
              reason: r.reason,
              exitCode: r.exitCode,
              ms: r.ms,
              ...(r.wave !== undefined ? { wave: r.wave } : {}),
              ...(r.wait ? { wait: r.wait } : {}),
            })),
          },
          null,
          2,
        ) + '\n',
      );
    else io.stdout.write(resultTable(results, ends.length > 1));
    const code = batchExitCode(results);
    // Clusters left out of the selection count as a code of their own (3): shared, or else 1.
    if (!unread) return code;
    return code === EXIT.OK || code === EXIT.PARTIAL ? EXIT.PARTIAL : EXIT.CONDITION;
  } finally {
    await session.close();
  }
}

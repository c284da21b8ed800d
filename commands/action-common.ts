// The front end of approve / reject / skip-hook / retry-hooks / hold / release / hotupdate over the
// action service (source/actions/service.ts): flags -> plan -> approval card -> confirm -> run ->
// output -> --wait -> exit code. Refusals map to exit codes by their code (source/errors.ts):
// 0 ok, 1 not possible now / --wait gave up, 2 usage or no confirmation, 3 a cluster could not be
// reached or failed, 4 forbidden (RBAC or read-only), 5 conflict (changed since read).
import { accessCache } from '../source/actions/access.js';
import { parseKind } from '../source/actions/load.js';
import { ActionService } from '../source/actions/service.js';
import { loadConfig } from '../source/config/config.js';
import { Refusal } from '../source/errors.js';
import { EXIT } from '../source/exit-codes.js';
import type { ClusterClient } from '../source/kube/client-api.js';
import { contextClient } from '../source/app/clients.js';
import { kubeconfigFiles, loadKubeconfig } from '../source/kube/kubeconfig.js';
import type { ActionInput, ActionName } from '../source/model/action-types.js';
import { confirmPlanned, parseTimeout, processStreams, progress, runOptions, type Streams } from './action-io.js';
import { printResult, resultDocument } from './action-output.js';
import { guarded } from './errors.js';
import { workloadKindsHelp } from './kind-help.js';
import { t } from '../source/i18n/t.js';
import { runBatchAction } from './action-batch.js';
import { type BatchFlags, isBatch } from './batch-select.js';
import { imageFlag, parseFlags, UsageError } from './flags.js';

export const ACTION_FLAGS = {
  reason: { type: 'string' },
  yes: { type: 'boolean', shortFlag: 'y', default: false },
  dryRun: { type: 'boolean', default: false },
  wait: { type: 'boolean', default: false },
  timeout: { type: 'string' },
  force: { type: 'boolean', default: false },
  confirm: { type: 'string' },
  state: { type: 'string' },
  step: { type: 'number' },
  imageFrom: { type: 'string' },
  zone: { type: 'string' },
  waves: { type: 'string' },
  resume: { type: 'string' },
  batch: { type: 'string' },
  gate: { type: 'string' },
} as const;

export const HOTUPDATE_FLAGS = {
  container: { type: 'string' },
  image: { type: 'string' },
  partition: { type: 'number' },
  onePodFirst: { type: 'boolean', default: false },
  continue: { type: 'boolean', default: false },
  undo: { type: 'string' },
} as const;

/** The flags every workload action shares (a function: the language is set after the imports). */
export const ACTION_HELP = (): string => t('commands.help.actionFlags');

export function actionHelp(action: string, what: string): string {
  return t('commands.help.action', { action, what, kinds: workloadKindsHelp(t('commands.help.kindsPrefix')), actionFlags: ACTION_HELP() });
}

/** Expected failures and refusals -> one stderr line and the documented exit code (commands/errors.ts guarded). */
export function runAction(action: ActionName, argv: string[], help: string, io: Streams = processStreams()): Promise<number> {
  return guarded(async () => {
    const { flags, input: args } = parseFlags(argv, help, action === 'hotupdate' ? { ...ACTION_FLAGS, ...HOTUPDATE_FLAGS } : ACTION_FLAGS, {
      kubefedHostSelects: false,
    });
    const f = flags as typeof flags & {
      reason?: string;
      yes: boolean;
      dryRun: boolean;
      wait: boolean;
      timeout?: string;
      force: boolean;
      container?: string;
      image?: string;
      partition?: number;
      onePodFirst?: boolean;
      continue?: boolean;
      confirm?: string;
    };
    if (f.image !== undefined) imageFlag(f.image);
    // --- many targets: the batch flow (commands/action-batch.ts)
    const timeoutEarly = parseTimeout(f.timeout, 5 * 60_000);
    if (isBatch(args, f as BatchFlags)) {
      return runBatchAction(action, args, f as BatchFlags, batchInput(action, f), timeoutEarly, io);
    }
    // --- arguments
    if (args.length !== 1) throw new UsageError(t('commands.action.oneTarget', { action, n: args.length }));
    const [kindText, name, extra] = args[0].split('/');
    const kind = parseKind(kindText ?? '');
    if (!kind || !name || extra !== undefined) throw new UsageError(t('commands.action.badTarget', { action, target: args[0] }));
    if (f.allContexts || (f.context?.length ?? 0) > 1) throw new UsageError(t('commands.action.oneCluster', { action }));
    if (f.allNamespaces) throw new UsageError(t('commands.action.noAllNamespaces', { action }));
    if (f.output !== 'table' && f.output !== 'json') throw new UsageError(t('commands.action.badOutput', { action, output: f.output }));
    const timeoutMs = parseTimeout(f.timeout, 5 * 60_000);
    const input: ActionInput = f.reason !== undefined ? { reason: f.reason } : {};
    if (action === 'hotupdate') {
      if (f.continue) {
        if (f.image || f.onePodFirst) throw new UsageError(t('commands.hotupdate.continueKeepsImages'));
        Object.assign(input, { continue: true }, f.container ? { container: f.container } : {});
      } else if (!f.container || !f.image) throw new UsageError(t('commands.hotupdate.needsImage'));
      if (f.partition !== undefined && f.onePodFirst)
        throw new UsageError(`hotupdate: ${t('commands.usage.exclude', { a: '--partition', b: '--one-pod-first' })}`);
      if (f.partition !== undefined && (!Number.isInteger(f.partition) || f.partition < 0))
        throw new UsageError(t('commands.usage.expected', { flag: '--partition', what: t('commands.usage.want.wholeFrom0') }));
      if (!f.continue) Object.assign(input, { container: f.container, image: f.image });
      if (f.partition !== undefined) input.partition = f.partition;
      if (f.onePodFirst) input.onePodFirst = true;
    }

    // --- the one cluster and the service over it
    const config = loadConfig();
    const kc = loadKubeconfig(f.kubeconfig ? [f.kubeconfig] : kubeconfigFiles());
    const context = f.context?.[0] ?? kc.current;
    if (!context) throw new UsageError(t('commands.action.noContext'));
    const ref = kc.contexts.find((c) => c.name === context);
    if (!ref)
      throw new UsageError(
        t('commands.action.contextNotFound', {
          ctx: context,
          have: kc.contexts.map((c) => c.name).join(', ') || t('commands.action.none'),
        }),
      );
    const namespace = f.namespace ?? ref.namespace ?? 'default';
    // The acting context, and the kubefed host (--kubefed-host) when a federated workload's change goes there.
    const clients = new Map<string, ClusterClient>();
    if (f.kubefedHost && !kc.contexts.some((c) => c.name === f.kubefedHost))
      throw new UsageError(t('commands.action.kubefedHostNotFound', { ctx: f.kubefedHost }));
    const service = new ActionService({
      client: (c) => {
        if (c !== context && c !== f.kubefedHost)
          throw new Refusal('usage', c, t('commands.action.notActingContext', { cluster: c, ctx: context }));
        let cl = clients.get(c);
        if (!cl) clients.set(c, (cl = contextClient(kc, c, { timeoutMs: f.requestTimeout ?? config.requestTimeoutMs })));
        return cl;
      },
      config,
      readOnlyFlag: f.readonly,
      access: accessCache,
      ...(f.kubefedHost ? { kubefedHost: f.kubefedHost } : {}),
    });
    try {
      const planned = await service.plan({ cluster: context, kind, namespace, name }, action, input, { dryRun: f.dryRun });
      const json = f.output === 'json';
      if (!json) io.stdout.write(planned.card.join('\n') + '\n');

      // --- confirmation
      if (!(await confirmPlanned(io, planned, f, `${action} ${kind}/${name}`, context))) return EXIT.USAGE;

      // --- run
      const res = await service.run(planned, runOptions(f));
      const out = resultDocument(planned, res);
      if (!json) printResult(io, planned, res);

      // --- wait
      let code: number = EXIT.OK;
      if (f.wait && !f.dryRun) {
        const following = service.follow(planned, res);
        const bar = progress(io, !json && !!io.stdout.isTTY);
        if (!json)
          io.stdout.write(`${t('commands.action.waiting', { seconds: Math.round(timeoutMs / 1000), what: following.describe })}\n`);
        const w = await following.wait({ timeoutMs, onProgress: json ? undefined : (l, i) => bar.update(l, i) });
        out.wait = { reached: w.reached, message: w.message, elapsedMs: w.elapsedMs };
        if (!json)
          bar.done(
            w.reached
              ? t('commands.action.reached', { seconds: (w.elapsedMs / 1000).toFixed(1) })
              : t('commands.action.gaveUp', { message: w.message }),
          );
        if (!w.reached) code = EXIT.CONDITION;
      }
      if (json) io.stdout.write(JSON.stringify(out, null, 2) + '\n');
      return code;
    } finally {
      for (const c of clients.values()) c.close();
    }
  }, io);
}

/** The action input of a batch: the same flags as one target (hot update: container, image, partition). */
function batchInput(
  action: ActionName,
  f: { reason?: string; container?: string; image?: string; partition?: number; onePodFirst?: boolean; continue?: boolean; undo?: string },
): ActionInput {
  const input: ActionInput = f.reason !== undefined ? { reason: f.reason } : {};
  if (action !== 'hotupdate') return input;
  if (f.undo !== undefined) {
    if (f.image || f.continue) throw new UsageError(t('commands.hotupdate.undoOwnImage'));
    return input;
  }
  if (f.continue) input.continue = true;
  else {
    if (!f.container || !f.image) throw new UsageError(t('commands.hotupdate.needsImage'));
    Object.assign(input, { container: f.container, image: f.image });
  }
  if (f.container && f.continue) input.container = f.container;
  if (f.partition !== undefined) input.partition = f.partition;
  if (f.onePodFirst) input.onePodFirst = true;
  return input;
}

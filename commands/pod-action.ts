// The front end of `zonectl delete pod/NAME` and `zonectl shell pod/NAME` over the action service:
// flags -> plan (fresh read of the pod) -> card -> confirm -> run (read-only, access review, the uid
// precondition, audit Event + local log) -> for a shell, the user's kubectl exec on this terminal.
// Exit codes as every action (action-common.ts); a shell exits with the command's own code.
import { spawnSync } from 'node:child_process';
import { accessCache } from '../source/actions/access.js';
import { ActionService } from '../source/actions/service.js';
import { contextClient } from '../source/app/clients.js';
import { loadConfig } from '../source/config/config.js';
import { Refusal } from '../source/errors.js';
import { EXIT } from '../source/exit-codes.js';
import type { ClusterClient } from '../source/kube/client-api.js';
import { kubeconfigFiles, loadKubeconfig } from '../source/kube/kubeconfig.js';
import type { PodActionInput, PodActionName } from '../source/model/action-types.js';
import { confirmPlanned, processStreams, runOptions, type Streams } from './action-io.js';
import { printResult } from './action-output.js';
import { guarded } from './errors.js';
import { parseFlags, UsageError } from './flags.js';
import { t } from '../source/i18n/t.js';

export const POD_ACTION_FLAGS = {
  reason: { type: 'string' },
  yes: { type: 'boolean', shortFlag: 'y', default: false },
  dryRun: { type: 'boolean', default: false },
  force: { type: 'boolean', default: false },
  confirm: { type: 'string' },
  container: { type: 'string', shortFlag: 'c' },
  gracePeriod: { type: 'number' },
} as const;

/** The flags of delete and shell (a function: the language is set after the imports). */
export const POD_ACTION_HELP = (): string => t('commands.help.podActionFlags');

/** pod/NAME, pods/NAME, po/NAME, or "pod NAME" (kubectl's two forms). */
export function podName(args: string[], command: string): string {
  const [first, second, ...rest] = args;
  let name: string | undefined;
  if (first && /^(pod|pods|po)$/i.test(first) && second !== undefined && !rest.length) name = second;
  else if (first && second === undefined) {
    const m = /^(pod|pods|po)\/(.+)$/i.exec(first);
    name = m ? m[2] : undefined;
  }
  if (!name || name.includes('/'))
    throw new UsageError(t('commands.pod.expectedPod', { command, got: args.join(' ') || t('commands.pod.nothing') }));
  return name;
}

export function runPodAction(action: PodActionName, argv: string[], help: string, io: Streams = processStreams()): Promise<number> {
  return guarded(async () => {
    const { flags, input: args } = parseFlags(argv, help, POD_ACTION_FLAGS, { kubefedHostSelects: false });
    const f = flags as typeof flags & {
      reason?: string;
      yes: boolean;
      dryRun: boolean;
      force: boolean;
      confirm?: string;
      container?: string;
      gracePeriod?: number;
    };
    const command = action === 'delete-pod' ? 'delete' : 'shell';
    const name = podName(args, command);
    if (f.allContexts || (f.context?.length ?? 0) > 1) throw new UsageError(t('commands.action.oneCluster', { action: command }));
    if (f.allNamespaces) throw new UsageError(t('commands.action.noAllNamespaces', { action: command }));
    if (f.output !== 'table' && f.output !== 'json')
      throw new UsageError(t('commands.action.badOutput', { action: command, output: f.output }));
    if (action === 'shell' && f.gracePeriod !== undefined)
      throw new UsageError(t('commands.pod.appliesTo', { command: 'shell', flag: '--grace-period', other: 'delete' }));
    if (action === 'delete-pod' && f.container !== undefined)
      throw new UsageError(t('commands.pod.appliesTo', { command: 'delete', flag: '-c', other: 'shell' }));
    if (f.gracePeriod !== undefined && (!Number.isInteger(f.gracePeriod) || f.gracePeriod < 0))
      throw new UsageError(t('commands.usage.expected', { flag: '--grace-period', what: t('commands.usage.want.secondsFrom0') }));
    const input: PodActionInput = {};
    if (f.reason !== undefined) input.reason = f.reason;
    if (f.container !== undefined) input.container = f.container;
    if (f.gracePeriod !== undefined) input.gracePeriodSeconds = f.gracePeriod;

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
    let client: ClusterClient | undefined;
    const service = new ActionService({
      client: (c) => {
        if (c !== context) throw new Refusal('usage', c, t('commands.action.notActingContext', { cluster: c, ctx: context }));
        return (client ??= contextClient(kc, c, { timeoutMs: f.requestTimeout ?? config.requestTimeoutMs }));
      },
      config,
      readOnlyFlag: f.readonly,
      access: accessCache,
    });
    // The user's own kubeconfig reaches the same context for kubectl: pass the file zonectl read.
    const shell = [...(config.shell ?? (await import('../source/kinds/pod-actions.js')).DEFAULT_SHELL)];
    if (f.kubeconfig && shell[0] === 'kubectl') shell.splice(1, 0, '--kubeconfig', f.kubeconfig);
    try {
      const planned = await service.planPod({ cluster: context, namespace, name }, action, input, { dryRun: f.dryRun, shell });
      const json = f.output === 'json';
      if (!json) io.stdout.write(planned.card.join('\n') + '\n');
      if (!(await confirmPlanned(io, planned, f, `${command} pod/${name}`, context))) return EXIT.USAGE;
      const res = await service.run(planned, runOptions(f));
      if (json)
        io.stdout.write(
          JSON.stringify(
            { plan: planned.plan, dryRun: res.dryRun, by: res.by, at: res.at, event: res.eventName, warnings: res.warnings },
            null,
            2,
          ) + '\n',
        );
      else if (action === 'delete-pod') printResult(io, planned, res);
      if (action !== 'shell' || f.dryRun || !planned.plan.exec) return EXIT.OK;
      // The shell: on this terminal, until it exits; its exit code is ours (as kubectl exec does).
      const [cmd, ...rest] = planned.plan.exec.command;
      const r = spawnSync(cmd, rest, { stdio: 'inherit' });
      if (r.error)
        throw new Refusal(
          'not-possible',
          context,
          t('commands.pod.couldNotRun', { cluster: context, cmd: cmd ?? '', error: r.error.message }),
        );
      return r.status ?? EXIT.CONDITION;
    } finally {
      client?.close();
    }
  }, io);
}

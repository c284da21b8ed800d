// Shared flow of approve / reject / skip-hook / retry-hooks / hold / release / hotupdate:
// one context -> fresh read -> plan (adapters) -> approval card -> confirm -> execute -> --wait.
// Exit codes (DESIGN §9): 0 ok, 1 not possible now / --wait gave up, 2 usage or no confirmation,
// 4 forbidden (RBAC or read-only), 5 conflict (changed since read).
import { planAction, type Intent } from '../source/kinds/plans.js';
import { accessCache } from '../source/actions/access.js';
import { cardLines } from '../source/actions/card.js';
import { ReadOnlyError } from '../source/actions/errors.js';
import { execute } from '../source/actions/execute.js';
import { whoAmI } from '../source/actions/identity.js';
import { loadWorkload, parseKind } from '../source/actions/load.js';
import { waitTarget } from '../source/actions/targets.js';
import { waitFor } from '../source/actions/wait.js';
import { loadConfig } from '../source/config/config.js';
import { EXIT } from '../source/exit-codes.js';
import { HttpClusterClient } from '../source/kube/client.js';
import { kubeconfigFiles, loadKubeconfig } from '../source/kube/kubeconfig.js';
import { maskObject } from '../source/model/mask.js';
import type { ActionName } from '../source/model/types.js';
import { confirm, parseTimeout, processStreams, progress, type Streams } from './action-io.js';
import { guarded } from './errors.js';
import { parseFlags, UsageError } from './flags.js';

export const ACTION_FLAGS = {
  reason: { type: 'string' },
  yes: { type: 'boolean', shortFlag: 'y', default: false },
  dryRun: { type: 'boolean', default: false },
  wait: { type: 'boolean', default: false },
  timeout: { type: 'string' },
  force: { type: 'boolean', default: false },
} as const;

export const HOTUPDATE_FLAGS = {
  container: { type: 'string' },
  image: { type: 'string' },
  partition: { type: 'number' },
  onePodFirst: { type: 'boolean', default: false },
} as const;

export const ACTION_HELP = `  --context NAME         the kubeconfig context (exactly one; default: the current context)
  -n, --namespace NS     namespace (default: the context's namespace, else "default")
  --reason TEXT          why: recorded in the audit annotation, the Event and the local log
  -y, --yes              do not ask (required when stdin is not a terminal)
  --dry-run              send the writes with dryRun=All and print the plan; nothing changes
  --wait                 follow the rollout until the action's target state (progress on stdout)
  --timeout DUR          for --wait: give up after DUR (e.g. 90s, 5m; default 5m) -> exit 1
  --force                with --yes: accept warnings that need explicit confirmation
  -o json                print the result as JSON
  --kubeconfig FILE, --request-timeout MS, --readonly

Exit codes: 0 done, 1 not possible in the current state or --wait gave up, 2 usage / not
confirmed, 4 forbidden (RBAC, read-only mode), 5 the object changed since it was read.`;

export function actionHelp(action: string, what: string): string {
  return `
Usage: zonectl ${action} <kind>/<name> [flags]

${what}
Kinds: gamedeployment (gd), gamestatefulset (gsts), deployment, statefulset, rollout (Argo),
kruiserollout.

Flags:
${ACTION_HELP}
`;
}

/** Expected failures -> one stderr line and the documented exit code (like commands/errors.ts guarded). */
export function runAction(action: ActionName, argv: string[], help: string, io: Streams = processStreams()): Promise<number> {
  return guarded(async () => {
    const { flags, input } = parseFlags(argv, help, action === 'hotupdate' ? { ...ACTION_FLAGS, ...HOTUPDATE_FLAGS } : ACTION_FLAGS);
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
    };
    // --- arguments
    if (input.length !== 1) throw new UsageError(`${action}: expected exactly one <kind>/<name>, got ${input.length || 'none'}`);
    const [kindText, name, extra] = input[0].split('/');
    const kind = parseKind(kindText ?? '');
    if (!kind || !name || extra !== undefined)
      throw new UsageError(`${action}: "${input[0]}" is not <kind>/<name> with a known workload kind`);
    if (f.allContexts || (f.context?.length ?? 0) > 1) throw new UsageError(`${action}: acts on exactly one cluster: give one --context`);
    if (f.allNamespaces) throw new UsageError(`${action}: -A does not apply; give -n NAMESPACE`);
    if (f.output !== 'table' && f.output !== 'json') throw new UsageError(`${action}: -o ${f.output} is not supported (table or json)`);
    const timeoutMs = parseTimeout(f.timeout, 5 * 60_000);
    if (timeoutMs === undefined) throw new UsageError(`--timeout ${f.timeout}: expected a duration such as 90s or 5m`);
    let intent: Intent;
    if (action === 'hotupdate') {
      if (!f.container || !f.image) throw new UsageError('hotupdate: --container and --image are required');
      if (f.partition !== undefined && f.onePodFirst) throw new UsageError('hotupdate: --partition and --one-pod-first exclude each other');
      if (f.partition !== undefined && (!Number.isInteger(f.partition) || f.partition < 0))
        throw new UsageError('--partition: expected a whole number >= 0');
      intent = { action, container: f.container, image: f.image, ...(f.partition !== undefined ? { partition: f.partition } : {}) };
    } else intent = { action } as Intent;

    // --- cluster, config, read-only
    const config = loadConfig();
    const kc = loadKubeconfig(f.kubeconfig ? [f.kubeconfig] : kubeconfigFiles());
    const context = f.context?.[0] ?? kc.current;
    if (!context) throw new UsageError('no context selected: kubeconfig has no current-context; use --context NAME');
    const ref = kc.contexts.find((c) => c.name === context);
    if (!ref)
      throw new UsageError(`--context: "${context}" not in kubeconfig (have: ${kc.contexts.map((c) => c.name).join(', ') || 'none'})`);
    const settings = config.contexts[context] ?? {};
    const readOnly = f.readonly
      ? '--readonly'
      : config.readOnly
        ? `config ${config.file ?? ''} readOnly`.replace('  ', ' ')
        : settings.readOnly
          ? `config contexts.${context}.readOnly`
          : false;
    if (readOnly) throw new ReadOnlyError(context, readOnly);
    const namespace = f.namespace ?? ref.namespace ?? 'default';
    const client = new HttpClusterClient(context, kc.forContext(context), { timeoutMs: f.requestTimeout ?? config.requestTimeoutMs });
    try {
      const user = await whoAmI(client);
      const loaded = await loadWorkload(client, kind, namespace, name, { by: user });
      if (action === 'hotupdate' && f.onePodFirst) {
        if (kind === 'Deployment' || kind === 'Rollout' || kind === 'KruiseRollout')
          throw new UsageError(`hotupdate --one-pod-first: ${kind} has no partition; use its rollout steps`);
        intent = { ...(intent as Extract<Intent, { action: 'hotupdate' }>), partition: Math.max(0, loaded.info.rollout.replicas - 1) };
      }
      const planned = planAction(intent, loaded.input);
      if (!planned.ok) {
        io.stderr.write(`error: ${context}: ${planned.reason}\n`);
        return EXIT.CONDITION;
      }
      const plan = planned.plan;
      const json = f.output === 'json';
      const lines = cardLines(plan, { user, reason: f.reason, protectedContext: settings.protected, dryRun: f.dryRun });
      if (!json) io.stdout.write(lines.join('\n') + '\n');

      // --- confirmation
      if (!f.dryRun) {
        if (f.yes) {
          if (plan.requiresForce && !f.force) {
            io.stderr.write(
              `error: ${context}: ${plan.warnings[0] ?? 'this change needs explicit confirmation'}; add --force to confirm with --yes\n`,
            );
            return EXIT.USAGE;
          }
        } else if (io.stdin.isTTY) {
          const ok = await confirm(io, {
            question: plan.requiresForce ? 'Proceed despite the warning above?' : 'Proceed?',
            typed: settings.protected ? name : undefined,
          });
          if (!ok) {
            io.stderr.write('Not confirmed: nothing was changed.\n');
            return EXIT.USAGE;
          }
        } else {
          io.stderr.write(`error: stdin is not a terminal: add --yes to ${action} ${kind}/${name} on ${context} without asking\n`);
          return EXIT.USAGE;
        }
      }

      // --- execute
      const res = await execute(plan, { client, user, reason: f.reason, dryRun: f.dryRun, readOnly, access: accessCache });
      const out: Record<string, unknown> = {
        apiVersion: 'zonectl.io/v1',
        kind: 'ActionResult',
        action,
        cluster: context,
        namespace,
        target: `${kind}/${name}`,
        summary: plan.summary,
        dryRun: res.dryRun,
        by: res.by,
        at: res.at,
        writes: res.writes.map((w) => ({
          kind: w.target.type.kind,
          name: w.target.name,
          subresource: w.subresource,
          patchType: w.patchType,
          body: maskObject(w.body),
          resourceVersion: w.resourceVersion,
        })),
        warnings: res.warnings,
      };
      if (res.eventName) out.event = res.eventName;
      if (!json) {
        if (res.dryRun) {
          io.stdout.write('Dry run: the server accepted these writes (dryRun=All); nothing was changed:\n');
          for (const w of res.writes)
            io.stdout.write(
              `  ${w.target.type.kind} ${w.target.namespace}/${w.target.name}${w.subresource ? `/${w.subresource}` : ''} ${w.patchType}: ${JSON.stringify(maskObject(w.body))}\n`,
            );
        } else io.stdout.write(`Done: ${plan.summary} (by ${res.by}${res.eventName ? `; event ${res.eventName}` : ''})\n`);
        for (const w of res.warnings) io.stderr.write(`warning: ${w}\n`);
      }

      // --- wait
      let code: number = EXIT.OK;
      if (f.wait && !f.dryRun) {
        const target = waitTarget(plan, loaded.info);
        const bar = progress(io, !json && !!io.stdout.isTTY);
        if (!json) io.stdout.write(`Waiting up to ${Math.round(timeoutMs / 1000)} s for ${target.describe}...\n`);
        const w = await waitFor(plan, target.reached, {
          client,
          timeoutMs,
          onProgress: json ? undefined : (l, i) => bar.update(l, i),
          failed: target.failed,
        });
        out.wait = { reached: w.reached, message: w.message, elapsedMs: w.elapsedMs };
        if (!json) bar.done(w.reached ? `Reached in ${(w.elapsedMs / 1000).toFixed(1)} s.` : `Gave up: ${w.message}.`);
        if (!w.reached) code = EXIT.CONDITION;
      }
      if (json) io.stdout.write(JSON.stringify(out, null, 2) + '\n');
      return code;
    } finally {
      client.close();
    }
  }, io);
}

// OpenKruise Game GameServerSet (game.kruise.io/v1alpha1): a set of game servers run by an Advanced
// StatefulSet of the same name (apps.kruise.io/v1beta1, pods `<gss>-<ordinal>`, label
// game.kruise.io/owner-gss), one GameServer per pod (its state, opsState and priorities are synced
// onto the pod's labels). Facts and sources: source/kinds/README.md "GameServerSet".
// - spec.updateStrategy.rollingUpdate is copied to the ASTS with unorderedUpdate, so `partition` is the
//   NUMBER of game servers kept on the old revision (not an ordinal); higher gs-update-priority first.
// - `paused` is honoured and durable (nothing rewrites it): hold = paused, release = unpause.
// - podUpdatePolicy defaults to ReCreate when rollingUpdate is absent: a hot update sets InPlaceIfPossible.
// - status has no revisions: progress is updatedReplicas / updatedReadyReplicas against spec.replicas,
//   and observedGeneration is written only once the ASTS is in sync with the spec.
import type { KubeObject } from '../kube/object.js';
import type { RolloutPhase, RolloutStatus, WorkloadInfo } from '../model/types.js';
import {
  availability,
  deny,
  holdAnnotation,
  imageOps,
  type Intent,
  jsonBody,
  mergeBody,
  ok,
  type PlanInput,
  releaseAnnotation,
  what,
} from './plan/common.js';
import { compose, type PlanParts, seen, write } from './plan/compose.js';
import type { PlanPatchType, PlanResult } from './plan/types.js';
import { observed } from './plan/wait.js';
import type { ReadContext } from './shared/context.js';
import { parseHold } from './shared/hold.js';
import { guard, isRecord, optBool, optIntOrString, optNumber, optString, resolveIntOrPercent } from './shared/read-util.js';
import { workloadPreconditions } from './shared/observe.js';
import { can, cannot, invalidWorkload, respectHold, lagging, laggingMessage, workloadBase } from './shared/workload-base.js';
import { WORKLOAD_VIEWS, type WorkloadSpec } from './spec.js';
import { gameServerSetRestart } from './plan/restart-effects.js';

declare module '../model/types.js' {
  interface WorkloadKinds {
    GameServerSet: true;
  }
}

const OKG_GROUP = 'game.kruise.io';
/** The label OKG puts on every pod of a set (and the ASTS selector). */
const OWNER_LABEL = 'game.kruise.io/owner-gss';
const TEMPLATE = '/spec/gameServerTemplate';

export function readGameServerSet(cluster: string, obj: KubeObject, ctx?: ReadContext): WorkloadInfo {
  return guard(
    () => {
      const { m, info } = workloadBase(cluster, obj, 'GameServerSet', ctx, 'spec.gameServerTemplate.spec.containers');
      info.selector = { [OWNER_LABEL]: m.name };
      const replicas = optNumber(obj, 'spec.replicas') ?? 0;
      const type = optString(obj, 'spec.updateStrategy.type') || 'RollingUpdate';
      const rolling = isRecord(obj.spec?.updateStrategy) && isRecord(obj.spec.updateStrategy.rollingUpdate);
      // OKG forces RollingUpdate whenever rollingUpdate is set (even with type OnDelete).
      const onDelete = type === 'OnDelete' && !rolling;
      const policy = optString(obj, 'spec.updateStrategy.rollingUpdate.podUpdatePolicy') || 'ReCreate';
      const p = optIntOrString(obj, 'spec.updateStrategy.rollingUpdate.partition');
      const partition = p === undefined ? 0 : Math.min(resolveIntOrPercent(p, replicas, true), replicas);
      const paused = optBool(obj, 'spec.updateStrategy.rollingUpdate.paused') === true;
      const updated = optNumber(obj, 'status.updatedReplicas') ?? 0;
      const ready = optNumber(obj, 'status.readyReplicas') ?? 0;
      const updatedReady = optNumber(obj, 'status.updatedReadyReplicas') ?? Math.min(updated, ready);
      const available = optNumber(obj, 'status.availableReplicas');
      const hold = parseHold(m.annotations);
      const target = replicas - partition;
      const inFlight = updated < replicas || updatedReady < updated;
      const servers = opsStateCounts(obj);
      let phase: RolloutPhase;
      let message: string;
      let pauseReason: string | undefined;
      if (lagging(info)) [phase, message] = ['progressing', laggingMessage(info)];
      else if (!inFlight) [phase, message] = ['complete', 'up to date'];
      else if (paused)
        [phase, message, pauseReason] = [
          'paused',
          `paused${hold ? ' by zonectl' : ''}: ${updated}/${replicas} game servers updated, no further updates start`,
          hold ? 'Held' : 'Paused',
        ];
      else if (onDelete) [phase, message] = ['progressing', `OnDelete: ${updated}/${replicas} updated, game servers update when deleted`];
      else if (partition > 0 && updated >= target && updatedReady >= target)
        [phase, message, pauseReason] = [
          'paused',
          `paused: partition ${partition} keeps ${partition} game servers on the old revision`,
          'Partition',
        ];
      else [phase, message] = ['progressing', `updating ${updated}/${replicas} game servers`];
      if (servers) message += ` (${servers})`;
      const rollout: RolloutStatus = {
        strategy: onDelete ? 'OnDelete' : policy,
        replicas,
        updated,
        updatedReady,
        ready,
        partition,
        steps: [],
        phase,
        paused: phase === 'paused',
        message,
        hookConditions: [],
        actions: respectHold(
          [
            // A set canaries by partition: approving promotes the held-back servers (partition -> 0).
            partition === 0
              ? cannot('approve', 'no partition holds game servers back')
              : paused
                ? cannot('approve', 'the set is paused: release it first')
                : can('approve', `sets partition ${partition} -> 0: the ${partition} remaining game servers update`),
            cannot('reject', 'GameServerSet has no staged rollout to reject (hot-update the previous image)'),
            cannot('skip-hook', 'GameServerSet has no step hooks'),
            cannot('retry-hooks', 'GameServerSet has no pod hooks'),
            onDelete
              ? can('hotupdate', 'warning: OnDelete strategy: game servers take the new image only when deleted')
              : policy === 'ReCreate' && rolling && optString(obj, 'spec.updateStrategy.rollingUpdate.podUpdatePolicy')
                ? can('hotupdate', 'warning: podUpdatePolicy ReCreate: game servers are recreated, not updated in place')
                : can('hotupdate'),
            paused
              ? cannot('hold', hold ? 'already held by zonectl' : 'already paused')
              : can('hold', 'sets rollingUpdate.paused: no further game servers update'),
            paused ? can('release', 'sets rollingUpdate.paused = false: the update continues') : cannot('release', 'not paused'),
          ],
          hold,
        ),
      };
      if (available !== undefined) rollout.available = available;
      if (pauseReason) rollout.pauseReason = pauseReason;
      if (pauseReason === 'Held' && hold?.at) rollout.pausedSince = hold.at;
      if (hold) rollout.hold = hold;
      return { ...info, rollout };
    },
    (reason) => invalidWorkload(cluster, obj, 'GameServerSet', reason, ctx),
  );
}

/** "1 Maintaining, 2 WaitToBeDeleted" from the status counts OKG keeps per opsState. */
function opsStateCounts(obj: KubeObject): string {
  const parts: string[] = [];
  for (const [path, name] of [
    ['status.maintainingReplicas', 'Maintaining'],
    ['status.waitToBeDeletedReplicas', 'WaitToBeDeleted'],
    ['status.preDeleteReplicas', 'PreDelete'],
  ] as const) {
    const n = optNumber(obj, path) ?? 0;
    if (n > 0) parts.push(`${n} ${name}`);
  }
  return parts.join(', ');
}

/** The pod line's note: the GameServer's state, opsState and update priority, as OKG syncs them onto the pod. */
function gameServerNote(labels: Readonly<Record<string, string>>): string | undefined {
  const state = labels['game.kruise.io/gs-state'];
  const ops = labels['game.kruise.io/gs-opsState'];
  const prio = labels['game.kruise.io/gs-update-priority'];
  if (!state && !ops) return undefined;
  return [`gs ${state || '-'}`, ops && ops !== 'None' ? `ops ${ops}` : '', prio && prio !== '0' ? `prio ${prio}` : '']
    .filter(Boolean)
    .join(' ');
}

export function planGameServerSet(intent: Intent, input: PlanInput): PlanResult {
  const { cluster, obj } = input;
  const w = readGameServerSet(cluster, obj);
  const a = availability(w, intent.action);
  if (!a.possible) return deny(`cannot ${intent.action} ${what(w)}: ${a.reason}`);
  const t = gameServerSet.type;
  const rv = w.resourceVersion;
  const plan = (action: PlanParts['action'], patchType: PlanPatchType, body: unknown, summary: string[], warnings: string[]): PlanResult =>
    ok(
      compose(w, t, input, {
        action,
        steps: [write(cluster, t, w.namespace, w.name, patchType, body)],
        preconditions: seen(w),
        summary,
        warnings,
      }),
    );
  const head = (verb: string) => `${verb} ${what(w)}`;
  switch (intent.action) {
    case 'hotupdate': {
      const img = imageOps(obj, TEMPLATE, intent.container, intent.image, intent.partition !== undefined);
      if (typeof img === 'string') return deny(`cannot hot-update ${what(w)}: ${img}`);
      const ops: unknown[] = [...img.ops];
      const summary = img.ops.length
        ? [head('set image on'), `container ${intent.container}: ${img.old} -> ${intent.image}`]
        : [head('move the partition of'), `container ${intent.container} keeps ${img.old}`];
      const warnings = [a.reason?.replace(/^warning: /, '') ?? ''].filter(Boolean);
      const ru: unknown = obj.spec?.updateStrategy?.rollingUpdate;
      const rolling = isRecord(ru) ? ru : undefined;
      const partition = intent.partition === undefined ? undefined : Math.max(0, Math.min(intent.partition, w.rollout.replicas));
      // Without rollingUpdate.podUpdatePolicy the ASTS recreates pods; in place is what a hot update means.
      const setPolicy = !rolling?.podUpdatePolicy && w.rollout.strategy !== 'OnDelete';
      if (!rolling) {
        const value: Record<string, unknown> = {};
        if (setPolicy) value.podUpdatePolicy = 'InPlaceIfPossible';
        if (partition !== undefined) value.partition = partition;
        if (Object.keys(value).length) {
          // A JSON patch "add" needs the parent: create updateStrategy when the set has none.
          if (!isRecord(obj.spec?.updateStrategy)) ops.push({ op: 'add', path: '/spec/updateStrategy', value: {} });
          ops.push({ op: 'add', path: '/spec/updateStrategy/rollingUpdate', value });
        }
      } else {
        if (setPolicy) ops.push({ op: 'add', path: '/spec/updateStrategy/rollingUpdate/podUpdatePolicy', value: 'InPlaceIfPossible' });
        if (partition !== undefined) ops.push({ op: 'add', path: '/spec/updateStrategy/rollingUpdate/partition', value: partition });
      }
      if (setPolicy) summary.push('podUpdatePolicy InPlaceIfPossible: game servers are updated in place');
      if (partition !== undefined)
        summary.push(
          `partition ${partition}: ${w.rollout.replicas - partition} of ${w.rollout.replicas} game servers update (highest update priority first)`,
        );
      if (w.rollout.paused) warnings.push('the set is paused: nothing updates until it is released');
      return plan('hotupdate', 'json', jsonBody(rv, ops), summary, warnings);
    }
    case 'approve':
      return plan(
        'approve',
        'merge',
        mergeBody(rv, { spec: { updateStrategy: { rollingUpdate: { partition: 0 } } } }),
        [head('promote'), `set spec.updateStrategy.rollingUpdate.partition = 0 (was ${w.rollout.partition ?? 0})`],
        [],
      );
    case 'hold':
      return plan(
        'hold',
        'merge',
        mergeBody(rv, { spec: { updateStrategy: { rollingUpdate: { paused: true } } } }, { annotations: holdAnnotation(false, input) }),
        [head('hold'), 'set spec.updateStrategy.rollingUpdate.paused = true'],
        ['in-flight in-place updates finish; scaling continues'],
      );
    case 'release':
      return plan(
        'release',
        'merge',
        mergeBody(rv, { spec: { updateStrategy: { rollingUpdate: { paused: false } } } }, { annotations: releaseAnnotation() }),
        [head('release'), 'set spec.updateStrategy.rollingUpdate.paused = false'],
        [],
      );
    default:
      return deny(`cannot ${intent.action} ${what(w)}: not supported for GameServerSet`);
  }
}

export const gameServerSet: WorkloadSpec<'GameServerSet'> = {
  kind: 'GameServerSet',
  role: 'workload',
  type: { group: OKG_GROUP, version: 'v1alpha1', resource: 'gameserversets', kind: 'GameServerSet', namespaced: true },
  // `gss` is GameStatefulSet's alias in zonectl (bk-bcs came first); OKG's short name is offered as `okg-gss`.
  aliases: ['gameserverset', 'gameserversets', 'okg-gss'],
  short: 'GSS',
  watchedBy: WORKLOAD_VIEWS,
  read: readGameServerSet,
  plan: planGameServerSet,
  prefetch: {},
  restart: { how: 'template-annotation', template: TEMPLATE, effect: gameServerSetRestart },
  preconditions: workloadPreconditions(readGameServerSet),
  pods: {
    selector: (o) => (o.metadata.name ? `${OWNER_LABEL}=${o.metadata.name}` : undefined),
    // Pods belong to the Advanced StatefulSet of the same name (apps.kruise.io), not to the set itself.
    ownedBy: (c, name) => c.kind === 'StatefulSet' && c.name === name && (c.apiVersion ?? 'apps.kruise.io/').startsWith('apps.kruise.io/'),
    note: gameServerNote,
  },
  partition: true,
  wait: {
    approve: () => ({
      describe: 'every game server to be updated and ready',
      reached: (i) => observed(i) && i.rollout.phase === 'complete',
      failed: (i) => (i.rollout.phase === 'failed' ? i.rollout.message : undefined),
    }),
    // No revisions on the status: done when the template's images are the ones asked for and every
    // game server the partition lets through is updated and ready, as observed by the controller.
    hotupdate: (plan) => {
      const images = plan.card.images ?? [];
      return {
        describe: 'the game servers the partition lets through to be updated and ready',
        reached: (i) => {
          const r = i.rollout;
          const target = Math.max(0, r.replicas - (r.partition ?? 0));
          return (
            images.every((im) => i.containers.some((c) => c.name === im.container && c.image === im.to)) &&
            observed(i) &&
            r.updated >= target &&
            r.updatedReady >= target &&
            r.phase !== 'progressing'
          );
        },
      };
    },
  },
};

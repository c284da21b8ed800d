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
import { type MessageKey, t, tEn } from '../i18n/t.js';
import type { KubeObject } from '../kube/object.js';
import type { RolloutPhase, RolloutStatus, WorkloadInfo } from '../model/types.js';
import {
  availability,
  headline,
  holdAnnotation,
  imageOps,
  type Intent,
  jsonBody,
  mergeBody,
  ok,
  type PlanInput,
  refuse,
  releaseAnnotation,
} from './plan/common.js';
import { compose, type PlanParts, seen, write } from './plan/compose.js';
import type { PlanPatchType, PlanResult } from './plan/types.js';
import { observed } from './plan/wait.js';
import type { ReadContext } from './shared/context.js';
import { parseHold } from './shared/hold.js';
import { guard, isRecord, optBool, optIntOrString, optNumber, optString, resolveIntOrPercent } from './shared/read-util.js';
import { workloadPreconditions } from './shared/observe.js';
import {
  can,
  cannot,
  invalidWorkload,
  respectHold,
  lagging,
  laggingMessage,
  upToDate,
  WARNING,
  workloadBase,
} from './shared/workload-base.js';
import { WORKLOAD_VIEWS, type WorkloadSpec } from './spec.js';
import { gameServerSetRestart } from './plan/restart-effects.js';

declare module '../model/workload-kinds.js' {
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
      else if (!inFlight) [phase, message] = ['complete', upToDate()];
      else if (paused)
        [phase, message, pauseReason] = [
          'paused',
          tEn(hold ? 'plans.rollout.gssHeld' : 'plans.rollout.gssPaused', { updated, replicas }),
          hold ? 'Held' : 'Paused',
        ];
      else if (onDelete) [phase, message] = ['progressing', tEn('plans.rollout.gssOnDelete', { updated, replicas })];
      else if (partition > 0 && updated >= target && updatedReady >= target)
        [phase, message, pauseReason] = ['paused', tEn('plans.rollout.gssPartition', { partition }), 'Partition'];
      else [phase, message] = ['progressing', tEn('plans.rollout.gssUpdating', { updated, replicas })];
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
              ? cannot('approve', t('plans.gss.noPartition'))
              : paused
                ? cannot('approve', t('plans.gss.pausedReleaseFirst'))
                : can('approve', t('plans.gss.promotes', { partition })),
            cannot('reject', t('plans.gss.noReject')),
            cannot('skip-hook', t('plans.common.noStepHooks', { kind: 'GameServerSet' })),
            cannot('retry-hooks', t('plans.common.noPodHooks', { kind: 'GameServerSet' })),
            // "warning: " is a code (shared/workload-base.ts WARNING): it stays English.
            onDelete
              ? can('hotupdate', `${WARNING}${t('plans.gss.onDelete')}`)
              : policy === 'ReCreate' && rolling && optString(obj, 'spec.updateStrategy.rollingUpdate.podUpdatePolicy')
                ? can('hotupdate', `${WARNING}${t('plans.gss.recreate')}`)
                : can('hotupdate'),
            paused ? cannot('hold', hold ? t('plans.hold.already') : t('plans.gss.alreadyPaused')) : can('hold', t('plans.gss.holds')),
            paused ? can('release', t('plans.gss.releases')) : cannot('release', t('plans.gss.notPaused')),
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
  return [
    t('plans.gss.noteState', { state: state || '-' }),
    ops && ops !== 'None' ? t('plans.gss.noteOps', { ops }) : '',
    prio && prio !== '0' ? t('plans.gss.notePrio', { prio }) : '',
  ]
    .filter(Boolean)
    .join(' ');
}

export function planGameServerSet(intent: Intent, input: PlanInput): PlanResult {
  const { cluster, obj } = input;
  const w = readGameServerSet(cluster, obj);
  const a = availability(w, intent.action);
  if (!a.possible) return refuse(intent.action, w, a.reason ?? '');
  const type = gameServerSet.type;
  const rv = w.resourceVersion;
  // The headline in the run's language; its English twin is the record (audit annotation, Event).
  let record: string | undefined;
  const head = (key: MessageKey) => {
    const h = headline(w, key);
    record = h.record;
    return h.summary;
  };
  const plan = (action: PlanParts['action'], patchType: PlanPatchType, body: unknown, summary: string[], warnings: string[]): PlanResult =>
    ok(
      compose(w, type, input, {
        action,
        steps: [write(cluster, type, w.namespace, w.name, patchType, body)],
        preconditions: seen(w),
        summary,
        record,
        warnings,
      }),
    );
  switch (intent.action) {
    case 'hotupdate': {
      const img = imageOps(obj, TEMPLATE, intent.container, intent.image, intent.partition !== undefined);
      if (typeof img === 'string') return refuse('plans.verb.hotUpdate', w, img);
      const ops: unknown[] = [...img.ops];
      const summary = img.ops.length
        ? [head('plans.head.setImage'), t('plans.image.change', { container: intent.container, from: img.old, to: intent.image })]
        : [head('plans.head.movePartition'), t('plans.image.keeps', { container: intent.container, image: img.old })];
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
      if (setPolicy) summary.push(t('plans.gss.inPlace'));
      if (partition !== undefined)
        summary.push(t('plans.gss.partition', { p: partition, n: w.rollout.replicas - partition, replicas: w.rollout.replicas }));
      if (w.rollout.paused) warnings.push(t('plans.gss.pausedWarning'));
      return plan('hotupdate', 'json', jsonBody(rv, ops), summary, warnings);
    }
    case 'approve':
      return plan(
        'approve',
        'merge',
        mergeBody(rv, { spec: { updateStrategy: { rollingUpdate: { partition: 0 } } } }),
        [
          head('plans.head.promote'),
          t('plans.setWas', { path: 'spec.updateStrategy.rollingUpdate.partition', value: 0, was: w.rollout.partition ?? 0 }),
        ],
        [],
      );
    case 'hold':
      return plan(
        'hold',
        'merge',
        mergeBody(rv, { spec: { updateStrategy: { rollingUpdate: { paused: true } } } }, { annotations: holdAnnotation(false, input) }),
        [head('plans.head.hold'), t('plans.set', { path: 'spec.updateStrategy.rollingUpdate.paused', value: 'true' })],
        [t('plans.gss.holdWarning')],
      );
    case 'release':
      return plan(
        'release',
        'merge',
        mergeBody(rv, { spec: { updateStrategy: { rollingUpdate: { paused: false } } } }, { annotations: releaseAnnotation() }),
        [head('plans.head.release'), t('plans.set', { path: 'spec.updateStrategy.rollingUpdate.paused', value: 'false' })],
        [],
      );
    default:
      return refuse(intent.action, w, t('plans.common.notSupported', { kind: 'GameServerSet' }));
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
      describe: t('plans.wait.gssAll'),
      reached: (i) => observed(i) && i.rollout.phase === 'complete',
      failed: (i) => (i.rollout.phase === 'failed' ? i.rollout.message : undefined),
    }),
    // No revisions on the status: done when the template's images are the ones asked for and every
    // game server the partition lets through is updated and ready, as observed by the controller.
    hotupdate: (plan) => {
      const images = plan.card.images ?? [];
      return {
        describe: t('plans.wait.gssPartition'),
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

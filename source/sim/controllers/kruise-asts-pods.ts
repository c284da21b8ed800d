// The part of the Kruise Advanced StatefulSet (ASTS) controller a GameServerSet needs, for one
// cluster's simulator: the pods `<asts>-<ordinal>` of an ASTS (podManagementPolicy Parallel), their
// rolling update with unorderedUpdate (priority order, partition, maxUnavailable) and in-place image
// updates. Kept apart from gameserverset.ts because it manages pods, not the set: the set controller
// builds the ASTS spec and calls these in its reconcile. Facts: source/kinds/README.md "GameServerSet".
import type { KubeObject } from '../../kube/object.js';
import { stableJson } from '../rand.js';
import { T, LABEL_REVISION_HASH, LABEL_STS_POD_NAME, trailingNumber } from './kinds.js';
import { ANN_INPLACE, GS_UP, LIFECYCLE } from './kruise-game-labels.js';
import type { ControllerRuntime } from './runtime.js';
import { isRunningAndReady, newPod, revisionTemplate, writeInPlaceReady } from './template.js';

type Rec = Record<string, any>;

/** The priority sorter's level: trailing digits of the label ("-5" sorts as 5); no label is -1. */
function priorityOf(pod: KubeObject): number {
  const v = pod.metadata.labels?.[GS_UP];
  if (v === undefined) return -1;
  const m = /(\d+)$/.exec(v);
  return m ? Number(m[1]) : 0;
}

/** An int-or-percent field (partition, maxUnavailable) as a count of `total` (a percentage rounds down). */
export function intOrPercent(v: unknown, total: number, fallback: number): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.endsWith('%')) return Math.floor((Number(v.slice(0, -1)) / 100) * total);
  return fallback;
}

/** Templates equal except for container images: what Kruise updates in place. */
function onlyImagesDiffer(a: any, b: any): boolean {
  const strip = (t: any) => ({
    ...t,
    spec: { ...t?.spec, containers: (t?.spec?.containers ?? []).map((c: Rec) => ({ ...c, image: '' })) },
  });
  return stableJson(strip(a)) === stableJson(strip(b));
}

/** The ASTS controller's pod work; the caller passes the ASTS's current pods. */
export class AstsPods {
  constructor(private rt: ControllerRuntime) {}

  /** Parallel scale: create missing ordinals, delete ordinals past the replicas. */
  scale(
    asts: KubeObject,
    pods: KubeObject[],
    replicas: number,
    partition: number,
    current: string,
    update: string,
    revs: Map<string, KubeObject>,
  ): void {
    const store = this.rt.store;
    const have = new Set(pods.map((p) => p.metadata.name));
    let notUpdated = pods.filter((p) => p.metadata.labels?.[LABEL_REVISION_HASH] !== update).length;
    const now = this.rt.clock.iso();
    for (let i = 0; i < replicas; i++) {
      const name = `${asts.metadata.name}-${i}`;
      if (have.has(name)) continue;
      // isCurrentRevisionNeeded: a new pod stays old while fewer than `partition` pods are.
      const onDelete = asts.spec?.updateStrategy?.type === 'OnDelete';
      const rev = !onDelete && notUpdated < partition && revs.has(current) ? current : update;
      if (rev !== update) notUpdated++;
      const pod = newPod(
        asts,
        revisionTemplate(revs.get(rev)),
        rev,
        name,
        { [LABEL_STS_POD_NAME]: name, [LIFECYCLE]: 'Normal' },
        now,
        this.rt.nodeFor?.(name),
      );
      pod.spec = { ...pod.spec, hostname: name, subdomain: asts.spec?.serviceName };
      store.create(T.pod, pod);
    }
    for (const p of pods) if (trailingNumber(p.metadata.name!) >= replicas) store.delete(T.pod, p.metadata.namespace, p.metadata.name!);
  }

  /** An in-place update is done when every container runs its spec image: ready again. */
  finishInPlace(pods: KubeObject[]): void {
    const store = this.rt.store;
    for (const p of pods) {
      if (p.metadata.labels?.[LIFECYCLE] !== 'Updating') continue;
      const statuses: Rec[] = p.status?.containerStatuses ?? [];
      const done = ((p.spec?.containers ?? []) as Rec[]).every((c) => statuses.some((s) => s.name === c.name && s.image === c.image));
      if (!done) continue;
      const now = this.rt.clock.iso();
      store.mutate(T.pod, p.metadata.namespace, p.metadata.name!, (o) => {
        o.metadata.labels = { ...o.metadata.labels, [LIFECYCLE]: 'Normal' };
        return o;
      });
      writeInPlaceReady(store, p, 'True', now);
    }
  }

  /** rollingUpdateStatefulsetPods with unorderedUpdate: priority order, partition count, maxUnavailable. */
  update(asts: KubeObject, pods: KubeObject[], replicas: number, partition: number, update: string, revs: Map<string, KubeObject>): void {
    const rolling: Rec = asts.spec?.updateStrategy?.rollingUpdate ?? {};
    const maxUnavailable = Math.max(1, intOrPercent(rolling.maxUnavailable, replicas, 1));
    const policy: string = rolling.podUpdatePolicy ?? 'ReCreate';
    const rev = (p: KubeObject) => p.metadata.labels?.[LABEL_REVISION_HASH];
    const updated = pods.filter((p) => rev(p) === update || p.metadata.deletionTimestamp);
    const rest = pods
      .filter((p) => !updated.includes(p))
      .sort((a, b) => priorityOf(b) - priorityOf(a) || trailingNumber(b.metadata.name!) - trailingNumber(a.metadata.name!));
    const chosen = [...updated, ...rest].slice(0, Math.max(0, replicas - partition));
    let unavailable = pods.filter((p) => !isRunningAndReady(p)).length;
    const store = this.rt.store;
    const now = this.rt.clock.iso();
    const target = revisionTemplate(revs.get(update));
    for (const p of chosen) {
      if (rev(p) === update || p.metadata.deletionTimestamp) continue;
      if (unavailable >= maxUnavailable) break;
      unavailable++;
      const from = revisionTemplate(revs.get(rev(p) ?? ''));
      if (policy === 'ReCreate' || !from || !onlyImagesDiffer(from, target)) {
        store.delete(T.pod, p.metadata.namespace, p.metadata.name!);
        continue;
      }
      const images = new Map<string, string>(((target?.spec?.containers ?? []) as Rec[]).map((c) => [c.name, c.image]));
      store.mutate(T.pod, p.metadata.namespace, p.metadata.name!, (o) => {
        o.metadata.labels = { ...o.metadata.labels, [LABEL_REVISION_HASH]: update, [LIFECYCLE]: 'Updating' };
        o.metadata.annotations = { ...o.metadata.annotations, [ANN_INPLACE]: JSON.stringify({ revision: update, updateTimestamp: now }) };
        o.spec = { ...o.spec, containers: (o.spec?.containers ?? []).map((c: Rec) => ({ ...c, image: images.get(c.name) ?? c.image })) };
        return o;
      });
      writeInPlaceReady(store, p, 'False', now, 'StartInPlaceUpdate');
    }
  }
}

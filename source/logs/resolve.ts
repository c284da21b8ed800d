// Target -> pod sources on one cluster. A source is one pod list+watch (namespace, label selector,
// field selector) plus an optional owner check; a pod followed by several sources counts once.
import { POD_OWNER_SPECS, workloadSpec } from '../kinds/registry.js';
import type { ResourceType } from '../kube/object.js';
import type { ClusterClient } from '../kube/client-api.js';
import { isKubeError } from '../kube/errors.js';
import type { KubeObject } from '../kube/object.js';
import { andSelectors, describeTarget, labelSelectorString } from './target.js';
import type { LogTarget, WorkloadTargetKind } from './types.js';
import { t } from '../i18n/t.js';

/** "deployment/x not found in namespace y": a notice line of the follower, in the run's language. */
function notFound(target: string, ns: string | undefined): string {
  return ns ? t('commands.logs.notFoundNs', { target, namespace: ns }) : t('commands.logs.notFoundHere', { target });
}

export interface PodSource {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  /** Pods must belong to this workload when they name a controller. */
  owner?: { kind: WorkloadTargetKind; name: string };
  /** For messages, e.g. "gamedeployment/game-1 in ns game". */
  label: string;
}

export interface Resolution {
  sources: PodSource[];
  /** Why nothing was found here (for a notice), when sources is empty. */
  missing?: string;
}

export async function resolveTarget(
  client: ClusterClient,
  target: LogTarget,
  opts: { namespace?: string; selector?: string; zoneLabel: string },
): Promise<Resolution> {
  const ns = opts.namespace;
  switch (target.type) {
    case 'pod':
      return {
        sources: [
          { namespace: ns, fieldSelector: `metadata.name=${target.name}`, labelSelector: opts.selector, label: `pod/${target.name}` },
        ],
      };
    case 'selector':
      return { sources: [{ namespace: ns, labelSelector: andSelectors(target.selector, opts.selector), label: `-l ${target.selector}` }] };
    case 'workload': {
      const found = await findWorkloads(client, target.kind, ns, target.name);
      if (found.length === 0) return { sources: [], missing: notFound(describeTarget(target), ns) };
      return { sources: found.map((w) => workloadSource(w, target.kind, opts.selector)) };
    }
    case 'zone': {
      const zoneSel = `${opts.zoneLabel}=${target.id}`;
      // Pods that carry the zone label themselves, and pods of workloads labelled with the zone.
      const sources: PodSource[] = [{ namespace: ns, labelSelector: andSelectors(zoneSel, opts.selector), label: `zone/${target.id}` }];
      for (const { kind, type } of POD_OWNER_SPECS) {
        let items: KubeObject[] = [];
        try {
          items = (await client.listAll(type, { namespace: ns, labelSelector: zoneSel })).items;
        } catch (e) {
          if (isKubeError(e, 'NotFound')) continue; // kind not installed on this cluster
          throw e;
        }
        for (const w of items) sources.push(workloadSource(w, kind, opts.selector));
      }
      return { sources };
    }
  }
}

function typeOf(kind: WorkloadTargetKind): ResourceType {
  const s = workloadSpec(kind);
  // A programming error (callers only pass kinds that own pods): a bug report, left in English.
  // eslint-disable-next-line i18next/no-literal-string -- a bug's invariant
  if (!s?.pods) throw new Error(`logs: ${kind} is not a workload kind that owns pods`);
  return s.type;
}

async function findWorkloads(client: ClusterClient, kind: WorkloadTargetKind, ns: string | undefined, name: string): Promise<KubeObject[]> {
  const type = typeOf(kind);
  try {
    if (ns) return [await client.get(type, ns, name)];
    return (await client.listAll(type, { fieldSelector: `metadata.name=${name}` })).items;
  } catch (e) {
    if (isKubeError(e, 'NotFound')) return [];
    throw e;
  }
}

function workloadSource(w: KubeObject, kind: WorkloadTargetKind, extra: string | undefined): PodSource {
  const name = w.metadata.name ?? '';
  const sel = labelSelectorString(w.spec?.selector) || workloadSpec(kind)?.pods?.selector?.(w);
  return {
    namespace: w.metadata.namespace,
    // A workload without a selector lists every pod of its namespace; the owner check then decides.
    labelSelector: andSelectors(sel || undefined, extra),
    owner: { kind, name },
    label: `${kind.toLowerCase()}/${name}`,
  };
}

/**
 * Does a pod belong to the workload? A pod without a controller reference is accepted when the
 * workload's selector matched it (`selected`), never otherwise.
 */
export function ownedBy(pod: KubeObject, owner: { kind: WorkloadTargetKind; name: string }, selected: boolean): boolean {
  const ctrl = pod.metadata.ownerReferences?.find((r) => r.controller);
  if (!ctrl) return selected;
  // The kind's own rule (a Deployment's pods belong to its ReplicaSets), else same kind and name.
  const spec = workloadSpec(owner.kind);
  if (spec?.pods?.ownedBy) return spec.pods.ownedBy(ctrl, owner.name);
  return ctrl.kind === (spec?.type.kind ?? owner.kind) && ctrl.name === owner.name;
}

// Acting where the truth lives: a GameZone decides the image of the workloads it generates, so a hot
// update or a reject of that image is written to the GameZone's serviceConfig entry (its controller
// then rolls it to the workload) instead of to the workload, where the next GameZone reconcile would
// put the old image back. Where that is not possible, the plan says the change will be reverted, and
// when, and needs explicit confirmation (--force with --yes). Pure.
import { t } from '../../i18n/t.js';
import type { KubeObject } from '../../kube/object.js';
import type { WorkloadInfo } from '../../model/types.js';
import { ownerLabel } from '../shared/owner.js';
import { isRecord } from '../shared/read-util.js';
import { jsonBody, type PlanInput, typeFromRef } from './common.js';
import { write } from './compose.js';
import type { PlanStep } from './types.js';

export interface OwnerWrite {
  step: PlanStep;
  /** The summary line: what is written where. */
  line: string;
}

/** The first container of the workload's pod template: the one a GameZone sets the image of. */
export function ownerManagedContainer(obj: KubeObject): string | undefined {
  const cs: unknown = obj.spec?.template?.spec?.containers;
  const c0: unknown = Array.isArray(cs) ? cs[0] : undefined;
  return isRecord(c0) && typeof c0.name === 'string' ? c0.name : undefined;
}

/** The GameZone serviceConfig entry of the service behind `w` and the image it asks for; a string says why none. */
export function gameZoneEntry(
  w: WorkloadInfo,
  input: PlanInput,
): { index: number; entry: Record<string, unknown>; type: string; desired: unknown } | string {
  const owner = w.owner!;
  const gz = input.ownerObj;
  const label = ownerLabel(owner);
  if (!gz || !owner.apiVersion) return t('plans.owner.unread', { owner: label });
  const service = w.service ?? w.name;
  const m = /^(.+)-(\d+)$/.exec(service);
  if (!m) return t('plans.owner.serviceName', { service, pattern: '<type>-<id>', owner: label });
  const [, type, idText] = m;
  const id = Number(idText);
  const entries: unknown = gz.spec?.gameZone?.serviceConfig;
  const list = Array.isArray(entries) ? entries : [];
  const index = list.findIndex((e) => isRecord(e) && e.type === type && Number(e.id ?? 1) <= id && id <= Number(e.endId ?? e.id ?? 1));
  if (index < 0) return t('plans.owner.noEntry', { owner: label, service });
  const e = list[index] as Record<string, unknown>;
  if (e.endId !== undefined && Number(e.endId) !== Number(e.id ?? 1))
    return t('plans.owner.range', {
      service,
      range: `${type}-${String(e.id ?? 1)}..${String(e.endId)}`,
      owner: label,
      n: Number(e.endId) - Number(e.id ?? 1) + 1,
    });
  return { index, entry: e, type, desired: typeof e.image === 'string' ? e.image : gz.spec?.gameZone?.defaultImage };
}

/**
 * The write of `image` to the GameZone entry of the service behind `w`; undefined when the GameZone
 * already asks for that image; a string saying why it cannot be written there.
 */
export function gameZoneImageWrite(w: WorkloadInfo, input: PlanInput, image: string): OwnerWrite | string | undefined {
  const owner = w.owner!;
  const gz = input.ownerObj!;
  const found = gameZoneEntry(w, input);
  if (typeof found === 'string') return found;
  const { index, entry: e, type, desired } = found;
  if (desired === image) return undefined;
  const path = `/spec/gameZone/serviceConfig/${index}`;
  const ops: unknown[] = [
    { op: 'test', path: `${path}/type`, value: type },
    ...(typeof e.image === 'string' ? [{ op: 'test', path: `${path}/image`, value: e.image }] : []),
    { op: 'add', path: `${path}/image`, value: image },
  ];
  const gzType = typeFromRef(owner.apiVersion!, 'GameZone');
  return {
    step: write(
      w.cluster,
      gzType,
      gz.metadata.namespace ?? w.namespace,
      gz.metadata.name ?? owner.name,
      'json',
      jsonBody(gz.metadata.resourceVersion ?? '', ops),
    ),
    line: t('plans.owner.writeGameZone', { owner: ownerLabel(owner), index, service: w.service ?? w.name }),
  };
}

/**
 * A kubefed member's image: the host's Federated<Kind> propagates its template plus this cluster's
 * overrides, so the image goes into the override for this cluster (only this cluster changes, as a
 * hot update on one cluster asked). The member cluster's name in kubefed is taken to be its context
 * name. A string says why it cannot be written there.
 */
export function federatedImageWrite(w: WorkloadInfo, input: PlanInput, container: string, image: string): OwnerWrite | string {
  const fed = input.ownerObj;
  const host = input.ownerCluster;
  if (!fed || !host || !fed.apiVersion || !fed.kind?.startsWith('Federated'))
    return t('plans.owner.kubefedUnread', { kind: `Federated${w.kind}` });
  const cs: unknown = fed.spec?.template?.spec?.template?.spec?.containers;
  const i = Array.isArray(cs) ? cs.findIndex((c) => isRecord(c) && c.name === container) : -1;
  if (i < 0)
    return t('plans.owner.kubefedNoContainer', {
      object: `${fed.kind} ${fed.metadata.namespace}/${fed.metadata.name}`,
      container,
    });
  const path = `/spec/template/spec/containers/${i}/image`;
  const overrides: unknown = fed.spec?.overrides;
  const list = Array.isArray(overrides) ? overrides : [];
  const j = list.findIndex((o) => isRecord(o) && o.clusterName === w.cluster);
  const entry = { path, value: image };
  let ops: unknown[];
  if (j < 0)
    ops = list.length
      ? [{ op: 'add', path: '/spec/overrides/-', value: { clusterName: w.cluster, clusterOverrides: [entry] } }]
      : [{ op: 'add', path: '/spec/overrides', value: [{ clusterName: w.cluster, clusterOverrides: [entry] }] }];
  else {
    const o = list[j] as Record<string, unknown>;
    const cos = Array.isArray(o.clusterOverrides) ? o.clusterOverrides : undefined;
    const k = cos ? cos.findIndex((c) => isRecord(c) && c.path === path) : -1;
    const at = `/spec/overrides/${j}`;
    ops = [{ op: 'test', path: `${at}/clusterName`, value: w.cluster }];
    if (k >= 0)
      ops.push(
        { op: 'test', path: `${at}/clusterOverrides/${k}/path`, value: path },
        { op: 'replace', path: `${at}/clusterOverrides/${k}/value`, value: image },
      );
    else if (cos) ops.push({ op: 'add', path: `${at}/clusterOverrides/-`, value: entry });
    else ops.push({ op: 'add', path: `${at}/clusterOverrides`, value: [entry] });
  }
  const fedType = typeFromRef(fed.apiVersion, fed.kind);
  return {
    step: write(
      host,
      fedType,
      fed.metadata.namespace ?? w.namespace,
      fed.metadata.name ?? w.name,
      'json',
      jsonBody(fed.metadata.resourceVersion ?? '', ops),
    ),
    line: t('plans.owner.writeKubefed', {
      object: `${fed.kind} ${fed.metadata.namespace ?? ''}/${fed.metadata.name ?? ''}`,
      host,
      cluster: w.cluster,
    }),
  };
}

/**
 * The image the host's Federated<Kind> propagates to this member for `container`: this cluster's
 * override of the container's image path (the one federatedImageWrite writes), else the template's.
 * Undefined when the object was not read or has no such container.
 */
export function federatedImage(w: WorkloadInfo, input: PlanInput, container: string): string | undefined {
  const fed = input.ownerObj;
  if (!fed || !input.ownerCluster || !fed.kind?.startsWith('Federated')) return undefined;
  const cs: unknown = fed.spec?.template?.spec?.template?.spec?.containers;
  const i = Array.isArray(cs) ? cs.findIndex((c) => isRecord(c) && c.name === container) : -1;
  if (i < 0) return undefined;
  const path = `/spec/template/spec/containers/${i}/image`;
  const overrides: unknown = fed.spec?.overrides;
  const mine: unknown = Array.isArray(overrides) ? overrides.find((o) => isRecord(o) && o.clusterName === w.cluster) : undefined;
  const cos: unknown = isRecord(mine) ? mine.clusterOverrides : undefined;
  const o: unknown = Array.isArray(cos) ? cos.find((c) => isRecord(c) && c.path === path) : undefined;
  if (isRecord(o) && typeof o.value === 'string') return o.value;
  const c: unknown = (cs as unknown[])[i];
  return isRecord(c) && typeof c.image === 'string' ? c.image : undefined;
}

// "The selected object's story" (issue 12), read from the API: the object (a pod, a workload, a zone),
// the workloads, pods and HookRuns that belong to it, and their Events merged newest first. The
// console's story port and `zonectl describe` / `zonectl events` share it.
//
// Events are listed per namespace (one request), not per object: a field selector matches one
// involvedObject by equality, so a workload with 50 pods and its HookRuns would take 50+ requests,
// while zone namespaces are small and Events expire after an hour. A pod alone uses the server-side
// field selector (involvedObject.kind=Pod,name=...). The store watches no Events (nothing in the fleet
// view needs them): the console's Events panel list-watches the one namespace while it is open.
import { t as tr } from '../i18n/t.js';
import { gameZoneType, KINDS, POD_OWNER_SPECS, workloadSpec } from '../kinds/registry.js';
import { readObject } from '../kinds/read.js';
import { hookRun as hookRunSpec } from '../kinds/hookrun.js';
import type { GameZoneTypeOptions } from '../kinds/registry.js';
import type { ClusterClient } from '../kube/client-api.js';
import { InformerPool } from '../kube/informer-pool.js';
import { isKubeError } from '../kube/errors.js';
import type { KubeObject, ResourceType } from '../kube/object.js';
import { ownedBy, resolveTarget } from '../logs/resolve.js';
import { describeTarget } from '../logs/target.js';
import type { LogTarget } from '../model/logs.js';
import { type EventRow, storyEvents, type StoryObjects } from '../model/story/events.js';
import { InputError } from '../errors.js';

export interface StoryRequest {
  cluster: string;
  /** Undefined: every namespace (a zone id or a name found wherever it is). */
  namespace?: string;
  target: LogTarget;
}

export interface Story {
  cluster: string;
  /** "gamestatefulset/game-1", "zone/101", "pod/game-1-0". */
  title: string;
  /** The object described and shown as YAML (a zone without a GameZone has none). */
  primary?: KubeObject;
  workloads: KubeObject[];
  pods: KubeObject[];
  hookRuns: KubeObject[];
  /** Namespaces whose Events belong to the story. */
  namespaces: string[];
  /** Whose Events count (uids, and Kind/name for a pod's field selector). */
  objects: StoryObjects;
}

export interface StoryOptions {
  zoneLabel: string;
  gameZone?: GameZoneTypeOptions;
}

export class StoryNotFound extends InputError {}

const tolerant = async (p: Promise<{ items: KubeObject[] }>): Promise<KubeObject[]> => {
  try {
    return (await p).items;
  } catch (e) {
    if (isKubeError(e, 'NotFound')) return []; // the kind is not installed on this cluster
    throw e;
  }
};

async function podsOf(client: ClusterClient, req: StoryRequest, opts: StoryOptions): Promise<KubeObject[]> {
  const res = await resolveTarget(client, req.target, { namespace: req.namespace, zoneLabel: opts.zoneLabel });
  const seen = new Map<string, KubeObject>();
  for (const s of res.sources) {
    const items = await tolerant(
      client.listAll(KINDS.Pod, { namespace: s.namespace, labelSelector: s.labelSelector, fieldSelector: s.fieldSelector }),
    );
    for (const p of items) if (!s.owner || ownedBy(p, s.owner, true)) seen.set(p.metadata.uid ?? p.metadata.name ?? '', p);
  }
  return [...seen.values()].sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
}

async function findOne(client: ClusterClient, type: ResourceType, ns: string | undefined, name: string): Promise<KubeObject | undefined> {
  try {
    if (ns) return await client.get(type, ns, name);
    return (await client.listAll(type, { fieldSelector: `metadata.name=${name}` })).items[0];
  } catch (e) {
    if (isKubeError(e, 'NotFound')) return undefined;
    throw e;
  }
}

/** Reads the story of one target on one cluster. A target that is not there is a StoryNotFound (exit 2). */
export async function loadStory(client: ClusterClient, req: StoryRequest, opts: StoryOptions): Promise<Story> {
  const t = req.target;
  const where = req.namespace ? tr('views.story.inNamespace', { namespace: req.namespace }) : '';
  const title = describeTarget(t);
  let primary: KubeObject | undefined;
  let workloads: KubeObject[] = [];
  if (t.type === 'pod') {
    primary = await findOne(client, KINDS.Pod, req.namespace, t.name);
    if (!primary) throw new StoryNotFound(tr('views.story.notFound', { cluster: client.context, title, where }));
  } else if (t.type === 'workload') {
    const spec = workloadSpec(t.kind);
    primary = spec ? await findOne(client, spec.type, req.namespace, t.name) : undefined;
    if (!primary) throw new StoryNotFound(tr('views.story.notFound', { cluster: client.context, title, where }));
    workloads = [primary];
  } else if (t.type === 'zone') {
    const sel = `${opts.zoneLabel}=${t.id}`;
    const gzs = await tolerant(client.listAll(gameZoneType(opts.gameZone), { namespace: req.namespace }));
    primary = gzs.find((g) => {
      const r = readObject(client.context, g, undefined, opts.gameZone);
      return r?.type === 'zone' && r.row.zoneId === t.id;
    });
    for (const s of WORKLOAD_TYPES)
      workloads.push(...(await tolerant(client.listAll(s, { namespace: req.namespace, labelSelector: sel }))));
    if (primary?.metadata.uid) {
      const uid = primary.metadata.uid;
      const all = await Promise.all(WORKLOAD_TYPES.map((s) => tolerant(client.listAll(s, { namespace: primary!.metadata.namespace }))));
      for (const w of all.flat())
        if (w.metadata.ownerReferences?.some((r) => r.uid === uid) && !workloads.some((x) => x.metadata.uid === w.metadata.uid))
          workloads.push(w);
    }
    if (!primary && !workloads.length) throw new StoryNotFound(tr('views.story.notFound', { cluster: client.context, title, where }));
  } else throw new StoryNotFound(tr('views.story.badTarget', { title }));
  const namespace = req.namespace ?? primary?.metadata.namespace ?? workloads[0]?.metadata.namespace;
  const pods = await podsOf(client, { ...req, namespace }, opts);
  const namespaces = [...new Set([primary, ...workloads, ...pods].map((o) => o?.metadata.namespace).filter((n): n is string => !!n))];
  // HookRuns of the story's workloads (step runs and pod hook runs), by owner uid.
  const wuids = new Set(workloads.map((w) => w.metadata.uid).filter(Boolean));
  const hookRuns: KubeObject[] = [];
  if (wuids.size)
    for (const ns of namespaces)
      for (const h of await tolerant(client.listAll(hookRunSpec.type, { namespace: ns })))
        if (h.metadata.ownerReferences?.some((r) => wuids.has(r.uid))) hookRuns.push(h);
  const all = [primary, ...workloads, ...pods, ...hookRuns].filter((o): o is KubeObject => !!o);
  const objects: StoryObjects = {
    uids: new Set(all.map((o) => o.metadata.uid).filter((u): u is string => !!u)),
    names: new Set(all.map((o) => `${o.kind ?? ''}/${o.metadata.name ?? ''}`)),
    podPrefixes: workloads.map((w) => `${w.metadata.name ?? ''}-`),
  };
  return { cluster: client.context, title, primary, workloads, pods, hookRuns, namespaces, objects };
}

/** The kinds whose objects own pods: a zone's workloads (its services). */
const WORKLOAD_TYPES: ResourceType[] = POD_OWNER_SPECS.map((s) => s.type);

/** The field selector that narrows a namespace's Events to a pod story's one pod. */
function fieldSelectorFor(story: Story): string | undefined {
  const p = story.primary;
  return p?.kind === 'Pod' && story.workloads.length === 0
    ? `involvedObject.kind=Pod,involvedObject.name=${p.metadata.name ?? ''}`
    : undefined;
}

/** The story's Events now: one list per namespace, newest first. */
export async function storyEventRows(client: ClusterClient, story: Story): Promise<EventRow[]> {
  const fieldSelector = fieldSelectorFor(story);
  const lists = await Promise.all(story.namespaces.map((ns) => tolerant(client.listAll(KINDS.Event, { namespace: ns, fieldSelector }))));
  return storyEvents(story.cluster, lists.flat(), story.objects);
}

/**
 * Follows the story's Events: one subscription per namespace to the shared informers (`informers`, the
 * fleet's; absent, a pool of its own), until `signal` aborts. A watch of the namespace's Events that is
 * already running (another story panel, a store that watches Events) serves it; relists after 410 Gone and
 * reconnects are the informer's. `onRows` gets every change.
 */
export async function watchStoryEvents(
  client: ClusterClient,
  story: Story,
  onRows: (rows: EventRow[]) => void,
  signal: AbortSignal,
  informers: InformerPool = new InformerPool(),
): Promise<void> {
  if (signal.aborted) return;
  const fieldSelector = fieldSelectorFor(story);
  const byNs = new Map<string, Map<string, KubeObject>>();
  const emit = () =>
    onRows(
      storyEvents(
        story.cluster,
        [...byNs.values()].flatMap((m) => [...m.values()]),
        story.objects,
      ),
    );
  const key = (e: KubeObject) => e.metadata.uid ?? e.metadata.name ?? '';
  const leaves = story.namespaces.map((ns) =>
    informers.subscribe(
      client,
      KINDS.Event,
      { namespace: ns, fieldSelector },
      {
        onReplace: (items) => {
          byNs.set(ns, new Map(items.map((e) => [key(e), e])));
          emit();
        },
        onEvent: (type, e) => {
          const m = byNs.get(ns) ?? new Map<string, KubeObject>();
          byNs.set(ns, m);
          if (type === 'DELETED') m.delete(key(e));
          else m.set(key(e), e);
          emit();
        },
      },
    ),
  );
  await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
  await Promise.all(leaves.map((leave) => leave()));
}

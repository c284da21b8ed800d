// Events of "the selected object's story" (issue 12): the Events of a workload, its pods and its
// HookRuns (a zone: of all its workloads) merged into one list, newest first, like the Events block of
// `kubectl describe` but across several objects. Pure: the caller lists the Events and says which
// objects belong to the story.
import { maskText } from '../mask.js';
import { byText } from '../order.js';

/** One Event as zonectl shows it. `count` folds a series (events.k8s.io's series.count). */
export interface EventRow {
  cluster: string;
  namespace: string;
  /** Normal | Warning */
  type: string;
  reason: string;
  /** "Pod/game-1-0": the involved object. */
  object: string;
  message: string;
  count: number;
  /** ISO time of the last occurrence (lastTimestamp, eventTime, series, creation: the first present). */
  last: string;
  first?: string;
  /** The component that reported it (kubelet, gamedeployment-controller, zonectl...). */
  source?: string;
}

/** The objects whose Events belong to the story: by uid where known, else by kind and name. */
export interface StoryObjects {
  uids: ReadonlySet<string>;
  /** "Kind/name" of objects whose uid is unknown (or Events recorded without one). */
  names: ReadonlySet<string>;
  /**
   * Pod name prefixes of the story's workloads ("game-1-"): Events of their pods that are gone since
   * (deleted, replaced by a rolling update) still belong to the story, as in `kubectl describe`'s view
   * of a rollout's history.
   */
  podPrefixes?: readonly string[];
}

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Rec) : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** An Event (core/v1 or events.k8s.io/v1 shape) as a row; undefined when it names no object. */
export function eventRow(cluster: string, ev: unknown): EventRow | undefined {
  const e = rec(ev);
  const md = rec(e.metadata);
  const inv = rec(e.involvedObject ?? e.regarding);
  const kind = str(inv.kind);
  const name = str(inv.name);
  if (!kind || !name) return undefined;
  const series = rec(e.series);
  const last =
    str(e.lastTimestamp) ?? str(series.lastObservedTime) ?? str(e.eventTime) ?? str(e.firstTimestamp) ?? str(md.creationTimestamp) ?? '';
  const count = typeof e.count === 'number' ? e.count : typeof series.count === 'number' ? series.count : 1;
  const row: EventRow = {
    cluster,
    namespace: str(md.namespace) ?? str(inv.namespace) ?? '',
    type: str(e.type) ?? 'Normal',
    reason: str(e.reason) ?? '',
    object: `${kind}/${name}`,
    // Messages quote hook output and container errors: masked like every line zonectl writes.
    message: maskText((str(e.message) ?? str(e.note) ?? '').replace(/\s*\n\s*/g, ' ')),
    count,
    last,
  };
  const first = str(e.firstTimestamp) ?? str(e.eventTime);
  if (first) row.first = first;
  const source = str(rec(e.source).component) ?? str(e.reportingController) ?? str(e.reportingComponent);
  if (source) row.source = source;
  return row;
}

/** Does the Event involve one of the story's objects? */
export function involves(ev: unknown, objs: StoryObjects): boolean {
  const inv = rec(rec(ev).involvedObject ?? rec(ev).regarding);
  const uid = str(inv.uid);
  if (uid && objs.uids.has(uid)) return true;
  const kind = str(inv.kind) ?? '';
  const name = str(inv.name) ?? '';
  if (objs.names.has(`${kind}/${name}`)) return true;
  return kind === 'Pod' && !!objs.podPrefixes?.some((p) => name.startsWith(p));
}

/** The story's Events, newest first (ties: the object, then the reason, so the order is stable). */
export function storyEvents(cluster: string, events: readonly unknown[], objs?: StoryObjects): EventRow[] {
  const rows: EventRow[] = [];
  for (const ev of events) {
    if (objs && !involves(ev, objs)) continue;
    const r = eventRow(cluster, ev);
    if (r) rows.push(r);
  }
  return rows.sort((a, b) => byText(b.last, a.last) || byText(a.object, b.object) || byText(a.reason, b.reason));
}

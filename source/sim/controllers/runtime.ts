// A tiny controller runtime: store events feed a de-duplicating work queue; delayed requeues use the
// virtual clock (one timer per object that asked, never per pod). In tests the queue is drained
// synchronously with settle(); in the demo it drains itself on setImmediate after each enqueue.
import type { KubeObject, ResourceType } from '../../kube/object.js';
import type { SimStore, StoreEvent } from '../store-api.js';
import type { VirtualClock } from '../clock.js';
import type { Rand } from '../rand.js';
import { controllerOf } from './kinds.js';

export type Reconcile = (key: string) => number | void;

export interface ControllerHandle {
  enqueue(key: string): void;
  enqueueAfter(key: string, ms: number): void;
}

/**
 * ownerUid -> names of objects of one type whose controller is that owner (same namespace as the
 * owner). Names are the objects' own strings, so the index costs one Set entry per object.
 */
export class OwnerIndex {
  private byOwner = new Map<string, { ns: string | undefined; names: Set<string> }>();
  constructor(
    private store: SimStore,
    readonly type: ResourceType,
  ) {
    for (const o of store.list(type).items) this.add(o);
  }
  handle(e: StoreEvent): void {
    if (e.type === 'DELETED') this.remove(e.object);
    else this.add(e.object);
  }
  private add(o: KubeObject): void {
    const owner = controllerOf(o)?.uid;
    if (owner === undefined) return;
    let s = this.byOwner.get(owner);
    if (!s) this.byOwner.set(owner, (s = { ns: o.metadata.namespace, names: new Set() }));
    s.names.add(o.metadata.name!);
  }
  private remove(o: KubeObject): void {
    const owner = controllerOf(o)?.uid;
    if (owner === undefined) return;
    const s = this.byOwner.get(owner);
    s?.names.delete(o.metadata.name!);
    if (s && s.names.size === 0) this.byOwner.delete(owner);
  }
  /** Live objects owned by ownerUid (read from the store; stale entries are skipped). */
  owned(ownerUid: string | undefined): KubeObject[] {
    if (!ownerUid) return [];
    const s = this.byOwner.get(ownerUid);
    if (!s) return [];
    const out: KubeObject[] = [];
    for (const name of s.names) {
      const o = this.store.get(this.type, s.ns, name);
      if (o && controllerOf(o)?.uid === ownerUid) out.push(o);
      else if (!o) s.names.delete(name);
    }
    return out;
  }
  count(ownerUid: string): number {
    return this.byOwner.get(ownerUid)?.names.size ?? 0;
  }
}

interface Entry {
  ctrl: string;
  key: string;
}

export interface RuntimeError {
  controller: string;
  key: string;
  message: string;
}

export class ControllerRuntime {
  private reconcilers = new Map<string, Reconcile>();
  private queue = new Map<string, Entry>();
  private delayed = new Map<string, number>();
  private unsubs: Array<() => void> = [];
  private indexes = new Map<string, OwnerIndex>();
  private auto = false;
  private scheduled = false;
  private stopped = false;
  /** Last reconcile errors (bounded), for tests and debugging. */
  readonly errors: RuntimeError[] = [];
  reconciles = 0;
  /** Scheduler hook set by the kubelet: node for a new pod. */
  nodeFor?: (podName: string) => string;

  constructor(
    readonly store: SimStore,
    readonly clock: VirtualClock,
    readonly rand: Rand,
  ) {}

  get cluster(): string {
    return this.store.cluster;
  }

  addController(name: string, reconcile: Reconcile): ControllerHandle {
    this.reconcilers.set(name, reconcile);
    return {
      enqueue: (key) => this.enqueue(name, key),
      enqueueAfter: (key, ms) => this.enqueueAfter(name, key, ms),
    };
  }

  watch(type: ResourceType, fn: (e: StoreEvent) => void): void {
    this.unsubs.push(this.store.subscribe(type, fn));
  }

  /** A shared owner index for a type (kept current from store events). */
  index(type: ResourceType): OwnerIndex {
    const k = `${type.group}/${type.resource}`;
    let ix = this.indexes.get(k);
    if (!ix) {
      const created = new OwnerIndex(this.store, type);
      ix = created;
      this.indexes.set(k, created);
      this.unsubs.push(this.store.subscribe(type, (e) => created.handle(e)));
    }
    return ix;
  }

  enqueue(ctrl: string, key: string): void {
    if (this.stopped) return;
    const q = `${ctrl}\0${key}`;
    if (!this.queue.has(q)) this.queue.set(q, { ctrl, key });
    this.schedule();
  }

  enqueueAfter(ctrl: string, key: string, ms: number): void {
    if (this.stopped) return;
    if (ms <= 0) return this.enqueue(ctrl, key);
    const q = `${ctrl}\0${key}`;
    const at = this.clock.now() + ms;
    const existing = this.delayed.get(q);
    if (existing !== undefined && existing <= at && existing > this.clock.now()) return;
    this.delayed.set(q, at);
    this.clock.after(ms, () => {
      if (this.delayed.get(q) === at) this.delayed.delete(q);
      this.enqueue(ctrl, key);
    });
  }

  /** Process up to `limit` queued items; returns how many ran. */
  drain(limit = Number.POSITIVE_INFINITY): number {
    let n = 0;
    while (n < limit && this.queue.size) {
      const [q, entry] = this.queue.entries().next().value as [string, Entry];
      this.queue.delete(q);
      const fn = this.reconcilers.get(entry.ctrl);
      if (!fn) continue;
      n++;
      this.reconciles++;
      try {
        const again = fn(entry.key);
        if (typeof again === 'number' && again >= 0) this.enqueueAfter(entry.ctrl, entry.key, again);
      } catch (err) {
        this.errors.push({ controller: entry.ctrl, key: entry.key, message: (err as Error).message });
        if (this.errors.length > 50) this.errors.shift();
        if (process.env.ZONECTL_SIM_DEBUG) console.error(`[sim ${this.cluster}] ${entry.ctrl} ${entry.key}:`, err);
        this.enqueueAfter(entry.ctrl, entry.key, 2000);
      }
    }
    return n;
  }

  /** Drain until the queue is empty (tests, world build). */
  settle(maxSteps = 50_000_000): number {
    const n = this.drain(maxSteps);
    if (this.queue.size) throw new Error(`sim ${this.cluster}: controllers did not settle after ${maxSteps} reconciles`);
    return n;
  }

  idle(): boolean {
    return this.queue.size === 0;
  }

  /** Drain automatically (in batches, yielding to I/O) whenever work is queued. */
  startAuto(): void {
    this.auto = true;
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    this.auto = false;
    for (const u of this.unsubs) u();
    this.unsubs = [];
    this.queue.clear();
  }

  private schedule(): void {
    if (!this.auto || this.scheduled || this.stopped) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (this.stopped) return;
      this.drain(500);
      if (this.queue.size) this.schedule();
    });
  }
}

export function keyOf(o: KubeObject): string {
  return `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
}
export function splitKey(key: string): [string | undefined, string] {
  const i = key.indexOf('/');
  return [key.slice(0, i) || undefined, key.slice(i + 1)];
}

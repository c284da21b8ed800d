// A tiny controller runtime: store events feed a de-duplicating work queue; delayed requeues use the
// virtual clock (one timer per object that asked, never per pod). In tests the queue is drained
// synchronously with settle(); in the demo it drains itself on setImmediate after each enqueue.
import { apiVersionOf, type KubeObject, type ResourceType } from '../../kube/object.js';
import type { SimStore, StoreEvent } from '../store-api.js';
import type { VirtualClock } from '../clock.js';
import type { Rand } from '../rand.js';
import { typeKey } from '../registry.js';
import { controllerOf } from './kinds.js';

export type Reconcile = (key: string) => number | void;

export interface ControllerHandle {
  enqueue(key: string): void;
  enqueueAfter(key: string, ms: number): void;
}

/**
 * Objects of one type controlled by an owner (same namespace as the owner). With a store that keeps a
 * garbage-collector index (MemoryStore.forEachDependent) that index is used, so no second per-object entry is
 * kept; otherwise ownerUid -> names of owned objects (the objects' own strings), kept from store events.
 */
export class OwnerIndex {
  private byOwner = new Map<string, { ns: string | undefined; names: Set<string> }>();
  private readonly apiVersion: string;
  readonly shared: boolean;
  constructor(
    private store: SimStore,
    readonly type: ResourceType,
  ) {
    this.apiVersion = apiVersionOf(type);
    this.shared = typeof store.forEachDependent === 'function';
    if (!this.shared) for (const o of store.list(type).items) this.add(o);
  }
  handle(e: StoreEvent): void {
    if (this.shared) return;
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
    const out: KubeObject[] = [];
    if (this.shared) {
      const { kind } = this.type;
      const apiVersion = this.apiVersion;
      this.store.forEachDependent!(ownerUid, (o) => {
        if (o.kind === kind && o.apiVersion === apiVersion && isController(o, ownerUid)) out.push(o);
      });
      return out;
    }
    const s = this.byOwner.get(ownerUid);
    if (!s) return out;
    for (const name of s.names) {
      const o = this.store.get(this.type, s.ns, name);
      if (o && controllerOf(o)?.uid === ownerUid) out.push(o);
      else if (!o) s.names.delete(name);
    }
    return out;
  }
  count(ownerUid: string): number {
    return this.shared ? this.owned(ownerUid).length : (this.byOwner.get(ownerUid)?.names.size ?? 0);
  }
}

interface Entry {
  ctrl: string;
  key: string;
  /** `${ctrl}\0${key}` */
  q: string;
}

export interface RuntimeError {
  controller: string;
  key: string;
  message: string;
}

/** The field manager each controller writes as (the names its real counterpart records in managedFields). */
const MANAGERS: Record<string, string> = {
  GameDeployment: 'tkex-gamedeployment-controller',
  GameStatefulSet: 'tkex-gamestatefulset-controller',
  HookRun: 'tkex-hookrun-controller',
  GameServerSet: 'tkex-gameserverset-controller',
  GameZone: 'gamezone-operator',
  Federation: 'kubefed-controller-manager',
  KubeFedCluster: 'kubefed-controller-manager',
};

export class ControllerRuntime {
  private reconcilers = new Map<string, Reconcile>();
  /** FIFO of queued work (a key is in `queued` while it waits, so it is queued at most once). */
  private fifo: Entry[] = [];
  private head = 0;
  private queued = new Set<string>();
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
  /** Controllers record Events (controllers/events.ts): off while a world is built, on once it is live. */
  recordEvents = false;

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

  /** Runs fn with `manager` as the store's field manager (metadata.managedFields), then restores the previous one. */
  as<R>(manager: string, fn: () => R): R {
    const before = this.store.fieldManager;
    this.store.fieldManager = manager;
    try {
      return fn();
    } finally {
      this.store.fieldManager = before;
    }
  }

  watch(type: ResourceType, fn: (e: StoreEvent) => void): void {
    this.unsubs.push(this.store.subscribe(type, fn));
  }

  /** A shared owner index for a type (kept current from store events). */
  index(type: ResourceType): OwnerIndex {
    const k = typeKey(type);
    let ix = this.indexes.get(k);
    if (!ix) {
      const created = new OwnerIndex(this.store, type);
      ix = created;
      this.indexes.set(k, created);
      if (!created.shared) this.unsubs.push(this.store.subscribe(type, (e) => created.handle(e)));
    }
    return ix;
  }

  enqueue(ctrl: string, key: string): void {
    if (this.stopped) return;
    const q = `${ctrl}\0${key}`;
    if (!this.queued.has(q)) {
      this.queued.add(q);
      this.fifo.push({ ctrl, key, q });
    }
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
    while (n < limit && this.head < this.fifo.length) {
      const entry = this.fifo[this.head++];
      if (this.head > 1024 && this.head * 2 > this.fifo.length) {
        this.fifo = this.fifo.slice(this.head);
        this.head = 0;
      }
      this.queued.delete(entry.q);
      const fn = this.reconcilers.get(entry.ctrl);
      if (!fn) continue;
      n++;
      this.reconciles++;
      try {
        const again = this.as(MANAGERS[entry.ctrl] ?? entry.ctrl, () => fn(entry.key));
        if (typeof again === 'number' && again >= 0) this.enqueueAfter(entry.ctrl, entry.key, again);
      } catch (err) {
        this.errors.push({ controller: entry.ctrl, key: entry.key, message: (err as Error).message });
        if (this.errors.length > 50) this.errors.shift();
        if (process.env.ZONECTL_SIM_DEBUG) console.error(`[sim ${this.cluster}] ${entry.ctrl} ${entry.key}:`, err);
        this.enqueueAfter(entry.ctrl, entry.key, 2000);
      }
    }
    if (this.head === this.fifo.length) {
      this.fifo.length = 0;
      this.head = 0;
    }
    return n;
  }

  /** Drain until the queue is empty (tests, world build). */
  settle(maxSteps = 50_000_000): number {
    const n = this.drain(maxSteps);
    if (this.queued.size) throw new Error(`sim ${this.cluster}: controllers did not settle after ${maxSteps} reconciles`);
    return n;
  }

  idle(): boolean {
    return this.queued.size === 0;
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
    this.fifo = [];
    this.head = 0;
    this.queued.clear();
  }

  private schedule(): void {
    if (!this.auto || this.scheduled || this.stopped) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (this.stopped) return;
      this.drain(500);
      if (this.queued.size) this.schedule();
    });
  }
}

function isController(o: KubeObject, uid: string): boolean {
  const refs = o.metadata.ownerReferences;
  if (refs) for (let i = 0; i < refs.length; i++) if (refs[i].controller) return refs[i].uid === uid;
  return false;
}

export function keyOf(o: KubeObject): string {
  return `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
}
export function splitKey(key: string): [string | undefined, string] {
  const i = key.indexOf('/');
  return [key.slice(0, i) || undefined, key.slice(i + 1)];
}

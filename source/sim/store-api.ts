// The in-process API of one simulated cluster's object store. The HTTP server (sim/server) and the
// game controllers (sim/controllers) both go through it, so controllers get the same semantics as
// HTTP clients: resourceVersion bumps, generation on spec change, conflicts, watch events.
import type { KubeObject, ResourceType } from '../kube/object.js';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreEvent {
  type: WatchEventType;
  object: KubeObject;
  resourceVersion: number;
}

export interface ListOptions {
  namespace?: string; // omitted = all namespaces
  labelSelector?: string; // Kubernetes label selector syntax
  fieldSelector?: string; // metadata.name, metadata.namespace, status.phase, spec.nodeName ...
}

export interface SimStore {
  readonly cluster: string;
  /** The manager that metadata.managedFields records for the writes that follow (controllers set their name). */
  fieldManager?: string;
  /** Registered resource types (core + CRDs) used for discovery. */
  types(): ResourceType[];
  typeFor(apiVersion: string, kind: string): ResourceType | undefined;

  get(t: ResourceType, namespace: string | undefined, name: string): KubeObject | undefined;
  list(t: ResourceType, opts?: ListOptions): { items: KubeObject[]; resourceVersion: string };
  /** Sets uid, resourceVersion, generation=1, creationTimestamp. Throws StoreError(409 AlreadyExists). */
  create(t: ResourceType, obj: KubeObject): KubeObject;
  /**
   * Replaces the object. If obj.metadata.resourceVersion is set and stale -> StoreError 409 Conflict.
   * `subresource: 'status'` keeps spec/metadata from the stored object and only takes status;
   * a main-resource update of a type with a status subresource keeps the stored status.
   * generation is bumped only when spec changes.
   */
  update(t: ResourceType, obj: KubeObject, opts?: { subresource?: 'status' }): KubeObject;
  /** Read-modify-write helper for controllers: retries on conflict. Return undefined from fn to skip. */
  mutate(
    t: ResourceType,
    namespace: string | undefined,
    name: string,
    fn: (o: KubeObject) => KubeObject | undefined,
    opts?: { subresource?: 'status' },
  ): KubeObject | undefined;
  delete(t: ResourceType, namespace: string | undefined, name: string): KubeObject | undefined;
  /** Subscribe to changes of one type. Returns an unsubscribe function. */
  subscribe(t: ResourceType, fn: (e: StoreEvent) => void): () => void;
  /** Current resourceVersion of the cluster (monotonic). */
  resourceVersion(): number;
  /**
   * Optional: calls fn with each current object (of any type) whose ownerReferences name ownerUid, from
   * the store's own garbage-collector index, so controllers need not keep a second index of every pod.
   * fn must not write to the store.
   */
  forEachDependent?(ownerUid: string, fn: (o: KubeObject) => void): void;
}

export class StoreError extends Error {
  constructor(
    readonly code: number, // HTTP status
    readonly reason: string, // Kubernetes Status reason: NotFound, AlreadyExists, Conflict, Invalid, Gone, Forbidden...
    message: string,
  ) {
    super(message);
  }
}

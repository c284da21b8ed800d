// The transport contract every upper layer uses (fleet, store, actions, logs, gitops).
// One ClusterClient per kubeconfig context. All methods throw KubeError (kube/errors.ts) for
// expected failures, with the context named.
import type { KubeList, KubeObject, ResourceType } from './object.js';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string; // e.g. /apis/apps/v1/namespaces/x/deployments
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown; // JSON-serialised unless already a string
  contentType?: string; // default application/json
  timeoutMs?: number; // default from client (10s)
  signal?: AbortSignal;
  /** Called once per `Warning:` response header (text only, RFC 7234 code/agent and quotes removed). */
  onWarning?: (message: string) => void;
}

export type PatchType = 'merge' | 'json' | 'strategic' | 'apply';

export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: KubeObject;
}

export interface ListWatchOptions {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

/** A watch's options (ClusterClient.watch). */
export type WatchOptions = ListWatchOptions & {
  resourceVersion?: string;
  allowWatchBookmarks?: boolean;
  timeoutSeconds?: number;
  signal: AbortSignal;
  /** No byte for this long (the server answering probes): the watch ends as a Timeout with reason WATCH_IDLE. */
  inactivityMs?: number;
  /** No byte for this long: ask the server whether it answers; if not, the watch ends as a Timeout. */
  probeAfterMs?: number;
  /** The response headers arrived: the watch is open. */
  onOpen?: () => void;
};

export interface ListAllOptions extends ListWatchOptions {
  pageSize?: number;
  timeoutMs?: number;
  each?: (o: KubeObject) => KubeObject;
}

export interface ClusterClient {
  readonly context: string;
  readonly server: string;
  readonly user: string;
  request<T = unknown>(opts: RequestOptions): Promise<T>;
  get(t: ResourceType, namespace: string | undefined, name: string, subresource?: string): Promise<KubeObject>;
  list(
    t: ResourceType,
    opts?: ListWatchOptions & { limit?: number; continue?: string; resourceVersion?: string; timeoutMs?: number },
  ): Promise<KubeList>;
  /** All pages of a list (follows `continue`). */
  /**
   * Every page of a list, as one list. `each` is applied to each item as its page arrives (client-go's
   * transform): what it drops dies with the page instead of outliving every page that follows.
   */
  listAll(t: ResourceType, opts?: ListAllOptions): Promise<KubeList>;
  patch(
    t: ResourceType,
    namespace: string | undefined,
    name: string,
    type: PatchType,
    body: unknown,
    opts?: { subresource?: string; dryRun?: boolean; fieldManager?: string; force?: boolean },
  ): Promise<KubeObject>;
  create(t: ResourceType, namespace: string | undefined, obj: KubeObject, opts?: { dryRun?: boolean }): Promise<KubeObject>;
  /**
   * Delete one object (DeleteOptions in the body: preconditions on its uid / resourceVersion, so a
   * pod recreated under the same name is not deleted again). Resolves with what the server returned
   * (the object, or a Status).
   */
  delete(
    t: ResourceType,
    namespace: string | undefined,
    name: string,
    opts?: { dryRun?: boolean; preconditions?: { uid?: string; resourceVersion?: string }; gracePeriodSeconds?: number },
  ): Promise<KubeObject>;
  /**
   * Open a watch. Calls onEvent per event; resolves when the stream ends (server timeout, close);
   * rejects with KubeError on HTTP errors (410 -> kind 'Gone'). Abort with the signal.
   */
  watch(t: ResourceType, opts: WatchOptions, onEvent: (e: WatchEvent) => void): Promise<void>;
  /**
   * Stream a text body line by line (pods/log). Resolves at end of stream. `paused`: while it returns a promise
   * (the consumer's output is full), no more of the body is read until that promise resolves.
   */
  streamLines(
    opts: RequestOptions & { signal: AbortSignal; paused?: () => Promise<void> | undefined },
    onLine: (line: string) => void,
  ): Promise<void>;
  /** SelfSubjectAccessReview. */
  canI(attrs: {
    verb: string;
    group?: string;
    resource: string;
    subresource?: string;
    namespace?: string;
    name?: string;
  }): Promise<{ allowed: boolean; reason?: string }>;
  /** GET /version (gitVersion) and measures latency. */
  version(): Promise<{ gitVersion: string; latencyMs: number }>;
  close(): void;
}

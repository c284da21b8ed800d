// What every handler gets: the cluster's store, its log source, tokens, apply managers and the request.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MemoryStore } from '../store.js';
import type { LogSource } from '../log-source.js';
import type { ResourceInfo } from '../registry.js';
import type { ApplyManagers } from './apply.js';
import type { User, UserName } from './auth.js';
import type { Negotiated } from './media.js';

export interface ServerOptions {
  /** Periodic BOOKMARK interval for watches that allow bookmarks. Default 60 s (the apiserver's is ~1 min). */
  bookmarkIntervalMs?: number;
  /** Server-side watch timeout when the client gives none. Default 30 min. */
  defaultWatchTimeoutS?: number;
}

export interface ClusterContext {
  store: MemoryStore;
  logSource?: LogSource;
  tokens: Record<UserName, string>;
  managers: ApplyManagers;
  options: ServerOptions;
  /** Open watches / log streams, closed on server shutdown. */
  streams: Set<() => void>;
}

export interface Req {
  ctx: ClusterContext;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  user: User;
  info: ResourceInfo;
  namespace?: string;
  name?: string;
  subresource?: string;
  /** The response media type negotiated from Accept (JSON unless asked otherwise). */
  media: Negotiated;
}

export function q(r: Req, k: string): string | undefined {
  const v = r.url.searchParams.get(k);
  return v === null ? undefined : v;
}

export function qBool(r: Req, k: string): boolean {
  const v = q(r, k);
  return v === 'true' || v === '1';
}

export function qInt(r: Req, k: string): number | undefined {
  const v = q(r, k);
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? Math.trunc(n) : undefined;
}

export function details(r: Req, name = r.name): { name?: string; group: string; kind: string } {
  return { name, group: r.info.group, kind: r.info.resource };
}

// undici's Agent and request() without the rest of undici: its package entry also loads fetch,
// WebSocket, EventSource, cache stores, mocks and proxy agents (~1.4 MB of the bundle, and the Node
// internals they pull in), evaluated at every start though the transport uses two modules.
import AgentClass from 'undici/lib/dispatcher/agent.js';
import dispatchRequest from 'undici/lib/api/api-request.js';
import type { Dispatcher } from 'undici';

export const Agent = AgentClass;
export type Agent = InstanceType<typeof AgentClass>;

export type RequestOptions = Omit<Dispatcher.RequestOptions, 'origin' | 'path' | 'method'> & {
  method?: Dispatcher.HttpMethod;
  dispatcher: Dispatcher;
};

/** undici's request(url, opts) (index.js makeDispatcher) for an absolute URL: the dispatcher's request with origin and path. */
export function request(url: string, opts: RequestOptions): Promise<Dispatcher.ResponseData> {
  const u = new URL(url);
  const { dispatcher, ...rest } = opts;
  return dispatchRequest.call(dispatcher, { ...rest, origin: u.origin, path: `${u.pathname}${u.search}`, method: opts.method ?? 'GET' });
}

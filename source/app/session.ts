// Shared wiring for commands and the console: config -> kubeconfig -> fleet -> store. It lives in app/
// (above fleet and store) because it is the one place that knows both.
import { type Config, loadConfig } from '../config/config.js';
import { kindsToWatch, type View } from '../kinds/registry.js';
import { type LoadedKubeconfig, kubeconfigFiles, loadKubeconfig } from '../kube/kubeconfig.js';
import { FleetStore, type FleetStoreOptions, type WatchSpec } from '../store/fleet-store.js';
import { deriveSnapshot } from '../store/derive.js';
import type { Fleet } from '../fleet/fleet.js';
import { namespaceFor, selectContexts } from '../fleet/select.js';
import { redactUrlPasswords } from '../redact.js';
import { checkContext, openFleet } from './clients.js';
import { t } from '../i18n/t.js';
import { startMark } from '../start-trace.js';

export interface FleetFlags {
  context?: string[];
  allContexts?: boolean;
  namespace?: string;
  allNamespaces?: boolean;
  selector?: string;
  kubeconfig?: string;
  readonly?: boolean;
  requestTimeout?: number;
  /** Discover the fleet from this context's KubeFedCluster objects (host + matched members). */
  kubefedHost?: string;
}

/**
 * Resolves --kubefed-host into an explicit --context list (the host and every member a kubeconfig
 * context reaches); members no context reaches are reported through `warn`. Other flags pass through.
 */
export async function withKubeFedMembers<F extends FleetFlags>(flags: F, warn: (line: string) => void): Promise<F> {
  if (!flags.kubefedHost) return flags;
  const { kubeFedMembers } = await import('../fleet/kubefed.js');
  const config = loadConfig();
  const kubeconfig = loadKubeconfig(flags.kubeconfig ? [flags.kubeconfig] : kubeconfigFiles());
  selectContexts(kubeconfig.contexts, kubeconfig.current, { context: [flags.kubefedHost] }, config);
  // Without the host there is no fleet: a host context without a usable client is the command's error.
  checkContext(kubeconfig, flags.kubefedHost);
  const found = await kubeFedMembers(kubeconfig, flags.kubefedHost, flags.requestTimeout ?? config.requestTimeoutMs);
  for (const m of found.unmatched) warn(t('commands.app.memberSkipped', { name: m.name, endpoint: redactUrlPasswords(m.apiEndpoint) }));
  return { ...flags, context: found.contexts, allContexts: false };
}

export interface Session {
  config: Config;
  kubeconfig: LoadedKubeconfig;
  fleet: Fleet;
  store: FleetStore;
  close(): Promise<void>;
}

/** How long the session lives. */
export interface SessionOptions {
  /**
   * A one-shot read (a list command: list, print, exit): the clients speak HTTP/1.1 over node:https
   * (no undici or node:http2 to load: issue 14) on at most ONE_SHOT_CONNECTIONS sockets per cluster,
   * and the store lists each kind without the watch that would follow, and asks no cluster its version.
   */
  oneShot?: boolean;
}

/** A one-shot read's sockets per cluster: its discovery and lists in parallel, few TLS handshakes. */
const ONE_SHOT_CONNECTIONS = 4;

export function openSession(flags: FleetFlags, views: View[], storeOpts: FleetStoreOptions = {}, opts: SessionOptions = {}): Session {
  const config = loadConfig();
  if (flags.readonly) config.readOnly = true;
  if (flags.requestTimeout) config.requestTimeoutMs = flags.requestTimeout;
  startMark('config-read');
  const kubeconfig = loadKubeconfig(flags.kubeconfig ? [flags.kubeconfig] : kubeconfigFiles());
  startMark('kubeconfig-read');
  const contexts = selectContexts(kubeconfig.contexts, kubeconfig.current, flags, config);
  const fleet = openFleet(kubeconfig, contexts, config, opts.oneShot ? { http1: true, connections: ONE_SHOT_CONNECTIONS } : {});
  const nsFor = namespaceFor(flags, kubeconfig);
  const specs = (cluster: string): WatchSpec[] =>
    kindsToWatch({ views, gameZone: config.gameZone }).map(({ kind, type, selectable }) => ({
      kind,
      type,
      namespace: type.namespaced ? nsFor(cluster) : undefined,
      // The label selector narrows workloads, pods and zones; hook runs and member clusters are matched afterwards.
      labelSelector: flags.selector && selectable ? flags.selector : undefined,
    }));
  // Discovery waits 8 s by default; a longer request timeout (a slow link, an emulated host) is honoured there too.
  const discoveryTimeoutMs = storeOpts.discoveryTimeoutMs ?? Math.max(8_000, config.requestTimeoutMs);
  const store = new FleetStore(fleet, specs, deriveSnapshot({ zoneLabel: config.zoneLabel, gameZone: config.gameZone }), {
    alerts: config.alerts,
    ...storeOpts,
    ...(opts.oneShot ? { informer: { ...storeOpts.informer, listOnly: true }, askVersion: false } : {}),
    discoveryTimeoutMs,
  });
  return {
    config,
    kubeconfig,
    fleet,
    store,
    async close() {
      // The clients first: destroying them fails what is still in flight (a hung cluster's discovery)
      // at once, so stopping the store does not wait for those requests to time out.
      fleet.close();
      await store.stop();
    },
  };
}

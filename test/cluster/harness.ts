/**
 * Real-cluster test harness: one etcd and N real kube-apiservers (default three: real-a, real-b, real-c) on
 * 127.0.0.1, sharing the etcd under different `--etcd-prefix` values so each acts as its own cluster.
 * Binaries come from `bash test/cluster/tools/build.sh` (cached outside the repo; see lib/binaries.ts).
 *
 * Most tests do not start anything: the vitest project `cluster` runs test/cluster/global-setup.ts, which starts
 * one federation for the whole run. In a test file:
 *
 *   import { inject } from 'vitest';
 *   import { clusterClient } from './harness.js';
 *   import { clusterControl } from './control.js';
 *   import './provided.js';                               // types of the injected keys (ProvidedContext)
 *   const kubeconfig = inject('zonectlKubeconfig');      // path, also in process.env.ZONECTL_TEST_KUBECONFIG
 *   const contexts = inject('zonectlContexts');          // ['real-a', 'real-b', 'real-c'] (user admin)
 *   const viewers = inject('zonectlViewerContexts');     // ['real-a-viewer', ...] (user viewer: get/list/watch only)
 *   const ns = inject('zonectlNamespace');               // 'games' (default namespace of every context)
 *   await clusterControl().stopApiserver('real-b');      // real-b becomes unreachable (same port kept) ...
 *   await clusterControl().startApiserver('real-b');     // ... and comes back with the same data and CA
 *   const c = clusterClient(kubeconfig, 'real-a-viewer'); // raw requests for assertions: c.request('GET', path)
 *
 * The shared federation is SHARED: a test that mutates an object should create its own object (or restore it),
 * and a test that stops an apiserver must start it again (also in a finally). For full isolation a test file can
 * start its own federation instead: `const fed = await startRealFederation({ clusters: ['iso-a'] })` in beforeAll,
 * `await fed.stop()` in afterAll (about 10-20 s per start on 2 cores).
 *
 * What a started federation has:
 * - users (static tokens): `admin` in system:masters; `viewer` bound to ClusterRole zonectl-test-viewer
 *   (get/list/watch on every resource of every group; no writes, so patch/create/delete give 403).
 *   SelfSubjectAccessReview/SelfSubjectRulesReview work for both (default RBAC).
 * - kubeconfig (mode 0600): clusters named like the cluster, users `admin`/`viewer`, contexts `<cluster>` (admin)
 *   and `<cluster>-viewer`, namespace `games`, current-context = first cluster. Each cluster has its own CA
 *   (the apiserver's self-generated serving cert from --cert-dir), embedded as certificate-authority-data.
 * - CRDs from test/fixtures/crds (all Established) and objects from test/fixtures/objects (common.yaml, then
 *   <cluster>.yaml; status written through /status). See test/fixtures/objects/README.md for what each cluster has.
 * - Pods (option `pods`: true = every cluster, or a list of cluster names; default none): such a cluster also runs a
 *   kube-controller-manager, a kube-scheduler and kwok (lib/pods.ts; binaries from build.sh) and has one Node
 *   `kwok-node-0`, Ready and untainted. A StatefulSet/Deployment/Job gets real pods from KCM, the scheduler binds
 *   them, kwok (stages in tools/kwok/stages.yaml) makes them Running and Ready (Job pods then Succeeded) and deletes
 *   terminating pods at once. `pods/log` through the apiserver is served by kwok from CRI-format files
 *   (`<RFC3339Nano> stdout F <text>` lines; follow streams appended lines): every container from
 *   `cluster.pods.defaultLogFile` unless a `Logs` object (kwok.x-k8s.io/v1alpha1, same name and namespace as the pod;
 *   CRD in tools/kwok/logs-crd.yaml) points its containers at other files. Tests may write files in `pods.logsDir`.
 *   Costs per cluster (2 cores, measured): ~1-2 s more start, ~230 MiB RSS for the three processes (KCM ~110,
 *   kube-scheduler ~70, kwok ~55).
 *   The SHARED federation of the `cluster` project runs NO pods: its objects keep exactly the status the fixtures
 *   wrote (real-a's fixture Deployment `matchmaker` would otherwise get ReplicaSets and pods) and its CRD and
 *   process lists stay what harness.test.ts expects. A test file that needs pods starts its own small federation
 *   (pods.test.ts: 1 cluster, logs-follow.test.ts: 2), e.g. in beforeAll
 *     fed = await startRealFederation({ clusters: ['pods-a'], pods: true, crds: false, fixtures: false })
 *   and `await fed.stop()` in afterAll: ~5-10 s to start on 2 cores and ~300 MiB per apiserver plus ~230 MiB for the
 *   three pod processes, only while that file runs. To run pods in the shared federation instead, pass
 *   `pods: ['real-a']` in global-setup.ts and extend harness.test.ts's exact CRD list (kwok's logs.kwok.x-k8s.io) and
 *   process list (kube-controller-manager/kube-scheduler/kwok <cluster>).
 * - Clusters without pods have no kube-controller-manager, scheduler or kwok: nothing reconciles; objects keep the
 *   status written here.
 * - Right after a kube-apiserver (re)start, custom-resource lists answer 429 with Retry-After until their watch
 *   cache is initialised (/readyz does not cover that). startApiserver() resolves only once every CRD lists with
 *   200; a test that wants to observe the recovery window itself must poll before awaiting it.
 *
 * API (this file): startRealFederation(opts) -> RealFederation { kubeconfigPath, clusters, namespace, versions,
 * timings, request(), stopApiserver(), startApiserver(), processes(), stop() }; clusterClient(kubeconfig, context).
 * stop() kills only the processes this harness started (by PID), in reverse order (kwok, kube-scheduler,
 * kube-controller-manager, kube-apiservers, etcd), and removes its temp dir. While an apiserver is stopped its
 * controllers keep running and reconnect when it is back.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { applyCrds, applyObjects, crdFiles, fixtureObjectFiles, loadManifests, viewerRbac } from './lib/apply.js';
import { locateBinaries, locatePodBinaries, type PodBinaries } from './lib/binaries.js';
import { newTokens, viewerContextName, writeKubeconfig, writeServiceAccountKeys, writeTokenFile, type Tokens } from './lib/credentials.js';
import { httpGet, kubeRequest, type HttpResult, type RequestTarget } from './lib/http.js';
import { startPods, type PodsInfo, type PodsRuntime } from './lib/pods.js';
import { freePort, logTail, rssKiB, startProcess, stopProcess, waitFor, type TrackedProcess } from './lib/procs.js';

export type { PodsInfo } from './lib/pods.js';

const FIXTURES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

export interface RealFederationOptions {
  /** Cluster names; default ['real-a', 'real-b', 'real-c']. Fixture objects are applied from <name>.yaml if present. */
  clusters?: string[];
  /** Apply CRDs (default true) and fixture objects (default true). */
  crds?: boolean;
  fixtures?: boolean;
  /** Default namespace of every kubeconfig context; default 'games' (created by fixtures/objects/common.yaml). */
  namespace?: string;
  /** Directory with kube-apiserver and etcd; default: what build.sh writes (or $ZONECTL_K8S_BIN_DIR). */
  binDir?: string;
  /**
   * Run kube-controller-manager, kube-scheduler and kwok (real pods, pods/log) for every cluster (true) or the
   * named ones; default none. Needs the extra binaries of build.sh.
   */
  pods?: boolean | string[];
  /** Extra kube-apiserver flags for every cluster. */
  extraApiserverArgs?: string[];
  /** Progress lines (default: silent). */
  log?: (line: string) => void;
}

export interface RealCluster {
  name: string;
  /** https://127.0.0.1:<port> */
  server: string;
  port: number;
  /** PEM of this apiserver's self-generated CA + serving cert (trust anchor for clients). */
  caPem: string;
  etcdPrefix: string;
  adminContext: string;
  viewerContext: string;
  /** Set when this cluster runs pods (option `pods`). */
  pods?: PodsInfo;
}

export interface ProcessInfo {
  name: string;
  pid: number;
  rssKiB: number | undefined;
}

export interface RealFederation {
  dir: string;
  kubeconfigPath: string;
  namespace: string;
  clusters: RealCluster[];
  versions: { kubernetes: string; etcd: string; kwok?: string };
  /** Wall times of the start, in ms (podsMs: controllers, scheduler, kwok and the Ready node; 0 without pods). */
  timings: { etcdMs: number; apiserversMs: number; fixturesMs: number; podsMs: number; totalMs: number };
  cluster(name: string): RealCluster;
  /** A raw request as `admin` (default) or `viewer`; never logs the token. */
  request(
    cluster: string,
    method: string,
    path: string,
    body?: unknown,
    opts?: { user?: 'admin' | 'viewer'; contentType?: string },
  ): Promise<HttpResult>;
  /** Stop one kube-apiserver (SIGTERM, wait for exit). Its port and data stay reserved for startApiserver. */
  stopApiserver(name: string): Promise<void>;
  /** Start a stopped kube-apiserver again on the same port, cert dir and etcd prefix; resolves when /readyz is 200. */
  startApiserver(name: string): Promise<void>;
  isApiserverRunning(name: string): boolean;
  processes(): ProcessInfo[];
  /** Stop every process this harness started and remove the temp dir. Idempotent. */
  stop(): Promise<void>;
}

interface ApiserverState {
  cluster: RealCluster;
  args: string[];
  logFile: string;
  proc?: TrackedProcess;
}

export async function startRealFederation(opts: RealFederationOptions = {}): Promise<RealFederation> {
  const t0 = Date.now();
  const names = opts.clusters ?? ['real-a', 'real-b', 'real-c'];
  const namespace = opts.namespace ?? 'games';
  const log = opts.log ?? (() => {});
  const bins = locateBinaries(opts.binDir);
  const podClusters = opts.pods === true ? names : opts.pods ? opts.pods : [];
  for (const p of podClusters) if (!names.includes(p)) throw new Error(`pods: no cluster named ${p} (have ${names.join(', ')})`);
  const podBins: PodBinaries | undefined = podClusters.length > 0 ? locatePodBinaries(bins) : undefined;
  const dir = mkdtempSync(join(tmpdir(), 'zonectl-cluster-'));
  const tokens: Tokens = newTokens();
  writeTokenFile(join(dir, 'tokens.csv'), tokens);
  writeServiceAccountKeys(join(dir, 'sa.key'), join(dir, 'sa.pub'));
  mkdirSync(join(dir, 'logs'));

  let etcd: TrackedProcess | undefined;
  const apiservers = new Map<string, ApiserverState>();
  const pods = new Map<string, PodsRuntime>();
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await Promise.all([...pods.values()].map((p) => p.stop()));
    await Promise.all([...apiservers.values()].map((s) => (s.proc ? stopProcess(s.proc, 15_000) : Promise.resolve())));
    if (etcd) await stopProcess(etcd, 10_000);
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    // etcd
    const [clientPort, peerPort] = [await freePort(), await freePort()];
    const clientUrl = `http://127.0.0.1:${clientPort}`;
    const peerUrl = `http://127.0.0.1:${peerPort}`;
    const etcdProc = startProcess(
      'etcd',
      bins.etcd,
      [
        '--name=default',
        `--data-dir=${join(dir, 'etcd')}`,
        `--listen-client-urls=${clientUrl}`,
        `--advertise-client-urls=${clientUrl}`,
        `--listen-peer-urls=${peerUrl}`,
        `--initial-advertise-peer-urls=${peerUrl}`,
        `--initial-cluster=default=${peerUrl}`,
        '--unsafe-no-fsync=true',
        '--log-level=warn',
      ],
      join(dir, 'logs', 'etcd.log'),
    );
    etcd = etcdProc;
    await waitFor('etcd /readyz', async () => ((await httpGet(`${clientUrl}/readyz`)).status === 200 ? true : undefined), {
      timeoutMs: 30_000,
      intervalMs: 100,
      abort: () => (etcdProc.hasExited() ? `etcd exited:\n${logTail(etcdProc)}` : undefined),
    });
    const etcdMs = Date.now() - t0;
    log(`etcd ready on ${clientUrl} in ${etcdMs} ms`);

    // kube-apiservers
    for (const name of names) {
      const port = await freePort();
      const certDir = join(dir, name, 'pki');
      mkdirSync(certDir, { recursive: true });
      const cluster: RealCluster = {
        name,
        port,
        server: `https://127.0.0.1:${port}`,
        caPem: '',
        etcdPrefix: `/registry-${name}`,
        adminContext: name,
        viewerContext: viewerContextName(name),
      };
      const args = [
        `--etcd-servers=${clientUrl}`,
        `--etcd-prefix=${cluster.etcdPrefix}`,
        '--bind-address=127.0.0.1',
        '--advertise-address=127.0.0.1',
        `--secure-port=${port}`,
        `--cert-dir=${certDir}`,
        '--endpoint-reconciler-type=none',
        '--service-cluster-ip-range=10.0.0.0/24',
        '--allow-privileged=true',
        '--authorization-mode=Node,RBAC',
        `--token-auth-file=${join(dir, 'tokens.csv')}`,
        '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
        `--service-account-signing-key-file=${join(dir, 'sa.key')}`,
        `--service-account-key-file=${join(dir, 'sa.pub')}`,
        '--profiling=false',
        // With pods, KCM/scheduler/kwok hold watches open: without a watch-termination grace period a SIGTERMed
        // apiserver waits for them until the harness's SIGKILL (15 s); with it, stopApiserver takes ~1 s.
        ...(podClusters.includes(name) ? ['--shutdown-watch-termination-grace-period=2s'] : []),
        ...(opts.extraApiserverArgs ?? []),
      ];
      apiservers.set(name, { cluster, args, logFile: join(dir, 'logs', `kube-apiserver-${name}.log`) });
    }
    const tApi = Date.now();
    const launch = async (s: ApiserverState): Promise<void> => {
      const proc = startProcess(`kube-apiserver ${s.cluster.name}`, bins.kubeApiserver, s.args, s.logFile);
      s.proc = proc;
      const abort = () => (proc.hasExited() ? `kube-apiserver ${s.cluster.name} exited:\n${logTail(proc)}` : undefined);
      const crt = join(s.args.find((a) => a.startsWith('--cert-dir='))!.slice('--cert-dir='.length), 'apiserver.crt');
      s.cluster.caPem = await waitFor(
        `${crt}`,
        async () => {
          const pem = existsSync(crt) ? readFileSync(crt, 'utf8') : '';
          return pem.includes('-----END CERTIFICATE-----') ? pem : undefined;
        },
        { timeoutMs: 60_000, intervalMs: 100, abort },
      );
      const target: RequestTarget = { server: s.cluster.server, caPem: s.cluster.caPem, token: tokens.admin };
      await waitFor(
        `kube-apiserver ${s.cluster.name} /readyz`,
        async () => ((await kubeRequest(target, 'GET', '/readyz', undefined, undefined, 5_000)).status === 200 ? true : undefined),
        {
          timeoutMs: 120_000,
          intervalMs: 250,
          abort,
        },
      );
      // /readyz does not cover CRD watch caches: right after a restart a CR list answers 429 (Retry-After) until its
      // cache is initialised. Wait until every established CRD lists with 200, so a restarted server is fully ready.
      const crds = await kubeRequest(target, 'GET', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions');
      for (const crd of (crds.json?.items ?? []) as any[]) {
        const version = crd.spec.versions.find((v: any) => v.storage)?.name;
        const path = `/apis/${crd.spec.group}/${version}/${crd.spec.names.plural}?limit=1`;
        await waitFor(
          `${s.cluster.name} ${path}`,
          async () => ((await kubeRequest(target, 'GET', path)).status === 200 ? true : undefined),
          {
            timeoutMs: 60_000,
            intervalMs: 100,
            abort,
          },
        );
      }
    };
    await Promise.all([...apiservers.values()].map(launch));
    const apiserversMs = Date.now() - tApi;
    log(`${names.length} kube-apiserver(s) ready in ${apiserversMs} ms`);

    const clusters = [...apiservers.values()].map((s) => s.cluster);
    const kubeconfigPath = join(dir, 'kubeconfig');
    writeKubeconfig(kubeconfigPath, clusters, tokens, namespace);

    // CRDs, viewer RBAC, fixtures
    const tFix = Date.now();
    const byName = (n: string) => clusters.find((c) => c.name === n);
    const vars = (key: string, arg: string): string | undefined => {
      const c = byName(arg);
      if (!c) return undefined;
      return key === 'server' ? c.server : Buffer.from(c.caPem).toString('base64');
    };
    await Promise.all(
      clusters.map(async (c) => {
        const target: RequestTarget = { server: c.server, caPem: c.caPem, token: tokens.admin };
        if (opts.crds !== false) await applyCrds(target, crdFiles(join(FIXTURES_DIR, 'crds')));
        await applyObjects(target, viewerRbac());
        if (opts.fixtures !== false) {
          for (const file of fixtureObjectFiles(join(FIXTURES_DIR, 'objects'), c.name))
            await applyObjects(target, loadManifests(file, vars));
        }
      }),
    );
    const fixturesMs = Date.now() - tFix;
    log(`CRDs and fixtures applied in ${fixturesMs} ms`);

    // Controllers, scheduler and kwok for the clusters with pods (after the fixtures, so KCM sees them at once).
    const tPods = Date.now();
    await Promise.all(
      podClusters.map(async (name) => {
        const c = apiservers.get(name)!.cluster;
        const rt = await startPods({
          cluster: c,
          token: tokens.admin,
          dir: join(dir, name),
          apiserverCert: join(dir, name, 'pki', 'apiserver.crt'),
          saKey: join(dir, 'sa.key'),
          bins: podBins!,
          logDir: join(dir, 'logs'),
          log,
        });
        pods.set(name, rt);
        c.pods = rt.info;
      }),
    );
    const podsMs = podClusters.length > 0 ? Date.now() - tPods : 0;

    const state = (name: string): ApiserverState => {
      const s = apiservers.get(name);
      if (!s) throw new Error(`no cluster named ${name} (have ${names.join(', ')})`);
      return s;
    };
    return {
      dir,
      kubeconfigPath,
      namespace,
      clusters,
      versions: { kubernetes: bins.k8sVersion, etcd: bins.etcdVersion, ...(podBins ? { kwok: podBins.kwokVersion } : {}) },
      timings: { etcdMs, apiserversMs, fixturesMs, podsMs, totalMs: Date.now() - t0 },
      cluster: (name) => state(name).cluster,
      request: (cluster, method, path, body, o) => {
        const c = state(cluster).cluster;
        const token = o?.user === 'viewer' ? tokens.viewer : tokens.admin;
        return kubeRequest({ server: c.server, caPem: c.caPem, token }, method, path, body, o?.contentType);
      },
      stopApiserver: async (name) => {
        const s = state(name);
        if (s.proc) await stopProcess(s.proc, 15_000);
        s.proc = undefined;
      },
      startApiserver: async (name) => {
        const s = state(name);
        if (s.proc && !s.proc.hasExited()) return;
        if (stopped) throw new Error('federation already stopped');
        await launch(s);
      },
      isApiserverRunning: (name) => Boolean(state(name).proc && !state(name).proc!.hasExited()),
      processes: () => {
        const procs = [etcd, ...[...apiservers.values()].map((s) => s.proc), ...[...pods.values()].flatMap((p) => p.processes())].filter(
          (p): p is TrackedProcess => Boolean(p && !p.hasExited()),
        );
        return procs.map((p) => ({ name: p.name, pid: p.pid, rssKiB: rssKiB(p.pid) }));
      },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

export interface ClusterClient {
  context: string;
  server: string;
  request(method: string, path: string, body?: unknown, contentType?: string): Promise<HttpResult>;
}

/** Raw HTTPS requests as the user of `context` in `kubeconfigPath` (for assertions in tests; tokens stay inside). */
export function clusterClient(kubeconfigPath: string, context: string): ClusterClient {
  const kc = parse(readFileSync(kubeconfigPath, 'utf8'));
  const ctx = kc.contexts?.find((c: any) => c.name === context)?.context;
  if (!ctx) throw new Error(`no context ${context} in ${kubeconfigPath}`);
  const cluster = kc.clusters.find((c: any) => c.name === ctx.cluster).cluster;
  const user = kc.users.find((u: any) => u.name === ctx.user).user;
  const target: RequestTarget = {
    server: cluster.server,
    caPem: Buffer.from(cluster['certificate-authority-data'], 'base64').toString('utf8'),
    token: user.token,
  };
  return {
    context,
    server: target.server,
    request: (method, path, body, contentType) => kubeRequest(target, method, path, body, contentType),
  };
}

// Pods for one cluster of the real-cluster harness: a kube-controller-manager (StatefulSet/ReplicaSet/Job
// controllers, garbage collector, namespace and service-account controllers, node lifecycle), a kube-scheduler
// and kwok (the fake kubelet: tools/kwok/stages.yaml makes scheduled pods Running and Ready, and its server
// answers pods/log from CRI-format files), plus one Node `kwok-node-0` that is Ready and untainted.
// Everything binds 127.0.0.1 on free ports; the processes are tracked by PID and stopped in reverse order.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { applyCrds } from './apply.js';
import { TOOLS_DIR, type PodBinaries } from './binaries.js';
import { writeComponentKubeconfig } from './credentials.js';
import { httpGet, httpsGetInsecure, kubeRequest, type RequestTarget } from './http.js';
import { freePort, logTail, startProcess, stopProcess, waitFor, type TrackedProcess } from './procs.js';

export const KWOK_STAGES_FILE = join(TOOLS_DIR, 'kwok', 'stages.yaml');
export const KWOK_LOGS_CRD_FILE = join(TOOLS_DIR, 'kwok', 'logs-crd.yaml');
export const POD_NODE_NAME = 'kwok-node-0';

/** What a test needs to know about a cluster that runs pods (plain data: it is also provided to test files). */
export interface PodsInfo {
  cluster: string;
  /** The one Node, Ready and untainted; every pod is scheduled there. */
  nodeName: string;
  /**
   * CRI-format file every container is served from unless a `Logs` object (kwok.x-k8s.io/v1alpha1, see
   * tools/kwok/logs-crd.yaml) names the pod. Lines: `<RFC3339Nano> stdout F <text>`; appended lines reach a
   * follower (`follow=true`). Shared by every pod of the cluster: tests that need their own text create a Logs
   * object pointing at a file in their own directory.
   */
  defaultLogFile: string;
  /** The `--previous` counterpart of defaultLogFile. */
  defaultPreviousLogFile: string;
  /** A directory tests may create log files in (removed with the federation). */
  logsDir: string;
  /** kwok's server (the node's kubelet endpoint), http and https on one port. */
  kwokPort: number;
}

export interface PodsRuntime {
  info: PodsInfo;
  timings: { componentsMs: number; nodeReadyMs: number };
  processes(): TrackedProcess[];
  /** kwok, then kube-scheduler, then kube-controller-manager. Idempotent. */
  stop(): Promise<void>;
}

export interface StartPodsOptions {
  cluster: { name: string; server: string; caPem: string };
  token: string;
  /** This cluster's directory in the federation's temp dir. */
  dir: string;
  /** kube-apiserver's self-generated serving cert (root CA published to pods by KCM). */
  apiserverCert: string;
  /** The service-account signing key the apiserver uses (KCM signs legacy SA tokens with it). */
  saKey: string;
  bins: PodBinaries;
  logDir: string;
  log?: (line: string) => void;
}

export async function startPods(o: StartPodsOptions): Promise<PodsRuntime> {
  const t0 = Date.now();
  const log = o.log ?? (() => {});
  const name = o.cluster.name;
  const target: RequestTarget = { server: o.cluster.server, caPem: o.cluster.caPem, token: o.token };
  const kubeconfig = join(o.dir, 'components.kubeconfig');
  writeComponentKubeconfig(kubeconfig, o.cluster, o.token);

  const logsDir = join(o.dir, 'pod-logs');
  mkdirSync(logsDir, { recursive: true });
  const info: PodsInfo = {
    cluster: name,
    nodeName: POD_NODE_NAME,
    defaultLogFile: join(logsDir, 'default.log'),
    defaultPreviousLogFile: join(logsDir, 'default.previous.log'),
    logsDir,
    kwokPort: await freePort(),
  };
  writeFileSync(info.defaultLogFile, '');
  writeFileSync(info.defaultPreviousLogFile, '');
  const clusterLogsFile = join(o.dir, 'kwok-cluster-logs.yaml');
  writeFileSync(
    clusterLogsFile,
    stringify({
      apiVersion: 'kwok.x-k8s.io/v1alpha1',
      kind: 'ClusterLogs',
      metadata: { name: 'zonectl-default' },
      spec: { logs: [{ logsFile: info.defaultLogFile, previousLogsFile: info.defaultPreviousLogFile, follow: true }] },
    }),
  );

  // kwok watches Logs objects: the CRD must be there before it starts.
  await applyCrds(target, [KWOK_LOGS_CRD_FILE]);

  const procs: TrackedProcess[] = [];
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    for (const p of [...procs].reverse()) await stopProcess(p, 10_000);
  };
  const start = (label: string, binary: string, args: string[]): TrackedProcess => {
    const p = startProcess(`${label} ${name}`, binary, args, join(o.logDir, `${label}-${name}.log`));
    procs.push(p);
    return p;
  };
  const exitedAbort = () => {
    const dead = procs.find((p) => p.hasExited());
    return dead ? `${dead.name} exited:\n${logTail(dead)}` : undefined;
  };

  try {
    const [kcmPort, schedPort] = [await freePort(), await freePort()];
    start('kube-controller-manager', o.bins.kubeControllerManager, [
      `--kubeconfig=${kubeconfig}`,
      '--leader-elect=false',
      '--bind-address=127.0.0.1',
      `--secure-port=${kcmPort}`,
      `--cert-dir=${join(o.dir, 'kcm-certs')}`,
      `--root-ca-file=${o.apiserverCert}`,
      `--service-account-private-key-file=${o.saKey}`,
      '--use-service-account-credentials=false',
      '--kube-api-qps=200',
      '--kube-api-burst=400',
      '--profiling=false',
      '--v=1',
    ]);
    start('kube-scheduler', o.bins.kubeScheduler, [
      `--kubeconfig=${kubeconfig}`,
      '--leader-elect=false',
      '--bind-address=127.0.0.1',
      `--secure-port=${schedPort}`,
      `--cert-dir=${join(o.dir, 'scheduler-certs')}`,
      '--kube-api-qps=200',
      '--kube-api-burst=400',
      '--profiling=false',
      '--v=1',
    ]);
    start('kwok', o.bins.kwok, [
      `--kubeconfig=${kubeconfig}`,
      `--config=${KWOK_STAGES_FILE},${clusterLogsFile}`,
      '--manage-all-nodes=true',
      '--node-ip=127.0.0.1',
      `--node-port=${info.kwokPort}`,
      `--server-address=127.0.0.1:${info.kwokPort}`,
      '--node-lease-duration-seconds=40',
      '--enable-crds=Logs',
    ]);

    const health = async (what: string, get: () => Promise<{ status: number }>) =>
      waitFor(what, async () => ((await get()).status === 200 ? true : undefined), {
        timeoutMs: 120_000,
        intervalMs: 250,
        abort: exitedAbort,
      });
    await Promise.all([
      health(`kube-controller-manager ${name} /healthz`, () => httpsGetInsecure(`https://127.0.0.1:${kcmPort}/healthz`)),
      health(`kube-scheduler ${name} /healthz`, () => httpsGetInsecure(`https://127.0.0.1:${schedPort}/healthz`)),
      health(`kwok ${name} /healthz`, () => httpGet(`http://127.0.0.1:${info.kwokPort}/healthz`)),
    ]);
    const componentsMs = Date.now() - t0;
    log(`${name}: kube-controller-manager, kube-scheduler and kwok up in ${componentsMs} ms`);

    // The one node: no kwok taint, so ordinary pods schedule. kwok's node-initialize stage makes it Ready with its
    // kubelet endpoint on kwok's server; the node lifecycle controller then lifts the not-ready taint.
    const tNode = Date.now();
    const node = {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name: POD_NODE_NAME,
        labels: { 'kubernetes.io/hostname': POD_NODE_NAME, 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64', type: 'kwok' },
      },
    };
    const created = await kubeRequest(target, 'POST', '/api/v1/nodes', node);
    if (created.status !== 201 && created.status !== 409)
      throw new Error(`create node ${POD_NODE_NAME} on ${name}: HTTP ${created.status} ${created.json?.message ?? created.text}`);
    await waitFor(
      `node ${POD_NODE_NAME} Ready and untainted on ${name}`,
      async () => {
        const n = (await kubeRequest(target, 'GET', `/api/v1/nodes/${POD_NODE_NAME}`)).json;
        const ready = (n?.status?.conditions ?? []).some(
          (c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True',
        );
        const port = n?.status?.daemonEndpoints?.kubeletEndpoint?.Port;
        const blocking = (n?.spec?.taints ?? []).filter((t: { effect: string }) => t.effect !== 'PreferNoSchedule');
        return ready && port === info.kwokPort && blocking.length === 0 ? true : undefined;
      },
      { timeoutMs: 120_000, intervalMs: 250, abort: exitedAbort },
    );
    // Pods need their namespace's `default` ServiceAccount (ServiceAccount admission); KCM creates it.
    await waitFor(
      `ServiceAccount default/default on ${name}`,
      async () =>
        (await kubeRequest(target, 'GET', '/api/v1/namespaces/default/serviceaccounts/default')).status === 200 ? true : undefined,
      {
        timeoutMs: 60_000,
        intervalMs: 250,
        abort: exitedAbort,
      },
    );
    const nodeReadyMs = Date.now() - tNode;
    log(`${name}: node ${POD_NODE_NAME} Ready in ${nodeReadyMs} ms`);

    return {
      info,
      timings: { componentsMs, nodeReadyMs },
      processes: () => procs.filter((p) => !p.hasExited()),
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

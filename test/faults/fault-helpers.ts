// Helpers of the fault tier on the simulator: writes made on a cluster while a fault lasts (create,
// modify, delete in turn), the comparison of what the session's store shows with what the cluster
// holds (lost changes), the program run as a child process with its wall time, and the figure line.
import { join } from 'node:path';
import { openSession, type Session } from '../../source/app/session.js';
import { typeKey } from '../../source/kube/discovery.js';
import type { KubeObject, ResourceType } from '../../source/kube/object.js';
import { T } from '../../source/sim/controllers/kinds.js';
import type { Demo } from '../../source/sim/demo.js';
import { runCliTimed, type TimedRun } from '../sim/cli-process.js';
import type { ProxyStats } from './proxy.js';

export async function until(pred: () => boolean, timeoutMs = 5_000, stepMs = 10): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

const key = (o: KubeObject) => `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;

/**
 * Objects that differ between the cluster (the simulator's store) and the session's store, over every
 * type the session watches there: missing, extra, or at another resourceVersion. 0 = nothing lost.
 */
export function inSync(demo: Demo, session: Session, cluster: string): number {
  const sim = demo.world.stores.get(cluster)!;
  let diff = 0;
  for (const inf of session.store.informers(cluster)) {
    const t: ResourceType = inf.type;
    const truth = new Map(sim.list(t).items.map((o) => [key(o), o.metadata.resourceVersion]));
    const seen = new Map([...session.store.cache.bucket(cluster, typeKey(t)).values()].map((o) => [key(o), o.metadata.resourceVersion]));
    for (const [k, rv] of truth) if (seen.get(k) !== rv) diff++;
    for (const k of seen.keys()) if (!truth.has(k)) diff++;
  }
  return diff;
}

export interface Write {
  type: ResourceType;
  namespace: string;
  name: string;
  /** The resourceVersion the write produced; undefined for a delete. */
  rv?: string;
}

/** Writes on one simulated cluster, as another client (kubectl, a controller) would make them. */
export function changer(demo: Demo, cluster: string, tag: string) {
  const sim = demo.world.stores.get(cluster)!;
  const gsts = sim.list(T.gameStatefulSet).items[0]!;
  const ns = gsts.metadata.namespace!;
  const created: string[] = [];
  const slug = tag.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  let n = 0;
  const out = {
    writes: 0,
    next(): Write {
      const i = n++;
      out.writes++;
      if (i % 3 === 2 && created.length > 0) {
        const name = created.shift()!;
        sim.delete(T.gameDeployment, ns, name);
        return { type: T.gameDeployment, namespace: ns, name };
      }
      if (i % 3 === 1) {
        const cur = sim.get(T.gameStatefulSet, ns, gsts.metadata.name!)!;
        const next = structuredClone(cur);
        next.metadata.annotations = { ...next.metadata.annotations, 'fault.zonectl.io/write': `${slug}-${i}` };
        const done = sim.update(T.gameStatefulSet, next);
        return { type: T.gameStatefulSet, namespace: ns, name: cur.metadata.name!, rv: done.metadata.resourceVersion };
      }
      const name = `fault-${slug}-${i}`;
      created.push(name);
      const made = sim.create(T.gameDeployment, {
        apiVersion: 'tkex.tencent.com/v1alpha1',
        kind: 'GameDeployment',
        metadata: { name, namespace: ns, labels: { app: name } },
        spec: {
          replicas: 0,
          selector: { matchLabels: { app: name } },
          template: {
            metadata: { labels: { app: name } },
            spec: { containers: [{ name: 'game', image: 'registry.example.com/game:1.0' }] },
          },
        },
      } as KubeObject);
      return { type: T.gameDeployment, namespace: ns, name, rv: made.metadata.resourceVersion };
    },
    /** The write is visible in the session's store (at its resourceVersion or a later one; gone for a delete). */
    seenIn(session: Session, w: Write): boolean {
      for (const o of session.store.cache.bucket(cluster, typeKey(w.type)).values()) {
        if (o.metadata.namespace !== w.namespace || o.metadata.name !== w.name) continue;
        return w.rv !== undefined && Number(o.metadata.resourceVersion) >= Number(w.rv);
      }
      return w.rv === undefined;
    },
  };
  return out;
}

/** Runs the built program with `--kubeconfig`, its own state dir and no config file; wall time. */
export function timedCli(cli: string, args: string[], kubeconfig: string, dir: string, env: NodeJS.ProcessEnv = {}): Promise<TimedRun> {
  return runCliTimed(
    cli,
    [...args, '--kubeconfig', kubeconfig],
    { XDG_STATE_HOME: join(dir, 'state'), ZONECTL_CONFIG: join(dir, 'no-config.yaml'), ...env },
    40_000,
  );
}

/** A console session on shanghai and nanjing tuned for the fault tier (1 s watch probe, quick backoff), ready. */
export async function openFaultSession(kubeconfig: string, requestTimeout: number): Promise<Session> {
  const session = openSession(
    { kubeconfig, context: ['shanghai', 'nanjing'], allNamespaces: true, requestTimeout },
    ['zones', 'rollouts'],
    {
      intervalMs: 20,
      informer: { watchProbeAfterMs: 1_000, backoffInitialMs: 100, backoffMaxMs: 1_000 },
      retryMs: 500,
    },
  );
  session.store.start();
  await until(() => session.fleet.clusters().every((c) => c.state === 'ready'), 20_000);
  return session;
}

export interface Figures {
  markedMs?: number;
  recoverMs: number;
  lost: number;
  writes: number;
  othersMaxMs: number;
  exit: number | null;
  cliMs: number;
}

const s = (ms: number | undefined) => (ms === undefined ? 'never' : `${(ms / 1000).toFixed(2)} s`);

/** One figure line per scenario (vitest prints it with the test). */
export function figure(label: string, f: Figures, proxy?: ProxyStats): void {
  console.log(
    `[fault] ${label}: marked after ${s(f.markedMs)}, recovered ${s(f.recoverMs)} after the fault ended, ` +
      `lost ${f.lost} of ${f.writes} writes, healthy cluster's changes seen within ${Math.round(f.othersMaxMs)} ms (max), ` +
      `zonectl zones exit ${f.exit} in ${s(f.cliMs)}` +
      (proxy ? `; proxy: ${proxy.accepted} connections, ${proxy.broken} broken, ${proxy.flaps} flaps` : ''),
  );
}

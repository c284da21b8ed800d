// LogSource of the simulated pods: every container writes game-server lines at a steady virtual
// rate; lines are generated on read from the container instance (containerID) and a sequence number,
// so nothing is stored per pod. A restarted container (in-place update) starts a new log;
// `previous` serves the terminated instance from lastState.terminated.
import type { KubeObject } from '../kube/object.js';
import type { SimStore } from './store-api.js';
import { StoreError } from './store-api.js';
import type { VirtualClock } from './clock.js';
import { logTime, type LogLine, type LogReadOptions, type LogSource } from './log-source.js';
import { unit } from './rand.js';
import { lineText, type LineContext } from './logs-text.js';
import { T } from './controllers/kinds.js';

export interface SimLogOptions {
  stores: (cluster: string) => SimStore | undefined;
  clock: VirtualClock;
  /** Mean virtual ms between two lines of one container (default 2000). */
  lineIntervalMs?: number;
}

interface Instance {
  id: string; // containerID
  start: number;
  end?: number; // terminated instances
  ctx: LineContext;
}

export class SimLogSource implements LogSource {
  private interval: number;
  constructor(private opts: SimLogOptions) {
    this.interval = opts.lineIntervalMs ?? 2000;
  }

  /** Virtual time of line seq (1-based): strictly increasing, jittered inside its slot. */
  lineAt(inst: Instance, seq: number): number {
    const i = seq - 1;
    return inst.start + Math.floor(i * this.interval + unit(inst.id, seq) * this.interval * 0.9);
  }

  /** Number of lines written by time t. */
  countAt(inst: Instance, t: number): number {
    const end = inst.end !== undefined ? Math.min(t, inst.end) : t;
    if (end < inst.start) return 0;
    const i0 = Math.floor((end - inst.start) / this.interval);
    return this.lineAt(inst, i0 + 1) <= end ? i0 + 1 : i0;
  }

  private line(inst: Instance, seq: number): LogLine {
    const ms = this.lineAt(inst, seq);
    return { time: logTime(new Date(ms)), text: lineText(inst.ctx, inst.id, seq, ms) };
  }

  private pod(cluster: string, ns: string, name: string): KubeObject {
    const store = this.opts.stores(cluster);
    const pod = store?.get(T.pod, ns, name);
    if (!pod) throw new StoreError(404, 'NotFound', `pods "${name}" not found`);
    return pod;
  }

  private instance(pod: KubeObject, container: string, previous: boolean): Instance {
    const name = pod.metadata.name!;
    const spec = ((pod.spec?.containers as any[] | undefined) ?? []).find((c) => c.name === container);
    if (!spec) throw new StoreError(400, 'BadRequest', `container ${container} is not valid for pod ${name}`);
    const cs = ((pod.status?.containerStatuses as any[] | undefined) ?? []).find((c) => c.name === container);
    const ctx: LineContext = {
      zone: pod.metadata.labels?.['zonectl.io/zone'] ?? '-',
      service: pod.metadata.labels?.['zonectl.io/service'] ?? pod.metadata.labels?.app ?? name,
      type: container,
      pod: name,
    };
    if (previous) {
      const t = cs?.lastState?.terminated;
      if (!t?.containerID)
        throw new StoreError(400, 'BadRequest', `previous terminated container "${container}" in pod "${name}" not found`);
      return { id: t.containerID, start: Date.parse(t.startedAt), end: Date.parse(t.finishedAt), ctx };
    }
    if (!cs?.state?.running?.startedAt)
      throw new StoreError(400, 'BadRequest', `container "${container}" in pod "${name}" is waiting to start: ContainerCreating`);
    return { id: cs.containerID, start: Date.parse(cs.state.running.startedAt), ctx };
  }

  read(cluster: string, namespace: string, pod: string, container: string, opts: LogReadOptions): LogLine[] {
    const inst = this.instance(this.pod(cluster, namespace, pod), container, opts.previous === true);
    const now = this.opts.clock.now();
    const n = this.countAt(inst, now);
    let first = 1;
    const since =
      opts.sinceSeconds !== undefined ? now - opts.sinceSeconds * 1000 : opts.sinceTime ? Date.parse(opts.sinceTime) : undefined;
    if (since !== undefined && since > inst.start) first = this.countAt({ ...inst, end: undefined }, since - 1) + 1;
    if (opts.tailLines !== undefined && opts.tailLines >= 0) first = Math.max(first, n - opts.tailLines + 1);
    const out: LogLine[] = [];
    for (let seq = first; seq <= n; seq++) out.push(this.line(inst, seq));
    return out;
  }

  follow(
    cluster: string,
    namespace: string,
    pod: string,
    container: string,
    onLine: (l: LogLine) => void,
    signal: AbortSignal,
  ): Promise<void> {
    const clock = this.opts.clock;
    let inst: Instance | undefined;
    let sent = 0;
    const init = (): void => {
      try {
        inst = this.instance(this.pod(cluster, namespace, pod), container, false);
        sent = this.countAt(inst, clock.now());
      } catch {
        inst = undefined;
      }
    };
    init();
    return new Promise<void>((resolve) => {
      let off: () => void = () => undefined;
      const done = (): void => {
        off();
        signal.removeEventListener('abort', done);
        resolve();
      };
      const tick = (now: number): void => {
        const store = this.opts.stores(cluster);
        const p = store?.get(T.pod, namespace, pod);
        if (!inst) {
          if (!p) return done();
          init();
          if (inst) sent = 0; // the container started after follow began: send from its first line
          if (!inst) return;
        }
        const cs = ((p?.status?.containerStatuses as any[] | undefined) ?? []).find((c) => c.name === container);
        const ended = !p || cs?.containerID !== inst.id;
        if (ended && cs?.lastState?.terminated?.containerID === inst.id) inst.end = Date.parse(cs.lastState.terminated.finishedAt);
        const n = this.countAt(inst, now);
        while (sent < n && !signal.aborted) onLine(this.line(inst, ++sent));
        if (ended) done();
      };
      off = clock.onTick(tick);
      if (signal.aborted) done();
      else signal.addEventListener('abort', done, { once: true });
    });
  }
}

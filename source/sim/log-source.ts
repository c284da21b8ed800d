// Where pods/log gets its lines. The controllers' pod simulation implements LogSource; MemoryLogSource is
// a small ring-per-container implementation (used by tests, usable by anyone).
import { StoreError } from './store-api.js';

export interface LogReadOptions {
  previous?: boolean;
  tailLines?: number;
  sinceSeconds?: number;
  sinceTime?: string; // RFC 3339
}

export interface LogLine {
  /** RFC 3339 with nanoseconds, as kubelet writes with timestamps=true. */
  time: string;
  text: string;
}

export interface LogSource {
  /**
   * Lines of one container that exist now, oldest first, after since/tail filtering.
   * Throw StoreError(400, 'BadRequest', ...) when `previous` is asked and there is no previous instance.
   */
  read(cluster: string, namespace: string, pod: string, container: string, opts: LogReadOptions): LogLine[] | Promise<LogLine[]>;
  /**
   * Deliver lines appended after this call until `signal` aborts (then resolve). Must register
   * synchronously, so `read` followed at once by `follow` loses nothing. Resolving early ends the stream
   * (e.g. the container terminated). `busy()` is true while the response holds more unsent bytes than
   * its buffer (the client has not taken them: HTTP/2 flow control or a full socket). A source whose
   * lines exist apart from the stream (as a kubelet's log file does) may hold them back and send them
   * later, instead of queueing them in the server until Node resets the session (ENHANCE_YOUR_CALM).
   */
  follow(
    cluster: string,
    namespace: string,
    pod: string,
    container: string,
    onLine: (l: LogLine) => void,
    signal: AbortSignal,
    busy?: () => boolean,
  ): Promise<void>;
}

/** RFC 3339 with nanoseconds (kubelet style). */
export function logTime(d = new Date()): string {
  return d.toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}

export function filterLines(lines: LogLine[], opts: LogReadOptions, now = Date.now()): LogLine[] {
  let out = lines;
  const since = opts.sinceSeconds !== undefined ? now - opts.sinceSeconds * 1000 : opts.sinceTime ? Date.parse(opts.sinceTime) : undefined;
  if (since !== undefined) out = out.filter((l) => Date.parse(l.time) >= since);
  if (opts.tailLines !== undefined && opts.tailLines >= 0) out = out.slice(Math.max(0, out.length - opts.tailLines));
  return out;
}

interface Stream {
  lines: LogLine[];
  previous?: LogLine[];
  listeners: Set<(l: LogLine) => void>;
}

export class MemoryLogSource implements LogSource {
  private readonly streams = new Map<string, Stream>();

  constructor(private readonly maxLines = 1000) {}

  private stream(cluster: string, ns: string, pod: string, container: string): Stream {
    const k = `${cluster}/${ns}/${pod}/${container}`;
    let s = this.streams.get(k);
    if (!s) this.streams.set(k, (s = { lines: [], listeners: new Set() }));
    return s;
  }

  append(cluster: string, ns: string, pod: string, container: string, text: string, time = logTime()): void {
    const s = this.stream(cluster, ns, pod, container);
    const line = { time, text };
    s.lines.push(line);
    if (s.lines.length > this.maxLines) s.lines.splice(0, s.lines.length - this.maxLines);
    for (const fn of [...s.listeners]) fn(line);
  }

  /** The container restarted: current lines become `previous`. */
  restart(cluster: string, ns: string, pod: string, container: string): void {
    const s = this.stream(cluster, ns, pod, container);
    s.previous = s.lines;
    s.lines = [];
  }

  read(cluster: string, ns: string, pod: string, container: string, opts: LogReadOptions): LogLine[] {
    const s = this.stream(cluster, ns, pod, container);
    if (opts.previous) {
      if (!s.previous) throw new StoreError(400, 'BadRequest', `previous terminated container "${container}" in pod "${pod}" not found`);
      return filterLines(s.previous, opts);
    }
    return filterLines(s.lines, opts);
  }

  follow(cluster: string, ns: string, pod: string, container: string, onLine: (l: LogLine) => void, signal: AbortSignal): Promise<void> {
    const s = this.stream(cluster, ns, pod, container);
    s.listeners.add(onLine);
    return new Promise((resolve) => {
      const done = (): void => {
        s.listeners.delete(onLine);
        resolve();
      };
      if (signal.aborted) done();
      else signal.addEventListener('abort', done, { once: true });
    });
  }
}

// Scripted output of followed lines: `-o raw` (a `cluster/namespace/pod/container` prefix, coloured per stream
// on a colour terminal) or `-o json` (one JSON object per line). Writes are batched: lines are
// appended to a chunk that is flushed at 64 KiB or on the next turn of the event loop.
import type { FollowerEvent, LogSink, StreamInfo } from './types.js';

export type LogOutput = 'raw' | 'json';

/** Foreground colours for stream prefixes (no red: red reads as an error). */
const PALETTE = [36, 33, 32, 35, 34, 96, 93, 92, 95, 94];

export interface WriterOptions {
  output: LogOutput;
  timestamps: boolean;
  colour: boolean;
  /** False: the output is full (a stream's write()); then `drain` says when it has room again. */
  write(chunk: string): unknown;
  /** Calls `cb` once when the output has room again (a stream's 'drain'). */
  drain?(cb: () => void): void;
  /** Stream markers and errors (stderr). */
  note(text: string): void;
  flushBytes?: number;
}

export function streamLabel(s: Pick<StreamInfo, 'cluster' | 'namespace' | 'pod' | 'container'>): string {
  // The namespace too: zone-1001/game-1-0 and zone-1002/game-1-0 are different pods (stern shows it).
  return `${s.cluster}/${s.namespace}/${s.pod}/${s.container}`;
}

export function colourOf(index: number): number {
  return PALETTE[index % PALETTE.length]!;
}

/** JSON line for one log line (field order is part of the documented schema). */
export function jsonLine(s: StreamInfo, ts: string, message: string): string {
  return `{"cluster":${JSON.stringify(s.cluster)},"namespace":${JSON.stringify(s.namespace)},"pod":${JSON.stringify(s.pod)},"container":${JSON.stringify(s.container)},"timestamp":${ts ? JSON.stringify(ts) : 'null'},"message":${JSON.stringify(message)}}`;
}

export function markerText(ev: FollowerEvent): string {
  const who = ev.stream ? streamLabel(ev.stream) : ev.cluster;
  switch (ev.kind) {
    case 'join':
      return `+ ${who}${ev.message === 'joined' ? '' : ` ${ev.message}`}`;
    case 'leave':
      return `- ${who}${ev.message === 'left' ? '' : ` ${ev.message}`}`;
    case 'restart':
    case 'resume':
      return `~ ${who} ${ev.message}`;
    case 'error':
      return `! ${who ? `${who}: ` : ''}${ev.message}`;
    case 'cap':
    case 'notice':
      return `${who ? `${who}: ` : ''}${ev.message}`;
  }
}

/** A LogSink that formats lines for stdout and markers for stderr. Call flush() before exit. */
export class LineWriter implements LogSink {
  private chunk = '';
  private scheduled = false;
  private blocked?: Promise<void>;
  private readonly prefixes = new WeakMap<StreamInfo, string>();
  private readonly flushBytes: number;
  lines = 0;

  constructor(private readonly o: WriterOptions) {
    this.flushBytes = o.flushBytes ?? 65_536;
  }

  line(s: StreamInfo, ts: string, message: string): void {
    this.lines++;
    if (this.o.output === 'json') this.chunk += jsonLine(s, ts, message) + '\n';
    else {
      let p = this.prefixes.get(s);
      if (p === undefined) {
        const label = streamLabel(s);
        p = this.o.colour ? `\x1b[${colourOf(s.colour)}m${label}\x1b[39m ` : `${label} `;
        this.prefixes.set(s, p);
      }
      this.chunk += this.o.timestamps && ts ? `${p}${ts} ${message}\n` : `${p}${message}\n`;
    }
    if (this.chunk.length >= this.flushBytes) this.flush();
    else if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  event(ev: FollowerEvent): void {
    this.flush();
    this.o.note(markerText(ev));
  }

  flush(): void {
    this.scheduled = false;
    if (!this.chunk) return;
    const c = this.chunk;
    this.chunk = '';
    // Node queues a write to a pipe whose reader is behind (stdout to a pipe is asynchronous on Linux):
    // without this the queue, and the process, grow as fast as the cluster sends.
    if (this.o.write(c) === false && this.o.drain && !this.blocked)
      this.blocked = new Promise((resolve) =>
        this.o.drain!(() => {
          this.blocked = undefined;
          resolve();
        }),
      );
  }

  /** While the output is full: a promise that resolves when it drains (LogSink.paused). */
  paused(): Promise<void> | undefined {
    return this.blocked;
  }
}

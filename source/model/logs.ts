// What a log follow is about, shared by the follower (source/logs), the console (source/ui) and the
// ports between them: targets, streams, events and the sink lines go to. Plain types, no I/O.
import type { WorkloadKind } from './workload-kinds.js';

/** What to follow. */
export type LogTarget =
  | { type: 'pod'; name: string }
  | { type: 'workload'; kind: WorkloadTargetKind; name: string }
  | { type: 'zone'; id: string }
  | { type: 'selector'; selector: string };

/** A workload kind that owns pods (its kind spec has `pods`): GameDeployment, StatefulSet, ... */
export type WorkloadTargetKind = WorkloadKind;

/** matchLabels as the selector string the API takes (`a=b,c=d`). */
export function matchLabelsSelector(labels: Record<string, string> | undefined): string {
  return Object.entries(labels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

/** One followed container stream: a (cluster, namespace, pod name, container) slot. */
export interface StreamInfo {
  /** Stable id for the life of the follower, `cluster/namespace/pod/container`. */
  readonly id: string;
  readonly cluster: string;
  readonly namespace: string;
  readonly pod: string;
  readonly container: string;
  /** Small integer, stable per stream, for colouring (index into a palette). */
  readonly colour: number;
}

export type FollowerEventKind =
  | 'join' // a container stream started being followed
  | 'leave' // its pod was deleted (or the container went away); the stream is closed
  | 'restart' // the container was restarted in place (new containerID); following continues
  | 'resume' // a broken stream was reopened from the last timestamp
  | 'cap' // --max-streams reached: containers wait for a free slot
  | 'error' // a stream or a cluster failed (message says which)
  | 'notice'; // anything else worth a line (target not found in a cluster, ...)

export interface FollowerEvent {
  kind: FollowerEventKind;
  cluster?: string;
  stream?: StreamInfo;
  message: string;
}

/** Where lines go. Called synchronously from network callbacks: keep it cheap, never throw. */
export interface LogSink {
  /** `ts` is the kubelet's RFC3339Nano timestamp ('' when the line had none). */
  line(stream: StreamInfo, ts: string, message: string): void;
  event(ev: FollowerEvent): void;
  /**
   * While the sink cannot take more (its output is full: a slow reader of stdout), a promise that resolves when
   * it can; undefined otherwise. The streams stop reading until then, so a slow reader slows the server's
   * sending (HTTP/2 flow control) instead of growing a queue in the process.
   */
  paused?(): Promise<void> | undefined;
}

export interface FollowerStats {
  /** Streams admitted (open, waiting for a container, or backing off). */
  streams: number;
  /** Containers waiting for a free slot because of --max-streams. */
  queued: number;
  lines: number;
  /** Lines skipped at a seam (already emitted before a resume or re-tail). */
  duplicatesSkipped: number;
  /** Lines dropped by --include / --exclude. */
  filtered: number;
  resumes: number;
  restarts: number;
  errors: number;
}

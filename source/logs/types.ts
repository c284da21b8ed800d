// The contract of the log follower: what it follows (targets, options), what it emits (lines and
// stream events to a sink), and the port the console takes (the UI never imports source/kube).
import type { WorkloadKind } from '../model/types.js';

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

/**
 * What the console needs from a follower. source/logs/follower.ts implements it over a fleet; the
 * lead wires one per opened log view. `start` may be called once; `stop` aborts every stream.
 */
export interface LogFollowerPort {
  /** Human title, e.g. "gamedeployment/game-1 in 3 clusters". */
  readonly title: string;
  start(sink: LogSink): void;
  stop(): Promise<void>;
  stats(): FollowerStats;
}

/** What to follow. */
export type LogTarget =
  | { type: 'pod'; name: string }
  | { type: 'workload'; kind: WorkloadTargetKind; name: string }
  | { type: 'zone'; id: string }
  | { type: 'selector'; selector: string };

/** A workload kind that owns pods (its kind spec has `pods`): GameDeployment, StatefulSet, ... */
export type WorkloadTargetKind = WorkloadKind;

export interface FollowOptions {
  follow: boolean;
  /** Extra label selector ANDed with the target's (for -l with a kind/name target). */
  selector?: string;
  /** For the first open of streams present at start (later joiners are read from their start). */
  sinceSeconds?: number;
  /** Lines to show from the end for streams present at start; -1 or undefined = all. */
  tailLines?: number;
  previous?: boolean;
  /** Container name regex (default: every container). */
  container?: RegExp;
  include?: RegExp[];
  exclude?: RegExp[];
  /** Concurrent stream cap; 0 = no cap. */
  maxStreams: number;
  /** Zone label key (config.zoneLabel). */
  zoneLabel: string;
  /** How long a deleted pod's stream may drain before it is closed (ms). */
  leaveGraceMs?: number;
}

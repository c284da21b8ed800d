// The result of comparing a config repo with live (produced by source/gitops, shown by `zonectl diff`
// and the console's Diff view). Plain data, no I/O.

export type RenderTool = 'plain' | 'kustomize' | 'helm';

export type ObjectStatus = 'Synced' | 'Modified' | 'Missing' | 'Extra' | 'Unknown';
export type PredictedBy = 'server-dry-run' | 'client-three-way' | 'client-managed-fields' | 'client-two-way' | 'none';

export interface ObjectDiff {
  app: string;
  cluster: string;
  group: string;
  kind: string;
  apiVersion: string;
  namespace: string;
  name: string;
  status: ObjectStatus;
  predictedBy: PredictedBy;
  /** True when predicted-live was computed client-side (no dry-run); `note` says why. */
  approximate: boolean;
  note?: string;
  /** Server `Warning:` headers of the dry-run (unknown fields ...), and parser warnings. */
  warnings: string[];
  /** Result of the server-side dry-run apply, when one was attempted. */
  dryRun?: { ok: boolean; message?: string };
  /** Extra objects: the GitOps tool would delete them (false with Prune=false / resource-policy keep). */
  prune?: boolean;
  /** Masked, normalised YAML of both sides (absent side = ''; '' for Synced objects unless asked for). */
  liveYaml: string;
  predictedYaml: string;
  /** Unified diff live -> predicted ('' when equal). */
  diff: string;
}

export interface AppResult {
  app: string;
  cluster: string;
  namespace: string;
  path: string;
  tool: RenderTool;
  origin: string;
  status: 'Synced' | 'OutOfSync' | 'Unknown';
  error?: string;
  warnings: string[];
  objects: ObjectDiff[];
}

export interface DiffReport {
  repo: { source: string; ref: string; commit: string };
  apps: AppResult[];
  /** Errors not tied to one app (mapping file, repo). */
  errors: string[];
  durationMs: number;
  stats: { objects: number; dryRuns: number; dryRunCacheHits: number; liveRequests: number };
}

export function hasDrift(r: DiffReport): boolean {
  return r.apps.some((a) => a.objects.some((o) => o.status !== 'Synced'));
}

export function hasErrors(r: DiffReport): boolean {
  return r.errors.length > 0 || r.apps.some((a) => a.status === 'Unknown');
}

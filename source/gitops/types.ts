// Shared types of the Git-versus-live diff (source/gitops). No I/O here.
import type { IgnoreRule, QuantityRule } from './normalize.js';
import type { SensitiveRule } from './mask-diff.js';

export type RenderTool = 'plain' | 'kustomize' | 'helm';

export interface HelmSource {
  releaseName?: string;
  /** Relative to the chart path (like Argo CD), or repo-absolute with a leading '/'. Later files win. */
  valueFiles?: string[];
  values?: Record<string, unknown>;
  ignoreMissingValueFiles?: boolean;
}

export interface AppSpec {
  name: string;
  /** Repo-relative directory. */
  path: string;
  type?: RenderTool; // detected from Chart.yaml / kustomization.yaml when absent
  recurse?: boolean; // plain directories: include sub-directories
  helm?: HelmSource;
  destination: { context?: string; server?: string; name?: string; namespace?: string };
  ignore?: IgnoreRule[];
  /** Where the app definition came from (zonectl.yaml, generator file ...), for messages. */
  origin: string;
}

export interface TrackingSettings {
  /** Label whose value is the app name (Argo `application.instanceLabelKey`); '' disables. */
  label: string;
  /** Argo tracking-id annotation `<app>:<group>/<Kind>:<ns>/<name>`; '' disables. */
  annotation: string;
  /** Stamp the markers onto desired objects like the GitOps tool does before comparing (rule 20). */
  inject: 'label' | 'annotation' | 'annotation+label' | 'none';
}

export interface DiffSettings {
  /** Field manager that really applies the objects (SSA removals are predicted for it). */
  fieldManager: string;
  tracking: TrackingSettings;
  statusField: 'all' | 'crd' | 'none';
  ignore: IgnoreRule[];
  quantities: QuantityRule[];
  sensitive: SensitiveRule[];
  sensitiveAnnotations: string[];
  /** Kinds listed for Extra detection in addition to the kinds an app renders ("group/Kind", core = "Kind"). */
  extraKinds: string[];
  /** Kube context per ApplicationSet destination name (when names differ from contexts). */
  clusters: Record<string, string>;
  concurrency: number;
}

export const DEFAULT_SETTINGS: DiffSettings = {
  fieldManager: 'argocd-controller',
  tracking: { label: 'app.kubernetes.io/instance', annotation: 'argocd.argoproj.io/tracking-id', inject: 'label' },
  statusField: 'all',
  ignore: [],
  quantities: [],
  sensitive: [],
  sensitiveAnnotations: [],
  extraKinds: [],
  clusters: {},
  concurrency: 16,
};

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

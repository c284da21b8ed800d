// Shared types of the Git-versus-live diff (source/gitops): what to render and compare. The report it
// produces is model/diff-report.ts (the console reads it too). No I/O here.
import type { RenderTool } from '../model/diff-report.js';
import type { IgnoreRule, QuantityRule } from './normalize.js';
import type { SensitiveRule } from './mask-diff.js';

export type { AppResult, DiffReport, ObjectDiff, ObjectStatus, PredictedBy, RenderTool } from '../model/diff-report.js';

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

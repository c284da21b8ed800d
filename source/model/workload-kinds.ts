// The workload kinds' names: the one type every layer names a workload kind by, filled in by the kinds.

/**
 * The workload kinds' model names. Each workload kind registers its name from its own file
 * (source/kinds/<kind>.ts) by augmenting this interface, so adding a kind edits nothing here:
 *   declare module '../model/workload-kinds.js' { interface WorkloadKinds { GameDeployment: true } }
 * The registry (source/kinds/registry.ts) holds the kinds themselves.
 */
export interface WorkloadKinds {}

/** e.g. 'GameStatefulSet', 'Deployment', 'Rollout' (Argo), 'KruiseRollout'. */
export type WorkloadKind = keyof WorkloadKinds & string;

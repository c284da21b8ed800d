// The log target of a workload row: only kinds whose spec owns pods (`pods`) are followed directly;
// a Rollout drives another workload and is resolved through its workloadRef by the caller.
import type { LogTarget } from '../model/logs.js';
import { podOwnerOf } from './registry.js';

/** Kind names and aliases match case-insensitively (the registry's aliases). */
export function targetForWorkload(kind: string, name: string): LogTarget | undefined {
  const k = podOwnerOf(kind);
  return k ? { type: 'workload', kind: k.kind, name } : undefined;
}

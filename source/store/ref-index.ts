// Every workload row by its own link key (model/rollouts.ts refKey: cluster, namespace, kind, name), for
// the rollout controllers that name a workload by that key (spec.workloadRef). Nearly always one row per
// key, kept as the row itself; a Set only while two rows share one (a workload deleted and made again under
// its name, in one batch). A Map per key, as before, cost ~420 bytes a workload (4.2 MiB of the
// fleet-scale console's heap at 10,000 workloads); the row itself costs the key's entry alone.
import type { WorkloadInfo } from '../model/types.js';

const NONE: readonly WorkloadInfo[] = [];

export class RefIndex {
  private readonly byKey = new Map<string, WorkloadInfo | Set<WorkloadInfo>>();

  add(key: string, row: WorkloadInfo): void {
    const v = this.byKey.get(key);
    if (v === undefined) this.byKey.set(key, row);
    else if (v instanceof Set) v.add(row);
    else if (v !== row) this.byKey.set(key, new Set([v, row]));
  }

  /** Forgets `row` (the very object added) under `key`. */
  remove(key: string, row: WorkloadInfo): void {
    const v = this.byKey.get(key);
    if (v === row) this.byKey.delete(key);
    else if (v instanceof Set && v.delete(row)) {
      if (v.size === 1) this.byKey.set(key, v.values().next().value!);
    }
  }

  /** The rows under `key`, in the order they were added. */
  rows(key: string): Iterable<WorkloadInfo> {
    const v = this.byKey.get(key);
    return v === undefined ? NONE : v instanceof Set ? v : [v];
  }
}

// Owner index for the simple garbage collector: owner uid -> (dependent uid -> current dependent).
// It holds the stored objects themselves (no key strings), and is updated on every write of an object
// that has ownerReferences, so it always points at current versions.
import type { KubeObject } from '../kube/object.js';

type Refs = KubeObject['metadata']['ownerReferences'];

export class OwnerIndex {
  private readonly byOwner = new Map<string, Map<string, KubeObject>>();

  /** Record a write: `next` replaces `prev` (either may be undefined for create / remove). */
  update(next: KubeObject | undefined, prev: KubeObject | undefined): void {
    const before: Refs = prev?.metadata.ownerReferences;
    const after: Refs = next?.metadata.ownerReferences;
    if (!before?.length && !after?.length) return;
    const uid = (next ?? prev)!.metadata.uid!;
    if (before !== after) {
      for (const r of before ?? []) {
        if (after?.some((a) => a.uid === r.uid)) continue;
        const deps = this.byOwner.get(r.uid);
        deps?.delete(uid);
        if (deps?.size === 0) this.byOwner.delete(r.uid);
      }
    }
    if (!next) return;
    for (const r of after ?? []) {
      let deps = this.byOwner.get(r.uid);
      if (!deps) this.byOwner.set(r.uid, (deps = new Map()));
      deps.set(uid, next);
    }
  }

  /** Current dependents of an owner (a snapshot array). */
  dependents(ownerUid: string): KubeObject[] {
    const deps = this.byOwner.get(ownerUid);
    return deps ? [...deps.values()] : [];
  }

  /** Calls fn with each current dependent of an owner (fn must not change the index). */
  forEachDependent(ownerUid: string, fn: (o: KubeObject) => void): void {
    this.byOwner.get(ownerUid)?.forEach(fn);
  }
}

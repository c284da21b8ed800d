// One object per distinct action availability (action, possible, reason). Every workload row carries
// about seven of them and most rows of a fleet say the same things ("no rollout in progress"), so the
// 3-cluster demo world held ~50,000 equal small objects and ~18,000 equal reasons built anew by the
// message formatter (each a tree of concatenated strings). Shared objects are frozen: a reader that wants a
// different availability makes its own (as use-availability.ts does), never edits one in place.
import type { ActionAvailability, ActionName } from '../../model/types.js';

/** Entries per generation: far above the distinct reasons of a fleet, so a miss only costs sharing. */
const MAX = 4096;
let young = new Map<string, ActionAvailability>();
let old = new Map<string, ActionAvailability>();

/** The shared availability equal to { action, possible, reason } (reason left out when undefined). */
export function sharedAvailability(action: ActionName, possible: boolean, reason: string | undefined): ActionAvailability {
  const key = `${possible ? '+' : '-'}${action}\u0000${reason ?? ''}`;
  let a = young.get(key);
  if (a) return a;
  a = old.get(key);
  a ??= Object.freeze(reason === undefined ? { action, possible } : { action, possible, reason });
  if (young.size >= MAX) {
    old = young;
    young = new Map();
  }
  young.set(key, a);
  return a;
}

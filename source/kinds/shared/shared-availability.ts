// One object per distinct action availability (action, possible, reason). Every workload row carries
// about seven of them and most rows of a fleet say the same things ("no rollout in progress"), so the
// 3-cluster demo world held ~50,000 equal small objects and ~18,000 equal reasons built anew by the
// message formatter (each a tree of concatenated strings). Shared objects are frozen: a reader that wants a
// different availability makes its own (as use-availability.ts does), never edits one in place.
//
// A reason may also be given unworded (LazyReason: the message key and values): it is put into words
// when first read. A workload read words seven verdicts, yet the console shows those of the selected row
// only (and a plan those of its target): the first frame no longer formats every row's (--cpu-prof:
// the largest item of the first snapshot after the reads themselves).
import { currentLang, tIn, type MessageKey, type MessageValues } from '../../i18n/t.js';
import type { Lang } from '../../i18n/lang.js';
import type { ActionAvailability, ActionName } from '../../model/action-types.js';

/** A reason not yet in words: `prefix` + t(key, values) in the language of the moment it was given, worded on its first read. */
export interface LazyReason {
  key: MessageKey;
  values?: MessageValues;
  /** Put before the words as it is (the planners' "warning: " code, English in every language). */
  prefix?: string;
}

function lazyKey(lng: Lang, r: LazyReason): string {
  let k = `\u0002${lng}\u0000${r.prefix ?? ''}\u0000${r.key}`;
  // The type is part of the key, as in t()'s memo: ICU formats 1 and "1" differently (plurals).
  if (r.values) for (const n in r.values) k += `\u0000${n}\u0001${typeof r.values[n] === 'number' ? '#' : '$'}${r.values[n]}`;
  return k;
}

function made(action: ActionName, possible: boolean, reason: string | LazyReason | undefined, lng: Lang): ActionAvailability {
  if (reason === undefined || typeof reason === 'string')
    return Object.freeze(reason === undefined ? { action, possible } : { action, possible, reason });
  let text: string | undefined;
  const a = { action, possible } as ActionAvailability;
  // Enumerable: spreads, JSON and equality see a `reason` like any other.
  Object.defineProperty(a, 'reason', {
    enumerable: true,
    get: () => (text ??= (reason.prefix ?? '') + tIn(lng, reason.key, reason.values)),
  });
  return Object.freeze(a);
}

/** Entries per generation: far above the distinct reasons of a fleet, so a miss only costs sharing. */
const MAX = 4096;
let young = new Map<string, ActionAvailability>();
let old = new Map<string, ActionAvailability>();

/** The shared availability equal to { action, possible, reason } (reason left out when undefined). */
export function sharedAvailability(action: ActionName, possible: boolean, reason: string | LazyReason | undefined): ActionAvailability {
  const lng = currentLang();
  const key = `${possible ? '+' : '-'}${action}\u0000${typeof reason === 'object' ? lazyKey(lng, reason) : (reason ?? '')}`;
  let a = young.get(key);
  if (a) return a;
  a = old.get(key);
  a ??= made(action, possible, reason, lng);
  if (young.size >= MAX) {
    old = young;
    young = new Map();
  }
  young.set(key, a);
  return a;
}

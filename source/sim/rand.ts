// Seeded, deterministic randomness for the simulator. Nothing in source/sim uses Math.random:
// every random choice comes from a Rand derived from the demo seed, so a seed reproduces a world.

/** FNV-1a 32-bit hash of a string. */
export function fnv32a(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

// k8s.io/apimachinery/pkg/util/rand.SafeEncodeString alphabet (no vowels, no confusable digits).
const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** Like Go's rand.SafeEncodeString(fmt.Sprint(n)): maps each decimal digit of n into the safe alphabet. */
export function safeEncode(n: number): string {
  const digits = String(n >>> 0);
  let out = '';
  for (let i = 0; i < digits.length; i++) out += SAFE_ALPHABET[digits.charCodeAt(i) % SAFE_ALPHABET.length];
  return out;
}

/** Stable JSON (sorted keys) so hashes do not depend on property insertion order. */
export function stableJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`).join(',')}}`;
}

/** Hash of any JSON value, encoded like Kubernetes revision hashes (e.g. "6d5f7c9b8"). */
export function hashOf(v: unknown): string {
  return safeEncode(fnv32a(stableJson(v)));
}

/** Deterministic 32-bit mix of several integers/strings (for stateless per-item randomness). */
export function mix(...parts: Array<number | string>): number {
  let h = 0x9e3779b9;
  for (const p of parts) h = fnv32a(typeof p === 'number' ? String(p) : p, h ^ 0x811c9dc5);
  // final avalanche (murmur3 fmix32)
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/** Float in [0,1) from mix(). */
export function unit(...parts: Array<number | string>): number {
  return mix(...parts) / 4294967296;
}

/** A seeded PRNG (mulberry32). fork() derives an independent stream from a label. */
export class Rand {
  private state: number;
  constructor(readonly seed: number | string) {
    this.state = typeof seed === 'number' ? seed >>> 0 : fnv32a(seed);
  }
  /** Float in [0,1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [min, max] inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  /** Lowercase alphanumeric id like the suffixes Kubernetes generates ("x7k2p"). */
  id(len = 5): string {
    let s = '';
    for (let i = 0; i < len; i++) s += SAFE_ALPHABET[Math.floor(this.next() * SAFE_ALPHABET.length)];
    return s;
  }
  hex(len: number): string {
    let s = '';
    for (let i = 0; i < len; i++) s += '0123456789abcdef'[Math.floor(this.next() * 16)];
    return s;
  }
  fork(label: string): Rand {
    return new Rand(mix(this.seed, label));
  }
}

/** A flat (non-rope) copy of a string: V8 keeps `a + b` as a tree of parts, which costs memory when stored. */
export function flat(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

/** Deterministic hex string from a key (e.g. container ids, image digests); same values as mix(key, i) words. */
export function hexOf(key: string, len = 64): string {
  // mix(key, i) hashes key first and i second: hash the key once for all words
  const hk = fnv32a(key, 0x9e3779b9 ^ 0x811c9dc5);
  const words: string[] = [];
  let n = 0;
  for (let i = 0; n < len; i++) {
    let h = fnv32a(String(i), hk ^ 0x811c9dc5);
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b) >>> 0;
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35) >>> 0;
    h ^= h >>> 16;
    const w = (h >>> 0).toString(16).padStart(8, '0');
    words.push(n + 8 > len ? w.slice(0, len - n) : w);
    n += 8;
  }
  return words.join(''); // join builds one flat string (no rope)
}

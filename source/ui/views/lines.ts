// Helpers to build detail-view lines.
import { displayWidth } from '../text/width.js';
import type { Token } from '../theme/theme.js';
import type { DrillTarget, Line, PodRef, Seg } from './types.js';

export class LineBuilder {
  readonly lines: Line[] = [];
  private n = 0;
  private readonly seen = new Set<string>();

  /** Adds a line; `key` must be stable across updates (selection follows it). */
  add(key: string, segs: Array<Seg | string | false | undefined>, drill?: DrillTarget, pod?: PodRef): void {
    const parts: Seg[] = [];
    for (const s of segs) {
      if (s === false || s === undefined || s === '') continue;
      parts.push(typeof s === 'string' ? { text: s } : s);
    }
    let k = key;
    for (let i = 2; this.seen.has(k); i++) k = `${key}#${i}`;
    this.seen.add(k);
    this.lines.push(pod ? { key: k, segs: parts, drill, pod } : { key: k, segs: parts, drill });
  }

  heading(text: string): void {
    this.add(`h:${text}`, [{ text, token: 'title' }]);
  }

  blank(): void {
    this.add(`blank:${this.n++}`, []);
  }

  kv(key: string, label: string, value: string, token?: Token): void {
    this.add(`kv:${key}`, [
      { text: `  ${padCells(label, 12)} `, token: 'muted' },
      { text: value, token },
    ]);
  }
}

/** `s` padded with spaces to `cells` terminal cells (a Chinese label is twice as wide as its length). */
export function padCells(s: string, cells: number): string {
  const w = displayWidth(s);
  return w >= cells ? s : s + ' '.repeat(cells - w);
}

/** Keys whose values are never shown (Secret data, passwords, tokens). */
const SENSITIVE = /(pass(word)?|secret|token|credential|private[-_]?key|api[-_]?key|auth)/i;

export function isSensitiveKey(k: string): boolean {
  return SENSITIVE.test(k);
}

/** Flattens a JSON value into "path = value" pairs (JSON-pointer-like paths), masking sensitive keys. */
export function flatten(value: unknown, limit = 200): Array<{ path: string; value: string }> {
  const out: Array<{ path: string; value: string }> = [];
  const walk = (v: unknown, path: string, masked: boolean): void => {
    if (out.length >= limit) return;
    if (Array.isArray(v)) {
      if (v.length === 0) out.push({ path: path || '/', value: '[]' });
      v.forEach((x, i) => walk(x, `${path}/${i}`, masked));
      return;
    }
    if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v as Record<string, unknown>);
      if (entries.length === 0) out.push({ path: path || '/', value: '{}' });
      for (const [k, x] of entries) walk(x, `${path}/${k}`, masked || isSensitiveKey(k));
      return;
    }
    out.push({ path: path || '/', value: masked ? '********' : JSON.stringify(v) });
  };
  walk(value, '', false);
  return out;
}

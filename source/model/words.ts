// Translated words memoized per language, for cells computed per row: a table of 10k rows rebuilt on
// every clock tick must not pay an ICU format (microseconds) per cell. A word without values is looked
// up once per language; a phrase with values is kept until the memo grows past a bound.
import { currentLang, t, type MessageKey, type MessageValues } from '../i18n/t.js';

const MAX = 4096;
let lang = currentLang();
const words = new Map<MessageKey, string>();
const phrases = new Map<string, string>();
const tables = new Set<Map<string, string>>();

function fresh(): void {
  const now = currentLang();
  if (now === lang) return;
  lang = now;
  words.clear();
  phrases.clear();
  for (const m of tables) m.clear();
}

/** `compute(text)` once per language and text (bounded): a per-row wording of a repeated message. */
export function memoized(table: Map<string, string>, text: string, compute: (text: string) => string): string {
  fresh();
  tables.add(table);
  let v = table.get(text);
  if (v === undefined) {
    if (table.size >= MAX) table.clear();
    table.set(text, (v = compute(text)));
  }
  return v;
}

/** t(key) once per language. */
export function word(key: MessageKey): string {
  fresh();
  let w = words.get(key);
  if (w === undefined) words.set(key, (w = t(key)));
  return w;
}

/** t(key, values), memoized per language and values (bounded: cleared when it grows past MAX). */
export function phrase(key: MessageKey, values: MessageValues): string {
  fresh();
  let id = key;
  for (const k in values) id += `\u0000${k}\u0001${values[k]}`;
  let p = phrases.get(id);
  if (p === undefined) {
    if (phrases.size >= MAX) phrases.clear();
    phrases.set(id, (p = t(key, values)));
  }
  return p;
}

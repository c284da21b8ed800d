// Wordings computed per row, memoized per language, for cells computed per row: a table of 10k rows rebuilt
// on every clock tick must not pay an ICU format (microseconds) per cell. Plain messages need nothing here:
// t() keeps them itself (i18n/t.ts: by language, key and typed values, bounded). `memoized` keeps what a
// caller computes from a text (a reworded API message), which t() cannot know.
import { currentLang } from '../i18n/t.js';

const MAX = 4096;
let lang = currentLang();
const tables = new Set<Map<string, string>>();

function fresh(): void {
  const now = currentLang();
  if (now === lang) return;
  lang = now;
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

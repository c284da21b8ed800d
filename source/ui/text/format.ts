// Small pure formatters the views need beyond source/model/format.ts (age, shortDuration and
// imageTag live there, shared with scripted output, so the console and `zonectl zones` agree).

/** Epoch milliseconds of a timestamp; 0 when unknown (sorts first). */
export function ms(t: string | undefined): number {
  if (!t) return 0;
  const v = Date.parse(t);
  return Number.isNaN(v) ? 0 : v;
}

/** Short revision hash: the suffix after the last '-' (controller-revision-hash style). */
export function shortRev(rev: string | undefined): string {
  if (!rev) return '-';
  const i = rev.lastIndexOf('-');
  return i >= 0 && i < rev.length - 1 ? rev.slice(i + 1) : rev;
}

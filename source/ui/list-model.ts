// Filter and sort a list view's rows. Pure; memoized by the caller.
import { compileFilter } from './filter.js';
import type { Row } from './views/types.js';

/** Rows of the cluster and namespace in scope (null: every one; rows without a namespace always) that match the filter. */
export function filterRows(rows: readonly Row[], cluster: string | null, filter: string, namespace: string | null = null): Row[] {
  const f = compileFilter(filter);
  if (cluster === null && namespace === null && f.empty) return rows as Row[];
  return rows.filter(
    (r) =>
      (cluster === null || r.cluster === cluster) &&
      (namespace === null || r.namespace === undefined || r.namespace === namespace) &&
      f.test(r.search),
  );
}

function cmp(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The list order by one column, ties broken by row key so equal rows never swap between updates. */
export function rowOrder(col: number, desc: boolean): (x: Row, y: Row) => number {
  const dir = desc ? -1 : 1;
  return (x, y) => dir * cmp(x.sort[col] ?? '', y.sort[col] ?? '') || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0);
}

/** Stable sort by one column, ties broken by row key (rowOrder). */
export function sortRows(rows: readonly Row[], col: number, desc: boolean): Row[] {
  return [...rows].sort(rowOrder(col, desc));
}

/** Rows with a problem first, each part in its given order (stable): the zones and rollouts views' default order. */
export function problemsFirst(rows: readonly Row[], problems: ReadonlySet<string>): Row[] {
  if (!problems.size) return rows as Row[];
  const first: Row[] = [];
  const rest: Row[] = [];
  for (const r of rows) (problems.has(r.key) ? first : rest).push(r);
  return first.length ? first.concat(rest) : (rows as Row[]);
}

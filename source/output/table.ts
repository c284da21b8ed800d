// kubectl-style plain tables: upper-case headers, columns separated by 3 spaces, widths by display
// width (CJK counts double), no colour. Used by scripted commands only (the UI has its own).
import stringWidth from 'string-width';

export interface Column<T> {
  /** The column definition's id (model/columns), when it comes from one: what code picks a column by. */
  id?: string;
  /** The header as printed (already in the run's language). */
  header: string;
  get: (row: T) => string;
  /** Only with -o wide. */
  wide?: boolean;
}

export function pad(s: string, width: number): string {
  const w = stringWidth(s);
  return w >= width ? s : s + ' '.repeat(width - w);
}

export function renderTable<T>(rows: T[], columns: Column<T>[], wide: boolean): string {
  const cols = columns.filter((c) => wide || !c.wide);
  const cells = rows.map((r) => cols.map((c) => sanitize(c.get(r))));
  const widths = cols.map((c, i) => Math.max(stringWidth(c.header), ...cells.map((row) => stringWidth(row[i]!))));
  const line = (vals: string[]) =>
    vals
      .map((v, i) => (i === vals.length - 1 ? v : pad(v, widths[i]!)))
      .join('   ')
      .trimEnd();
  return [line(cols.map((c) => c.header)), ...cells.map(line)].join('\n') + '\n';
}

/** Strip control characters so object content can't drive the terminal. */
export function sanitize(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}

// -o table|wide|json|yaml|name for scripted commands. JSON/YAML wrap rows in a stable envelope:
// { apiVersion: "zonectl.io/v1", kind: "<Kind>List", items: [...], errors: [{cluster, message}] }.
import { stringify } from 'yaml';
import { type Column, renderTable } from './table.js';

export type OutputFormat = 'table' | 'wide' | 'json' | 'yaml' | 'name';
export const OUTPUT_FORMATS: OutputFormat[] = ['table', 'wide', 'json', 'yaml', 'name'];

export interface ListEnvelope<T> {
  apiVersion: 'zonectl.io/v1';
  kind: string;
  items: T[];
  errors: Array<{ cluster: string; message: string }>;
}

export function renderList<T>(opts: {
  kind: string;
  rows: T[];
  columns: Column<T>[];
  format: OutputFormat;
  name: (row: T) => string;
  toJSON: (row: T) => unknown;
  errors: Array<{ cluster: string; message: string }>;
  empty: string;
}): string {
  const { format, rows } = opts;
  if (format === 'json' || format === 'yaml') {
    const env: ListEnvelope<unknown> = {
      apiVersion: 'zonectl.io/v1',
      kind: `${opts.kind}List`,
      items: rows.map(opts.toJSON),
      errors: opts.errors,
    };
    return format === 'json' ? JSON.stringify(env, null, 2) + '\n' : stringify(env);
  }
  if (format === 'name') return rows.map((r) => opts.name(r) + '\n').join('');
  if (rows.length === 0) return '';
  return renderTable(rows, opts.columns, format === 'wide');
}

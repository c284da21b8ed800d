// Server-side tables (`Accept: application/json;as=Table;v=v1;g=meta.k8s.io`), built like the apiserver's:
// - built-in kinds by the printers of k8s.io/kubernetes pkg/printers/internalversion (always "wide": the
//   priority-1 columns are sent and clients hide them), the kinds the simulator serves;
// - custom resources by apiextensions' tableconvertor: Name, then the CRD's additionalPrinterColumns read with
//   JSONPath and typed (integer/number/boolean/string/date, a date shown as an age), or one Age column when the
//   CRD has none;
// - any other built-in kind by rest.DefaultTableConvertor: Name, Created At.
// Each row carries its object per `includeObject` (handlers/response.go asTable): Metadata (the default) a
// PartialObjectMetadata, Object the whole object, None null.
import type { KubeObject } from '../../kube/object.js';
import { typeKey, type ResourceInfo } from '../registry.js';
import { badRequest } from './status.js';
import { BUILTIN, eventPrinter } from './table-builtin.js';
import { c, CREATED_DOC, nameCol, type Printer } from './table-columns.js';
import { crdPrinter } from './table-crd.js';

const BUILTIN_GROUPS = new Set(['', 'apps', 'events.k8s.io', 'authorization.k8s.io', 'apiextensions.k8s.io']);

function printerFor(info: ResourceInfo): Printer {
  if (info.resource === 'events' && (info.group === '' || info.group === 'events.k8s.io')) return eventPrinter();
  const builtin = BUILTIN[typeKey(info)];
  if (builtin) return builtin;
  if (BUILTIN_GROUPS.has(info.group)) {
    return {
      columns: [nameCol, c('Created At', CREATED_DOC, { type: 'date' })],
      cells: (o) => [o.metadata.name ?? '', o.metadata.creationTimestamp ?? null],
    };
  }
  return crdPrinter(
    info.printerColumns?.length
      ? info.printerColumns
      : [{ name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp', description: CREATED_DOC }],
  );
}

export type IncludeObject = 'None' | 'Object' | 'Metadata';

/** metav1 TableOptions from the query, validated like ValidateTableOptions. */
export function includeObjectOf(value: string | undefined): IncludeObject {
  if (value === undefined || value === '' || value === 'Metadata') return 'Metadata';
  if (value === 'None' || value === 'Object') return value;
  throw badRequest(
    `Unable to convert to Table as requested: includeObject: Invalid value: "${value}": must be 'Metadata', 'Object', 'None', or empty`,
  );
}

export interface TableOptions {
  includeObject: IncludeObject;
  /** meta.k8s.io version of the Table (v1 or v1beta1). */
  version: string;
  noHeaders?: boolean;
  now?: number;
}

function rowObject(o: KubeObject, opts: TableOptions): unknown {
  if (opts.includeObject === 'None') return null;
  if (opts.includeObject === 'Object') return o;
  return { kind: 'PartialObjectMetadata', apiVersion: `meta.k8s.io/${opts.version}`, metadata: o.metadata };
}

/** The rows of a table, one per object (for streaming big lists row by row). */
export function tableRows(info: ResourceInfo, items: readonly KubeObject[], opts: TableOptions): unknown[] {
  const printer = printerFor(info);
  const now = opts.now ?? Date.now();
  return items.map((o) => {
    const row: Record<string, unknown> = { cells: printer.cells(o, now) };
    const cond = printer.conditions?.(o);
    if (cond) row.conditions = cond;
    row.object = rowObject(o, opts);
    return row;
  });
}

/** The Table's head: kind, apiVersion, list metadata and (unless noHeaders) the column definitions. */
export function tableHead(info: ResourceInfo, metadata: Record<string, unknown>, opts: TableOptions): Record<string, unknown> {
  return {
    kind: 'Table',
    apiVersion: `meta.k8s.io/${opts.version}`,
    metadata,
    columnDefinitions: opts.noHeaders ? null : printerFor(info).columns,
  };
}

export function toTable(info: ResourceInfo, items: readonly KubeObject[], metadata: Record<string, unknown>, opts: TableOptions): unknown {
  return { ...tableHead(info, metadata, opts), rows: tableRows(info, items, opts) };
}

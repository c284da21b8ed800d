// A custom resource's table printer, as apiextensions' tableconvertor builds it: Name, then the CRD's
// additionalPrinterColumns read with JSONPath and typed (a date shown as an age).
import type { PrinterColumn } from '../registry.js';
import { humanDuration, nameCol, type Cell, type Printer } from './table-columns.js';

export function crdPrinter(cols: PrinterColumn[]): Printer {
  const paths = cols.map((col) => parseJsonPath(col.jsonPath));
  return {
    columns: [
      nameCol,
      ...cols.map((col) => ({
        name: col.name,
        type: col.type,
        format: col.format ?? '',
        description: col.description ?? `Custom resource definition column (in JSONPath format): ${col.jsonPath}`,
        priority: col.priority ?? 0,
      })),
    ],
    cells: (o, now) => [o.metadata.name ?? '', ...cols.map((col, i) => cellForJsonValue(col.type, evalJsonPath(paths[i], o), now))],
  };
}

/** tableconvertor.go cellForJSONValue (string columns print the value the way kubectl's JSONPath printer does). */
function cellForJsonValue(type: PrinterColumn['type'], value: unknown, now: number): Cell {
  if (value === undefined || value === null) return null;
  switch (type) {
    case 'integer':
      return typeof value === 'number' ? Math.trunc(value) : null;
    case 'number':
      return typeof value === 'number' ? value : null;
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
    case 'string':
      return typeof value === 'string' ? value : JSON.stringify(value);
    case 'date':
      if (typeof value !== 'string') return null;
      return Number.isNaN(Date.parse(value)) ? '<invalid>' : humanDuration(now - Date.parse(value));
  }
}

type Step = { field: string } | { index: number } | { filter: { key: string; value: string } };

/** The simple JSONPath CRDs use: `.a.b`, `.a[0]`, `.a['b.c']`, `.a[?(@.k=='v')].b`. */
export function parseJsonPath(path: string): Step[] {
  const steps: Step[] = [];
  const re = /\.([A-Za-z0-9_$-]+)|\[(\d+)\]|\['([^']*)'\]|\[\?\(@\.([A-Za-z0-9_.-]+)\s*==\s*['"]([^'"]*)['"]\)\]/gy;
  const p = path.replace(/^\{|\}$/g, '');
  let m: RegExpExecArray | null;
  while (re.lastIndex < p.length && (m = re.exec(p))) {
    if (m[1] !== undefined) steps.push({ field: m[1] });
    else if (m[2] !== undefined) steps.push({ index: Number(m[2]) });
    else if (m[3] !== undefined) steps.push({ field: m[3] });
    else steps.push({ filter: { key: m[4], value: m[5] } });
  }
  return steps;
}

function evalJsonPath(steps: Step[], root: unknown): unknown {
  let cur: unknown = root;
  for (const s of steps) {
    if (cur === undefined || cur === null) return undefined;
    if ('field' in s) cur = (cur as Record<string, unknown>)[s.field];
    else if ('index' in s) cur = Array.isArray(cur) ? cur[s.index] : undefined;
    else
      cur = Array.isArray(cur) ? cur.find((x) => x && String((x as Record<string, unknown>)[s.filter.key]) === s.filter.value) : undefined;
  }
  return cur;
}

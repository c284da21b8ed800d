// One line per planned write for the confirm dialog, --dry-run and the audit record. Pure. English in
// every language: the audit record's `writes` carry these lines, and they are field paths and values.
import type { PlanPatchType } from './types.js';

const short = (v: unknown): string => {
  const t = JSON.stringify(v) ?? 'null';
  return t.length > 60 ? `${t.slice(0, 57)}...` : t;
};

/** What a write changes, from its body: leaf paths of a merge patch, ops of a JSON patch (no test ops,
 * no resourceVersion; only primitive values, so a restored pod template never prints its env). */
export function describeBody(patchType: PlanPatchType, body: unknown): string {
  const parts: string[] = [];
  if (patchType === 'json' && Array.isArray(body)) {
    for (const op of body as Array<{ op: string; path: string; value?: unknown }>) {
      if (op.op === 'test') continue;
      const v = op.value;
      parts.push(`${op.op} ${op.path}${v !== null && typeof v === 'object' ? '' : v === undefined ? '' : ` = ${short(v)}`}`);
    }
  } else {
    const walk = (o: unknown, path: string) => {
      if (o !== null && typeof o === 'object' && !Array.isArray(o)) {
        for (const [k, v] of Object.entries(o)) {
          const p = path ? `${path}.${k}` : k;
          if (p === 'metadata.resourceVersion') continue;
          if (path === 'metadata.annotations') parts.push(`annotation ${k}${v === null ? ' removed' : ''}`);
          else walk(v, p);
        }
      } else parts.push(`${path} = ${Array.isArray(o) ? `[${o.length} items]` : short(o)}`);
    };
    walk(body, '');
  }
  return parts.join(', ');
}

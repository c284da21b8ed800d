// One entry point for the store and the list commands: wire object -> model row, by kind.
import type { KubeObject } from '../kube/object.js';
import type { ReadContext } from './shared/context.js';
import { type GameZoneTypeOptions, knownKindOf, specOf } from './registry.js';
import type { ReadResult } from './spec.js';

export type { ReadResult } from './spec.js';

/** Read by a kind the caller already knows (e.g. the watch it came from). undefined for kinds with no model row. */
export function readAs(kind: string, cluster: string, obj: KubeObject, ctx?: ReadContext): ReadResult | undefined {
  const s = specOf(kind);
  if (!s || s.role === 'type') return undefined;
  return { type: s.role, row: s.read(cluster, obj, ctx) } as ReadResult;
}

/** Read any object by its own apiVersion/kind. */
export function readObject(cluster: string, obj: KubeObject, ctx?: ReadContext, gameZone?: GameZoneTypeOptions): ReadResult | undefined {
  const kind = knownKindOf(obj?.apiVersion, obj?.kind, gameZone);
  return kind ? readAs(kind, cluster, obj, ctx) : undefined;
}

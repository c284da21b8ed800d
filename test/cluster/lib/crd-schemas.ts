// Embedded Kubernetes schemas for the CRD fixtures, generated from the apiserver's own OpenAPI v3 the way
// controller-gen embeds them in the upstream bk-bcs CRDs (research/crds.md §9): a structural schema with no
// `x-kubernetes-preserve-unknown-fields` anywhere, so the apiserver prunes every field the schema does not
// name. A fixture marks the spot with `{x-zonectl-schema: <OpenAPI definition name>}`; applyCrds() replaces
// it before the CRD is created. Nothing upstream is copied: the field list comes from the running apiserver.
import { kubeRequest, type RequestTarget } from './http.js';

type Schema = Record<string, any>;

const MARK = 'x-zonectl-schema';
const INT_OR_STRING: Schema = { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] };
/**
 * Fields of the upstream embedded pod schema's era that it predates: pruned on a real bk-bcs cluster, so
 * pruned here too (crds.md §9 saw both vanish).
 */
const PREDATES: Record<string, string[]> = {
  'io.k8s.api.core.v1.Container': ['restartPolicy', 'resizePolicy'],
};
/** What controller-gen's generateEmbeddedObjectMeta keeps of an embedded ObjectMeta (the upstream CRDs' shape). */
const EMBEDDED_META: Schema = {
  type: 'object',
  properties: {
    annotations: { type: 'object', additionalProperties: { type: 'string' } },
    finalizers: { type: 'array', items: { type: 'string' } },
    labels: { type: 'object', additionalProperties: { type: 'string' } },
    name: { type: 'string' },
    namespace: { type: 'string' },
  },
};
const SPECIAL: Record<string, Schema> = {
  'io.k8s.apimachinery.pkg.api.resource.Quantity': INT_OR_STRING,
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': INT_OR_STRING,
  'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta': EMBEDDED_META,
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time': { type: 'string', format: 'date-time' },
  'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime': { type: 'string', format: 'date-time' },
};

const cache = new Map<string, Promise<Record<string, Schema>>>();

/** The core group's OpenAPI v3 definitions of one apiserver (fetched once per server). */
function coreDefinitions(target: RequestTarget): Promise<Record<string, Schema>> {
  let defs = cache.get(target.server);
  if (!defs) {
    defs = kubeRequest(target, 'GET', '/openapi/v3/api/v1').then((res) => {
      if (res.status !== 200) throw new Error(`GET /openapi/v3/api/v1: HTTP ${res.status}`);
      return res.json.components.schemas as Record<string, Schema>;
    });
    cache.set(target.server, defs);
    defs.catch(() => cache.delete(target.server));
  }
  return defs;
}

function refName(node: Schema): string | undefined {
  const ref: string | undefined = node.$ref ?? (node.allOf?.length === 1 ? node.allOf[0].$ref : undefined);
  return ref?.replace('#/components/schemas/', '');
}

/** One OpenAPI v3 definition as a CRD structural schema: refs inlined, descriptions and enums dropped. */
export function structural(defs: Record<string, Schema>, name: string, seen: string[] = []): Schema {
  const special = SPECIAL[name];
  if (special) return structuredClone(special);
  if (seen.includes(name)) throw new Error(`recursive schema ${[...seen, name].join(' -> ')}`);
  const def = defs[name];
  if (!def) throw new Error(`no OpenAPI definition ${name}`);
  return convert(defs, def, [...seen, name], PREDATES[name] ?? []);
}

function convert(defs: Record<string, Schema>, node: Schema, seen: string[], drop: string[] = []): Schema {
  const ref = refName(node);
  if (ref) {
    const out = structural(defs, ref, seen);
    // A scalar default beside the $ref is the field's own (e.g. a port protocol's "TCP"); object defaults
    // such as `{}` are not what controller-gen emits.
    if (node.default !== undefined && typeof node.default !== 'object') out.default = node.default;
    return out;
  }
  const out: Schema = {};
  if (node.type) out.type = node.type;
  if (node.format) out.format = node.format;
  if (node.default !== undefined && typeof node.default !== 'object') out.default = node.default;
  if (node.required?.length) out.required = node.required.filter((r: string) => !drop.includes(r));
  if (node.properties) {
    out.properties = {};
    for (const [k, v] of Object.entries(node.properties as Record<string, Schema>)) {
      if (!drop.includes(k)) out.properties[k] = convert(defs, v, seen);
    }
  }
  if (node.items) out.items = convert(defs, node.items, seen);
  if (node.additionalProperties && typeof node.additionalProperties === 'object') {
    out.additionalProperties = convert(defs, node.additionalProperties, seen);
  }
  if (!out.type && !out['x-kubernetes-int-or-string']) out.type = 'object';
  return out;
}

/** Replace every `{x-zonectl-schema: NAME}` node of a CRD with the generated schema (in place). */
export async function expandSchemas(target: RequestTarget, crd: Schema): Promise<Schema> {
  const marks: Array<{ parent: Schema; key: string; name: string }> = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node as Schema)) {
      if (v && typeof v === 'object' && typeof (v as Schema)[MARK] === 'string') {
        marks.push({ parent: node as Schema, key: k, name: (v as Schema)[MARK] });
      } else walk(v);
    }
  };
  walk(crd);
  if (marks.length === 0) return crd;
  const defs = await coreDefinitions(target);
  for (const m of marks) m.parent[m.key] = structural(defs, m.name);
  return crd;
}

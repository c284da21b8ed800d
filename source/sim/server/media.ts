// Content negotiation as the apiserver does it (k8s.io/apiserver endpoints/handlers/negotiation): the Accept
// clauses in q/specificity order, each matched against the media types this server encodes, with the
// `as=Table|PartialObjectMetadata|PartialObjectMetadataList;g=meta.k8s.io;v=v1|v1beta1` transforms. Like a
// custom resource's endpoint, the simulator encodes JSON and YAML only: a clause for protobuf is passed over
// (`application/vnd.kubernetes.protobuf, application/json` gets JSON) and nothing acceptable is a 406 with the
// apiserver's wording (which names protobuf, as it does for custom resources). Error bodies come in the
// negotiated type too (errorMedia), JSON when nothing fits, as the apiserver's ErrorNegotiated does.
// Request bodies: JSON, YAML, and protobuf for the few built-in types client-go sends that way (protobuf.ts).
import YAML from 'yaml';
import { HttpError } from './status.js';

export type Transform = 'Table' | 'PartialObjectMetadata' | 'PartialObjectMetadataList';

export interface Negotiated {
  /** The encoding of the response body. */
  format: 'json' | 'yaml';
  /** The meta.k8s.io kind the response is converted to, if any. */
  as?: Transform;
  /** Its meta.k8s.io version (v1 or v1beta1). */
  asVersion?: string;
  pretty: boolean;
}

/** What the simulator can write: every endpoint, like a custom resource's (no protobuf, no CBOR). */
const OUTPUT = [
  { type: 'application', subtype: 'json' },
  { type: 'application', subtype: 'yaml' },
];
const OUTPUT_NAMES = OUTPUT.map((o) => `${o.type}/${o.subtype}`);
/** What a 406 names: the apiserver's serializers (custom resources too, measured on kube-apiserver 1.36). */
const NAMED = [...OUTPUT_NAMES, 'application/vnd.kubernetes.protobuf'];
const NAMED_STREAM = ['application/json;stream=watch', 'application/vnd.kubernetes.protobuf;stream=watch'];

interface Clause {
  type: string;
  subtype: string;
  q: number;
  params: Record<string, string>;
}

/** goautoneg.ParseAccept: clauses sorted by q (desc), then concrete before wildcard; q=0 dropped. */
export function parseAccept(header: string): Clause[] {
  const out: Clause[] = [];
  for (const part of header.split(',')) {
    const [range, ...rest] = part.split(';').map((s) => s.trim());
    if (!range) continue;
    const [type, subtype = '*'] = range.split('/', 2).map((s) => s.trim().toLowerCase());
    const params: Record<string, string> = {};
    let q = 1;
    for (const p of rest) {
      const eq = p.indexOf('=');
      if (eq < 0) continue;
      const k = p.slice(0, eq).trim();
      const v = p.slice(eq + 1).trim();
      if (k === 'q') q = Number.parseFloat(v);
      else params[k] = v;
    }
    if (!(q > 0)) continue;
    out.push({ type, subtype, q, params });
  }
  const rank = (c: Clause): number => (c.type === '*' ? 2 : c.subtype === '*' ? 1 : 0);
  return out
    .map((c, i) => ({ c, i }))
    .sort((a, b) => b.c.q - a.c.q || rank(a.c) - rank(b.c) || a.i - b.i)
    .map((x) => x.c);
}

/**
 * The response media type for a request's Accept header, or a 406 like the apiserver's:
 * `only the following media types are accepted: application/json, application/yaml`.
 * `stream`: a watch, which only JSON can carry here (the YAML serializer has no stream framing);
 * `table: false`: the type has no table convertor.
 */
export function negotiate(accept: string | undefined, opts: { stream?: boolean; table?: boolean } = {}): Negotiated {
  if (!accept) return { format: 'json', pretty: false };
  for (const c of parseAccept(accept)) {
    for (const o of OUTPUT) {
      const match = (c.type === o.type && (c.subtype === o.subtype || c.subtype === '*')) || (c.type === '*' && c.subtype === '*');
      if (!match) continue;
      const n = acceptOptions(c.params, o.subtype as 'json' | 'yaml', opts.stream === true);
      // a type with no table convertor (the access reviews) refuses as=Table
      if (n && !(n.as === 'Table' && opts.table === false)) return n;
    }
  }
  throw notAcceptable(opts.stream ? NAMED_STREAM : NAMED);
}

function acceptOptions(params: Record<string, string>, format: 'json' | 'yaml', stream: boolean): Negotiated | undefined {
  let as: string | undefined;
  let g: string | undefined;
  let v: string | undefined;
  let convert = false;
  let pretty = false;
  for (const [k, val] of Object.entries(params)) {
    if (k === 'as') ((as = val), (convert = true));
    else if (k === 'g') ((g = val), (convert = true));
    else if (k === 'v') ((v = val), (convert = true));
    // the YAML serializer has no stream serializer: a watch in YAML is not acceptable
    else if (k === 'stream') {
      if (val && (val !== 'watch' || format !== 'json')) return undefined;
    } else if (k === 'sv') {
      if (val) return undefined;
    } else if (k === 'pretty') pretty = val === '1';
  }
  if (stream && format !== 'json') return undefined;
  if (!convert) return { format, pretty };
  // RequestScope.AllowsMediaTypeTransform: only meta.k8s.io v1/v1beta1 Table (json|yaml) and PartialObjectMetadata(List)
  if ((g ?? '') !== 'meta.k8s.io' || (v !== 'v1' && v !== 'v1beta1')) return undefined;
  if (as === 'Table' || as === 'PartialObjectMetadata' || as === 'PartialObjectMetadataList') return { format, as, asVersion: v, pretty };
  return undefined;
}

function notAcceptable(types: string[]): HttpError {
  return new HttpError(406, 'NotAcceptable', `only the following media types are accepted: ${types.join(', ')}`);
}

/** The Content-Type and body of a response in the negotiated format. */
export function encodeBody(n: Pick<Negotiated, 'format' | 'pretty'>, body: unknown): { contentType: string; text: string } {
  if (n.format === 'yaml') return { contentType: 'application/yaml', text: YAML.stringify(body) };
  return { contentType: 'application/json', text: n.pretty ? `${JSON.stringify(body, null, 2)}\n` : JSON.stringify(body) };
}

/** The media type of an error Status: the Accept header's, ignoring `as=` transforms; JSON when nothing fits. */
export function errorMedia(accept: string | undefined): Pick<Negotiated, 'format' | 'pretty'> {
  try {
    const n = negotiate(accept);
    return { format: n.format, pretty: n.pretty };
  } catch {
    return { format: 'json', pretty: false };
  }
}

export type BodyFormat = 'json' | 'yaml' | 'protobuf';

/**
 * The format of a create/update body from its Content-Type (NegotiateInputSerializer): JSON when absent,
 * YAML, or protobuf (decoded only for the types protobuf.ts knows; others answer 415 there); anything else 415.
 */
export function bodyFormat(contentType: string | undefined): BodyFormat {
  const t = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (t === '' || t === 'application/json') return 'json';
  if (t === 'application/yaml') return 'yaml';
  if (t === 'application/vnd.kubernetes.protobuf') return 'protobuf';
  throw unsupportedMediaType();
}

export function unsupportedMediaType(): HttpError {
  return new HttpError(
    415,
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: ${OUTPUT_NAMES.join(', ')}`,
  );
}

// Reads the protobuf request bodies client-go sends for built-in types (typed clients prefer
// `application/vnd.kubernetes.protobuf` since client-go 0.34: k9s's SelfSubjectAccessReviews, typed deletes).
// The wire format (k8s.io/apimachinery runtime/serializer/protobuf): the magic `k8s\0`, then a
// runtime.Unknown {typeMeta{apiVersion=1, kind=2}=1, raw=2, contentEncoding=3, contentType=4} whose `raw`
// is the object's own message. Only the messages below are known (field numbers from k8s.io/api
// authorization/v1 and apimachinery meta/v1 generated.proto); any other type is refused with a 415, as the
// apiserver refuses a body it cannot decode.
import { badRequest } from './status.js';
import { unsupportedMediaType } from './media.js';

const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

type Field = { n: number; name: string; kind: 'string' | 'bool' | 'int' | 'strings' | Schema };
interface Schema {
  fields: Field[];
}

const objectMeta: Schema = {
  fields: [
    { n: 1, name: 'name', kind: 'string' },
    { n: 2, name: 'generateName', kind: 'string' },
    { n: 3, name: 'namespace', kind: 'string' },
    { n: 6, name: 'resourceVersion', kind: 'string' },
  ],
};
const selectorAttributes: Schema = { fields: [{ n: 1, name: 'rawSelector', kind: 'string' }] };
const resourceAttributes: Schema = {
  fields: [
    { n: 1, name: 'namespace', kind: 'string' },
    { n: 2, name: 'verb', kind: 'string' },
    { n: 3, name: 'group', kind: 'string' },
    { n: 4, name: 'version', kind: 'string' },
    { n: 5, name: 'resource', kind: 'string' },
    { n: 6, name: 'subresource', kind: 'string' },
    { n: 7, name: 'name', kind: 'string' },
    { n: 8, name: 'fieldSelector', kind: selectorAttributes },
    { n: 9, name: 'labelSelector', kind: selectorAttributes },
  ],
};
const nonResourceAttributes: Schema = {
  fields: [
    { n: 1, name: 'path', kind: 'string' },
    { n: 2, name: 'verb', kind: 'string' },
  ],
};
const selfSubjectAccessReview: Schema = {
  fields: [
    { n: 1, name: 'metadata', kind: objectMeta },
    {
      n: 2,
      name: 'spec',
      kind: {
        fields: [
          { n: 1, name: 'resourceAttributes', kind: resourceAttributes },
          { n: 2, name: 'nonResourceAttributes', kind: nonResourceAttributes },
        ],
      },
    },
  ],
};
const deleteOptions: Schema = {
  fields: [
    { n: 1, name: 'gracePeriodSeconds', kind: 'int' },
    {
      n: 2,
      name: 'preconditions',
      kind: {
        fields: [
          { n: 1, name: 'uid', kind: 'string' },
          { n: 2, name: 'resourceVersion', kind: 'string' },
        ],
      },
    },
    { n: 3, name: 'orphanDependents', kind: 'bool' },
    { n: 4, name: 'propagationPolicy', kind: 'string' },
    { n: 5, name: 'dryRun', kind: 'strings' },
  ],
};

/** apiVersion/kind -> message schema of the bodies the simulator reads in protobuf. */
const KNOWN: Record<string, Schema> = {
  'authorization.k8s.io/v1/SelfSubjectAccessReview': selfSubjectAccessReview,
  'v1/DeleteOptions': deleteOptions,
  'meta.k8s.io/v1/DeleteOptions': deleteOptions,
};

class Reader {
  pos = 0;
  constructor(readonly buf: Buffer) {}
  get done(): boolean {
    return this.pos >= this.buf.length;
  }
  varint(): bigint {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      if (this.pos >= this.buf.length) throw badRequest('protobuf: truncated varint');
      const b = this.buf[this.pos++];
      result |= BigInt(b & 0x7f) << shift;
      if (!(b & 0x80)) return result;
      shift += 7n;
      if (shift > 63n) throw badRequest('protobuf: varint overflow');
    }
  }
  bytes(): Buffer {
    const len = Number(this.varint());
    if (this.pos + len > this.buf.length) throw badRequest('protobuf: truncated field');
    const out = this.buf.subarray(this.pos, this.pos + len);
    this.pos += len;
    return out;
  }
  skip(wire: number): void {
    if (wire === 0) this.varint();
    else if (wire === 1) this.pos += 8;
    else if (wire === 2) this.bytes();
    else if (wire === 5) this.pos += 4;
    else throw badRequest(`protobuf: unsupported wire type ${wire}`);
  }
}

/** Decodes one message by its schema into the JSON form the apiserver would have read (empty strings omitted, like omitempty). */
function decodeMessage(buf: Buffer, schema: Schema): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const r = new Reader(buf);
  while (!r.done) {
    const key = Number(r.varint());
    const n = key >>> 3;
    const wire = key & 7;
    const f = schema.fields.find((x) => x.n === n);
    if (!f) {
      r.skip(wire);
      continue;
    }
    if (f.kind === 'bool' || f.kind === 'int') {
      if (wire !== 0) throw badRequest(`protobuf: field ${f.name} has wire type ${wire}`);
      const v = r.varint();
      out[f.name] = f.kind === 'bool' ? v !== 0n : Number(BigInt.asIntN(64, v));
      continue;
    }
    if (wire !== 2) throw badRequest(`protobuf: field ${f.name} has wire type ${wire}`);
    const bytes = r.bytes();
    if (f.kind === 'string') {
      const s = bytes.toString('utf8');
      if (s !== '') out[f.name] = s;
    } else if (f.kind === 'strings') {
      ((out[f.name] ??= []) as string[]).push(bytes.toString('utf8'));
    } else out[f.name] = decodeMessage(bytes, f.kind);
  }
  return out;
}

/**
 * A protobuf body as the JSON object the apiserver would have decoded (apiVersion and kind from the
 * envelope). 415 when the type is not one the simulator reads, 400 when the bytes are not a k8s envelope.
 */
export function decodeProtobufBody(body: Buffer): Record<string, unknown> {
  if (body.length < 4 || !body.subarray(0, 4).equals(MAGIC))
    throw badRequest('provided object is not protobuf: missing the k8s magic prefix');
  const unknown = decodeMessage(body.subarray(4), {
    fields: [
      {
        n: 1,
        name: 'typeMeta',
        kind: {
          fields: [
            { n: 1, name: 'apiVersion', kind: 'string' },
            { n: 2, name: 'kind', kind: 'string' },
          ],
        },
      },
    ],
  });
  const tm = (unknown.typeMeta ?? {}) as { apiVersion?: string; kind?: string };
  const schema = KNOWN[`${tm.apiVersion ?? ''}/${tm.kind ?? ''}`];
  if (!schema) throw unsupportedMediaType();
  // `raw` (field 2) read separately: it is bytes, decoded by the type's own schema
  const r = new Reader(body.subarray(4));
  let raw: Buffer = Buffer.alloc(0);
  while (!r.done) {
    const key = Number(r.varint());
    if (key >>> 3 === 2 && (key & 7) === 2) raw = r.bytes();
    else r.skip(key & 7);
  }
  return { apiVersion: tm.apiVersion, kind: tm.kind, ...decodeMessage(raw, schema) };
}

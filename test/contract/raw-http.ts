// Raw HTTP(S) to an apiserver for the media-type parts of the contract (Accept lists, tables, protobuf bodies),
// which the product's JSON client does not send. Token and CA from one context of the kubeconfig.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { ContextConfig } from '../../source/kube/kubeconfig.js';

export interface RawResponse {
  status: number;
  contentType: string;
  text: string;
  /** The body parsed as JSON, or undefined. */
  json: any;
}

export type RawRequester = (req: {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
}) => Promise<RawResponse>;

export function rawRequester(kc: ContextConfig): RawRequester {
  const { cluster, user } = kc;
  const ca = cluster.caData ? Buffer.from(cluster.caData, 'base64').toString('utf8') : undefined;
  return ({ method = 'GET', path, headers = {}, body }) =>
    new Promise((resolve, reject) => {
      const url = new URL(path, cluster.server);
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      const req = send(
        url,
        {
          method,
          agent: false,
          ...(url.protocol === 'https:' ? (ca ? { ca } : { rejectUnauthorized: false }) : {}),
          headers: {
            ...(user?.token ? { authorization: `Bearer ${user.token}` } : {}),
            ...(body !== undefined ? { 'content-length': Buffer.byteLength(body) } : {}),
            ...headers,
          },
          timeout: 15_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let json: any;
            try {
              json = JSON.parse(text);
            } catch {
              json = undefined;
            }
            resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), text, json });
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error(`${method} ${path}: timed out`)));
      req.on('error', (e) => reject(new Error(`${method} ${path} (accept ${headers.accept ?? '-'}): ${e.message}`)));
      req.end(body);
    });
}

/** A protobuf field: tag + value (strings and nested messages are length-delimited). */
function field(n: number, value: Buffer | string): Buffer {
  const v = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
  return Buffer.concat([varint((n << 3) | 2), varint(v.length), v]);
}

function varint(x: number): Buffer {
  const out: number[] = [];
  while (x > 0x7f) {
    out.push((x & 0x7f) | 0x80);
    x >>>= 7;
  }
  out.push(x);
  return Buffer.from(out);
}

/**
 * A SelfSubjectAccessReview in the Kubernetes protobuf envelope, as client-go's typed client sends it
 * (`k8s\0` + runtime.Unknown{typeMeta, raw}; field numbers from k8s.io/api authorization/v1 generated.proto).
 */
export function ssarProtobuf(a: { verb: string; group?: string; resource: string; namespace?: string }): Buffer {
  const attrs = Buffer.concat([
    ...(a.namespace ? [field(1, a.namespace)] : []),
    field(2, a.verb),
    ...(a.group ? [field(3, a.group)] : []),
    field(5, a.resource),
  ]);
  const ssar = Buffer.concat([field(1, Buffer.alloc(0)), field(2, field(1, attrs))]);
  return protobufEnvelope('authorization.k8s.io/v1', 'SelfSubjectAccessReview', ssar);
}

/** `k8s\0` + runtime.Unknown{typeMeta{apiVersion, kind}, raw, contentEncoding, contentType}. */
export function protobufEnvelope(apiVersion: string, kind: string, raw: Buffer): Buffer {
  const typeMeta = Buffer.concat([field(1, apiVersion), field(2, kind)]);
  return Buffer.concat([Buffer.from('k8s\0', 'latin1'), field(1, typeMeta), field(2, raw), field(3, ''), field(4, '')]);
}

// A self-signed serving certificate for 127.0.0.1/localhost, generated once per process. kubectl
// (client-go) only sends bearer tokens over TLS, so clusters that kubectl should reach serve https.
import { generate } from 'selfsigned';

export interface ServingCert {
  key: string;
  cert: string;
}

let cached: Promise<ServingCert> | undefined;

export function servingCert(): Promise<ServingCert> {
  cached ??= generate([{ name: 'commonName', value: 'zonectl-sim' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(Date.now() - 60_000),
    notAfterDate: new Date(Date.now() + 365 * 24 * 3600_000),
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyCertSign: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 7, ip: '127.0.0.1' },
          { type: 2, value: 'localhost' },
        ],
      },
    ],
  }).then((r) => ({ key: r.private, cert: r.cert }));
  return cached;
}

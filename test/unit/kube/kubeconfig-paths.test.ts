// Relative paths in a kubeconfig are relative to the kubeconfig's folder, as client-go resolves them:
// certificate-authority, client-certificate, client-key, tokenFile, and an exec plugin command given
// as a path (a bare command name stays a PATH lookup). The test runs from the repository root, so a
// path resolved against the working directory would not be found. A real https server on 127.0.0.1
// checks the CA, sees the client certificate and records the bearer token sent.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClusterClient } from '../../../source/kube/client.js';
import { loadKubeconfig } from '../../../source/kube/kubeconfig.js';
import { servingCert } from '../../../source/sim/tls.js';

const dir = mkdtempSync(join(tmpdir(), 'zonectl-kc-paths-'));
const kube = join(dir, 'kube');
let server: Server;
let port = 0;
const seen: Array<{ authorization?: string; clientCert: boolean }> = [];

beforeAll(async () => {
  const { key, cert } = await servingCert();
  for (const d of ['certs', 'tokens', 'plugins']) mkdirSync(join(kube, d), { recursive: true });
  writeFileSync(join(kube, 'certs/ca.crt'), cert);
  writeFileSync(join(kube, 'certs/client.crt'), cert);
  writeFileSync(join(kube, 'certs/client.key'), key);
  writeFileSync(join(kube, 'tokens/admin'), 'file-token-123\n');
  const plugin = join(kube, 'plugins/get-token.sh');
  writeFileSync(
    plugin,
    `#!/bin/sh\necho '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"exec-token-456"}}'\n`,
  );
  chmodSync(plugin, 0o755);
  server = createServer({ key, cert, requestCert: true, rejectUnauthorized: false }, (req, res) => {
    seen.push({ authorization: req.headers.authorization, clientCert: !!(req.socket as TLSSocket).getPeerCertificate()?.raw });
    res.setHeader('content-type', 'application/json');
    res.end('{"gitVersion":"v1.31.0"}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
  writeFileSync(
    join(kube, 'config'),
    `apiVersion: v1
kind: Config
current-context: files
clusters:
- name: local
  cluster: {server: "https://127.0.0.1:${port}", certificate-authority: certs/ca.crt}
users:
- name: files
  user: {client-certificate: certs/client.crt, client-key: ./certs/client.key, tokenFile: tokens/admin}
- name: exec
  user:
    exec: {apiVersion: client.authentication.k8s.io/v1, command: plugins/get-token.sh, interactiveMode: Never}
- name: exec-on-path
  user:
    exec: {apiVersion: client.authentication.k8s.io/v1, command: kubelogin, args: [get-token], interactiveMode: Never}
- name: both
  user: {token: inline-token, tokenFile: tokens/admin}
contexts:
- {name: files, context: {cluster: local, user: files}}
- {name: exec, context: {cluster: local, user: exec}}
- {name: exec-on-path, context: {cluster: local, user: exec-on-path}}
- {name: both, context: {cluster: local, user: both}}
`,
  );
});

afterAll(async () => {
  await new Promise((r) => server?.close(r));
  rmSync(dir, { recursive: true, force: true });
});

async function versionVia(context: string): Promise<{ authorization?: string; clientCert: boolean }> {
  const kc = loadKubeconfig([join(kube, 'config')]);
  const client = new HttpClusterClient(context, kc.forContext(context));
  try {
    seen.length = 0;
    await client.version();
    expect(seen).toHaveLength(1);
    return seen[0]!;
  } finally {
    client.close();
  }
}

describe('relative paths in a kubeconfig', () => {
  it('certificate-authority, client-certificate and client-key resolve against the kubeconfig folder', () => {
    expect(process.cwd()).not.toBe(kube);
    const kc = loadKubeconfig([join(kube, 'config')]).forContext('files');
    expect(kc.cluster.caFile).toBe(join(kube, 'certs/ca.crt'));
    expect(kc.user?.certFile).toBe(join(kube, 'certs/client.crt'));
    expect(kc.user?.keyFile).toBe(join(kube, 'certs/client.key'));
  });

  it('a request verifies the server with the CA file, presents the client certificate and sends the tokenFile token', async () => {
    const got = await versionVia('files');
    expect(got.clientCert).toBe(true);
    expect(got.authorization).toBe('Bearer file-token-123');
  });

  it('tokenFile wins over token (the file is read, its newline trimmed), as in client-go', async () => {
    expect((await versionVia('both')).authorization).toBe('Bearer file-token-123');
  });

  it('an exec plugin given as a relative path runs from the kubeconfig folder', async () => {
    const kc = loadKubeconfig([join(kube, 'config')]).forContext('exec');
    expect(kc.user?.exec?.command).toBe(join(kube, 'plugins/get-token.sh'));
    expect((await versionVia('exec')).authorization).toBe('Bearer exec-token-456');
  });

  it('a bare exec command name stays a PATH lookup', () => {
    const kc = loadKubeconfig([join(kube, 'config')]).forContext('exec-on-path');
    expect(kc.user?.exec?.command).toBe('kubelogin');
  });
});

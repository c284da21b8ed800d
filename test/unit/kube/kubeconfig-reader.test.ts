// The kubeconfig reader (kubeconfig.ts + kubeconfig-entries.ts, no client-node) on real YAML files:
// kubectl's merge of several files, paths relative to each file's folder, inline data and files,
// exec plugins, tokenFile, basic auth, impersonation, an OIDC auth provider (client-node loaded for it
// only), and broken files or entries as one line naming the file and never a token. Requests go to a
// real https server on 127.0.0.1 that asks for a client certificate and records what it was sent.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClusterClient } from '../../../source/kube/client.js';
import { KubeError } from '../../../source/kube/errors.js';
import { KubeconfigError, loadKubeconfig } from '../../../source/kube/kubeconfig.js';
import { servingCert } from '../../../source/sim/tls.js';

const dir = mkdtempSync(join(tmpdir(), 'zonectl-kc-reader-'));
const a = join(dir, 'a');
const b = join(dir, 'b');
let server: Server;
let url = '';
let pem: { key: string; cert: string };
const b64 = (s: string) => Buffer.from(s).toString('base64');
const seen: Array<{ authorization?: string; impersonate?: string; clientCert: boolean }> = [];

/** A JWT whose exp is far ahead (an OIDC id-token client-node sends as it is). */
const ID_TOKEN = `${b64('{"alg":"none"}')}.${b64(JSON.stringify({ exp: 4_102_444_800, sub: 'op' })).replace(/=+$/, '')}.sig`;

beforeAll(async () => {
  pem = await servingCert();
  for (const d of [join(a, 'certs'), join(b, 'tokens'), join(b, 'bin')]) mkdirSync(d, { recursive: true });
  writeFileSync(join(a, 'certs/ca.crt'), pem.cert);
  writeFileSync(join(b, 'tokens/ops'), 'b-file-token\n');
  const plugin = join(b, 'bin/token.sh');
  // Prints the token it was given in its env and the first argument: both from the kubeconfig.
  writeFileSync(
    plugin,
    `#!/bin/sh\necho "{\\"apiVersion\\":\\"client.authentication.k8s.io/v1\\",\\"kind\\":\\"ExecCredential\\",\\"status\\":{\\"token\\":\\"$PLUGIN_TOKEN-$1\\"}}"\n`,
  );
  chmodSync(plugin, 0o755);
  server = createServer({ key: pem.key, cert: pem.cert, requestCert: true, rejectUnauthorized: false }, (req, res) => {
    seen.push({
      authorization: req.headers.authorization,
      impersonate: req.headers['impersonate-user'] as string | undefined,
      clientCert: !!(req.socket as TLSSocket).getPeerCertificate()?.raw,
    });
    res.setHeader('content-type', 'application/json');
    res.end('{"gitVersion":"v1.31.0"}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // File a: no current-context; its `shared` cluster and `ops` user win over b's.
  writeFileSync(
    join(a, 'config'),
    `apiVersion: v1
kind: Config
clusters:
- name: shared
  cluster: {server: "${url}/", certificate-authority: certs/ca.crt}
- name: inline
  cluster: {server: "${url}", certificate-authority-data: ${b64(pem.cert)}}
users:
- name: ops
  user: {token: a-token}
- name: inline-cert
  user: {client-certificate-data: ${b64(pem.cert)}, client-key-data: ${b64(pem.key)}, token: cert-user-token}
- name: basic
  user: {username: alice, password: "s3cret"}
- name: impersonating
  user: {token: admin-token, as: bob}
- name: oidc
  user:
    auth-provider: {name: oidc, config: {client-id: zonectl, id-token: "${ID_TOKEN}"}}
contexts:
- {name: a-ops, context: {cluster: shared, user: ops, namespace: games}}
- {name: inline, context: {cluster: inline, user: inline-cert}}
- {name: basic, context: {cluster: shared, user: basic}}
- {name: impersonating, context: {cluster: shared, user: impersonating}}
- {name: oidc, context: {cluster: shared, user: oidc}}
- {name: nobody, context: {cluster: shared, user: not-defined}}
`,
  );
  // File b: sets current-context; its `shared` cluster and `ops` user lose to a's; its own entries count.
  writeFileSync(
    join(b, 'config'),
    `apiVersion: v1
kind: Config
current-context: b-ops
clusters:
- name: shared
  cluster: {server: "https://127.0.0.1:1"}
- name: b-only
  cluster: {server: "${url}", insecure-skip-tls-verify: true}
- name: plain
  cluster: {server: "http://127.0.0.1:1"}
users:
- name: ops
  user: {token: b-token}
- name: b-file
  user: {tokenFile: tokens/ops, token: fallback-token}
- name: b-exec
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1
      command: bin/token.sh
      args: [arg1]
      env: [{name: PLUGIN_TOKEN, value: from-env}]
- name: b-missing-file
  user: {tokenFile: tokens/none}
- name: b-exec-no-command
  user: {exec: {apiVersion: client.authentication.k8s.io/v1}}
contexts:
- {name: a-ops, context: {cluster: b-only, user: b-file}}
- {name: b-ops, context: {cluster: shared, user: ops}}
- {name: b-file, context: {cluster: b-only, user: b-file}}
- {name: b-exec, context: {cluster: b-only, user: b-exec}}
- {name: b-missing-file, context: {cluster: b-only, user: b-missing-file}}
- {name: b-exec-no-command, context: {cluster: b-only, user: b-exec-no-command}}
- {name: plain, context: {cluster: plain, user: ops}}
`,
  );
});

afterAll(async () => {
  await new Promise((r) => server?.close(r));
  rmSync(dir, { recursive: true, force: true });
});

const both = () => loadKubeconfig([join(a, 'config'), join(b, 'config')]);

/** What the server saw of one /version request through `context`, or the request's error. */
async function sent(context: string, timeoutMs = 5_000): Promise<(typeof seen)[number] | KubeError> {
  const client = new HttpClusterClient(context, both().forContext(context), { timeoutMs });
  seen.length = 0;
  try {
    await client.version();
    expect(seen).toHaveLength(1);
    return seen[0]!;
  } catch (e) {
    if (e instanceof KubeError) return e;
    throw e;
  } finally {
    client.close();
  }
}

describe('merging several files (KUBECONFIG=a:b)', () => {
  it('the first file to name a cluster, user or context wins; current-context from the first file that sets one', () => {
    const kc = both();
    expect(kc.current).toBe('b-ops');
    expect(kc.contexts.map((c) => c.name)).toEqual([
      'a-ops',
      'inline',
      'basic',
      'impersonating',
      'oidc',
      'nobody',
      'b-ops',
      'b-file',
      'b-exec',
      'b-missing-file',
      'b-exec-no-command',
      'plain',
    ]);
    // a-ops is a's (cluster shared, namespace games), not b's (cluster b-only).
    expect(kc.contexts[0]).toEqual({ name: 'a-ops', cluster: 'shared', user: 'ops', server: url, namespace: 'games' });
    // b-ops is b's context, but its cluster and user are a's.
    const bOps = kc.forContext('b-ops');
    expect(bOps.cluster.server).toBe(url);
    expect(bOps.cluster.caFile).toBe(join(a, 'certs/ca.crt'));
    expect(bOps.user?.token).toBe('a-token');
    // In the other order b wins.
    const reversed = loadKubeconfig([join(b, 'config'), join(a, 'config')]);
    expect(reversed.forContext('a-ops').cluster.name).toBe('b-only');
    expect(reversed.forContext('b-ops').user?.token).toBe('b-token');
  });

  it('paths resolve against the folder of the file that defined the entry', () => {
    const kc = both();
    expect(kc.forContext('a-ops').cluster.caFile).toBe(join(a, 'certs/ca.crt'));
    expect(kc.forContext('b-file').user?.tokenFile).toBe(join(b, 'tokens/ops'));
    expect(kc.forContext('b-exec').user?.exec?.command).toBe(join(b, 'bin/token.sh'));
  });

  it('a context whose user is not defined has no credentials; one whose cluster is missing is a one-line error', async () => {
    expect(both().forContext('nobody').user).toBeNull();
    expect(await sent('nobody')).toMatchObject({ authorization: undefined });
    const file = join(dir, 'ghost');
    writeFileSync(file, 'contexts:\n- {name: ghost, context: {cluster: none, user: u}}\n');
    expect(() => loadKubeconfig([file]).forContext('ghost')).toThrow(/^context "ghost" refers to missing cluster "none"$/);
  });
});

describe('what a request carries', () => {
  it('certificate-authority file (with a trailing slash on the server) and a token', async () => {
    expect(await sent('a-ops')).toEqual({ authorization: 'Bearer a-token', clientCert: false, impersonate: undefined });
  });

  it('inline certificate-authority-data, client-certificate-data and client-key-data', async () => {
    expect(await sent('inline')).toEqual({ authorization: 'Bearer cert-user-token', clientCert: true, impersonate: undefined });
  });

  it('tokenFile (relative to its file) over token; a missing tokenFile is one line naming the path, no token', async () => {
    expect(await sent('b-file')).toMatchObject({ authorization: 'Bearer b-file-token' });
    const err = await sent('b-missing-file');
    expect(err).toBeInstanceOf(KubeError);
    expect((err as KubeError).oneLine()).toBe(`b-missing-file: cannot get credentials: tokenFile ${join(b, 'tokens/none')}: no such file`);
  });

  it('an exec plugin (relative path) gets its args and env', async () => {
    expect(await sent('b-exec')).toMatchObject({ authorization: 'Bearer from-env-arg1' });
  });

  it('basic auth, impersonation', async () => {
    expect(await sent('basic')).toMatchObject({ authorization: `Basic ${b64('alice:s3cret')}` });
    expect(await sent('impersonating')).toMatchObject({ authorization: 'Bearer admin-token', impersonate: 'bob' });
  });

  it('an OIDC auth-provider sends its id-token (through client-node, loaded for it)', async () => {
    // The request's time limit counts the credentials, and here that is importing client-node, which took
    // over 5 s in a test worker on a loaded 2-core machine (load 22): a wider limit, the same assertion.
    expect(await sent('oidc', 60_000)).toMatchObject({ authorization: `Bearer ${ID_TOKEN}` });
  }, 90_000);

  it('no credentials over plain http without insecure-skip-tls-verify; an exec without command: one line each', async () => {
    const plain = await sent('plain');
    expect((plain as KubeError).oneLine()).toMatch(/^plain: cannot get credentials: server http:\/\/127\.0\.0\.1:1 is plain HTTP/);
    expect((plain as KubeError).oneLine()).not.toContain('a-token');
    expect((await sent('b-exec-no-command')) as KubeError).toMatchObject({ kind: 'Unauthorized' });
  });
});

describe('broken files: one line naming the file, never a value', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['no-server', 'clusters:\n- {name: c, cluster: {certificate-authority: x}}\n', /clusters\[0\]\.cluster\.server is missing$/],
    ['no-cluster-name', 'clusters:\n- {cluster: {server: "https://x"}}\n', /clusters\[0\]\.name is missing$/],
    ['no-context-cluster', 'contexts:\n- {name: x, context: {user: u}}\n', /contexts\[0\]\.context\.cluster is missing$/],
    ['no-user-name', 'users:\n- {user: {token: t0p-s3cret}}\n', /users\[0\]\.name is missing$/],
    ['token-not-string', 'users:\n- {name: u, user: {token: {value: t0p-s3cret}}}\n', /users\[0\]\.user\.token is not a string$/],
    ['not-a-mapping', '- just\n- a list\n', /not a kubeconfig \(expected a mapping\)$/],
    ['bad-yaml', 'clusters: [\n', /is malformed: /],
    ['duplicate-key', 'users:\n- name: u\n  name: v\n', /is malformed: /],
  ];
  it.each(cases)('%s', (name, text, why) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    let err: unknown;
    try {
      loadKubeconfig([file]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(KubeconfigError);
    const line = (err as Error).message;
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toContain(`kubeconfig ${file} is malformed: `);
    expect(line).toMatch(why);
    expect(line).not.toContain('t0p-s3cret');
  });

  it('an empty file is a kubeconfig without contexts', () => {
    const file = join(dir, 'empty');
    writeFileSync(file, '');
    expect(loadKubeconfig([file]).contexts).toEqual([]);
  });
});

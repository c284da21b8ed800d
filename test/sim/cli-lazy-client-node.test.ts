// Start-up (issue 14): the program reads kubeconfigs itself and loads @kubernetes/client-node (its
// own chunk of the bundle) only for a user whose auth-provider needs it (cli-loaded.ts lists what a
// run loads).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { cliOnDemo } from './cli-fixture.js';
import { chunksWith, loaded as loadedBy } from './cli-loaded.js';

const f = cliOnDemo();

/** The bundle's files that hold client-node's KubeConfig (its authenticators). */
const clientNodeChunks = () => chunksWith(f, 'OpenIDConnectAuth');
const loaded = (args: string[], env: NodeJS.ProcessEnv = {}) => loadedBy(f, args, env);

describe('client-node is loaded only for an auth-provider user', () => {
  it('zones and --help on a token kubeconfig never load it', async () => {
    const chunks = clientNodeChunks();
    expect(chunks).toHaveLength(1);
    expect(chunks[0]).not.toBe('cli.mjs');
    const zones = await loaded(['zones', '-A', '--context', 'shanghai']);
    expect(zones.code).toBe(0);
    expect(zones.files).toContain('cli.mjs');
    expect(zones.files.some((n) => /^zones-/.test(n))).toBe(true);
    expect(zones.files).not.toContain(chunks[0]);
    const help = await loaded(['--help']);
    expect(help.code).toBe(0);
    expect(help.files).not.toContain(chunks[0]);
  });

  it('a context whose user has an oidc auth-provider loads it (and its request goes out)', async () => {
    const kc = YAML.parse(readFileSync(f.env().KUBECONFIG!, 'utf8')) as {
      users: Array<{ name: string; user: Record<string, unknown> }>;
      contexts: Array<{ name: string; context: Record<string, unknown> }>;
    };
    kc.users.push({ name: 'oidc', user: { 'auth-provider': { name: 'oidc', config: { 'client-id': 'x', 'id-token': 'not-a-jwt' } } } });
    kc.contexts.push({ name: 'oidc', context: { cluster: 'shanghai', user: 'oidc' } });
    const file = join(f.dir(), 'oidc-kubeconfig');
    writeFileSync(file, YAML.stringify(kc), { mode: 0o600 });
    const r = await loaded(['clusters', '--context', 'oidc'], { KUBECONFIG: file });
    expect(r.files).toContain(clientNodeChunks()[0]);
    // The simulator does not know the token: refused, one line naming the context.
    expect(r.stderr).toMatch(/^error: oidc: /m);
    expect(r.stderr).not.toMatch(/internal error|\n {4}at /);
  });
});

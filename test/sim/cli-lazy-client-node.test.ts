// Start-up (issue 14): the program reads kubeconfigs itself and loads @kubernetes/client-node (its
// own chunk of the bundle) only for a user whose auth-provider needs it. A module-load hook in the
// child records every module it loads; the chunk holding client-node's KubeConfig is found by its
// content, so the test follows the bundler's chunk names.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { cliOnDemo } from './cli-fixture.js';

const f = cliOnDemo();

/** The bundle's files that hold client-node's KubeConfig (its authenticators). */
function clientNodeChunks(): string[] {
  const dir = dirname(f.cli());
  return readdirSync(dir).filter((n) => n.endsWith('.mjs') && readFileSync(join(dir, n), 'utf8').includes('OpenIDConnectAuth'));
}

/** Runs zonectl with a hook that lists the bundle files it loaded. */
async function loaded(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ files: string[]; code: number | null; stderr: string }> {
  const list = join(f.dir(), `loaded-${Math.random().toString(36).slice(2)}`);
  const hook = join(f.dir(), 'load-hook.mjs');
  writeFileSync(
    hook,
    `import { registerHooks } from 'node:module';
import { appendFileSync } from 'node:fs';
registerHooks({ load(url, context, next) { appendFileSync(${JSON.stringify(list)}, url + '\\n'); return next(url, context); } });
`,
  );
  writeFileSync(list, '');
  const r = await f.zonectl(args, { NODE_OPTIONS: `--import=${hook}`, ...env });
  const files = readFileSync(list, 'utf8')
    .split('\n')
    .filter((u) => u.startsWith('file:'))
    .map((u) => fileURLToPath(u).split('/').pop()!);
  return { files, code: r.code, stderr: r.stderr };
}

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

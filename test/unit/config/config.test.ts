import { mkdtempSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_CONFIG, loadConfig, parseConfig } from '../../../source/config/config.js';
import { SelectionError, selectContexts } from '../../../source/fleet/select.js';

describe('config', () => {
  it('returns defaults when the file does not exist', () => {
    expect(loadConfig('/nonexistent/zonectl.yaml')).toEqual(DEFAULT_CONFIG);
  });

  it('parses fleet, per-context settings and zone options', () => {
    const c = parseConfig({
      fleet: ['a', 'b'],
      contexts: { a: { protected: true, readOnly: true } },
      zoneLabel: 'game.io/zone',
      gameZone: { group: 'g.io', version: 'v1' },
    });
    expect(c.fleet).toEqual(['a', 'b']);
    expect(c.contexts.a).toEqual({ protected: true, readOnly: true });
    expect(c.zoneLabel).toBe('game.io/zone');
    expect(c.gameZone).toEqual({ group: 'g.io', version: 'v1' });
  });

  it('names the bad key in one line', () => {
    expect(() => parseConfig({ fleet: 'a' }, 'f.yaml')).toThrow(new ConfigError('config f.yaml: "fleet" must be a list of context names'));
    expect(() => parseConfig({ flet: [] }, 'f.yaml')).toThrow(/unknown key "flet"/);
    // Another file given as the config (a shadow line, a token) is not echoed back.
    const secret = 'root:$6$salt$hashhashhash:19000:0:99999:7:::';
    expect(() => parseConfig({ [secret]: null }, 'f.yaml')).toThrow('config f.yaml: unknown key (not a name: left out)');
    expect(() => parseConfig({ contexts: { 'admin@prod': { [secret]: true } } }, 'f.yaml')).toThrow(
      /unknown key \(not a name: left out\)$/,
    );
    expect(() => parseConfig({ contexts: { 'admin@prod': { readonly: true } } }, 'f.yaml')).toThrow(
      /unknown key "contexts\.admin@prod\.readonly"/,
    );
    expect(() => parseConfig({ contexts: { a: { protect: true } } }, 'f.yaml')).toThrow(/contexts\.a\.protect/);
  });

  it('reports YAML syntax errors with the line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zonectl-cfg-'));
    const f = join(dir, 'config.yaml');
    writeFileSync(f, 'fleet:\n  - a\n bad: [\n');
    expect(() => loadConfig(f)).toThrow(/config .*config\.yaml line \d+/);
  });
});

describe('context selection', () => {
  const avail = [
    { name: 'sh', cluster: 'sh', user: 'u', server: 'https://a' },
    { name: 'sg', cluster: 'sg', user: 'u', server: 'https://b' },
  ];
  it('prefers --context, then --all-contexts, then config fleet, then current', () => {
    expect(selectContexts(avail, 'sh', { context: ['sg'] }, { fleet: ['sh'] })).toEqual(['sg']);
    expect(selectContexts(avail, 'sh', { allContexts: true }, { fleet: ['sh'] })).toEqual(['sh', 'sg']);
    expect(selectContexts(avail, 'sh', {}, { fleet: ['sg'] })).toEqual(['sg']);
    expect(selectContexts(avail, 'sh', {}, { fleet: [] })).toEqual(['sh']);
  });
  it('--all-contexts lists every cluster once, collapsing contexts that reach the same server', () => {
    const withViewer = [...avail, { name: 'sh-viewer', cluster: 'sh', user: 'v', server: 'https://a' }];
    expect(selectContexts(withViewer, 'sh', { allContexts: true }, { fleet: [] })).toEqual(['sh', 'sg']);
    expect(selectContexts(withViewer, 'sh-viewer', { allContexts: true }, { fleet: [] })).toEqual(['sg', 'sh-viewer']);
  });
  it('names unknown contexts', () => {
    expect(() => selectContexts(avail, 'sh', { context: ['nope'] }, { fleet: [] })).toThrow(SelectionError);
    expect(() => selectContexts(avail, 'sh', { context: ['nope'] }, { fleet: [] })).toThrow(/"nope" not in kubeconfig/);
  });
});

describe('config: diff source for the console', () => {
  it('takes repo with optional ref and map; ~/ is the home directory', () => {
    expect(parseConfig({}).diff).toBeUndefined();
    expect(parseConfig({ diff: { repo: 'https://git.example.com/game/config.git', ref: 'release-1.9' } }).diff).toEqual({
      repo: 'https://git.example.com/game/config.git',
      ref: 'release-1.9',
    });
    const c = parseConfig({ diff: { repo: '~/src/game-config', map: '~/maps/zonectl.yaml' } });
    expect(c.diff?.repo).toBe(join(homedir(), 'src/game-config'));
    expect(c.diff?.map).toBe(join(homedir(), 'maps/zonectl.yaml'));
    expect(c.diff?.ref).toBeUndefined();
  });

  it('reads it from the YAML file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zonectl-cfg-'));
    const f = join(dir, 'config.yaml');
    writeFileSync(f, 'fleet: [a]\ndiff:\n  repo: /srv/config-repo\n  ref: main\n');
    expect(loadConfig(f).diff).toEqual({ repo: '/srv/config-repo', ref: 'main' });
  });

  it('names the bad diff key in one line', () => {
    expect(() => parseConfig({ diff: '/srv/repo' }, 'f.yaml')).toThrow(
      new ConfigError('config f.yaml: "diff" must be a mapping with repo (path or URL) and optional ref and map'),
    );
    expect(() => parseConfig({ diff: { ref: 'main' } }, 'f.yaml')).toThrow(
      new ConfigError('config f.yaml: "diff.repo" is required (a repository path or URL)'),
    );
    expect(() => parseConfig({ diff: { repo: '' } }, 'f.yaml')).toThrow(/"diff\.repo" must be a repository path or URL/);
    expect(() => parseConfig({ diff: { repo: '/r', ref: 1.1 } }, 'f.yaml')).toThrow(
      /"diff\.ref" must be a branch, tag or commit \(quote it/,
    );
    expect(() => parseConfig({ diff: { repo: '/r', branch: 'main' } }, 'f.yaml')).toThrow(/unknown key "diff\.branch"/);
  });
});

describe('flags', () => {
  it("an unknown flag is one usage line, not meow's two-line message and exit", async () => {
    const { parseFlags, UsageError } = await import('../../../commands/flags.js');
    expect(() => parseFlags(['--bogus-flag'], 'help')).toThrow(UsageError);
    expect(() => parseFlags(['--bogus-flag', '-Z'], 'help')).toThrow('unknown flags --bogus-flag, -Z (see --help)');
    expect(parseFlags(['--all-contexts', '-A', '-o', 'wide', '--request-timeout', '100'], 'help').flags).toMatchObject({
      allContexts: true,
      allNamespaces: true,
      output: 'wide',
      requestTimeout: 100,
    });
  });
});

describe('named wave plans', () => {
  it('reads waves: {name: "1,10%,50%,100%"} and names the key of a malformed one', () => {
    expect(parseConfig({ waves: { canary: '1, 10%, 50%, 100%', all: '100%' } }, 'c.yaml').waves).toEqual({
      canary: '1,10%,50%,100%',
      all: '100%',
    });
    expect(() => parseConfig({ waves: { canary: 'half then all' } }, 'c.yaml')).toThrow(
      'config c.yaml: "waves.canary" must be waves such as "1,10%,50%,100%"',
    );
    expect(() => parseConfig({ waves: ['1,100%'] }, 'c.yaml')).toThrow('config c.yaml: "waves" must be a mapping of plan name to waves');
  });
});

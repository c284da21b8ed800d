// Start-up (issue 14): `zonectl --version` loads no i18n (i18next, ICU, the catalogs: ~480 KB); a
// command loads it after the entry turned the compile cache on. cli-loaded.ts lists what a run loads.
import { describe, expect, it } from 'vitest';
import { cliOnDemo } from './cli-fixture.js';
import { chunksWith, loaded } from './cli-loaded.js';

const f = cliOnDemo();

describe('the i18n engine loads only when a word is printed', () => {
  it('--version loads none of it; --help and zones do', async () => {
    // i18next's engine and the English catalog (a message only the catalog holds).
    const engine = chunksWith(f, 'changeLanguage');
    const catalog = chunksWith(f, 'given more than once');
    expect(engine.length).toBeGreaterThan(0);
    expect(catalog.length).toBeGreaterThan(0);
    expect([...engine, ...catalog]).not.toContain('cli.mjs');

    const version = await loaded(f, ['--version']);
    expect(version.stderr).toBe('');
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^zonectl \d+\.\d+\.\d+\n$/);
    expect(version.files).toContain('cli.mjs');
    for (const c of [...engine, ...catalog]) expect(version.files).not.toContain(c);

    const help = await loaded(f, ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage$/m);
    expect(help.files).toEqual(expect.arrayContaining([...engine, ...catalog]));

    const zones = await loaded(f, ['zones', '-A', '--context', 'shanghai']);
    expect(zones.code).toBe(0);
    expect(zones.files).toEqual(expect.arrayContaining(engine));
  });
});

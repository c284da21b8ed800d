// Start-up (issue 14): `zonectl --version` loads no i18n (i18next, ICU, the catalogs: ~480 KB); a
// command loads it after the entry turned the compile cache on. cli-loaded.ts lists what a run loads.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
    // No config file: the config reader and YAML are not loaded to find a `lang:` that cannot be there.
    const yaml = chunksWith(f, 'YAMLParseError');
    expect(yaml.length).toBeGreaterThan(0);
    for (const c of yaml) expect(help.files).not.toContain(c);

    const zones = await loaded(f, ['zones', '-A', '--context', 'shanghai']);
    expect(zones.code).toBe(0);
    expect(zones.files).toEqual(expect.arrayContaining(engine));
  });

  it("a config file's lang: still chooses the language of --help", async () => {
    const file = join(f.dir(), 'lang-config.yaml');
    writeFileSync(file, 'lang: zh-CN\n');
    const r = await f.zonectl(['--help'], { ZONECTL_CONFIG: file, LANG: 'C.UTF-8', LC_ALL: '' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^用法/m);
  });
});

// Start-up (issue 14): `zonectl --version` loads no i18n (i18next, ICU, the catalogs); a command loads the
// English catalog after the entry turned the compile cache on, and i18next with ICU (i18n-icu.mjs) and the
// Chinese catalog (i18n-zh-CN.mjs) only when a message needs them (scripts/bundle.mjs, lazyModules).
// cli-loaded.ts lists what a run loads.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliOnDemo } from './cli-fixture.js';
import { chunksWith, loaded } from './cli-loaded.js';

const f = cliOnDemo();

describe('the i18n engine loads only when a word needs it', () => {
  it('--version loads none of it; --help and zones load the English catalog, not i18next nor the Chinese one', async () => {
    // i18next's engine and the English catalog (a message only the catalog holds).
    const engine = chunksWith(f, 'changeLanguage');
    const catalog = chunksWith(f, 'given more than once');
    expect(engine).toEqual(['i18n-icu.mjs']);
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
    expect(help.files).toEqual(expect.arrayContaining(catalog));
    expect(help.files).not.toContain('i18n-zh-CN.mjs');
    // No config file: the config reader and YAML are not loaded to find a `lang:` that cannot be there.
    const yaml = chunksWith(f, 'YAMLParseError');
    expect(yaml.length).toBeGreaterThan(0);
    for (const c of yaml) expect(help.files).not.toContain(c);

    // Every word of a zones list is plain or `{name}` text: neither i18next nor the Chinese catalog.
    const zones = await loaded(f, ['zones', '-A', '--context', 'shanghai']);
    expect(zones.code).toBe(0);
    expect(zones.stdout).toMatch(/^CLUSTER +NAMESPACE +ZONE/);
    expect(zones.files).toEqual(expect.arrayContaining(catalog));
    expect(zones.files).not.toContain('i18n-icu.mjs');
    expect(zones.files).not.toContain('i18n-zh-CN.mjs');
  });

  it('a message with a plural loads i18next with ICU then, in either language; a Chinese run loads its catalog', async () => {
    const en = await loaded(f, ['zones', '--bogus']);
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(/unknown flag --bogus/);
    expect(en.files).toContain('i18n-icu.mjs');
    expect(en.files).not.toContain('i18n-zh-CN.mjs');

    const zh = await loaded(f, ['zones', '-A', '--context', 'shanghai', '--lang', 'zh-CN']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toMatch(/^集群 +命名空间 +区服/);
    expect(zh.files).toContain('i18n-zh-CN.mjs');
    expect(zh.files).not.toContain('i18n-icu.mjs');

    const zhPlural = await loaded(f, ['zones', '--bogus', '--lang', 'zh-CN']);
    expect(zhPlural.code).toBe(2);
    expect(zhPlural.stderr).toContain('--bogus');
    expect(zhPlural.files).toEqual(expect.arrayContaining(['i18n-icu.mjs', 'i18n-zh-CN.mjs']));
  });

  it("a config file's lang: still chooses the language of --help", async () => {
    const file = join(f.dir(), 'lang-config.yaml');
    writeFileSync(file, 'lang: zh-CN\n');
    const r = await f.zonectl(['--help'], { ZONECTL_CONFIG: file, LANG: 'C.UTF-8', LC_ALL: '' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^用法/m);
  });
});

// `zonectl --help` as the build bakes it (scripts/build-info.mjs writes usageByLang() into
// build-info.json, so the entry prints it without the i18n engine: issue 14) is the text the program
// builds from the catalogs at run time, in each language; and a built program prints the baked text.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usageByLang } from '../../commands/help-text.js';
import { LANGS } from '../../source/i18n/lang.js';
import { buildCli, runCli, type BuiltCli } from './cli-process.js';

let built: BuiltCli;
let info: string;

beforeAll(async () => {
  built = await buildCli();
  info = join(dirname(dirname(built.cli)), 'build-info.json');
}, 60_000);

afterAll(() => built?.remove());

const bake = (help: Record<string, string> | undefined) => {
  const { version, commit, date } = JSON.parse(readFileSync(info, 'utf8')) as Record<string, string>;
  writeFileSync(info, JSON.stringify({ version, commit, date, ...(help ? { help } : {}) }));
};

describe('zonectl --help', () => {
  const baked = usageByLang();

  it('bakes a different text per language, each naming the console flags', () => {
    expect(new Set(Object.values(baked)).size).toBe(LANGS.length);
    for (const lang of LANGS) expect(baked[lang]).toMatch(/--diff-repo/);
  });

  it.each(LANGS)('%s: the baked text is what the program builds at run time', async (lang) => {
    bake(undefined);
    const runtime = await runCli(built.cli, ['--help', '--lang', lang]);
    expect(runtime.code).toBe(0);
    expect(runtime.stdout).toBe(baked[lang]);
  });

  it.each(LANGS)('%s: a build with the baked text prints it (--help, -h, the locale)', async (lang) => {
    bake(baked);
    for (const [args, env] of [
      [['--help', '--lang', lang], {}],
      [['-h'], { LANG: lang === 'en' ? 'en_US.UTF-8' : 'zh_CN.UTF-8' }],
    ] as const) {
      const r = await runCli(built.cli, [...args], env);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe(baked[lang]);
    }
  });
});

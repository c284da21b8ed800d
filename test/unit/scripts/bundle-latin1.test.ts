// scripts/bundle.mjs escapes what esbuild leaves beyond Latin-1 in the bundle (kept comments, regular
// expression literals) so V8 holds each chunk's source as one byte a character (issue 11, demo-rss).
// Built with the bundle's own options and run in a child: the chunk is Latin-1, and patterns and strings
// with CJK, full-width and astral characters match and read as before.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type BuildOptions } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'zonectl-bundle-latin1-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Bundle = {
  bundleOptions: (o: { entry: string; outdir: string }) => BuildOptions;
  latin1Sources: (outdir: string) => Promise<void>;
};

async function bundled(name: string, source: string): Promise<string> {
  const entry = join(dir, `${name}.mjs`);
  writeFileSync(entry, source);
  const { bundleOptions, latin1Sources } = (await import(pathToFileURL(join(root, 'scripts/bundle.mjs')).href)) as Bundle;
  const outdir = join(dir, name);
  await build({ ...bundleOptions({ entry, outdir }), logLevel: 'silent' });
  await latin1Sources(outdir);
  return outdir;
}

describe('the bundle is Latin-1', () => {
  it('escapes comments and patterns beyond Latin-1; they match and read as before', async () => {
    const out = await bundled(
      'patterns',
      `const list = {
  // 列标题：2–4 个字 — a comment esbuild keeps
  a: 1,
};
const FLEET = / ?(\\(\\d+ clusters?\\)|[（(]\\d+ ?个集群[）)])$/;
const EMOJI = /^👩+$/u;
console.log(JSON.stringify({ a: list.a, zh: FLEET.test('区服（3 个集群）'), en: FLEET.test('Zones (2 clusters)'), no: FLEET.test('x（3 个）'), emoji: EMOJI.test('👩👩'), s: '区服 ✓ é' }));
`,
    );
    const file = join(
      out,
      readdirSync(out).find((f) => f.endsWith('.mjs'))!,
    );
    expect(/[\u0100-\uffff]/.test(readFileSync(file, 'utf8'))).toBe(false);
    const r = spawnSync(process.execPath, [file], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ a: 1, zh: true, en: true, no: false, emoji: true, s: '区服 ✓ é' });
  });

  it('refuses a tagged template on a line beyond Latin-1 (its raw text would change)', async () => {
    await expect(bundled('tagged', 'console.log(String.raw`区服 ${1}`);\n')).rejects.toThrow(/tagged template/);
  });
});

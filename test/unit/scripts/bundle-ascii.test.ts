// scripts/bundle.mjs leaves the bundle pure ASCII (start-up, issue 14: one non-ASCII character sends a
// whole file down Node's slow UTF-8 decoding into a two-byte string). Built with the bundle's own options
// from a source with the characters esbuild leaves as they are (comments, regular expressions): the
// output has none, and the escaped module behaves as the source did. A tagged template literal with one
// (its raw text would change) fails instead.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type BuildOptions } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'zonectl-bundle-ascii-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface BundleScript {
  bundleOptions: (o: { entry: string; outdir: string }) => BuildOptions;
  asciiOnly: (dir: string) => Promise<void>;
}
const script = async () => (await import(pathToFileURL(join(root, 'scripts/bundle.mjs')).href)) as BundleScript;

describe('the bundle is ASCII', () => {
  it('escapes what esbuild leaves in comments and regular expressions, and the module works as before', async () => {
    const entry = join(dir, 'entry.mjs');
    writeFileSync(
      entry,
      `// 列标题 — a comment
export const sep = /^(?:zone (\\S+) · )?(.+)$/;
export const count = / ?(\\(\\d+ clusters?\\)|[（(]\\d+ ?个集群[）)])$/;
export const astral = /^👩‍👩‍👧$/u;
export const words = ['区服', 'é'];
`,
    );
    const { bundleOptions, asciiOnly } = await script();
    const outdir = join(dir, 'ok');
    await build(bundleOptions({ entry, outdir }));
    await asciiOnly(outdir);
    const files = readdirSync(outdir).filter((f) => f.endsWith('.mjs'));
    for (const f of files) expect(readFileSync(join(outdir, f), 'utf8')).toMatch(/^\p{ASCII}*$/u);
    const m = (await import(pathToFileURL(join(outdir, files[0]!)).href)) as Record<string, unknown>;
    expect((m.sep as RegExp).exec('zone 101 · game')?.slice(1)).toEqual(['101', 'game']);
    expect((m.count as RegExp).test('zones（3 个集群）')).toBe(true);
    expect((m.astral as RegExp).test('👩‍👩‍👧')).toBe(true);
    expect(m.words).toEqual(['区服', 'é']);
  });

  it('fails on a tagged template literal with a non-ASCII character', async () => {
    const entry = join(dir, 'raw.mjs');
    writeFileSync(entry, 'export const raw = String.raw`区服 ${1}`;\n');
    const { bundleOptions, asciiOnly } = await script();
    const outdir = join(dir, 'raw');
    await build(bundleOptions({ entry, outdir }));
    await expect(asciiOnly(outdir)).rejects.toThrow(/tagged template literal/);
  });
});

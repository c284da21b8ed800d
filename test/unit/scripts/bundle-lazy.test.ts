// scripts/bundle.mjs makes string-width create its Intl.Segmenter and its RGI_Emoji regex on first use,
// not at import (start-up, issue 14). Built with the bundle's own options and run in a child: the import
// creates no Segmenter, widths stay string-width's (wide CJK, emoji and emoji sequences, keycaps,
// combining marks), and the Segmenter is made once.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type BuildOptions } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'zonectl-bundle-lazy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('string-width in the bundle', () => {
  it('creates no Intl.Segmenter at import, one on the first non-ASCII string, and measures as before', async () => {
    const entry = join(dir, 'entry.mjs');
    writeFileSync(
      entry,
      `let made = 0;
const Real = Intl.Segmenter;
Intl.Segmenter = class extends Real { constructor(...a) { super(...a); made++; } };
const { default: stringWidth } = await import('string-width');
const atImport = made;
const widths = ['zone101', '区服 101', '👩‍👩‍👧', '😀', '1\\ufe0f\\u20e3', 'e\\u0301', '\\u001b[31mred\\u001b[0m'].map((s) => stringWidth(s));
console.log(JSON.stringify({ atImport, widths, made }));
`,
    );
    const { bundleOptions } = (await import(pathToFileURL(join(root, 'scripts/bundle.mjs')).href)) as {
      bundleOptions: (o: { entry: string; outdir: string }) => BuildOptions;
    };
    // Resolved from the project (the entry lives in a temp folder).
    await build({ ...bundleOptions({ entry, outdir: join(dir, 'out') }), nodePaths: [join(root, 'node_modules')], logLevel: 'silent' });
    const r = spawnSync(process.execPath, [join(dir, 'out', 'entry.mjs')], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ atImport: 0, widths: [7, 8, 2, 2, 2, 1, 3], made: 1 });
  });
});

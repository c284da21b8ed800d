// scripts/bundle.mjs takes Node's built-ins with require(), not ESM import (start-up, issue 14): esbuild
// leaves them external and builtinImportsAsRequire rewrites each import it wrote. Built with the bundle's
// own options and run in a child: every shape of import still gives the built-in's exports, no built-in is
// imported as an ES module (no `from "node:` left but the banner's node:module), and an import of a shape
// the rewrite does not know fails the build.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type BuildOptions } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'zonectl-bundle-builtins-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const script = async () =>
  (await import(pathToFileURL(join(root, 'scripts/bundle.mjs')).href)) as {
    bundleOptions: (o: { entry: string; outdir: string }) => BuildOptions;
    builtinImportsAsRequire: (dir: string) => Promise<void>;
  };

describe('built-ins in the bundle', () => {
  it('every import shape becomes a require() that gives the same exports', async () => {
    const entry = join(dir, 'entry.mjs');
    writeFileSync(
      entry,
      `import fs, { readFileSync, existsSync as exists } from 'node:fs';
import * as path from 'path';
import { EventEmitter } from 'node:events';
import 'node:process';
import { spawnSync } from 'node:child_process';
console.log(JSON.stringify({
  fs: fs.readFileSync === readFileSync,
  exists: exists(${JSON.stringify(entry)}),
  join: path.join('a', 'b'),
  emitter: typeof new EventEmitter().on,
  lazy: typeof spawnSync,
}));
`,
    );
    const { bundleOptions } = await script();
    const out = join(dir, 'out');
    // The rewrite runs at the end of the build itself (its onEnd plugin): nothing to call after it.
    await build({ ...bundleOptions({ entry, outdir: out }), logLevel: 'silent' });
    for (const f of readdirSync(out).filter((n) => n.endsWith('.mjs'))) {
      const text = readFileSync(join(out, f), 'utf8');
      expect(text.match(/from ["']node:[^'"]+["']/g) ?? [], f).toEqual(["from 'node:module'"]);
    }
    const r = spawnSync(process.execPath, [join(out, 'entry.mjs')], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ fs: true, exists: true, join: join('a', 'b'), emitter: 'function', lazy: 'function' });
  });

  it('an import of a shape it does not know fails the build', async () => {
    const out = join(dir, 'odd');
    const { builtinImportsAsRequire } = await script();
    const { mkdirSync } = await import('node:fs');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'odd.mjs'), 'import { default as fs } from "node:fs";\nconsole.log(fs);\n');
    await expect(builtinImportsAsRequire(out)).rejects.toThrow(/shape not known/);
  });
});

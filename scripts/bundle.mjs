// `npm run bundle`: dist/source (tsc's output) -> dist/bundle, one ESM file per lazily loaded command
// and shared chunks (bin/zonectl and the single executable run it). test/sim/cli-process.ts builds the
// sources with the same options (bundleOptions).
//
// One dependency is adjusted on the way in, for start-up (issue 14): string-width creates an
// Intl.Segmenter when it is imported (ICU's grapheme break data: ~20 ms CPU and ~2.5 MiB RSS measured
// beside `node -e 0`), yet uses it only for a string that is not printable ASCII. Here it is created on
// that first use. The build fails if the pinned version's line is not found, so an update is looked at.
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '..');

/** [file in node_modules (ends with), the eager line, what replaces it]. */
const LAZY = [
  [
    '/node_modules/string-width/index.js',
    'const segmenter = new Intl.Segmenter();',
    'let segmenterMade;\nconst segmenter = { segment: (s) => (segmenterMade ??= new Intl.Segmenter()).segment(s) };',
  ],
];

/** @type {import('esbuild').Plugin} */
const lazyAtImport = {
  name: 'zonectl-lazy-at-import',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/ }, async (args) => {
      const path = args.path.replaceAll('\\', '/');
      const [, eager, lazy] = LAZY.find(([file]) => path.endsWith(file)) ?? [];
      const text = await readFile(args.path, 'utf8');
      if (!eager || !text.includes(eager)) throw new Error(`${args.path}: "${eager}" not found: look at scripts/bundle.mjs`);
      return { contents: text.replace(eager, lazy), loader: 'js' };
    });
  },
};

/**
 * The bundle's options for `entry` into `outdir` (sourcemaps: dist/bundle has them for bug reports).
 * @param {{ entry: string, outdir: string, sourcemap?: boolean }} o
 * @returns {import('esbuild').BuildOptions}
 */
export function bundleOptions(o) {
  return {
    entryPoints: [o.entry],
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    outdir: o.outdir,
    outExtension: { '.js': '.mjs' },
    ...(o.sourcemap ? { sourcemap: true, sourcesContent: false } : {}),
    define: { 'process.env.NODE_ENV': '"production"' },
    external: ['react-devtools-core', 'bufferutil', 'utf-8-validate'],
    banner: { js: "import { createRequire as __zcr } from 'node:module'; const require = __zcr(import.meta.url);" },
    plugins: [lazyAtImport],
    logLevel: 'warning',
    logOverride: { 'assign-to-define': 'silent' },
  };
}

/**
 * Escapes what esbuild leaves beyond Latin-1 (its ASCII output covers strings, not comments it keeps or
 * regular expression literals: an em dash in a comment, 个集群 in a pattern) as \uXXXX, which means the
 * same in a comment, a regular expression (with or without the u flag) and a string. V8 keeps a module's
 * source text for as long as its functions live, and one such character makes the whole text two bytes
 * a character: the console's chunk was 2.2 MB of heap instead of 1.1 (issue 11, demo-rss). A tagged
 * template's raw text would change, so a line of code with both fails the build.
 * Columns of the sourcemap move on the lines changed (comments and patterns only).
 * @param {string} outdir
 */
export async function latin1Sources(outdir) {
  for (const f of await readdir(outdir)) {
    if (!f.endsWith('.mjs')) continue;
    const path = resolve(outdir, f);
    const text = await readFile(path, 'utf8');
    if (!/[\u0100-\uffff]/.test(text)) continue;
    for (const line of text.split('\n')) {
      const code = line.trim();
      if (!/[\u0100-\uffff]/.test(code) || /^(\/\/|\/\*|\*)/.test(code)) continue; // a comment line
      if (/[\w$)\]]\s*`/.test(code)) throw new Error(`${f}: a tagged template beside a non-Latin-1 character: ${code}`);
    }
    const escaped = text.replace(/[\u0100-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
    await writeFile(path, escaped);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const outdir = resolve(root, 'dist/bundle');
  await rm(outdir, { recursive: true, force: true });
  await build(bundleOptions({ entry: resolve(root, 'dist/source/cli.js'), outdir, sourcemap: true }));
  await latin1Sources(outdir);
}

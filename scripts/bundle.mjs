// `npm run bundle`: dist/source (tsc's output) -> dist/bundle, one ESM file per lazily loaded command
// and shared chunks (bin/zonectl and the single executable run it). test/sim/cli-process.ts builds the
// sources with the same options (bundleOptions).
//
// One dependency is adjusted on the way in, for start-up (issue 14): string-width creates an
// Intl.Segmenter when it is imported (ICU's grapheme break data: ~20 ms CPU and ~2.5 MiB RSS measured
// beside `node -e 0`) and its /^\p{RGI_Emoji}$/v (V8 expands the emoji sequences when it makes the
// regex: ~13-17 ms CPU), yet uses them only for a string that is not printable ASCII. Here each is made
// on that first use. meow's bundled dependencies run normalize-package-data (semver, hosted-git-info,
// the SPDX license lists) when imported, for a package.json zonectl never asks meow for (flags.ts gives
// it `pkg`): made on first use too. The build fails if the pinned version's line is not found, so an
// update is looked at.
import { readFile, rm } from 'node:fs/promises';
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
  [
    '/node_modules/string-width/index.js',
    'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;',
    'let rgiEmojiMade;\nconst rgiEmojiRegex = { test: (s) => (rgiEmojiMade ??= /^\\p{RGI_Emoji}$/v).test(s) };',
  ],
  [
    '/node_modules/meow/build/dependencies.js',
    'var normalizeExports = requireNormalize();\nconst normalizePackageData = getDefaultExportFromCjs(normalizeExports);',
    'let normalizeMade;\nconst normalizePackageData = (...a) => (normalizeMade ??= getDefaultExportFromCjs(requireNormalize()))(...a);',
  ],
];

/** @type {import('esbuild').Plugin} */
const lazyAtImport = {
  name: 'zonectl-lazy-at-import',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/](string-width[\\/]index|meow[\\/]build[\\/]dependencies)\.js$/ }, async (args) => {
      const path = args.path.replaceAll('\\', '/');
      let text = await readFile(args.path, 'utf8');
      for (const [file, eager, lazy] of LAZY) {
        if (!path.endsWith(file)) continue;
        if (!text.includes(eager)) throw new Error(`${args.path}: "${eager}" not found: look at scripts/bundle.mjs`);
        text = text.replace(eager, lazy);
      }
      return { contents: text, loader: 'js' };
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

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const outdir = resolve(root, 'dist/bundle');
  await rm(outdir, { recursive: true, force: true });
  await build(bundleOptions({ entry: resolve(root, 'dist/source/cli.js'), outdir, sourcemap: true }));
}

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
//
// The output is made pure ASCII (asciiOnly below). esbuild escapes non-ASCII in strings but leaves it in
// comments and regular expressions (an em dash in a comment, a Chinese word in a regex), and one such
// character makes Node decode the whole file on its slow UTF-8 path into a two-byte string: ~16 ms per MB
// instead of ~2 (the console's Ink chunk is 1.1 MB), and twice the memory for the source it keeps.
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { builtinModules, createRequire } from 'node:module';
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
  // A statement whose value nobody keeps (a bundler's leftover), that loads child_process on import.
  ['/node_modules/meow/build/dependencies.js', '\npromisify(execFile);\n', '\n'],
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
 * Node's built-in modules are taken with require(), not ESM import, wherever the bundle imports them (its own
 * code and every dependency's). Node builds an ES module facade of a built-in by reading every export,
 * which runs the lazy getters of `fs` (fs.promises: the promises API and readline), `process`
 * (process.report), `util` (parseArgs, diff, and worker_threads through it) and `module`: importing those
 * four cost 21 ms beside 0.4 ms for require() of them (measured on this machine, Node 22.23, after
 * node:https). Each built-in becomes a one-line CommonJS module `module.exports = require("node:X")`, whose
 * named imports esbuild reads as properties when they are used. The built-ins in LAZY_BUILTINS are not even
 * loaded until one of their exports is read (their export names are this Node's, the pinned one that runs
 * the bundle): `zones -A` imports child_process (for exec credential plugins) and fs/promises (for token
 * files) but seldom uses them, and loading them costs ~5 ms (net, dgram, readline, fs streams).
 * @type {import('esbuild').Plugin}
 */
const LAZY_BUILTINS = new Set(['node:child_process', 'node:fs/promises']);
const requireHere = createRequire(import.meta.url);
const builtinsByRequire = {
  name: 'zonectl-builtins-by-require',
  setup(b) {
    const names = builtinModules
      .map((m) => m.replace(/^node:/, ''))
      .join('|')
      .replaceAll('/', '\\/');
    const filter = new RegExp(`^(node:)?(${names})$`);
    b.onResolve({ filter }, (args) =>
      args.namespace === 'zonectl-builtin'
        ? { path: args.path, external: true }
        : { path: args.path.startsWith('node:') ? args.path : `node:${args.path}`, namespace: 'zonectl-builtin' },
    );
    b.onLoad({ filter: /.*/, namespace: 'zonectl-builtin' }, (args) => {
      const id = JSON.stringify(args.path);
      if (!LAZY_BUILTINS.has(args.path)) return { contents: `module.exports = require(${id});`, loader: 'js' };
      const getters = Object.keys(requireHere(args.path)).map(
        (k) => `${JSON.stringify(k)}: { enumerable: true, get: () => load()[${JSON.stringify(k)}] }`,
      );
      return {
        contents: `let m;\nconst load = () => (m ??= require(${id}));\nmodule.exports = Object.defineProperties({}, {\n${getters.join(',\n')}\n});`,
        loader: 'js',
      };
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
    plugins: [lazyAtImport, builtinsByRequire],
    logLevel: 'warning',
    logOverride: { 'assign-to-define': 'silent' },
  };
}

/**
 * Rewrites every non-ASCII UTF-16 unit in dir's .mjs files as a \uXXXX escape: esbuild leaves such
 * characters only in comments (where the escape is harmless), regular expressions (the same character,
 * as a pair of surrogate escapes is one code point with the u flag and two units without it, as
 * written) and tagged template literals, whose raw text the tag would see changed: one of those fails
 * the build, to be looked at (found with TypeScript's parser). Source-map columns after an escaped
 * character on its line shift a little.
 * @param {string} dir
 */
export async function asciiOnly(dir) {
  const ts = (await import('typescript')).default;
  for (const f of await readdir(dir)) {
    if (!f.endsWith('.mjs')) continue;
    const text = await readFile(resolve(dir, f), 'utf8');
    if (!NON_ASCII.test(text)) continue;
    const file = ts.createSourceFile(f, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
    /** @param {import('typescript').Node} n */
    const visit = (n) => {
      if (ts.isTaggedTemplateExpression(n) && NON_ASCII.test(n.template.getText(file)))
        throw new Error(`${f}: non-ASCII in a tagged template literal: look at scripts/bundle.mjs\n${n.getText(file).slice(0, 200)}`);
      ts.forEachChild(n, visit);
    };
    visit(file);
    await writeFile(
      resolve(dir, f),
      text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
    );
  }
}

const NON_ASCII = /[^\x00-\x7f]/;

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const outdir = resolve(root, 'dist/bundle');
  await rm(outdir, { recursive: true, force: true });
  await build(bundleOptions({ entry: resolve(root, 'dist/source/cli.js'), outdir, sourcemap: true }));
  await asciiOnly(outdir);
}

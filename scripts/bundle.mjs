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
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { builtinModules, createRequire } from 'node:module';
import { dirname, extname, resolve } from 'node:path';
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
  // @babel/code-frame with its highlighter and Unicode identifier tables, run on import for parse-json's
  // error message (a package.json zonectl never reads): made on first use.
  [
    '/node_modules/meow/build/dependencies.js',
    'var libExports = requireLib$1();',
    'const libExports = { codeFrameColumns: (...a) => requireLib$1().codeFrameColumns(...a) };',
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
 * Node's built-in modules are taken with require(), not ESM import, wherever the bundle imports them (its own
 * code and every dependency's). Node builds an ES module facade of a built-in by reading every export,
 * which runs the lazy getters of `fs` (fs.promises: the promises API and readline), `process`
 * (process.report), `util` (parseArgs, diff, and worker_threads through it) and `module`: importing those
 * four cost 21 ms beside 0.4 ms for require() of them (measured on this machine, Node 22.23, after
 * node:https). They are external to esbuild, and each `import ... from "node:X"` it writes becomes a
 * `const ... = require("node:X")` (builtinImportsAsRequire, after the build): no module of the bundle
 * stands for a built-in, so there is no file of its own to load for each (esbuild puts a module shared
 * by several commands in a chunk of its own), nor esbuild's CommonJS interop (__toESM copies every export
 * of the module into a new object, per importing file: ~100 for fs). Measured for `zones -A` on one small
 * cluster: 14 files fewer to load. The built-ins in LAZY_BUILTINS are not even loaded until one of their
 * exports is read (their export names are this Node's, the pinned one that runs the bundle): `zones -A`
 * imports child_process (for exec credential plugins) and fs/promises (for token files) but seldom uses
 * them, and loading them costs ~5 ms (net, dgram, readline, fs streams): each is a CommonJS module of the
 * bundle whose exports are getters.
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
    b.onResolve({ filter }, (args) => {
      const id = args.path.startsWith('node:') ? args.path : `node:${args.path}`;
      // External: esbuild writes `import { x } from "node:fs"` (made a require() by builtinImportsAsRequire)
      // or, in a CommonJS dependency, `__require("node:fs")`.
      if (args.namespace === 'zonectl-builtin' || !LAZY_BUILTINS.has(id)) return { path: id, external: true };
      return { path: id, namespace: 'zonectl-builtin' };
    });
    b.onLoad({ filter: /.*/, namespace: 'zonectl-builtin' }, (args) => {
      const id = JSON.stringify(args.path);
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
 * Modules the bundle loads only on their first use, synchronously (Node's require() of an ES module, 22.12+),
 * not with the module that imports them: each is an entry point of its own (dist/bundle/<out>.mjs), and its
 * importer gets a small module in its place whose functions require() it on their first call. The sources
 * import them as usual (so do tsc's build and the tests). For start-up (issue 14): an English list whose
 * words are all plain or `{name}` text (i18n/t.ts) loads neither i18next with ICU (icu.ts) nor the Chinese
 * catalog (catalog-zh.ts), ~360 KB of the i18n chunk's 490 KB. Each entry: the importer (path ends with),
 * the import, the output name, the functions it exports (the build fails if one is not in the source).
 */
const LAZY_MODULES = [
  { importer: '/i18n/t', path: './icu.js', out: 'i18n-icu', exports: ['formatIcu'] },
  { importer: '/i18n/catalog', path: './catalog-zh.js', out: 'i18n-zh-CN', exports: ['zhAreaFiles'] },
];

/** @type {import('esbuild').Plugin} */
const lazyModules = {
  name: 'zonectl-lazy-modules',
  setup(b) {
    b.onResolve({ filter: /^\.\/(icu|catalog-zh)\.js$/ }, (args) => {
      const importer = args.importer.replaceAll('\\', '/').replace(/\.(js|ts)$/, '');
      const lazy = LAZY_MODULES.find((m) => m.path === args.path && importer.endsWith(m.importer));
      if (!lazy || args.kind === 'entry-point') return undefined;
      return { path: resolve(args.resolveDir, args.path), namespace: 'zonectl-lazy', pluginData: lazy };
    });
    b.onLoad({ filter: /.*/, namespace: 'zonectl-lazy' }, async (args) => {
      const { out, exports } = /** @type {(typeof LAZY_MODULES)[number]} */ (args.pluginData);
      const source = await readFile(existsSync(args.path) ? args.path : args.path.replace(/\.js$/, '.ts'), 'utf8');
      for (const name of exports)
        if (!new RegExp(`^export function ${name}\\b`, 'm').test(source))
          throw new Error(`${args.path}: no "export function ${name}": look at scripts/bundle.mjs LAZY_MODULES`);
      const file = JSON.stringify(`./${out}.mjs`);
      return {
        contents: [
          'let m;',
          // The bundle's require (its banner), relative to this chunk: every file of the bundle is in one folder.
          `const load = () => (m ??= require(${file}));`,
          ...exports.map((n) => `export function ${n}(...a) { return load().${n}(...a); }`),
        ].join('\n'),
        resolveDir: dirname(args.path),
        loader: 'js',
      };
    });
    b.onResolve({ filter: /^\.\/i18n-[\w-]+\.mjs$/ }, (args) =>
      args.namespace === 'zonectl-lazy' ? { path: args.path, external: true } : undefined,
    );
  },
};

/**
 * After every build with these options (npm run bundle, the tests' builds): esbuild's imports of built-ins
 * become require() (builtinImportsAsRequire), so no caller can forget the step.
 * @type {import('esbuild').Plugin}
 */
const builtinsAsRequireOnEnd = {
  name: 'zonectl-builtins-as-require',
  setup(b) {
    b.onEnd(async (result) => {
      const { outdir, write } = b.initialOptions;
      if (result.errors.length === 0 && outdir && write !== false) await builtinImportsAsRequire(outdir);
    });
  },
};

/** The entry points of LAZY_MODULES beside `entry` (source/cli.ts or dist/source/cli.js), those that exist. */
function lazyEntries(entry) {
  const ext = extname(entry);
  return LAZY_MODULES.map((m) => ({ in: resolve(dirname(entry), `i18n/${m.path.slice(2).replace(/\.js$/, ext)}`), out: m.out })).filter(
    (e) => existsSync(e.in),
  );
}

/**
 * The bundle's options for `entry` into `outdir` (sourcemaps: dist/bundle has them for bug reports).
 * @param {{ entry: string, outdir: string, sourcemap?: boolean }} o
 * @returns {import('esbuild').BuildOptions}
 */
export function bundleOptions(o) {
  return {
    entryPoints: [o.entry, ...lazyEntries(o.entry)],
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
    plugins: [lazyAtImport, lazyModules, builtinsByRequire, builtinsAsRequireOnEnd],
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

/** esbuild's import of an external built-in, one a line: `import x, { a, b as c } from "node:fs";`. */
const BUILTIN_IMPORT = /^import (?:(.+) from )?"(node:[\w/]+)";$/gm;

/**
 * Rewrites esbuild's imports of Node's built-ins in dir's .mjs files as require() (see builtinsByRequire;
 * the banner gives each file its `require`): `import x, { a, b as c } from "node:fs"` becomes
 * `const x = require("node:fs"); const { a, b: c } = x;`. An import of another shape fails the build.
 * @param {string} dir
 */
export async function builtinImportsAsRequire(dir) {
  for (const f of await readdir(dir)) {
    if (!f.endsWith('.mjs')) continue;
    const text = await readFile(resolve(dir, f), 'utf8');
    let n = 0;
    const out = text.replace(BUILTIN_IMPORT, (line, clause, id) => {
      n++;
      const req = `require(${JSON.stringify(id)})`;
      if (clause === undefined) return `${req};`;
      const m = /^(?:([\w$]+)|\* as ([\w$]+))?(?:, )?(?:\{ ([\w$, ]+) \})?$/.exec(clause);
      // (`default` as a name: require() gives module.exports, which has no `default`.)
      if (!m || (m[1] === undefined && m[2] === undefined && m[3] === undefined) || /\bdefault\b/.test(m[3] ?? ''))
        throw new Error(`${f}: an import of a built-in of a shape not known here: ${line}`);
      const whole = m[1] ?? m[2];
      const named = m[3]?.split(', ').map((s) => s.replace(/^([\w$]+) as ([\w$]+)$/, '$1: $2'));
      if (!named) return `const ${whole} = ${req};`;
      if (!whole) return `const { ${named.join(', ')} } = ${req};`;
      return `const ${whole} = ${req}; const { ${named.join(', ')} } = ${whole};`;
    });
    if (n > 0) await writeFile(resolve(dir, f), out);
    const left = /^import .*["']node:(?!module')[^'"]*["'];$/m.exec(out);
    if (left && !left[0].startsWith("import { createRequire as __zcr } from 'node:module'"))
      throw new Error(`${f}: an import of a built-in left: ${left[0]}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const outdir = resolve(root, 'dist/bundle');
  await rm(outdir, { recursive: true, force: true });
  await build(bundleOptions({ entry: resolve(root, 'dist/source/cli.js'), outdir, sourcemap: true }));
  await asciiOnly(outdir);
}

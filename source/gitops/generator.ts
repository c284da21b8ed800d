// The ApplicationSet git generators, equivalent to Argo CD's (research/diff.md §4.3): files matching a git pathspec
// glob (`*` also matches `/`, as in `git ls-files -- <pattern>`) each give a parameter set (a top-level array gives one
// per element); params are flattened with dots and stringified, plus `path`, `path.basename`, `path.filename`,
// `path.basenameNormalized`, `path.filenameNormalized` and `path[N]`. Templates use `{{param}}`.
import { t as tr } from '../i18n/t.js';
import { parse } from 'yaml';
import { isPlainObject } from './canonical.js';

export type Params = Record<string, string>;

/** Git pathspec glob -> RegExp (`*` and `?` match across `/`; `[...]` classes). */
export function pathspecRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        re += `[${glob
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function flatten(v: unknown, prefix: string, out: Params): void {
  if (isPlainObject(v)) {
    for (const [k, x] of Object.entries(v)) flatten(x, prefix ? `${prefix}.${k}` : k, out);
    return;
  }
  if (prefix) out[prefix] = v === null || v === undefined ? '' : Array.isArray(v) ? JSON.stringify(v) : String(v);
}

const normalizeName = (s: string) => s.replace(/[^a-zA-Z0-9-.]/g, '-');

export function pathParams(file: string, isDir = false): Params {
  const dir = isDir ? file : file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
  const basename = dir.includes('/') ? dir.slice(dir.lastIndexOf('/') + 1) : dir;
  const filename = isDir ? '' : file.slice(file.lastIndexOf('/') + 1);
  const p: Params = {
    path: dir,
    'path.path': dir,
    'path.basename': basename,
    'path.filename': filename,
    'path.basenameNormalized': normalizeName(basename),
    'path.filenameNormalized': normalizeName(filename),
  };
  dir
    .split('/')
    .filter(Boolean)
    .forEach((seg, i) => (p[`path[${i}]`] = seg));
  return p;
}

/** Parameter sets of a files generator over the repo's file list. */
export function filesGenerator(
  paths: string[],
  pattern: string,
  read: (p: string) => string | undefined,
): Array<{ file: string; params: Params }> {
  const re = pathspecRegExp(pattern);
  const out: Array<{ file: string; params: Params }> = [];
  for (const file of [...paths].sort()) {
    if (!re.test(file)) continue;
    const text = read(file) ?? '';
    let doc: unknown;
    try {
      doc = parse(text);
    } catch (e) {
      throw new Error(`${file}: ${String((e as Error).message).split('\n')[0]}`);
    }
    const sets = Array.isArray(doc) ? doc : [doc ?? {}];
    for (const s of sets) {
      const params: Params = {};
      flatten(s, '', params);
      out.push({ file, params: { ...params, ...pathParams(file) } });
    }
  }
  return out;
}

/** Parameter sets of a directories generator (every directory matching the glob). */
export function directoriesGenerator(paths: string[], pattern: string): Array<{ file: string; params: Params }> {
  const re = pathspecRegExp(pattern);
  const dirs = new Set<string>();
  for (const p of paths) {
    const parts = p.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  return [...dirs]
    .filter((d) => re.test(d))
    .sort()
    .map((d) => ({ file: d, params: pathParams(d, true) }));
}

/** Replaces `{{ name }}` in every string of `template` (deep). Unknown parameters are an error, like missingkey=error. */
export function renderTemplate<T>(template: T, params: Params, where: string): T {
  const sub = (s: string): string =>
    s.replace(/\{\{\s*([^}]+?)\s*\}\}/g, (_m, key: string) => {
      const k = key.replace(/^\.path\./, 'path.').replace(/^\./, '');
      if (!(k in params))
        throw new Error(tr('report.gitops.unknownParameter', { where, param: `{{${key}}}`, have: Object.keys(params).sort().join(', ') }));
      return params[k]!;
    });
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return sub(v);
    if (Array.isArray(v)) return v.map(walk);
    if (isPlainObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [sub(k), walk(x)]));
    return v;
  };
  return walk(template) as T;
}

// Destination mapping: `zonectl.yaml` in the repo (or a file given with --map) says which repo paths go to which
// kube context and namespace. Besides an explicit `apps:` list it has generators equivalent to the ApplicationSet
// git files/directories generators, and it can read ApplicationSet manifests themselves (seed 000 layout).
import { t as tr } from '../i18n/t.js';
import { InputError } from '../errors.js';
import { parseAllDocuments } from 'yaml';
import { isPlainObject } from './canonical.js';
import { directoriesGenerator, filesGenerator, renderTemplate, type Params } from './generator.js';
import type { RepoSnapshot } from './repo.js';
import { DEFAULT_SETTINGS, type AppSpec, type DiffSettings, type HelmSource, type RenderTool } from './types.js';

export class MappingError extends InputError {}

export const MAP_FILE = 'zonectl.yaml';

export interface RepoMap {
  apps: AppSpec[];
  settings: DiffSettings;
}

type Raw = Record<string, any>;

function posixNormalize(p: string): string {
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length === 0) throw new MappingError(tr('report.mapping.leavesRepo', { path: p }));
      out.pop();
    } else out.push(seg);
  }
  return out.join('/');
}

/** A value file path relative to the app path (Argo CD semantics) or repo-absolute with a leading '/'. */
export function resolveRepoPath(base: string, rel: string): string {
  return rel.startsWith('/') ? posixNormalize(rel) : posixNormalize(`${base}/${rel}`);
}

function toApp(raw: Raw, origin: string): AppSpec {
  if (!isPlainObject(raw)) throw new MappingError(tr('report.mapping.appMapping', { origin }));
  const name = String(raw.name ?? '');
  if (!name) throw new MappingError(tr('report.mapping.noName', { origin }));
  if (typeof raw.path !== 'string') throw new MappingError(tr('report.mapping.noPath', { origin, name }));
  const dest = isPlainObject(raw.destination) ? raw.destination : {};
  const type = raw.type as RenderTool | undefined;
  if (type !== undefined && !['plain', 'kustomize', 'helm'].includes(type))
    throw new MappingError(tr('report.mapping.badType', { origin, name }));
  const helm = isPlainObject(raw.helm) ? (raw.helm as HelmSource) : undefined;
  return {
    name,
    path: posixNormalize(raw.path),
    type,
    recurse: raw.recurse === true,
    helm,
    destination: {
      context: (raw.context ?? dest.context) as string | undefined,
      name: dest.name as string | undefined,
      server: dest.server as string | undefined,
      namespace: (raw.namespace ?? dest.namespace) as string | undefined,
    },
    ignore: Array.isArray(raw.ignore) ? raw.ignore : undefined,
    origin,
  };
}

function generate(repo: RepoSnapshot, gen: Raw, template: Raw, origin: string): AppSpec[] {
  const paths = repo.list();
  let sets: Array<{ file: string; params: Params }>;
  if (typeof gen.files === 'string') sets = filesGenerator(paths, gen.files, (p) => repo.text(p));
  else if (typeof gen.directories === 'string') sets = directoriesGenerator(paths, gen.directories);
  else throw new MappingError(tr('report.mapping.generatorNeeds', { origin }));
  for (const ex of Array.isArray(gen.exclude) ? gen.exclude : []) {
    const drop = new Set(
      (typeof gen.files === 'string' ? filesGenerator(paths, ex, (p) => repo.text(p)) : directoriesGenerator(paths, ex)).map((s) => s.file),
    );
    sets = sets.filter((s) => !drop.has(s.file));
  }
  return sets.map(({ file, params }) => {
    try {
      return toApp(renderTemplate(template, params, `${origin} (${file})`), `${origin} (${file})`);
    } catch (e) {
      throw e instanceof MappingError ? e : new MappingError(String((e as Error).message));
    }
  });
}

/** ApplicationSet manifest -> generator entries (git files/directories generators with a single-source template). */
export function fromApplicationSet(appset: Raw, origin: string): Array<{ gen: Raw; template: Raw }> {
  const spec = appset.spec ?? {};
  const t = spec.template ?? {};
  const src = t.spec?.source ?? {};
  const helm = src.helm;
  const helmOut: Raw | undefined = helm
    ? {
        releaseName: helm.releaseName,
        valueFiles: helm.valueFiles,
        values: isPlainObject(helm.valuesObject) ? helm.valuesObject : undefined,
        ignoreMissingValueFiles: helm.ignoreMissingValueFiles,
      }
    : undefined;
  const template: Raw = {
    name: t.metadata?.name,
    path: src.path ?? '.',
    helm: helmOut,
    recurse: src.directory?.recurse,
    destination: { name: t.spec?.destination?.name, server: t.spec?.destination?.server, namespace: t.spec?.destination?.namespace },
  };
  if (!helmOut) delete template.helm;
  const out: Array<{ gen: Raw; template: Raw }> = [];
  for (const g of spec.generators ?? []) {
    const git = g?.git;
    if (!git) throw new MappingError(tr('report.mapping.onlyGit', { origin, got: Object.keys(g ?? {}).join(', ') }));
    const files = (git.files ?? []) as Array<{ path: string; exclude?: boolean }>;
    const dirs = (git.directories ?? []) as Array<{ path: string; exclude?: boolean }>;
    for (const f of files.filter((x) => !x.exclude))
      out.push({ gen: { files: f.path, exclude: files.filter((x) => x.exclude).map((x) => x.path) }, template });
    for (const d of dirs.filter((x) => !x.exclude))
      out.push({ gen: { directories: d.path, exclude: dirs.filter((x) => x.exclude).map((x) => x.path) }, template });
  }
  return out;
}

function parseDocs(text: string, origin: string): Raw[] {
  const docs = parseAllDocuments(text) as unknown as Array<{ errors: Array<{ message: string }>; toJS(): unknown }>;
  if (!Array.isArray(docs)) return [];
  const out: Raw[] = [];
  for (const d of docs) {
    if (d.errors.length) throw new MappingError(`${origin}: ${d.errors[0]!.message.split('\n')[0]}`);
    const v = d.toJS();
    if (isPlainObject(v)) out.push(v);
  }
  return out;
}

function settingsFrom(raw: Raw): DiffSettings {
  const s = structuredClone(DEFAULT_SETTINGS);
  if (typeof raw.fieldManager === 'string') s.fieldManager = raw.fieldManager;
  if (isPlainObject(raw.tracking)) s.tracking = { ...s.tracking, ...raw.tracking };
  if (raw.statusField === 'all' || raw.statusField === 'crd' || raw.statusField === 'none') s.statusField = raw.statusField;
  for (const k of ['ignore', 'quantities', 'sensitive', 'sensitiveAnnotations', 'extraKinds'] as const)
    if (Array.isArray(raw[k])) (s[k] as unknown[]) = raw[k];
  if (isPlainObject(raw.clusters)) s.clusters = raw.clusters as Record<string, string>;
  if (typeof raw.concurrency === 'number' && raw.concurrency > 0) s.concurrency = Math.floor(raw.concurrency);
  return s;
}

/** Builds apps + settings from a mapping file's text (zonectl.yaml or ApplicationSet manifests). */
export function loadMapping(repo: RepoSnapshot, text: string, origin: string): RepoMap {
  const docs = parseDocs(text, origin);
  const apps: AppSpec[] = [];
  let settings = structuredClone(DEFAULT_SETTINGS);
  const addAppSets = (list: Raw[], from: string) => {
    for (const d of list) {
      if (d.kind !== 'ApplicationSet') continue;
      for (const { gen, template } of fromApplicationSet(d, `${from} ApplicationSet ${d.metadata?.name ?? ''}`.trim()))
        apps.push(...generate(repo, gen, template, `${from} ApplicationSet ${d.metadata?.name ?? ''}`.trim()));
    }
  };
  for (const d of docs) {
    if (d.kind === 'ApplicationSet') {
      addAppSets([d], origin);
      continue;
    }
    settings = settingsFrom(d);
    for (const [i, a] of (Array.isArray(d.apps) ? d.apps : []).entries()) apps.push(toApp(a, `${origin} apps[${i}]`));
    for (const [i, g] of (Array.isArray(d.generators) ? d.generators : []).entries()) {
      const template = isPlainObject(g.template) ? g.template : g;
      apps.push(...generate(repo, g, template, `${origin} generators[${i}]`));
    }
    for (const f of Array.isArray(d.applicationSets) ? (d.applicationSets as string[]) : []) {
      const t = repo.text(posixNormalize(f));
      if (t === undefined) throw new MappingError(tr('report.mapping.appSetNotFound', { origin, file: f }));
      addAppSets(parseDocs(t, f), f);
    }
  }
  const seen = new Map<string, string>();
  for (const a of apps) {
    const prev = seen.get(a.name);
    if (prev) throw new MappingError(tr('report.mapping.twice', { name: a.name, first: prev, second: a.origin }));
    seen.set(a.name, a.origin);
  }
  return { apps, settings };
}

/** zonectl.yaml from the repo, or the --map file's text. */
export function repoMapping(repo: RepoSnapshot, mapText?: { text: string; origin: string }): RepoMap {
  if (mapText) return loadMapping(repo, mapText.text, mapText.origin);
  const t = repo.text(MAP_FILE);
  if (t === undefined) throw new MappingError(tr('report.mapping.noMapFile', { file: MAP_FILE, repo: `${repo.source}@${repo.ref}` }));
  return loadMapping(repo, t, MAP_FILE);
}

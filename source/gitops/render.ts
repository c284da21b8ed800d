// Rendering one app to Kubernetes objects: plain YAML/JSON directories, kustomize (`kubectl kustomize`, or
// `kustomize build`), Helm (`helm template` with value files, release name, namespace, --kube-version and
// --api-versions of the target cluster). Missing tools and tool errors are thrown as RenderError with the message.
import { t as tr } from '../i18n/t.js';
import { InputError } from '../errors.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { resolveRepoPath } from './mapping.js';
import type { RepoSnapshot } from './repo.js';
import { findTool, runTool, ToolFailed } from './tools.js';
import type { AppSpec, RenderTool } from './types.js';
import { ManifestError, parseManifests, type ParsedObject } from './yaml-docs.js';

export class RenderError extends InputError {
  readonly tool: RenderTool;
  constructor(tool: RenderTool, message: string) {
    super(message);
    this.tool = tool;
  }
}

export interface RenderContext {
  repo: RepoSnapshot;
  /** Materialised checkout of the repo at the ref (created once, lazily, for helm/kustomize). */
  workdir: () => Promise<string>;
  /** Target cluster facts for Helm's .Capabilities. */
  kubeVersion?: string;
  apiVersions?: string[];
}

export interface Rendered {
  tool: RenderTool;
  objects: ParsedObject[];
  warnings: string[];
}

const KUSTOMIZATION = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

export function detectTool(repo: RepoSnapshot, app: AppSpec): RenderTool {
  if (app.type) return app.type;
  const base = app.path ? `${app.path}/` : '';
  if (repo.files.has(`${base}Chart.yaml`)) return 'helm';
  if (KUSTOMIZATION.some((k) => repo.files.has(`${base}${k}`))) return 'kustomize';
  return 'plain';
}

function renderPlain(ctx: RenderContext, app: AppSpec): Rendered {
  const files = ctx.repo.list(app.path).filter((p) => {
    const rest = app.path ? p.slice(app.path.length + 1) : p;
    if (!app.recurse && rest.includes('/')) return false;
    const base = rest.slice(rest.lastIndexOf('/') + 1);
    return !base.startsWith('.') && /\.(ya?ml|json)$/i.test(base) && base !== 'zonectl.yaml';
  });
  if (files.length === 0 && !ctx.repo.list(app.path).length)
    throw new RenderError('plain', tr('report.gitops.noDirectory', { path: app.path || '.' }));
  const objects: ParsedObject[] = [];
  const warnings: string[] = [];
  for (const f of files) {
    try {
      const r = parseManifests(ctx.repo.text(f) ?? '', f);
      objects.push(...r.objects);
      warnings.push(...r.warnings);
    } catch (e) {
      throw new RenderError('plain', e instanceof ManifestError ? e.message : `${f}: ${String((e as Error).message)}`);
    }
  }
  return { tool: 'plain', objects, warnings };
}

function parseToolOutput(tool: RenderTool, text: string, label: string): Rendered {
  try {
    const r = parseManifests(text, label);
    return { tool, objects: r.objects, warnings: r.warnings };
  } catch (e) {
    throw new RenderError(tool, String((e as Error).message));
  }
}

async function renderKustomize(ctx: RenderContext, app: AppSpec): Promise<Rendered> {
  const kubectl = findTool('kubectl');
  const kustomize = kubectl ? undefined : findTool('kustomize');
  if (!kubectl && !kustomize) throw new RenderError('kustomize', tr('report.gitops.noKustomize'));
  const dir = join(await ctx.workdir(), app.path);
  try {
    const out = kubectl ? await runTool(kubectl, ['kustomize', dir]) : await runTool(kustomize!, ['build', dir]);
    return parseToolOutput('kustomize', out, `kustomize ${app.path}`);
  } catch (e) {
    if (e instanceof ToolFailed)
      throw new RenderError(
        'kustomize',
        // eslint-disable-next-line i18next/no-literal-string -- the command that failed, as typed
        `${kubectl ? 'kubectl kustomize' : 'kustomize build'} ${app.path}: ${e.message.split(dir).join(app.path)}`,
      );
    throw e;
  }
}

async function renderHelm(ctx: RenderContext, app: AppSpec, namespace: string): Promise<Rendered> {
  const helm = findTool('helm');
  if (!helm) throw new RenderError('helm', tr('report.gitops.noHelm'));
  const root = await ctx.workdir();
  const chart = join(root, app.path);
  const release = app.helm?.releaseName || app.name;
  const args = ['template', release, chart, '--namespace', namespace, '--include-crds'];
  if (ctx.kubeVersion) args.push('--kube-version', ctx.kubeVersion.replace(/^v/, '').replace(/[-+].*$/, ''));
  for (const a of ctx.apiVersions ?? []) args.push('--api-versions', a);
  for (const vf of app.helm?.valueFiles ?? []) {
    const rel = resolveRepoPath(app.path, vf);
    if (!ctx.repo.files.has(rel)) {
      if (app.helm?.ignoreMissingValueFiles) continue;
      throw new RenderError('helm', tr('report.gitops.noValueFile', { file: vf, path: rel, ref: ctx.repo.ref }));
    }
    args.push('--values', join(root, rel));
  }
  if (app.helm?.values && Object.keys(app.helm.values).length) {
    const f = join(root, `.zonectl-values-${app.name.replace(/[^a-zA-Z0-9-]/g, '_')}.yaml`);
    writeFileSync(f, stringify(app.helm.values));
    args.push('--values', f);
  }
  try {
    const out = await runTool(helm, args, {
      env: {
        ...process.env,
        HELM_CACHE_HOME: join(root, '.helm', 'cache'),
        HELM_CONFIG_HOME: join(root, '.helm', 'config'),
        HELM_DATA_HOME: join(root, '.helm', 'data'),
      },
    });
    // eslint-disable-next-line i18next/no-literal-string -- the command that ran
    return parseToolOutput('helm', out, `helm template ${app.path}`);
  } catch (e) {
    // eslint-disable-next-line i18next/no-literal-string -- the command that ran, then its own error
    if (e instanceof ToolFailed) throw new RenderError('helm', `helm template ${app.path}: ${e.message.split(`${root}/`).join('')}`);
    throw e;
  }
}

export async function renderApp(ctx: RenderContext, app: AppSpec, namespace: string): Promise<Rendered> {
  const tool = detectTool(ctx.repo, app);
  if (tool === 'helm') return renderHelm(ctx, app, namespace);
  if (tool === 'kustomize') return renderKustomize(ctx, app);
  return renderPlain(ctx, app);
}

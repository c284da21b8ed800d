// Applies CRDs, the viewer RBAC and the fixture objects to one cluster through the REST API (no kubectl).
// Status in a fixture document is written afterwards through the /status subresource, because a real
// apiserver ignores status on create for kinds that have the subresource.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { expandSchemas } from './crd-schemas.js';
import { kubeRequest, type RequestTarget } from './http.js';
import { sleep, waitFor } from './procs.js';

export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; [k: string]: unknown };
  [k: string]: unknown;
}

/** Parse a multi-document YAML file after replacing `{{key:arg}}` placeholders via `vars`. */
export function loadManifests(file: string, vars: (key: string, arg: string) => string | undefined = () => undefined): Manifest[] {
  const text = readFileSync(file, 'utf8').replace(/\{\{(server|caBundle|ago):([A-Za-z0-9._-]+)\}\}/g, (whole, key: string, arg: string) => {
    const v = key === 'ago' ? agoTimestamp(arg) : vars(key, arg);
    if (v === undefined) throw new Error(`${file}: no value for placeholder ${whole}`);
    return v;
  });
  const out: Manifest[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors[0].message}`);
    const value = doc.toJS() as Manifest | null;
    if (value) out.push(value);
  }
  return out;
}

function agoTimestamp(arg: string): string {
  const m = /^(\d+)([smh])$/.exec(arg);
  if (!m) throw new Error(`bad {{ago:${arg}}}: use <N>s, <N>m or <N>h`);
  const ms = Number(m[1]) * { s: 1_000, m: 60_000, h: 3_600_000 }[m[2] as 's' | 'm' | 'h'];
  return new Date(Date.now() - ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function crdFiles(crdDir: string): string[] {
  return readdirSync(crdDir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => join(crdDir, f));
}

/** Create every CRD (409 = already there is fine) and wait until all report Established. */
export async function applyCrds(target: RequestTarget, files: string[]): Promise<string[]> {
  const names: string[] = [];
  for (const file of files) {
    for (const crd of loadManifests(file)) {
      await expandSchemas(target, crd);
      const res = await kubeRequest(target, 'POST', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', crd);
      if (res.status !== 201 && res.status !== 409)
        throw new Error(`create CRD ${crd.metadata.name}: HTTP ${res.status} ${res.json?.message ?? res.text}`);
      names.push(crd.metadata.name);
    }
  }
  for (const name of names) {
    await waitFor(
      `CRD ${name} Established`,
      async () => {
        const r = await kubeRequest(target, 'GET', `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${name}`);
        const conds: Array<{ type: string; status: string }> = r.json?.status?.conditions ?? [];
        return conds.some((c) => c.type === 'Established' && c.status === 'True') ? true : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 100 },
    );
  }
  return names;
}

/** Read-only access to everything (all groups incl. the CRD groups); no write verbs. */
export function viewerRbac(): Manifest[] {
  return [
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'zonectl-test-viewer' },
      rules: [{ apiGroups: ['*'], resources: ['*'], verbs: ['get', 'list', 'watch'] }],
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: 'zonectl-test-viewer' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'zonectl-test-viewer' },
      subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'viewer' }],
    },
  ];
}

interface ResourceInfo {
  plural: string;
  namespaced: boolean;
}

/** Resolves apiVersion+kind to a REST path through discovery (so CRDs need no hand-kept table). */
export class Discovery {
  private readonly cache = new Map<string, Map<string, ResourceInfo>>();
  constructor(private readonly target: RequestTarget) {}

  async collectionPath(m: Manifest): Promise<string> {
    const info = await waitFor(`discovery of ${m.apiVersion} ${m.kind}`, () => this.lookup(m.apiVersion, m.kind), {
      timeoutMs: 30_000,
      intervalMs: 250,
    });
    const base = m.apiVersion.includes('/') ? `/apis/${m.apiVersion}` : `/api/${m.apiVersion}`;
    if (!info.namespaced) return `${base}/${info.plural}`;
    const ns = m.metadata.namespace ?? 'default';
    return `${base}/namespaces/${encodeURIComponent(ns)}/${info.plural}`;
  }

  private async lookup(apiVersion: string, kind: string): Promise<ResourceInfo | undefined> {
    let kinds = this.cache.get(apiVersion);
    if (!kinds?.has(kind)) {
      const path = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
      const res = await kubeRequest(this.target, 'GET', path);
      if (res.status !== 200) return undefined;
      kinds = new Map();
      for (const r of res.json.resources as Array<{ name: string; kind: string; namespaced: boolean }>) {
        if (!r.name.includes('/')) kinds.set(r.kind, { plural: r.name, namespaced: r.namespaced });
      }
      this.cache.set(apiVersion, kinds);
    }
    return kinds.get(kind);
  }
}

/** Create each object (without status), then merge-patch its status through /status when the document has one. */
export async function applyObjects(target: RequestTarget, manifests: Manifest[], discovery = new Discovery(target)): Promise<number> {
  let n = 0;
  for (const m of manifests) {
    const { status, ...body } = m;
    const collection = await discovery.collectionPath(m);
    const what = `${m.kind} ${m.metadata.namespace ? `${m.metadata.namespace}/` : ''}${m.metadata.name}`;
    // A just-established CRD can 404 for a moment: retry 404 only, fail on anything else.
    for (let attempt = 0; ; attempt++) {
      const r = await kubeRequest(target, 'POST', collection, body);
      if (r.status === 201 || r.status === 200) break;
      if (r.status === 404 && attempt < 50) {
        await sleep(200);
        continue;
      }
      throw new Error(`create ${what}: HTTP ${r.status} ${r.json?.message ?? r.text}`);
    }
    if (status !== undefined) {
      const path = `${collection}/${encodeURIComponent(m.metadata.name)}/status`;
      const r = await kubeRequest(target, 'PATCH', path, { status }, 'application/merge-patch+json');
      if (r.status !== 200) throw new Error(`write status of ${what}: HTTP ${r.status} ${r.json?.message ?? r.text}`);
    }
    n++;
  }
  return n;
}

export function fixtureObjectFiles(objectsDir: string, cluster: string): string[] {
  return [join(objectsDir, 'common.yaml'), join(objectsDir, `${cluster}.yaml`)].filter((f) => existsSync(f));
}

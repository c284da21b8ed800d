// The version matrix: for every zone and each of its services, the version (image tag) it actually
// runs and the version its owner asks for. Pure.
//
// What runs comes from the service's pods when the caller read them (the container's status image,
// which during an in-place update is the old one until the pod restarted its container), else from
// the workload: its spec's image on `updated` of `replicas` pods; while a rollout is under way the
// other pods run the previous revision, whose tag the workload does not say ("previous").
// What is asked for: the GameZone's serviceConfig entry image, else its defaultImage; for a kubefed
// member, its Federated object's template with this cluster's override.
import { imageTag } from './format.js';
import type { FederatedInfo, PodInfo, WorkloadInfo, ZoneInfo } from './types.js';
import { t } from '../i18n/t.js';
import { byText } from './order.js';

/** The tag shown for pods on the previous revision when only the workload was read. */
export const PREVIOUS = 'previous';

export interface RunningVersion {
  version: string;
  /** The full image, when known (pods, or the workload's spec). */
  image?: string;
  pods: number;
}

export interface DesiredVersion {
  version: string;
  image: string;
  from: 'GameZone' | 'Federated';
}

export interface ServiceVersion {
  service: string;
  workload?: string;
  kind?: string;
  container?: string;
  /** Versions running, most pods first. Empty: no workload (missing) or no pods. */
  running: RunningVersion[];
  /** Where `running` comes from. */
  source: 'pods' | 'workload' | 'none';
  /** More than one version runs (an update under way, or stuck half way). */
  mixed: boolean;
  desired?: DesiredVersion;
  /** Runs something other than what is asked for (every pod, or some). */
  drift: boolean;
  /** What the config repo asks (`--repo`), when one was read and has this service. */
  git?: { version: string; image: string };
  /** Runs something other than what Git asks. */
  gitDrift?: boolean;
}

export interface ZoneVersions {
  cluster: string;
  namespace: string;
  zoneId: string;
  name: string;
  /** The GameZone's default version (its defaultImage tag). */
  defaultVersion?: string;
  services: ServiceVersion[];
  /** Every version some service of the zone runs (PREVIOUS left out), in version order. */
  versions: string[];
  /**
   * Some service runs two versions, or two services of one image repository run different tags while
   * some service runs what is not asked for (or nothing asks).
   */
  mixed: boolean;
  /** Why it is mixed, one line. */
  mixedReason?: string;
}

export interface VersionInputs {
  zones: readonly ZoneInfo[];
  workloads: readonly WorkloadInfo[];
  /** The pods read, or undefined when the caller did not read pods (then the workloads say what runs). */
  pods?: readonly PodInfo[];
  federated?: readonly FederatedInfo[];
  /** The image a config repo asks of a zone's service (gitops/desired-images.ts); absent: no repo read. */
  git?: (zone: ZoneInfo, service: string, workload?: string) => string | undefined;
}

/** "registry/x/service:1.8.2@sha256:..." -> "registry/x/service". */
export function imageRepository(image: string): string {
  const noDigest = image.split('@')[0]!;
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  return colon > slash ? noDigest.slice(0, colon) : noDigest;
}

const key = (...parts: string[]) => parts.join('\u0000');

/** The indexes one matrix is built from (built once: the console reuses them for the zones that changed). */
export interface VersionContext {
  workloads: Map<string, WorkloadInfo>;
  pods?: Map<string, PodInfo[]>;
  fed: Map<string, FederatedInfo>;
  git?: VersionInputs['git'];
}

/** `only`: index just the workloads of these zones' namespaces (the console derives a few changed zones). */
export function versionContext(inp: Omit<VersionInputs, 'zones'>, only?: readonly ZoneInfo[]): VersionContext {
  const workloads = new Map<string, WorkloadInfo>();
  const namespaces = only ? new Set(only.map((z) => z.namespace)) : undefined;
  // A rollout controller (workloadRef) is not a service; the workload it drives is.
  for (const w of inp.workloads)
    if (!w.workloadRef && (!namespaces || namespaces.has(w.namespace))) workloads.set(key(w.cluster, w.namespace, w.name), w);
  return {
    workloads,
    ...(inp.pods ? { pods: podsByOwner(inp.pods) } : {}),
    fed: federatedIndex(inp.federated ?? []),
    ...(inp.git ? { git: inp.git } : {}),
  };
}

/** One zone's row of the matrix. */
export function zoneVersionsOf(ctx: VersionContext, z: ZoneInfo): ZoneVersions {
  return withGit(zoneVersions(z, ctx.workloads, ctx.pods, ctx.fed), z, ctx.git);
}

export function versionMatrix(inp: VersionInputs): ZoneVersions[] {
  const ctx = versionContext(inp);
  return inp.zones.map((z) => zoneVersionsOf(ctx, z));
}

function withGit(zv: ZoneVersions, z: ZoneInfo, git: VersionInputs['git']): ZoneVersions {
  if (!git) return zv;
  const services = zv.services.map((s) => {
    const image = git(z, s.service, s.workload);
    if (!image) return s;
    const version = imageTag(image);
    return { ...s, git: { version, image }, gitDrift: s.running.some((r) => r.version !== version) };
  });
  return { ...zv, services };
}

function zoneVersions(
  z: ZoneInfo,
  workloads: Map<string, WorkloadInfo>,
  pods: Map<string, PodInfo[]> | undefined,
  fed: Map<string, FederatedInfo>,
): ZoneVersions {
  const services = z.services.map((s): ServiceVersion => {
    const name = s.id === '' ? s.type : `${s.type}-${s.id}`;
    const w = s.workload ? workloads.get(key(z.cluster, z.namespace, s.workload)) : undefined;
    const desired = desiredOf(z, s.image, w, fed);
    if (!w) return { service: name, running: [], source: 'none', mixed: false, ...(desired ? { desired } : {}), drift: false };
    const container = w.containers[0];
    const fromPods = pods ? runningFromPods(pods.get(key(w.cluster, w.namespace, w.name)) ?? [], container?.name) : undefined;
    const running = fromPods && fromPods.length > 0 ? fromPods : runningFromWorkload(w);
    const known = running.filter((r) => r.version !== PREVIOUS);
    return {
      service: name,
      workload: w.name,
      kind: w.kind,
      ...(container ? { container: container.name } : {}),
      running,
      source: fromPods && fromPods.length > 0 ? 'pods' : 'workload',
      mixed: running.length > 1,
      ...(desired ? { desired } : {}),
      drift: desired !== undefined && (running.some((r) => r.version === PREVIOUS) || known.some((r) => r.version !== desired.version)),
    };
  });
  const versions = [...new Set(services.flatMap((s) => s.running.map((r) => r.version)).filter((v) => v !== PREVIOUS))].sort();
  const reason = mixedReason(services);
  return {
    cluster: z.cluster,
    namespace: z.namespace,
    zoneId: z.zoneId,
    name: z.name,
    ...(z.defaultImage ? { defaultVersion: imageTag(z.defaultImage) } : {}),
    services,
    versions,
    mixed: reason !== undefined,
    ...(reason ? { mixedReason: reason } : {}),
  };
}

function mixedReason(services: readonly ServiceVersion[]): string | undefined {
  const inService = services.find((s) => s.mixed);
  if (inService) return `${inService.service} runs ${inService.running.map((r) => r.version).join(' and ')}`;
  // Services built from one image repository are released together: different tags are a half-done
  // release — unless every service runs what its owner asks for (a hotfix one entry pins on purpose).
  if (!services.some((s) => s.drift || (s.desired === undefined && s.running.length > 0))) return undefined;
  const byRepo = new Map<string, Map<string, string>>();
  for (const s of services)
    for (const r of s.running) {
      if (!r.image) continue;
      const repo = imageRepository(r.image);
      const tags = byRepo.get(repo) ?? byRepo.set(repo, new Map()).get(repo)!;
      if (!tags.has(r.version)) tags.set(r.version, s.service);
    }
  for (const tags of byRepo.values())
    if (tags.size > 1)
      return [...tags]
        .slice(0, 2)
        .map(([v, svc]) => `${svc} runs ${v}`)
        .join(', ');
  return undefined;
}

function runningFromWorkload(w: WorkloadInfo): RunningVersion[] {
  const image = w.containers[0]?.image;
  if (!image) return [];
  const version = imageTag(image);
  const { replicas, updated } = w.rollout;
  // Up to date (or nothing to count): every pod runs the spec's image.
  if (updated >= replicas || w.rollout.phase === 'complete') return [{ version, image, pods: replicas }];
  const out: RunningVersion[] = [];
  if (updated > 0) out.push({ version, image, pods: updated });
  out.push({ version: PREVIOUS, pods: replicas - updated });
  return out.sort((a, b) => b.pods - a.pods);
}

function runningFromPods(pods: readonly PodInfo[], container: string | undefined): RunningVersion[] {
  const counts = new Map<string, RunningVersion>();
  for (const p of pods) {
    const c = p.containers.find((x) => x.name === container) ?? p.containers[0];
    if (!c) continue;
    const image = c.runningImage ?? c.image;
    const r = counts.get(image) ?? counts.set(image, { version: imageTag(image), image, pods: 0 }).get(image)!;
    r.pods++;
  }
  return [...counts.values()].sort((a, b) => b.pods - a.pods || byText(a.version, b.version));
}

/** Pods by their workload: the controller's name, or a Deployment's ReplicaSet (name-hash) as its Deployment. */
function podsByOwner(pods: readonly PodInfo[]): Map<string, PodInfo[]> {
  const out = new Map<string, PodInfo[]>();
  const add = (k: string, p: PodInfo) => (out.get(k) ?? out.set(k, []).get(k)!).push(p);
  for (const p of pods) {
    if (!p.owner) continue;
    add(key(p.cluster, p.namespace, p.owner.name), p);
    if (p.owner.kind === 'ReplicaSet') {
      const cut = p.owner.name.lastIndexOf('-');
      if (cut > 0) add(key(p.cluster, p.namespace, p.owner.name.slice(0, cut)), p);
    }
  }
  return out;
}

function federatedIndex(fs: readonly FederatedInfo[]): Map<string, FederatedInfo> {
  const out = new Map<string, FederatedInfo>();
  for (const f of fs) if (!f.invalid) out.set(key(f.namespace, f.targetKind, f.name), f);
  return out;
}

function desiredOf(
  z: ZoneInfo,
  entryImage: string | undefined,
  w: WorkloadInfo | undefined,
  fed: Map<string, FederatedInfo>,
): DesiredVersion | undefined {
  if (z.source === 'GameZone') {
    const image = entryImage ?? z.defaultImage;
    if (image) return { version: imageTag(image), image, from: 'GameZone' };
  }
  if (w?.owner?.kind === 'kubefed') {
    const f = fed.get(key(w.namespace, w.kind, w.name));
    const image = f ? federatedImage(f, w.cluster) : undefined;
    if (image) return { version: imageTag(image), image, from: 'Federated' };
  }
  return undefined;
}

const IMAGE_PATH = '/spec/template/spec/containers/0/image';

/** The image a Federated object asks of one member: its template's, or the member's override. */
export function federatedImage(f: FederatedInfo, cluster: string): string | undefined {
  const override = f.clusters.find((c) => c.name === cluster)?.overrides.find((o) => o.path === IMAGE_PATH && typeof o.value === 'string');
  if (override) return override.value as string;
  const t = f.template as { spec?: { template?: { spec?: { containers?: Array<{ image?: unknown }> } } } } | undefined;
  const image = t?.spec?.template?.spec?.containers?.[0]?.image;
  return typeof image === 'string' ? image : undefined;
}

/** "1.8.2", "1.8.2×7 1.9.0×3" (pods), "1.9.0 on 3/10" (the workload mid-update), "-" (nothing runs). */
export function runningText(s: Pick<ServiceVersion, 'running' | 'mixed'>): string {
  if (s.running.length === 0) return '-';
  // PREVIOUS is a code (JSON carries it); shown, it is a word. Memoized: this runs per row.
  const shown = (v: string) => (v === PREVIOUS ? t('views.version.previous') : v);
  if (!s.mixed) return shown(s.running[0]!.version);
  const known = s.running.filter((r) => r.version !== PREVIOUS);
  if (known.length < s.running.length) {
    const total = s.running.reduce((n, r) => n + r.pods, 0);
    return (
      known.map((r) => t('views.version.on', { version: r.version, pods: r.pods, total })).join(', ') ||
      t('views.version.on', { version: shown(PREVIOUS), pods: total, total })
    );
  }
  return s.running.map((r) => `${r.version}×${r.pods}`).join(' ');
}

/** Keeps the zones and services a test picks: a service when one of its running versions passes. */
export function filterVersions(zones: readonly ZoneVersions[], o: { version?: (v: string) => boolean; mixed?: boolean }): ZoneVersions[] {
  const out: ZoneVersions[] = [];
  for (const z of zones) {
    if (o.mixed && !z.mixed) continue;
    if (!o.version) {
      out.push(z);
      continue;
    }
    const services = z.services.filter((s) => s.running.some((r) => o.version!(r.version)));
    if (services.length > 0) out.push({ ...z, services });
  }
  return out;
}

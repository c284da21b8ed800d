// What a config repo asks each zone's services to run, from a Git-vs-live report (predicted objects):
// a GameZone's serviceConfig entry image, else its defaultImage; a workload in Git, its first
// container's image. Feeds the version matrix's GIT column (`zonectl versions --repo`).
import { t as tr } from '../i18n/t.js';
import { parse } from 'yaml';
import type { DiffReport } from '../model/diff-report.js';
import type { ZoneInfo } from '../model/types.js';
import { serviceInstances, serviceName } from '../model/zones.js';

const key = (...parts: string[]) => parts.join('\u0000');

export interface GitDesired {
  /** The image Git asks of a zone's service (by its workload name when Git has the workload itself). */
  image(zone: Pick<ZoneInfo, 'cluster' | 'namespace' | 'zoneId'>, service: string, workload?: string): string | undefined;
  /** Apps that could not be read (their error), for a warning. */
  errors: string[];
}

type Obj = { spec?: Record<string, unknown> } | null;

function firstImage(spec: Record<string, unknown> | undefined): string | undefined {
  const t = spec?.template as { spec?: { containers?: Array<{ image?: unknown }> } } | undefined;
  const image = t?.spec?.containers?.[0]?.image;
  return typeof image === 'string' ? image : undefined;
}

export function gitDesired(report: DiffReport): GitDesired {
  const zones = new Map<string, { defaultImage?: string; services: Map<string, string> }>();
  const workloads = new Map<string, string>();
  const errors: string[] = [];
  for (const app of report.apps) {
    if (app.error) errors.push(tr('report.gitops.appError', { cluster: app.cluster, app: app.app, error: app.error }));
    for (const o of app.objects) {
      if (!o.predictedYaml) continue; // Extra (not in Git) or not rendered
      let doc: Obj;
      try {
        doc = parse(o.predictedYaml) as Obj;
      } catch {
        continue;
      }
      const spec = doc?.spec;
      if (o.kind === 'GameZone') {
        const gz = spec?.gameZone as { zoneId?: unknown; defaultImage?: unknown; serviceConfig?: unknown } | undefined;
        if (gz?.zoneId === undefined) continue;
        const services = new Map<string, string>();
        for (const e of Array.isArray(gz.serviceConfig) ? (gz.serviceConfig as Array<Record<string, unknown>>) : []) {
          if (typeof e?.type !== 'string' || typeof e.image !== 'string') continue;
          const entry = {
            type: e.type,
            id: String(e.id ?? '1'),
            ...(e.endId !== undefined ? { endId: String(e.endId) } : {}),
            image: e.image,
          };
          for (const inst of serviceInstances(entry)) services.set(serviceName(inst), e.image);
        }
        zones.set(key(app.cluster, o.namespace, String(gz.zoneId)), {
          ...(typeof gz.defaultImage === 'string' ? { defaultImage: gz.defaultImage } : {}),
          services,
        });
      } else {
        const image = firstImage(spec);
        if (image) workloads.set(key(app.cluster, o.namespace, o.name), image);
      }
    }
  }
  return {
    errors,
    image(z, service, workload) {
      const fromWorkload = workload ? workloads.get(key(z.cluster, z.namespace, workload)) : undefined;
      if (fromWorkload) return fromWorkload;
      const gz = zones.get(key(z.cluster, z.namespace, z.zoneId));
      return gz ? (gz.services.get(service) ?? gz.defaultImage) : undefined;
    },
  };
}

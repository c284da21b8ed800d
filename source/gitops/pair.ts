// One pair -> ObjectDiff: normalise both sides, compare canonical JSON, then mask and print (rules 8, 10-16, 21, 22).
import type { KubeObject } from '../kube/object.js';
import { canonicalJson, deepClone } from './canonical.js';
import { objectLabel, toYaml, unifiedDiff } from './diff-text.js';
import { maskObjects, scrub, sensitiveValues } from './mask-diff.js';
import { groupOf, normalizeObject, type NormalizeOptions } from './normalize.js';
import { normalizeLiveTracking } from './tracking.js';
import type { DiffSettings, ObjectDiff, ObjectStatus } from './types.js';

export interface PairInput extends Pick<
  ObjectDiff,
  'app' | 'cluster' | 'predictedBy' | 'approximate' | 'note' | 'warnings' | 'dryRun' | 'prune'
> {
  desired?: KubeObject; // Git (namespace resolved, tracking injected)
  live?: KubeObject;
  predicted?: KubeObject; // predicted live (pairs only)
  /** Forces the status (Unknown with a message). */
  unknown?: string;
}

export function normalizeOptionsFor(settings: DiffSettings, appIgnore: NormalizeOptions['ignore'] = []): NormalizeOptions {
  return { statusField: settings.statusField, ignore: [...settings.ignore, ...(appIgnore ?? [])], quantities: settings.quantities };
}

export function buildObjectDiff(p: PairInput, settings: DiffSettings, nopts: NormalizeOptions, withYaml = false): ObjectDiff {
  const ref = p.desired ?? p.live!;
  const id = {
    group: groupOf(ref.apiVersion),
    kind: ref.kind ?? '',
    apiVersion: ref.apiVersion ?? '',
    namespace: ref.metadata.namespace ?? '',
    name: String(ref.metadata.name ?? ref.metadata.generateName ?? ''),
  };
  const secrets = sensitiveValues([p.desired, p.live], settings);
  const clean = (s: string | undefined) => (s === undefined ? undefined : scrub(s, secrets));
  let liveN: KubeObject | undefined;
  let predN: KubeObject | undefined;
  if (p.live) {
    liveN = deepClone(p.live);
    if (p.desired) normalizeLiveTracking(liveN, p.desired, settings.tracking);
    normalizeObject(liveN, nopts);
  }
  const predictedSource = p.predicted ?? (p.live ? undefined : p.desired);
  if (predictedSource) predN = normalizeObject(deepClone(predictedSource), nopts);
  let status: ObjectStatus;
  if (p.unknown) status = 'Unknown';
  else if (p.desired && !p.live) status = 'Missing';
  else if (!p.desired && p.live) status = 'Extra';
  else status = canonicalJson(liveN) === canonicalJson(predN) ? 'Synced' : 'Modified';
  // mask after the decision, on both sides, consistently
  if (status !== 'Synced' || withYaml) maskObjects([liveN, predN], settings);
  // YAML is printed for what differs (and for everything when asked: -o wide / json with --all)
  const showDiff = status === 'Modified' || status === 'Missing' || status === 'Extra';
  const printed = showDiff || status === 'Unknown' || withYaml;
  const liveYaml = printed ? toYaml(liveN) : '';
  const predictedYaml = printed ? toYaml(predN) : '';
  const label = objectLabel(id);
  return {
    app: p.app,
    cluster: p.cluster,
    ...id,
    status,
    predictedBy: p.predictedBy,
    approximate: p.approximate,
    note: clean(p.unknown ?? p.note),
    warnings: p.warnings.map((w) => clean(w)!),
    dryRun: p.dryRun ? { ok: p.dryRun.ok, message: clean(p.dryRun.message) } : undefined,
    prune: p.prune,
    liveYaml,
    predictedYaml,
    diff: showDiff ? unifiedDiff(label, liveYaml, predictedYaml) : '',
  };
}

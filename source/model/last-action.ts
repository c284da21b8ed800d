// The last zonectl action on an object, as its audit annotation records it (written by actions/audit.ts
// in the same patch as the change). Read here so every row knows which fleet release (batch) and wave
// last touched it: that is how a release is found, resumed and rolled back from the clusters alone.
export const AUDIT_ANNOTATION = 'zonectl.io/last-action';
/**
 * The fleet release (batch) that last changed the object — hot update, approve, reject, skip-hook,
 * retry-hooks — with its wave and plan. A hold or release of the release's workloads (stopping or
 * resuming it) does not replace it, so the release stays findable, resumable and undoable.
 */
export const RELEASE_ANNOTATION = 'zonectl.io/release';
/** Batch actions that steer a release rather than make one: they leave RELEASE_ANNOTATION alone. */
export const CONTROL_ACTIONS: ReadonlySet<string> = new Set(['hold', 'release']);

export interface LastAction {
  action: string;
  by: string;
  at: string;
  /** The fleet action (batch id) this write belonged to. */
  batch?: string;
  /** Its wave, 1-based, and the wave plan it ran under (e.g. "1,10%,50%,100%"). */
  wave?: number;
  waves?: string;
  /** A hot update's images before and after (what an undo puts back). */
  images?: Array<{ container: string; from: string; to: string }>;
}

/** The annotation's value, or undefined when absent, malformed or not ours. */
export function parseLastAction(raw: string | undefined): LastAction | undefined {
  if (!raw) return undefined;
  try {
    const v = JSON.parse(raw) as Record<string, unknown>;
    if (typeof v.action !== 'string' || typeof v.by !== 'string' || typeof v.at !== 'string') return undefined;
    const out: LastAction = { action: v.action, by: v.by, at: v.at };
    if (typeof v.batch === 'string') out.batch = v.batch;
    if (typeof v.wave === 'number' && Number.isInteger(v.wave) && v.wave > 0) out.wave = v.wave;
    if (typeof v.waves === 'string') out.waves = v.waves;
    if (Array.isArray(v.images)) {
      const images = (v.images as unknown[]).filter(
        (i): i is { container: string; from: string; to: string } =>
          typeof i === 'object' &&
          i !== null &&
          ['container', 'from', 'to'].every((k) => typeof (i as Record<string, unknown>)[k] === 'string'),
      );
      if (images.length) out.images = images.map(({ container, from, to }) => ({ container, from, to }));
    }
    return out;
  } catch {
    return undefined;
  }
}

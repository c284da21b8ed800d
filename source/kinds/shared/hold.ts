// "Hold" is zonectl's durable freeze of a rollout (bk-bcs has no durable manual pause: the
// controller rewrites spec.updateStrategy.paused). Hold sets the partition to replicas (or pauses
// Deployments / Rollouts) and records what it replaced in an annotation, so release can restore it.
export const HOLD_ANNOTATION = 'zonectl.io/hold';

export interface HoldRecord {
  /** The value hold replaced: a partition (number / "N%"), null when unset, or a paused flag. */
  previous: number | string | boolean | null;
  at?: string; // RFC3339
  by?: string; // user or context that held it
  /** 'step': a canary workload held at a step that waits for approval (nothing but the annotation is written). */
  on?: 'step';
}

/** Parse the hold annotation; undefined when absent or unreadable (then it is not zonectl's hold). */
export function parseHold(annotations: Record<string, string> | undefined): HoldRecord | undefined {
  const raw = annotations?.[HOLD_ANNOTATION];
  if (raw === undefined) return undefined;
  try {
    const v: unknown = JSON.parse(raw);
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
    const r = v as Record<string, unknown>;
    const p = r.previous;
    const previous = typeof p === 'number' || typeof p === 'string' || typeof p === 'boolean' ? p : null;
    return {
      previous,
      at: typeof r.at === 'string' ? r.at : undefined,
      by: typeof r.by === 'string' ? r.by : undefined,
      ...(r.on === 'step' ? { on: 'step' as const } : {}),
    };
  } catch {
    return undefined;
  }
}

export function formatHold(h: HoldRecord): string {
  return JSON.stringify({
    previous: h.previous,
    ...(h.at ? { at: h.at } : {}),
    ...(h.by ? { by: h.by } : {}),
    ...(h.on ? { on: h.on } : {}),
  });
}

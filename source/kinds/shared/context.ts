// What a reader may be given besides the object itself. Everything optional; readers stay pure
// (the caller supplies `now` for time-dependent derivations like timed-pause ends).
import type { HookRunInfo } from '../../model/types.js';

export const DEFAULT_ZONE_LABEL = 'zonectl.io/zone';
export const DEFAULT_SERVICE_LABEL = 'zonectl.io/service';

export interface ReadContext {
  /** Epoch ms used for time-dependent derivations. Default Date.now(). */
  now?: number;
  /** HookRuns of the same cluster, joined to show the current step hook's phase and metrics. */
  hookRuns?: readonly HookRunInfo[];
  /** Label key carrying the zone id on workloads (default zonectl.io/zone). */
  zoneLabel?: string;
  /** Label key carrying the service id on workloads (default zonectl.io/service). */
  serviceLabel?: string;
  /** Format clock times (pause ends at HH:MM:SS) in UTC instead of local time. */
  utc?: boolean;
}

export function nowOf(ctx?: ReadContext): number {
  return ctx?.now ?? Date.now();
}

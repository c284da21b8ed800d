// The alert thresholds of the config file (`alerts:`), validated, with the defaults an operator
// gets without writing any. Durations are written as "30m", "2h", "90s" (or a number of seconds) and
// held in milliseconds. The rules themselves are in source/model/alerts/.
import { InputError } from '../errors.js';
import { t } from '../i18n/t.js';

export interface AlertThresholds {
  /** A rollout paused longer than this, by kind of pause. */
  pause: {
    /** Waiting at a manual pause step (approve / reject). */
    approval: number;
    /** Paused by a step hook that did not succeed. */
    hook: number;
    /** Held by zonectl (an intended stop, reported as info). */
    held: number;
    /** Stopped by an error (a failed update or hook): short, the rollout waits for nobody else. */
    error: number;
  };
  /** A rollout in progress with no pod updated for this long. */
  stalled: number;
  /** A pod in ImagePullBackOff / ErrImagePull / CrashLoopBackOff / OOMKilled for this long. */
  podProblem: number;
  /** Pods (or a workload's replicas) not ready for this long. */
  notReady: number;
  /** Restarts rising: at least `count` restarts of one pod within `window`. */
  restarts: { count: number; window: number };
  /** A zone whose services run more than one version for this long. */
  mixedVersions: number;
}

const MIN = 60_000;

export const DEFAULT_ALERT_THRESHOLDS: AlertThresholds = {
  pause: { approval: 30 * MIN, hook: 10 * MIN, held: 4 * 60 * MIN, error: 0 },
  stalled: 15 * MIN,
  podProblem: 1 * MIN,
  notReady: 5 * MIN,
  restarts: { count: 3, window: 10 * MIN },
  mixedVersions: 60 * MIN,
};

/** "30m", "1h30m", "90s", "500ms" or a number of seconds -> ms; undefined when it is none of these. */
export function durationMs(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? v * 1000 : undefined;
  if (typeof v !== 'string' || !v) return undefined;
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g;
  let total = 0;
  let consumed = 0;
  for (let m = re.exec(v); m; m = re.exec(v)) {
    const unit = { ms: 1, s: 1000, m: MIN, h: 60 * MIN, d: 24 * 60 * MIN }[m[2] as 'ms' | 's' | 'm' | 'h' | 'd'];
    total += Number(m[1]) * unit;
    consumed += m[0].length;
  }
  return consumed === v.length ? total : undefined;
}

/** `alerts:` of the config file; every key optional, unknown keys refused (a typo never passes unsaid). */
export function parseAlertThresholds(raw: unknown, file: string, fail: (message: string) => InputError): AlertThresholds {
  const mapping = (v: unknown, key: string): Record<string, unknown> => {
    if (typeof v !== 'object' || v === null || Array.isArray(v))
      throw fail(t('commands.config.mustBe', { file, key, want: t('commands.config.want.mapping') }));
    return v as Record<string, unknown>;
  };
  const only = (m: Record<string, unknown>, key: string, keys: string[]) => {
    for (const k of Object.keys(m))
      if (!keys.includes(k))
        throw fail(
          t('commands.config.unknownKey', {
            file,
            key: `"${key}.${/^[A-Za-z][\w-]{0,40}$/.test(k) ? k : t('commands.config.notANameShort')}"`,
          }),
        );
  };
  const dur = (m: Record<string, unknown>, k: string, key: string, def: number): number => {
    if (m[k] === undefined) return def;
    const ms = durationMs(m[k]);
    if (ms === undefined) throw fail(t('commands.config.mustBe', { file, key: `${key}.${k}`, want: t('commands.config.want.duration') }));
    return ms;
  };
  const r = mapping(raw, 'alerts');
  const d = DEFAULT_ALERT_THRESHOLDS;
  only(r, 'alerts', ['pause', 'stalled', 'podProblem', 'notReady', 'restarts', 'mixedVersions']);
  const p = r.pause === undefined ? {} : mapping(r.pause, 'alerts.pause');
  only(p, 'alerts.pause', ['approval', 'hook', 'held', 'error']);
  const rs = r.restarts === undefined ? {} : mapping(r.restarts, 'alerts.restarts');
  only(rs, 'alerts.restarts', ['count', 'window']);
  const count = rs.count ?? d.restarts.count;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1)
    throw fail(t('commands.config.mustBe', { file, key: 'alerts.restarts.count', want: t('commands.config.want.countFrom1') }));
  return {
    pause: {
      approval: dur(p, 'approval', 'alerts.pause', d.pause.approval),
      hook: dur(p, 'hook', 'alerts.pause', d.pause.hook),
      held: dur(p, 'held', 'alerts.pause', d.pause.held),
      error: dur(p, 'error', 'alerts.pause', d.pause.error),
    },
    stalled: dur(r, 'stalled', 'alerts', d.stalled),
    podProblem: dur(r, 'podProblem', 'alerts', d.podProblem),
    notReady: dur(r, 'notReady', 'alerts', d.notReady),
    restarts: { count, window: dur(rs, 'window', 'alerts.restarts', d.restarts.window) },
    mixedVersions: dur(r, 'mixedVersions', 'alerts', d.mixedVersions),
  };
}

// The config file's alerts: section: defaults, durations, partial sections, and one-line errors.
import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_THRESHOLDS, durationMs } from '../../../source/config/alerts.js';
import { ConfigError, DEFAULT_CONFIG, parseConfig } from '../../../source/config/config.js';

const err = (raw: unknown): string => {
  try {
    parseConfig(raw, 'c.yaml');
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('expected a ConfigError');
};

describe('config alerts:', () => {
  it('defaults without the section', () => {
    expect(parseConfig({}).alerts).toEqual(DEFAULT_ALERT_THRESHOLDS);
    expect(DEFAULT_CONFIG.alerts.pause.approval).toBe(30 * 60_000);
  });

  it('durations as Go-style strings or seconds; keys left out keep their defaults', () => {
    expect([durationMs('90s'), durationMs('1h30m'), durationMs('2d'), durationMs(45), durationMs('500ms'), durationMs('x')]).toEqual([
      90_000,
      5_400_000,
      172_800_000,
      45_000,
      500,
      undefined,
    ]);
    const a = parseConfig({ alerts: { pause: { approval: '1h' }, restarts: { count: 5 }, mixedVersions: '2h' } }).alerts;
    expect(a.pause).toEqual({ ...DEFAULT_ALERT_THRESHOLDS.pause, approval: 3_600_000 });
    expect(a.restarts).toEqual({ count: 5, window: DEFAULT_ALERT_THRESHOLDS.restarts.window });
    expect(a.mixedVersions).toBe(7_200_000);
    expect(a.stalled).toBe(DEFAULT_ALERT_THRESHOLDS.stalled);
  });

  it('one line naming the key for a wrong value or an unknown key', () => {
    expect(err({ alerts: { stalled: 'soon' } })).toBe('config c.yaml: "alerts.stalled" must be a duration such as "30m", "2h" or "90s"');
    expect(err({ alerts: { pause: { aproval: '1m' } } })).toBe('config c.yaml: unknown key "alerts.pause.aproval"');
    expect(err({ alerts: { restarts: { count: 0 } } })).toBe('config c.yaml: "alerts.restarts.count" must be a whole number from 1');
    expect(err({ alerts: [] })).toBe('config c.yaml: "alerts" must be a mapping');
  });
});

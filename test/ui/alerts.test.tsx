// The console's alerts: the count in the header on every view, the Alerts view (key !, :alerts)
// worst first then oldest, Enter to the rollout, the action keys on the alert's workload, and the
// zones / rollouts views listing rows with an alert first on their default order.
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, test } from 'vitest';
import { DEFAULT_ALERT_THRESHOLDS } from '../../source/config/alerts.js';
import { AlertEngine } from '../../source/model/alerts/engine.js';
import type { Snapshot } from '../../source/store/types.js';
import { problemsFirst } from '../../source/ui/list-model.js';
import { parseCommand } from '../../source/ui/commands.js';
import { expectFits } from './assert-frame.js';
import { makeSnapshot, NOW } from './fixtures.js';
import { KEYS, renderApp } from './harness.js';

afterEach(() => cleanup());

/** The fixture fleet with its alerts derived by the product's engine (approval after 10m: its canary waits 12m). */
function withAlerts(): Snapshot {
  const s = makeSnapshot();
  const t = { ...DEFAULT_ALERT_THRESHOLDS, pause: { ...DEFAULT_ALERT_THRESHOLDS.pause, approval: 10 * 60_000 } };
  return { ...s, alerts: new AlertEngine(t).derive(s, NOW).alerts };
}

describe('console alerts', () => {
  test('the fixture fleet has alerts of more than one severity (what the rest relies on)', () => {
    const s = withAlerts();
    expect(new Set(s.alerts!.map((a) => a.severity)).size).toBeGreaterThan(1);
  });

  test('header count on every view; ! and :alerts open the list worst first; Enter opens the rollout', async () => {
    const s = withAlerts();
    const critical = s.alerts!.filter((a) => a.severity === 'critical').length;
    const h = await renderApp(s, { columns: 120, rows: 30 });
    const count = critical ? `alerts ${s.alerts!.length} (${critical} critical)` : `alerts ${s.alerts!.length}`;
    expect(h.lines()[0]).toContain(count);
    await h.press('!');
    expectFits(h.frame(), 120, 30);
    expect(h.lines()[0]).toContain(count);
    expect(h.lines()[1]).toMatch(new RegExp(`^Alerts {2}\\[${s.alerts!.length}\\] {2}sort:SEVERITY`));
    const rows = h.lines().filter((l) => /^[> ] (critical|warning|info) /.test(l));
    expect(rows).toHaveLength(Math.min(s.alerts!.length, 30 - 4));
    const sev = rows.map((l) => l.slice(2).split(' ')[0]);
    expect(sev).toEqual([...sev].sort((a, b) => ['critical', 'warning', 'info'].indexOf(a) - ['critical', 'warning', 'info'].indexOf(b)));
    expect(parseCommand('alerts', [])).toEqual({ kind: 'view', view: 'alerts' });
    // The first alert with a workload: Enter opens its rollout detail.
    const at = s.alerts!.findIndex((a) => a.workload);
    const w = s.alerts![at]!.workload!;
    for (let i = 0; i < at; i++) await h.press(KEYS.down);
    await h.press(KEYS.enter);
    expect(h.lines()[1]).toContain(`Alerts > ${w.kind}/${w.name}`);
  });

  test('problems first: rows with an alert lead, each part keeping its order', () => {
    const row = (key: string) => ({ key, cells: [], tokens: [], sort: [], search: '', cluster: 'c' });
    const rows = ['a', 'b', 'c', 'd'].map(row);
    expect(problemsFirst(rows, new Set(['c', 'a'])).map((r) => r.key)).toEqual(['a', 'c', 'b', 'd']);
    expect(problemsFirst(rows, new Set())).toBe(rows);
  });

  test('the zones view lists a zone with an alert first on its default order', async () => {
    const s = withAlerts();
    const zoned = s.alerts!.find((a) => a.zone)!;
    const h = await renderApp(s, { columns: 120, rows: 40 });
    const firstRow = h.lines().find((l) => l.startsWith('> '))!;
    expect(firstRow).toMatch(new RegExp(`${zoned.cluster}.* ${zoned.zone} `));
  });
});

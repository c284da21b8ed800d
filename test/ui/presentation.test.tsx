// One presentation vocabulary: for the same rollout, the console's Rollouts table and
// `zonectl rollouts -o table` print the same words in the same columns (both come from
// source/model/columns/rollouts.ts), and the same rollouts are "active" in both.
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, test } from 'vitest';
import { rolloutColumns } from '../../source/model/columns/rollouts.js';
import { isActiveRollout } from '../../source/model/rollouts.js';
import { tableColumns } from '../../source/output/columns.js';
import { renderTable } from '../../source/output/table.js';
import { makeSnapshot, NOW } from './fixtures.js';
import { renderApp } from './harness.js';

afterEach(() => cleanup());

const COLS = ['WORKLOAD', 'KIND', 'STEP', 'UPDATED', 'STATE', 'HOOK'];

/** Rows of a fixed-width table as cells by header: each column runs to the start of the next header. */
function rowsOf(table: readonly string[], headerAt: number): Array<Record<string, string>> {
  const header = table[headerAt];
  const starts = [...header.matchAll(/[A-Z]+/g)].map((m) => ({ name: m[0], at: m.index }));
  return table
    .slice(headerAt + 1)
    .filter((l) => l.trim() !== '')
    .map((line) => Object.fromEntries(starts.map((s, i) => [s.name, line.slice(s.at, starts[i + 1]?.at ?? line.length).trim()])));
}

describe('the console and -o table say the same thing', () => {
  test('step, updated, state and hook text of every active rollout', async () => {
    const snap = makeSnapshot();
    const active = snap.workloads.filter(isActiveRollout);
    expect(active.length).toBeGreaterThan(2);
    const table = renderTable(active, tableColumns(rolloutColumns, { now: NOW }), false)
      .trimEnd()
      .split('\n');
    const h = await renderApp(snap, { view: 'rollouts', columns: 220, rows: 40 });
    const lines = h.lines();
    const consoleHeader = lines.findIndex((l) => l.startsWith('  CLUSTER'));
    expect(lines[1]).toContain(`Rollouts  [${active.length}]`);
    const tableRows = rowsOf(table, 0);
    const consoleRows = rowsOf(lines.slice(0, consoleHeader + 1 + active.length), consoleHeader);
    expect(consoleRows).toHaveLength(active.length);
    const find = (rows: Array<Record<string, string>>, w: (typeof active)[number]) =>
      rows.filter((r) => r.CLUSTER.startsWith(w.cluster) && r.NAMESPACE === w.namespace && r.WORKLOAD === w.name);
    for (const w of active) {
      const [fromTable] = find(tableRows, w);
      const [fromConsole, twice] = find(consoleRows, w);
      expect(twice).toBeUndefined();
      for (const c of COLS) expect(fromConsole[c], `${c} of ${w.cluster}/${w.name}`).toBe(fromTable[c]);
    }
    // The paused one reads the same in both, timer included.
    expect(table.join('\n')).toMatch(/GameStatefulSet +InplaceUpdate +2\/4 pause +1\/3 +paused: awaiting approval 12m/);
  });
});

describe('headers at 80 columns', () => {
  test('Releases: the sorted LAST column keeps its whole header and its sort mark', async () => {
    const h = await renderApp(makeSnapshot(), { view: 'releases', columns: 80, rows: 24 });
    const header = h.lines().find((l) => l.includes('BATCH'));
    expect(header).toMatch(/ LAST[+-]$/);
    expect(header).not.toContain('~');
  });
});

// The console's namespace scope (`:ns`, the header), the Versions view and the Compare screen (marks on
// the Zones / Clusters lists, then =), at 80×24, on the fixture fleet.
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, test } from 'vitest';
import { expectFits, rowWith } from './assert-frame.js';
import { makeSnapshot } from './fixtures.js';
import { KEYS, renderApp } from './harness.js';

afterEach(() => cleanup());

const header = (f: string) => f.split('\n')[0] ?? '';
const title = (f: string) => f.split('\n')[1] ?? '';
const footer = (f: string) => f.split('\n').at(-1) ?? '';

async function command(h: Awaited<ReturnType<typeof renderApp>>, text: string) {
  await h.press(':');
  await h.type(text);
  await h.press(KEYS.enter);
}

describe(':ns and the namespace scope in the header', () => {
  test(':ns NAME shows one namespace, an ambiguous prefix says which, :ns all shows every one, Tab completes', async () => {
    const h = await renderApp(makeSnapshot(), { columns: 80, rows: 24 });
    expect(header(h.frame())).toMatch(/ {2}ns all {2}/);
    await command(h, 'ns game-1002');
    let f = await h.waitFor((x) => /\[1\/12\]/.test(title(x)), 'one namespace');
    expect(header(f)).toMatch(/ {2}ns game-1002 {2}/);
    expect(rowWith(f, 'sh-prod-1 ')).toContain('1002');
    expectFits(f, 80, 24);
    // The rollouts of another view are narrowed as well (A: every workload; 3 in that namespace).
    await h.press('2', 'A');
    f = await h.waitFor((x) => /^Rollouts {2}\[3\/36\]/.test(title(x)), 'rollouts of the namespace');
    await h.press('1');
    await command(h, 'ns game-1');
    // (a flash may take two lines at 80 columns)
    f = await h.waitFor((x) => /matches 12 namespaces/.test(x), 'ambiguous');
    expect(f).toMatch(/^"game-1" matches 12 namespaces: game-1001, game-1002/m);
    await command(h, 'ns game-120');
    f = await h.waitFor((x) => /matches 4 namespaces/.test(x), 'ambiguous');
    await command(h, 'ns all');
    f = await h.waitFor((x) => /^Zones {2}\[12\]/.test(title(x)), 'every namespace again');
    expect(header(f)).toMatch(/ {2}ns all {2}/);
    // Tab completes the namespaces the fleet has.
    await h.press(':');
    await h.type('ns game-110');
    await h.press(KEYS.tab);
    expect(footer(h.frame())).toMatch(/^:ns game-110_ +ns game-1101 {2}ns game-1102/);
    await h.press(KEYS.esc);
    await command(h, 'ns Bad_Name');
    f = await h.waitFor((x) => /"Bad_Name" is not a namespace name/.test(x), 'a name that cannot be a namespace');
    expect(header(f)).toMatch(/ {2}ns all {2}/);
  });
});

describe('the Versions view', () => {
  test('8 shows one row per zone and service with what runs and what is asked; fits 80×24; Enter opens the zone', async () => {
    const h = await renderApp(makeSnapshot(), { columns: 80, rows: 24 });
    await h.press('8');
    const f = await h.waitFor((x) => /^Versions {2}\[36\]/.test(title(x)), 'the versions view');
    expectFits(f, 80, 24);
    const head = rowWith(f, '  CLUSTER');
    for (const col of ['ZONE', 'SERVICE', 'RUNNING', 'DESIRED', 'STATE']) expect(head).toContain(col);
    // Problems first: the paused canary of zone 1001 runs v1.5.0 on 1 of 3 pods, "previous" on the rest.
    expect(rowWith(f, 'sh-prod-1 ')).toMatch(/1001 +game-1 +v1\.5\.0 on 1\/3 +v1\.4\.2 +mixed \(updating\)/);
    await h.press('/');
    await h.type('v1.5.0');
    await h.press(KEYS.enter);
    await h.waitFor((x) => /\[3\/36\]/.test(title(x)), 'the three services on v1.5.0');
    await h.press(KEYS.enter);
    const z = await h.waitFor((x) => /^Versions > zone \d{4}/.test(title(x)), 'the zone detail');
    expect(z).toMatch(/Zone \d{4} .* in \S+-prod-1\/game-\d{4}/);
  });
});

describe('compare (marks, then =)', () => {
  test('two zones: the marked one and the cursor row; only differences, A shows the equal lines too; Esc goes back', async () => {
    const h = await renderApp(makeSnapshot(), { columns: 80, rows: 24 });
    await h.press('=');
    expect(footer(h.frame())).toBe('compare: mark a row (space), then = on another');
    await h.press(' ', 'j'); // mark nj-prod-1's 1101 (the cursor moves to 1102), then on to 1103
    expect(title(h.frame())).toContain('1 marked');
    expect(footer(h.frame())).toContain('= compare');
    await h.press('=');
    let f = await h.waitFor((x) => /^Zones > compare 1101 \| 1103/.test(title(x)), 'the compare screen');
    expectFits(f, 80, 24);
    expect(f).toMatch(/^. A nj-prod-1\/game-1101\/zone 1101$/m);
    expect(f).toMatch(/^ {2}B nj-prod-1\/game-1103\/zone 1103$/m);
    expect(f).toMatch(/^ {2}1 difference; 13 equal hidden \(A shows them\)$/m);
    // The game image: v1.5.0 on the paused canary of 1101, v1.4.2 on 1103; the common registry path elided.
    expect(rowWith(f, 'image main')).toMatch(/^ {2}\| image main +…:v1\.5\.0 +…:v1\.4\.2$/);
    expect(f).not.toContain('replicas');
    await h.press('A');
    f = await h.waitFor((x) => /equal shown \(A hides them\)/.test(x), 'equal lines shown');
    expect(f).toContain('replicas');
    await h.press(KEYS.esc);
    await h.waitFor((x) => /^Zones {2}\[12\] {2}1 marked/.test(title(x)), 'back on the zones');
  });

  test('two clusters from the Clusters list: zone ids of each and the versions per service', async () => {
    const h = await renderApp(makeSnapshot(), { columns: 80, rows: 24 });
    await h.press('3');
    await h.waitFor((x) => /^Clusters/.test(title(x)), 'clusters');
    await h.press(' ', ' ', '=');
    const f = await h.waitFor((x) => /^Clusters > compare/.test(title(x)), 'the compare screen');
    expectFits(f, 80, 24);
    // Sorted by name: fed-host (no zones) and nj-prod-1 (four).
    expect(f).toMatch(/^. A fed-host$/m);
    expect(f).toMatch(/^ {2}B nj-prod-1$/m);
    expect(f).toMatch(/^ {2}zones$/m);
    expect(f).toMatch(/^ {2}> zone 1101 +- +\S+/m);
    expect(f).toMatch(/^ {2}> game-1 +- +v1\.4\.2 ×3, v1\.5\.0 ×1$/m);
  });
});

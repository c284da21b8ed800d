// End to end: operator actions in the real `zonectl demo` at 80x24, driven through tmux. Approve the
// rollout awaiting approval from the Rollouts list and watch its step advance; reject the failed one
// and watch it roll back; mark two paused rollouts and approve both with one card. State (audit log)
// and config go to a temporary directory.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { expectFits, footer, hasTmux, startDemoSession } from './tmux.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

const COLS = 80;
const ROWS = 24;
const selected = (s: string) => s.split('\n').find((l) => l.startsWith('> ')) ?? '';

const fits = (s: string): void => expectFits(s, COLS);

describe.skipIf(!hasTmux())('operator actions in zonectl demo (tmux, 80x24)', () => {
  it('approves the paused rollout (the step advances) and rejects the failed one (it rolls back)', async () => {
    const { t, dir } = await startDemoSession(COLS, ROWS, 'actions', cleanups);

    // Rollouts, all workloads (rows stay listed when they finish), the one awaiting approval.
    t.keys('2', 'A', '/');
    t.type('awaiting');
    t.keys('Enter');
    let s = await t.waitFor(
      (x) => /Rollouts\s+\[1\//.test(x) && /^> .*game-1 .*2\/3 pause .*paused: awaiting/m.test(x),
      'the awaiting row selected',
    );
    s = await t.waitFor((x) => /^a approve {2}/.test(footer(x)), 'the approve key enabled');
    fits(s);

    t.keys('a');
    s = await t.waitFor((x) => x.includes('Writes:') && /y\/<enter> confirm/.test(x), 'the approval card');
    fits(s);
    expect(s).toMatch(/^Rollouts > Approve/m);
    expect(s).toMatch(/^Approve GameStatefulSet\/game-1$/m);
    expect(s).toMatch(/^ {2}cluster {5}shanghai$/m);
    expect(s).toMatch(/^ {2}namespace {3}zone-101$/m);
    expect(s).toMatch(/^ {2}step {8}2\/3 \(pause/m);
    expect(s).toMatch(/^ {2}images {6}game: \S+ ->$/m);
    expect(s).toMatch(/^ {2}acting as {3}shanghai-admin$/m);
    expect(s).toMatch(/PATCH gamestatefulsets\.tkex\.tencent\.com zone-101\/game-1 \(merge patch\)/);

    // A reason for the audit trail, then confirm.
    t.keys('Tab');
    t.type('e2e approve');
    t.keys('Enter');
    s = await t.waitFor((x) => x.includes('approve GameStatefulSet zone-101/game-1 on shanghai: done'), 'the approve result');
    fits(s);
    // The step advances: clear the filter (the selection stays on the row) and watch it.
    t.keys('Escape');
    s = await t.waitFor(
      (x) => /Rollouts\s+\[\d+\]/.test(x) && /game-1 +3\/3 (partition|done)/.test(selected(x)),
      'step 3/3 on the approved row',
    );
    expect(selected(s)).toMatch(/shanghai .*zone-101 .*game-1/);
    fits(s);

    // The failed rollout: x rejects it, restoring the last released revision.
    t.keys('/');
    t.type('failed:');
    t.keys('Enter');
    s = await t.waitFor((x) => /Rollouts\s+\[1\//.test(x) && /^> .*auth-1 .*failed/m.test(x), 'the failed row selected');
    s = await t.waitFor((x) => /(^| {2})x reject( |$)/.test(footer(x)), 'the reject key enabled');
    t.keys('x');
    s = await t.waitFor((x) => x.includes('Plan:') && /^Reject GameDeployment\/auth-1$/m.test(x), 'the reject card');
    fits(s);
    expect(s).toMatch(/^ {2}images {6}auth: \S+ ->$/m);
    // The GameZone generates auth-1: the restored image goes to the GameZone too, so it stays.
    expect(s).toMatch(/^ {2}owner {7}GameZone zone-102\/zone102$/m);
    expect(s).toMatch(/write the image to GameZone zone-102\/zone102 serviceConfig\[\d+\] \(auth-1\): its/);
    t.keys('y');
    s = await t.waitFor((x) => x.includes('reject GameDeployment zone-102/auth-1 on shanghai: done'), 'the reject result');
    t.keys('Escape');
    s = await t.waitFor((x) => /auth-1/.test(selected(x)) && /up to date/.test(selected(x)), 'auth-1 rolled back and up to date', 30_000);
    fits(s);

    // The audit trail has both, with the reason typed on the card.
    const audit = readFileSync(join(dir, 'state', 'zonectl', 'audit.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(audit.map((a) => a.action)).toEqual(['approve', 'reject']);
    expect(audit[0]).toMatchObject({ reason: 'e2e approve' });

    t.keys('q');
    await t.waitFor((x) => /EXITED=0/.test(x), 'a clean exit');
  });

  it('marks rows (ctrl+a, ctrl+\\, space, ctrl+space) and approves the two paused rollouts with one card and one confirmation', async () => {
    const { t, dir } = await startDemoSession(COLS, ROWS, 'marks', cleanups);
    const row = (x: string, re: RegExp) => x.split('\n').find((l) => re.test(l)) ?? '';
    const title = (x: string) => x.split('\n')[1] ?? '';
    const GAME = /^[> ][ *]shanghai +zone-101 +game-1 /;
    const GATEWAY = /^[> ][ *]nanjing +zone-201 +gateway-1 /;
    // The two paused rollouts (in two clusters), filtered; Ctrl-A marks every row the filter shows.
    t.keys('2', '/');
    t.type('/zone-101 game-1 |zone-201 gateway-1 /');
    t.keys('Enter');
    let s = await t.waitFor((x) => /Rollouts {2}\[2\/\d+\]/.test(title(x)) && !!row(x, GAME) && !!row(x, GATEWAY), 'both paused rollouts');
    t.keys('C-a');
    s = await t.waitFor((x) => /\[2\/\d+\] {2}2 marked/.test(title(x)) && row(x, GAME)[1] === '*' && row(x, GATEWAY)[1] === '*', 'ctrl+a');
    fits(s);
    // Ctrl-\ clears them.
    t.keys('C-\\');
    s = await t.waitFor((x) => !/marked/.test(title(x)) && !/^[> ]\*/m.test(x), 'the marks cleared');
    // Space marks the first row and moves down; Ctrl-Space marks from it to the cursor.
    t.keys('g', 'Space');
    s = await t.waitFor((x) => /1 marked/.test(title(x)), 'space');
    expect(
      s
        .split('\n')
        .filter((l) => /^[> ][ *](shanghai|nanjing) /.test(l))
        .map((l) => l.slice(0, 2)),
    ).toEqual([' *', '> ']);
    t.keys('C-Space');
    s = await t.waitFor((x) => /\[2\/\d+\] {2}2 marked/.test(title(x)), 'ctrl+space');
    expect(
      s
        .split('\n')
        .filter((l) => /^[> ][ *](shanghai|nanjing) /.test(l))
        .map((l) => l.slice(0, 2)),
    ).toEqual([' *', '>*']);
    fits(s);

    t.keys('a');
    s = await t.waitFor(
      (x) => x.includes('approve 2 workloads: 2 planned, 0 not possible') && /y\/<enter> confirm/.test(x),
      'the batch card',
    );
    fits(s);
    expect(s).toMatch(/^Rollouts > Approve/m);
    expect(s).toMatch(/^ {2}nanjing +1 +\(1 paused\)$/m);
    expect(s).toMatch(/^ {2}shanghai +1 +\(1 paused\)$/m);
    const batch = /^ {2}batch {7}([0-9a-f]{8}) /m.exec(s)?.[1];
    expect(batch).toBeDefined();
    t.keys('y');
    s = await t.waitFor((x) => x.includes(`approve 2: 2 done; batch ${batch}`), 'the result');
    fits(s);
    expect(s.split('\n')[1]).not.toMatch(/marked/);
    // game-1 moves on to step 3/3; gateway-1 goes past its hook step.
    s = await t.waitFor((x) => / 3\/3 (partition|done)/.test(row(x, GAME)), 'game-1 at step 3/3', 30_000);
    const audit = readFileSync(join(dir, 'state', 'zonectl', 'audit.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(audit.map((a) => `${a.action} ${a.cluster as string} ${a.batch as string}`).sort()).toEqual([
      `approve nanjing ${batch}`,
      `approve shanghai ${batch}`,
    ]);
    t.keys('q');
    await t.waitFor((x) => /EXITED=0/.test(x), 'a clean exit');
  });

  it('hot-updates a GameStatefulSet in place from the Rollout detail and shows it progress pod by pod', async () => {
    const { t } = await startDemoSession(COLS, ROWS, 'hot', cleanups);
    t.keys('2', 'A', '/');
    t.type('zone-102 game-1 ');
    t.keys('Enter');
    await t.waitFor((x) => /Rollouts\s+\[1\//.test(x) && /^> .*game-1 .*up to date/m.test(x), 'the up-to-date game-1 of zone-102');
    t.keys('Enter');
    let s = await t.waitFor(
      (x) => /^Rollouts > GameStatefulSet\/game-1/m.test(x) && /(^| {2})u hot update( |$)/.test(footer(x)),
      'the detail with the hot update key enabled',
    );
    const image = /image game {3}(\S+)/.exec(s)?.[1];
    expect(image).toMatch(/^registry\.example\.com\//);

    t.keys('u');
    s = await t.waitFor((x) => /^> image {9}\S+_$/m.test(x), 'the hot update form');
    fits(s);
    t.keys('C-u');
    t.type('registry.example.com/project1/service:9.9.9');
    t.keys('Enter');
    s = await t.waitFor((x) => x.includes('Plan:') && /^Hot-update GameStatefulSet\/game-1$/m.test(x), 'the hot update card');
    fits(s);
    expect(s).toContain(`  images      game: ${image} ->\n              registry.example.com/project1/service:9.9.9`);
    // Written where the image is decided: the GameZone (its controller rolls it to game-1), so it sticks.
    expect(s).toMatch(/write the image to GameZone zone-102\/zone102/);
    t.keys('y');
    s = await t.waitFor((x) => x.includes('hot-update GameStatefulSet zone-102/game-1 on shanghai: done'), 'the hot update result');
    // The detail follows the update: updated x/y climbs to 3/3, the pods keep their names and restart in place.
    s = await t.waitFor((x) => /progress +\[#+\.+\] [12]\/3 updated/.test(x), 'the update under way', 30_000);
    s = await t.waitFor((x) => /progress +\[#{20}\] 3\/3 updated, 3 of them ready/.test(x), 'every pod updated and ready', 60_000);
    expect(s).toMatch(/image game {3}registry\.example\.com\/project1\/service:9\.9\.9/);
    t.keys('G');
    s = await t.waitFor((x) => /Pods \(3\)/.test(x), 'the pods');
    for (const i of [0, 1, 2]) expect(s).toMatch(new RegExp(`game-1-${i} rev \\S+ \\(new\\) ready restarts [1-9]`));
    fits(s);
    t.keys('q');
    await t.waitFor((x) => /EXITED=0/.test(x), 'a clean exit');
  });
});

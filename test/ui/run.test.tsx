// runConsole through the real Ink render path on a fake TTY: alternate screen in and out, exit
// codes, signals and render errors all leave the terminal restored.
import { afterEach, describe, expect, test } from 'vitest';
import { RESIZE_SETTLE_MS, runConsole } from '../../source/ui/run.js';
import type { Snapshot, SnapshotSource } from '../../source/store/types.js';
import { FakeStdin, FakeStdout } from './fake-tty.js';
import { MemorySource, makeSnapshot } from './fixtures.js';

const ENTER_ALT = '\u001B[?1049h';
const LEAVE_ALT = '\u001B[?1049l';
const HOME_AND_ERASE_DOWN = '\u001B[1;1H\u001B[J';
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The event loop's next check phase: every microtask has run, no timer of more than a few ms has fired. */
const nextTurn = () => new Promise((r) => setImmediate(r));

async function waitFor(pred: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (pred()) return;
    await wait(10);
  }
  throw new Error(`timed out waiting for ${what}`);
}

function start(source: SnapshotSource, o: { handleSignals?: boolean } = {}) {
  const stdout = new FakeStdout(100, 30);
  const stdin = new FakeStdin();
  const done = runConsole({
    source,
    fleetLabel: 'test',
    user: 'ops-alice',
    readOnly: true,
    theme: 'dark',
    env: { NO_COLOR: '1' },
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    stderr: new FakeStdout(100, 30) as unknown as NodeJS.WriteStream,
    interactive: true,
    handleSignals: o.handleSignals ?? false,
  });
  return { stdout, stdin, done };
}

const saved: Array<[string, Array<(...a: unknown[]) => void>]> = [];
afterEach(() => {
  for (const [sig, ls] of saved.splice(0)) for (const l of ls) process.on(sig, l);
});

describe('runConsole', () => {
  test('enters the alternate screen, shows zones, q leaves it and resolves 0', async () => {
    const { stdout, stdin, done } = start(new MemorySource(makeSnapshot()));
    await waitFor(() => stdout.text().includes('华东一区'), 'zones frame');
    expect(stdout.text().startsWith(ENTER_ALT) || stdout.text().includes(ENTER_ALT)).toBe(true);
    expect(stdout.text()).toContain('READ-ONLY');
    expect(stdin.rawMode).toBe(true);
    stdin.write('q');
    expect(await done).toBe(0);
    expect(stdout.text().lastIndexOf(LEAVE_ALT)).toBeGreaterThan(stdout.text().indexOf(ENTER_ALT));
    expect(stdin.rawMode).toBe(false);
  });

  test('SIGTERM restores the terminal and resolves 143', async () => {
    // Park other SIGTERM listeners (the test runner's) so emitting the signal only reaches ours.
    const others = process.listeners('SIGTERM') as Array<(...a: unknown[]) => void>;
    saved.push(['SIGTERM', others]);
    for (const l of others) process.off('SIGTERM', l);
    const { stdout, done } = start(new MemorySource(makeSnapshot()), { handleSignals: true });
    await waitFor(() => stdout.text().includes('Zones'), 'first frame');
    process.emit('SIGTERM', 'SIGTERM');
    expect(await done).toBe(143);
    expect(stdout.text()).toContain(LEAVE_ALT);
    expect(process.listeners('SIGTERM')).toHaveLength(0);
  });

  test('a render error (bug) restores the terminal and resolves 10', async () => {
    let calls = 0;
    const good = makeSnapshot();
    const bad: SnapshotSource = {
      snapshot: () => {
        calls++;
        return good;
      },
      subscribe: (fn) => {
        // Publish a malformed snapshot: the view code throws while rendering it.
        setTimeout(() => fn({ ...good, seq: 99, zones: null } as unknown as Snapshot), 20);
        return () => undefined;
      },
    };
    const { stdout, done } = start(bad);
    expect(await done).toBe(10);
    expect(calls).toBeGreaterThan(0);
    expect(stdout.text()).toContain(LEAVE_ALT);
  });

  test('follows a terminal resize: columns drop and the frame shrinks to the new size', async () => {
    const { stdout, stdin, done } = start(new MemorySource(makeSnapshot()));
    await waitFor(() => stdout.text().includes('AGE'), 'wide frame with AGE');
    stdout.reset();
    stdout.resize(60, 12);
    // The last frame after the resize has no AGE column (laid out for 60 columns).
    const lastHeader = () => stdout.text().split('CLUSTER').at(-1)!.split('\n')[0]!;
    await waitFor(() => stdout.text().includes('CLUSTER') && !lastHeader().includes('AGE'), 'a frame laid out for 60 columns');
    await wait(RESIZE_SETTLE_MS + 150);
    expect(lastHeader()).not.toContain('AGE');
    stdin.write('q');
    expect(await done).toBe(0);
  });

  test('a resize, once settled, redraws the whole frame from the top-left corner (one column wider and back)', async () => {
    const { stdout, stdin, done } = start(new MemorySource(makeSnapshot()));
    await waitFor(() => stdout.text().includes('AGE'), 'first frame');
    await wait(100);
    stdout.reset();
    // What a terminal does when it rewraps: Ink's picture of the screen no longer holds, so only a
    // whole frame drawn from the corner repairs it (the title row included, unchanged as it is).
    stdout.resize(101, 30);
    await wait(5);
    stdout.resize(100, 30);
    const afterHome = () => stdout.text().split(HOME_AND_ERASE_DOWN).slice(1).at(-1) ?? '';
    await waitFor(() => afterHome().includes('zonectl  fleet test') && afterHome().includes('q quit'), 'the whole frame after the resize');
    const frame = afterHome();
    expect(frame.indexOf('zonectl  fleet test')).toBeLessThan(frame.indexOf('Zones'));
    expect(frame.indexOf('Zones')).toBeLessThan(frame.indexOf('CLUSTER'));
    // One redraw for the two resize events.
    expect(stdout.text().split(HOME_AND_ERASE_DOWN)).toHaveLength(2);
    stdin.write('q');
    expect(await done).toBe(0);
  });

  test('unsubscribes from the source on exit (nothing keeps the process alive)', async () => {
    const src = new MemorySource(makeSnapshot());
    const { stdout, stdin, done } = start(src);
    await waitFor(() => stdout.text().includes('Zones'), 'first frame');
    expect(src.subscribers).toBe(1);
    stdin.write('q');
    await done;
    expect(src.subscribers).toBe(0);
  });

  // Issue 11, one throttle from event to frame: the source paces snapshots, so Ink must not hold a
  // frame back for its own cap. At the old 15 fps a snapshot that came within 67 ms of the frame before
  // (here a key's), or a key within 67 ms of a snapshot's frame, waited for Ink's trailing timer.
  test('a key, and a snapshot right after it, are each drawn at once (no frame timer of Ink in between)', async () => {
    const src = new MemorySource(makeSnapshot());
    const { stdout, stdin, done } = start(src);
    await waitFor(() => stdout.text().includes('Zones'), 'first frame');
    await wait(20); // past Ink's 1 ms merge window
    let w0 = stdout.writes;
    stdin.write('j');
    // Written by the next turn of the event loop (React commits in a microtask): no frame timer waited.
    await nextTurn();
    expect(stdout.writes).toBeGreaterThan(w0);
    await wait(5);
    w0 = stdout.writes;
    src.publish(makeSnapshot({ zonesPerCluster: 2 }));
    // React renders an update from outside an input event in a scheduler task (a setImmediate queued
    // from a microtask, so after one queued here now): two turns, still no timer of Ink's.
    await nextTurn();
    await nextTurn();
    expect(stdout.writes).toBeGreaterThan(w0);
    await wait(5);
    w0 = stdout.writes;
    stdin.write('k');
    await nextTurn();
    expect(stdout.writes).toBeGreaterThan(w0);
    stdin.write('q');
    expect(await done).toBe(0);
  });
});

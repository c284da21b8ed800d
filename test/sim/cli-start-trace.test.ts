// Start-up (issue 14): ZONECTL_TRACE_START=1 times a list's phases (source/start-trace.ts) without
// changing what it prints; and a one-shot list loads its HTTPS transport as the command starts, beside the
// command's modules, not after them (cli.ts preloadHttps: Node's root-certificate thread gets going early).
import { describe, expect, it } from 'vitest';
import { cliOnDemo } from './cli-fixture.js';
import { chunksWith, loaded } from './cli-loaded.js';

const f = cliOnDemo();

/** The phases of `zones -A` on one cluster, in the order they happen. */
const PHASES = [
  'entry',
  'command-loaded',
  'flags-parsed',
  'config-read',
  'kubeconfig-read',
  'session-opened',
  'first-request',
  'https-loaded',
  'agent-made',
  'transport-made',
  'first-send',
  'connected',
  'first-response',
  'lists-in',
  'snapshot-derived',
  'rendered',
  'written',
  'closed',
  'exit-called',
];

describe('the start-up trace', () => {
  it('lists the phases of zones -A with rising times, and the output is the same without it', async () => {
    const args = ['zones', '-A', '--context', 'shanghai'];
    const traced = await f.zonectl(args, { ZONECTL_TRACE_START: '1' });
    const plain = await f.zonectl(args);
    expect(traced.code).toBe(0);
    expect(plain.code).toBe(0);
    // (AGE, the last column, may have moved on a second between the two runs.)
    const ageless = (out: string) => out.replace(/\S+$/gm, '');
    expect(traced.stdout).toMatch(/^CLUSTER .*\n\S/);
    expect(ageless(traced.stdout)).toBe(ageless(plain.stdout));
    expect(plain.stderr).not.toMatch(/\[start\]/);
    const lines = traced.stderr.split('\n').filter((l) => l.startsWith('[start]'));
    const got = lines.map((l) => /^\[start\] +([\d.]+) ms (.+)$/.exec(l)!);
    expect(got.map((m) => m[2]!.replace(/ \(epoch \d+ ms\)$/, ''))).toEqual([...PHASES, 'exit']);
    const ms = got.map((m) => Number(m[1]));
    for (let i = 1; i < ms.length; i++) expect(ms[i]).toBeGreaterThanOrEqual(ms[i - 1]!);
    // The exit line gives the wall clock too: a caller can time the runtime's teardown after it.
    expect(Math.abs(Number(/epoch (\d+) ms/.exec(lines.at(-1)!)![1]) - Date.now())).toBeLessThan(60_000);
  });
});

describe('a one-shot list', () => {
  it('loads the HTTPS transport before its command module; --version and its --help load none', async () => {
    const [https] = chunksWith(f, 'function httpsTransport(');
    expect(https).toMatch(/^https-transport-/);
    const zones = await loaded(f, ['zones', '-A', '--context', 'shanghai']);
    expect(zones.code).toBe(0);
    const command = zones.files.findIndex((n) => /^zones-/.test(n));
    expect(command).toBeGreaterThan(0);
    expect(zones.files.indexOf(https!)).toBeGreaterThan(0);
    expect(zones.files.indexOf(https!)).toBeLessThan(command);
    for (const args of [['--version'], ['zones', '--help']]) {
      const r = await loaded(f, args);
      expect(r.code).toBe(0);
      expect(r.files).not.toContain(https);
    }
  });
});

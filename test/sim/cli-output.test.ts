// The built program against `zonectl demo`, as a user runs it (child processes, 127.0.0.1 only):
// secrets a hook probe echoed and a password in a server URL reach no output format; a reader that
// closes stdout early (`| head`) ends the program quietly with exit 0; SIGUSR1 opens no inspector.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cliOnDemo, HOOK_SECRETS, SERVER_PASSWORD } from './cli-fixture.js';
import { runCliClosingStdout, startCli } from './cli-process.js';

const f = cliOnDemo();
const zonectl = f.zonectl;

describe('secrets (item 5)', () => {
  it.each(['table', 'wide', 'json', 'yaml', 'name'])('hookruns -o %s: the hook run is listed, none of its secrets', async (format) => {
    const r = await zonectl(['hookruns', '-A', '--all-contexts', '-o', format]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('leaky-probe');
    for (const s of HOOK_SECRETS) {
      expect(r.stdout).not.toContain(s);
      expect(r.stderr).not.toContain(s);
    }
    if (format === 'wide' || format === 'json' || format === 'yaml') {
      // What is not secret is still there: the probe's host, the DB user and host.
      expect(r.stdout).toContain('probe.example.com/health?token=***(hmac:');
      expect(r.stdout).toContain('mysql://game:***(hmac:');
    }
  });

  it('a server URL with user:password@ is redacted in error lines and in clusters -o json|yaml|wide', async () => {
    const kubeconfig = f.leakyKubeconfig();
    for (const format of ['json', 'yaml', 'wide', 'table']) {
      const r = await zonectl(['clusters', '--context', 'leaky-up', '--context', 'leaky-down', '-o', format], { KUBECONFIG: kubeconfig });
      expect(r.code).toBe(3);
      expect(r.stdout + r.stderr).not.toContain(SERVER_PASSWORD);
      expect(r.stderr).toMatch(/^error: leaky-down: cannot reach https:\/\/zonectl:xxxxx@127\.0\.0\.1:1 \(ECONNREFUSED\)$/m);
      if (format !== 'table') expect(r.stdout).toContain('https://zonectl:xxxxx@127.0.0.1:');
    }
    const zones = await zonectl(['zones', '-A', '--context', 'leaky-down'], { KUBECONFIG: kubeconfig });
    expect(zones.code).toBe(3);
    expect(zones.stderr).not.toContain(SERVER_PASSWORD);
    expect(zones.stderr).toContain('cannot reach https://zonectl:xxxxx@127.0.0.1:1');
  });
});

describe('a reader that closes stdout early (item 11)', () => {
  it('rollouts -o json|yaml of more than 64 KiB into a closed pipe: no EPIPE crash, exit 0', async () => {
    const full = await zonectl(['rollouts', '-A', '--all', '--all-contexts', '-o', 'json']);
    expect(full.stdout.length).toBeGreaterThan(64 * 1024);
    for (const format of ['json', 'yaml']) {
      const r = await runCliClosingStdout(f.cli(), ['rollouts', '-A', '--all', '--all-contexts', '-o', format], f.env(), 1);
      expect(r.stderr).toBe('');
      expect(r.signal).toBeNull();
      expect(r.code).toBe(0);
    }
  });

  it.each([
    [['logs', 'zone/101', '-A', '--all-contexts', '--tail', '-1']],
    [['logs', '-l', 'app', '-A', '--all-contexts', '--tail', '5', '-o', 'json']],
    [['logs', '-l', 'zonectl.io/zone', '-A', '--all-contexts', '-f', '--tail', '-1']],
  ])('zonectl %j | head: stops quietly, no false "cannot reach", exit 0', async (args) => {
    for (let i = 0; i < 2; i++) {
      const r = await runCliClosingStdout(f.cli(), args, f.env(), 200);
      expect(r.stderr).not.toMatch(/cannot reach|UND_ERR|EPIPE|internal error|Unhandled/);
      expect(r.signal).toBeNull();
      expect(r.code).toBe(0);
    }
  });
});

/** TCP ports `pid` listens on, from its socket inodes and the netns table (/proc: no root needed). */
function listeningPorts(pid: number): number[] {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (m) inodes.add(m[1]!);
    } catch {
      // closed meanwhile
    }
  }
  const ports: number[] = [];
  for (const table of ['tcp', 'tcp6']) {
    for (const line of readFileSync(`/proc/${pid}/net/${table}`, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 10 || cols[3] !== '0A' || !inodes.has(cols[9]!)) continue; // 0A: LISTEN
      ports.push(parseInt(cols[1]!.split(':').pop()!, 16));
    }
  }
  return ports;
}

describe('SIGUSR1 (item 6)', () => {
  it.skipIf(process.platform !== 'linux')('opens no inspector in a running zonectl demo --serve, which keeps serving', async () => {
    const { child, stderr } = await startCli(
      f.cli(),
      ['demo', '--serve', '--clusters', '1', '--zones', '1'],
      /Serving until interrupted/,
      f.env(),
    );
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    try {
      const pid = child.pid!;
      const before = listeningPorts(pid);
      expect(before.length).toBeGreaterThan(0); // the simulated clusters: the check sees this process's listeners
      process.kill(pid, 'SIGUSR1');
      await new Promise((r) => setTimeout(r, 1_000));
      expect(child.exitCode).toBeNull();
      expect(child.signalCode).toBeNull();
      expect(listeningPorts(pid)).not.toContain(9229);
      expect(listeningPorts(pid).sort()).toEqual(before.sort());
      expect(stderr()).not.toMatch(/Debugger|inspector/i);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});

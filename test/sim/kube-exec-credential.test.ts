// The exec credential plugin runner (source/kube/exec-credential.ts) with real plugin processes:
// concurrent requests share one run, a token is kept until its expirationTimestamp, a run past its
// deadline ends the plugin's whole process group, and a plugin's stderr line is shown masked.
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExecCredentialPlugin, ExecPluginError, maskSecrets } from '../../source/kube/exec-credential.js';

let dir: string;
let runs: string;
let pids: string;
const CLUSTER = { server: 'https://127.0.0.1:1' };

function plugin(name: string, body: string): ExecCredentialPlugin {
  const file = join(dir, name);
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
  return new ExecCredentialPlugin(
    { apiVersion: 'client.authentication.k8s.io/v1', command: file, env: [{ name: 'RUNS', value: runs }] },
    CLUSTER,
  );
}

function credential(token: string, expires?: Date): string {
  const status = JSON.stringify({ token, ...(expires ? { expirationTimestamp: expires.toISOString() } : {}) });
  return `echo '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":${status}}'`;
}

const runCount = () => readFileSync(runs, 'utf8').split('\n').filter(Boolean).length;

function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'zonectl-exec-unit-'));
  runs = join(dir, 'runs');
  pids = join(dir, 'pids');
  writeFileSync(pids, '');
});
afterAll(() => {
  for (const pid of readFileSync(pids, 'utf8').split('\n').filter(Boolean)) {
    try {
      process.kill(Number(pid), 'SIGKILL');
    } catch {
      /* gone */
    }
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('ExecCredentialPlugin', () => {
  it('concurrent requests share one run; the token is kept until it expires', async () => {
    writeFileSync(runs, '');
    const p = plugin('slow-ok.sh', `echo run >> "$RUNS"\nsleep 0.2\n${credential('tok-1', new Date(Date.now() + 3_600_000))}`);
    const tokens = await Promise.all(Array.from({ length: 8 }, () => p.token(5_000)));
    expect(new Set(tokens)).toEqual(new Set(['tok-1']));
    expect(await p.token(5_000)).toBe('tok-1');
    expect(runCount()).toBe(1);
    p.forget(); // a 401
    await p.token(5_000);
    expect(runCount()).toBe(2);
  });

  it('an expired token runs the plugin again; none without expiry is kept', async () => {
    writeFileSync(runs, '');
    const expired = plugin('expired.sh', `echo run >> "$RUNS"\n${credential('old', new Date(Date.now() - 1_000))}`);
    await expired.token(5_000);
    await expired.token(5_000);
    expect(runCount()).toBe(2);
    writeFileSync(runs, '');
    const forever = plugin('forever.sh', `echo run >> "$RUNS"\n${credential('kept')}`);
    await forever.token(5_000);
    await forever.token(5_000);
    expect(runCount()).toBe(1);
  });

  it('past its deadline: a timeout naming the plugin, its process group ended', async () => {
    const p = plugin('hang.sh', `echo $$ >> '${pids}'\nsleep 30 &\necho $! >> '${pids}'\nwait`);
    const t0 = performance.now();
    const e = await p.token(300).catch((x: unknown) => x);
    expect(performance.now() - t0).toBeLessThan(1_000);
    expect(e).toBeInstanceOf(ExecPluginError);
    expect((e as ExecPluginError).timedOut).toBe(true);
    expect((e as ExecPluginError).message).toBe('credential plugin "hang.sh" did not answer within 300 ms');
    const started = readFileSync(pids, 'utf8').split('\n').filter(Boolean).map(Number);
    expect(started).toHaveLength(2);
    const end = Date.now() + 1_500;
    while (started.some(alive) && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
    expect(started.filter(alive)).toEqual([]);
  });

  it("a caller's own signal ends only its wait", async () => {
    writeFileSync(runs, '');
    const p = plugin('shared.sh', `echo run >> "$RUNS"\nsleep 0.3\n${credential('late')}`);
    const ac = new AbortController();
    const first = p.token(5_000, ac.signal).catch((x: unknown) => x);
    const second = p.token(5_000);
    ac.abort(new Error('stopped'));
    expect(((await first) as Error).message).toBe('stopped');
    expect(await second).toBe('late');
    expect(runCount()).toBe(1);
  });

  it('failures: stderr first line masked, stdout never, not found, no token', async () => {
    const fail = plugin(
      'fail.sh',
      `${credential('stdout-secret')}\necho 'denied: Authorization: Bearer abc.def.ghi token=s3cret' >&2\nexit 3`,
    );
    expect(((await fail.token(5_000).catch((x: unknown) => x)) as Error).message).toBe(
      'credential plugin "fail.sh" failed (exit 3): denied: Authorization: Bearer *** token=***',
    );
    const none = new ExecCredentialPlugin({ command: join(dir, 'missing-plugin') }, CLUSTER);
    expect(((await none.token(5_000).catch((x: unknown) => x)) as Error).message).toMatch(/^credential plugin "missing-plugin" not found/);
    const empty = plugin('empty.sh', `echo '{"kind":"ExecCredential","status":{}}'`);
    expect(((await empty.token(5_000).catch((x: unknown) => x)) as Error).message).toBe('credential plugin "empty.sh" gave no token');
    const junk = plugin('junk.sh', `echo 'not json'`);
    expect(((await junk.token(5_000).catch((x: unknown) => x)) as Error).message).toBe(
      'credential plugin "junk.sh" printed no ExecCredential JSON',
    );
  });

  it('masks what looks like a credential', () => {
    expect(maskSecrets('refresh token expired; access_token: abcd1234 password=hunter2')).toBe(
      'refresh token expired; access_token: *** password=***',
    );
    expect(maskSecrets('got eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig back')).toBe('got *** back');
  });
});

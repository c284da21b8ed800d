// The arm64 single executable (node scripts/package.mjs --arch arm64 -> dist/zonectl-linux-arm64), run on this
// x64 machine under qemu user-mode emulation with Debian's arm64 C and C++ runtimes as its sysroot: the file is
// copied alone into an empty folder and run with an empty HOME. `version` names the arm64 runtime, and
// `zones -A --all-contexts` lists the demo's zones from a `demo --serve` that the x64 build serves. Many jump
// hosts are arm64 now; this is the file they get. .ci/run installs qemu-user-static, libc6-arm64-cross and
// libstdc++6-arm64-cross, builds the file and checks that this test ran; elsewhere it is skipped when the
// file or qemu is missing.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from '../e2e/tmux.js';
import { serveDemo, type ServedDemo } from '../peers/peers.js';

const built = resolve(root, 'dist/zonectl-linux-arm64');
const sysroot = '/usr/aarch64-linux-gnu';
const qemu = ['qemu-aarch64-static', 'qemu-aarch64'].find((q) => spawnSync('sh', ['-c', `command -v ${q}`]).status === 0);
const ready = existsSync(built) && qemu !== undefined && existsSync(join(sysroot, 'lib/ld-linux-aarch64.so.1'));

const dir = mkdtempSync(join(tmpdir(), 'zonectl-arm64-'));
const host = join(dir, 'host');
const home = join(dir, 'home');
let serve: ServedDemo | undefined;

function arm64(args: string[], extraEnv: Record<string, string> = {}) {
  const r = spawnSync(qemu!, ['-L', sysroot, join(host, 'zonectl'), ...args], {
    cwd: host,
    env: { PATH: '/usr/bin:/bin', HOME: home, ...extraEnv },
    encoding: 'utf8',
    timeout: 110_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  if (!ready) return;
  for (const d of [host, home]) mkdirSync(d);
  copyFileSync(built, join(host, 'zonectl'));
  spawnSync('chmod', ['755', join(host, 'zonectl')]);
  serve = await serveDemo();
}, 90_000);

afterAll(async () => {
  await serve?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!ready)('the arm64 single executable under qemu', () => {
  it('version names the arm64 runtime; the file unpacks under HOME and nowhere else', () => {
    const r = arm64(['version']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^runtime: +node v22\.\d+\.\d+ linux-arm64 \(single executable\)$/m);
    expect(readdirSync(join(home, '.cache/zonectl'))).toHaveLength(1);
    expect(readdirSync(host)).toEqual(['zonectl']);
  });

  it('zones -A --all-contexts against the demo served by the x64 build', () => {
    // Emulated, every TLS handshake and JSON parse is several times slower: 60 s per request, not the default.
    const r = arm64(['zones', '-A', '--all-contexts', '--request-timeout', '60000'], { KUBECONFIG: serve!.kubeconfig, NO_COLOR: '1' });
    expect(r.stderr, r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^CLUSTER\s+NAMESPACE\s+ZONE\s+NAME\s+VERSION\s+SERVICES\s+ROLLOUT\s+AGE$/);
    expect(lines.slice(1).filter((l) => /^(shanghai|nanjing|singapore) /.test(l))).toHaveLength(12);
  });
});

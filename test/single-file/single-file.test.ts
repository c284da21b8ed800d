// The single executable (npm run package -> dist/zonectl-linux-<arch>) on a host with nothing else: the
// file alone is copied into an empty folder and run with an empty environment — HOME an empty folder,
// PATH a folder holding only sh, env, sleep and git (the demo writes a Git repo), no node anywhere —
// as an operator runs it on a jump host. Covers `--version` and `version`, `demo --serve` with
// `zones -A --all-contexts` against it, and the console in tmux at 80x24: first frame, quit, terminal
// restored. Needs `npm run package` first (CI: .ci/run).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasTmux, root, Tmux } from '../e2e/tmux.js';

const built = resolve(root, `dist/zonectl-linux-${process.arch}`);
const dir = mkdtempSync(join(tmpdir(), 'zonectl-single-file-'));
const host = join(dir, 'host'); // the empty folder the file is copied into
const home = join(dir, 'home'); // an empty HOME
const path = join(dir, 'path'); // PATH: sh, env, sleep, git and nothing else
const exe = join(host, 'zonectl');
const env = { PATH: path, HOME: home };
let serve: ChildProcess | undefined;
let kubeconfig = '';
const sessions: Tmux[] = [];

function zonectl(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(exe, args, { cwd: host, env, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  expect(existsSync(built), `${built} is missing: run \`npm run package\` first`).toBe(true);
  for (const d of [host, home, path]) mkdirSync(d);
  copyFileSync(built, exe);
  spawnSync('chmod', ['755', exe]);
  for (const tool of ['sh', 'env', 'sleep', 'git']) symlinkSync(`/usr/bin/${tool}`, join(path, tool));
  // The demo, served headless from the single file; its first lines name the kubeconfig.
  serve = spawn(exe, ['demo', '--serve'], { cwd: host, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  serve.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  kubeconfig = await new Promise<string>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`demo --serve printed no kubeconfig in 60 s:\n${out}`)), 60_000);
    serve!.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /^kubeconfig: (\S+)$/m.exec(out);
      if (m && /Serving until interrupted/.test(out)) {
        clearTimeout(timer);
        res(m[1]!);
      }
    });
  });
}, 120_000);

afterAll(() => {
  while (sessions.length) sessions.pop()!.kill();
  serve?.kill('SIGINT');
  rmSync(dir, { recursive: true, force: true });
});

describe('the single executable on a host with no node, npm or network', () => {
  it('runs where PATH holds no node', () => {
    expect(spawnSync(join(path, 'sh'), ['-c', 'command -v node'], { env }).status).not.toBe(0);
    expect(readdirSync(host)).toEqual(['zonectl']);
  });

  it('--version and version: the version, commit, build date and runtime baked at build', () => {
    const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string };
    const short = zonectl('--version');
    expect(short.stderr).toBe('');
    expect(short.stdout).toBe(`zonectl ${pkg.version}\n`);
    const long = zonectl('version');
    expect(long.status).toBe(0);
    expect(long.stdout).toMatch(new RegExp(`^zonectl ${pkg.version.replace(/\./g, '\\.')}\n`));
    expect(long.stdout).toMatch(/^commit: +[0-9a-f]{40}(-dirty)?$/m);
    expect(long.stdout).toMatch(/^built: +\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/m);
    expect(long.stdout).toMatch(new RegExp(`^runtime: +node v22\\.\\d+\\.\\d+ linux-${process.arch} \\(single executable\\)$`, 'm'));
    // Unpacked once into the cache under the empty HOME, nowhere near the copied file.
    expect(readdirSync(join(home, '.cache/zonectl'))).toHaveLength(1);
    expect(readdirSync(host)).toEqual(['zonectl']);
  });

  it('zones -A --all-contexts against demo --serve, both from the single file', () => {
    const r = zonectl('zones', '-A', '--all-contexts', '--kubeconfig', kubeconfig);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^CLUSTER +NAMESPACE +ZONE +NAME +VERSION +SERVICES +ROLLOUT +AGE$/);
    const clusters = new Set(lines.slice(1).map((l) => l.split(/\s+/)[0]));
    expect([...clusters].sort()).toEqual(['nanjing', 'shanghai', 'singapore']);
    expect(r.stdout).toMatch(/^shanghai +zone-101 +101 +zone101 /m);
  });

  it.skipIf(!hasTmux())('the console in tmux at 80x24: first frame, quit, terminal restored', async () => {
    const t = new Tmux(80, 24);
    sessions.push(t);
    t.start(`env -i PATH=${path} HOME=${home} TERM="$TERM" ./zonectl -A --all-contexts --kubeconfig ${kubeconfig}`, host);
    const s = await t.waitFor((x) => /Zones\s+\[\d+\]/.test(x) && /zone101/.test(x), 'the zones view with data', 30_000);
    for (const line of s.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(s).toMatch(/q quit/);
    for (const c of ['shanghai', 'nanjing', 'singapore']) expect(s).toContain(c);
    t.keys('q');
    const after = await t.waitFor((x) => /EXITED=0/.test(x), 'a clean exit');
    // The alternate screen is gone: the shell's line is back and no console frame is left.
    expect(after.split('\n').filter((l) => l.trim() !== '')).toEqual(['EXITED=0']);
  });
});

// Argument and input fuzzing (issue 16): every command's flags and targets, the config file and the
// kubeconfig, fed random and hostile values — `..`, `/`, `%`, empty, very long, CJK, emoji, control
// and escape characters, shell metacharacters, wrong types, huge and odd numbers — to the real program
// (child processes built from the sources). Whatever the input: never exit 10, never a stack trace,
// never killed by a signal, and when the input is refused (exit 2) not one request reached the
// cluster: every case has its own bearer token on a counting API server on 127.0.0.1 that answers
// everything 403, so a request is attributed to the case that made it.
//
// Deterministic: a seeded generator (FUZZ_SEED=<n> to change it; printed) plus a fixed hostile corpus.
import { CONFIG_KEYS } from '../../source/config/config.js';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { buildCli, type BuiltCli, NODE } from './cli-process.js';

const SEED = Number(process.env.FUZZ_SEED ?? 16016);
const RANDOM_CASES = Number(process.env.FUZZ_CASES ?? 40);
const CASE_TIMEOUT_MS = 30_000;

let built: BuiltCli;
let dir: string;
let server: Server;
let port = 0;
/** Requests per case token. */
const seen = new Map<string, string[]>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zonectl-fuzz-'));
  mkdirSync(join(dir, 'cwd'));
  server = createServer((req, res) => {
    const token = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '(none)';
    seen.set(token, [...(seen.get(token) ?? []), `${req.method} ${req.url}`]);
    req.resume();
    res.writeHead(403, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        kind: 'Status',
        apiVersion: 'v1',
        status: 'Failure',
        message: 'forbidden by the fuzz server',
        reason: 'Forbidden',
        code: 403,
      }),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as { port: number }).port;
  built = await buildCli();
}, 60_000);

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
  built?.remove();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** mulberry32: a small deterministic generator. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOSTILE = [
  '',
  ' ',
  '.',
  '..',
  '/',
  '%',
  '%2e%2e',
  '../../etc/passwd',
  '/etc/passwd',
  'a/b/c/d/e',
  'gsts/',
  '/gsts',
  'gsts//x',
  'gsts/..',
  'zone/',
  'zone/abc',
  'zone/-1',
  'zone/99999999999999999999999',
  'zone/1-99999999999',
  'pod/',
  'shanghai/../gsts/game-1',
  '-',
  '--',
  '---',
  '-n',
  '--context',
  '=',
  'a=b',
  '!!!',
  'x in (a,b',
  'a'.repeat(5_000),
  '区服-一区',
  '日本語ゾーン',
  '🎮🔥',
  'zone/🎮',
  'gsts/区服',
  '\u202egnp.exe',
  '\u001b[31mred\u001b[0m',
  '\u001b]0;title\u0007',
  'line1\nline2',
  'tab\there',
  '$(touch /tmp/zonectl-fuzz-pwned)',
  '`id`',
  '; ls',
  '| cat',
  "' OR 1=1 --",
  'NaN',
  'Infinity',
  '-Infinity',
  '-1',
  '0',
  '1.5',
  '1e309',
  '1e12',
  '9'.repeat(400),
  '0x10',
  '1_000',
  '2147483648',
  'true',
  'null',
  'undefined',
  '{}',
  '[]',
  '{"a":1}',
  '__proto__',
  'constructor',
  'toString',
];

const FLEET = [
  '--context',
  '-n',
  '--namespace',
  '-A',
  '--all-namespaces',
  '-l',
  '--selector',
  '--all-contexts',
  '--request-timeout',
  '--readonly',
  '--kubefed-host',
  '--kubeconfig',
];
const ACTION = [
  ...FLEET,
  '--reason',
  '--yes',
  '-y',
  '--dry-run',
  '--wait',
  '--timeout',
  '--force',
  '--confirm',
  '-o',
  '--state',
  '--step',
  '--image-from',
  '--zone',
  '--batch',
  '--resume',
  '--waves',
  '--gate',
  '--bogus',
];
const FLAGS: Record<string, string[]> = {
  zones: [...FLEET, '-o', '--output', '--bogus'],
  rollouts: [...FLEET, '-o', '--all', '--batch', '--bogus'],
  hookruns: [...FLEET, '-o', '--bogus'],
  clusters: [...FLEET, '-o', '--bogus'],
  releases: [...FLEET, '-o', '--bogus'],
  logs: [
    ...FLEET,
    '-f',
    '--follow',
    '--since',
    '--tail',
    '--timestamps',
    '-p',
    '--previous',
    '-c',
    '--container',
    '-i',
    '--include',
    '-e',
    '--exclude',
    '--max-streams',
    '-o',
    '--bogus',
  ],
  diff: ['--repo', '--ref', '--map', '--exit-code', '--markdown', '-o', '--context', '--all-contexts', '--request-timeout', '--bogus'],
  approve: ACTION,
  reject: ACTION,
  'skip-hook': ACTION,
  'retry-hooks': ACTION,
  hold: ACTION,
  release: ACTION,
  hotupdate: [...ACTION, '--container', '--image', '--partition', '--one-pod-first', '--continue', '--undo'],
};
const COMMANDS = Object.keys(FLAGS);

/** A random string: ASCII, CJK, emoji, controls (no NUL: argv cannot carry it), escapes. */
function randomString(r: () => number): string {
  const pools = [
    'abcxyz-_./%=:@',
    'ZONEzone0123456789',
    '区服一二三日本語ゾーン',
    '🎮🔥✨👾',
    '\t\n\r\u001b\u0007\u202e',
    '$`;|&<>*?"\'\\ ',
  ];
  const len = Math.floor(r() ** 3 * 600);
  let s = '';
  for (let i = 0; i < len; i++) {
    const pool = [...pools[Math.floor(r() * pools.length)]!];
    s += pool[Math.floor(r() * pool.length)];
  }
  return s;
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const value = (r: () => number) => (r() < 0.7 ? pick(r, HOSTILE) : randomString(r));

/** One random command line: a command, 0-3 targets, 1-5 flags (some with values, some bare, some `--flag=value`). */
function randomArgv(r: () => number): string[] {
  const cmd = pick(r, COMMANDS);
  const argv = [cmd];
  const targets = Math.floor(r() * 3);
  for (let i = 0; i < targets; i++) argv.push(value(r));
  const flags = 1 + Math.floor(r() * 5);
  for (let i = 0; i < flags; i++) {
    const f = pick(r, FLAGS[cmd]!);
    const v = value(r);
    const form = r();
    if (form < 0.15) argv.push(f);
    else if (form < 0.3 && f.startsWith('--')) argv.push(`${f}=${v}`);
    else argv.push(f, v);
  }
  return argv;
}

/** The hostile corpus: each command with each flag given a bad value, and the curated cases. */
function corpus(): string[][] {
  const out: string[][] = [];
  const bad = ['..', '', '1e309', '区服', '🎮', '-1', 'a'.repeat(5_000), '\u001b[31m'];
  // Every flag once (on a command that has it), with a bad value; a flag shared by many commands is
  // tried on the next command each time it comes up, so every command gets some.
  const tried = new Set<string>();
  let k = 0;
  for (const cmd of COMMANDS)
    for (const f of FLAGS[cmd]!) {
      if (tried.has(f) && k++ % 8 !== 0) continue;
      tried.add(f);
      const target = ['approve', 'reject', 'skip-hook', 'retry-hooks', 'hold', 'release', 'hotupdate'].includes(cmd)
        ? ['gsts/game-1']
        : cmd === 'logs'
          ? ['zone/101']
          : [];
      out.push([cmd, ...target, f, bad[out.length % bad.length]!]);
    }
  out.push(
    ['zones', '--kubeconfig', '/dev/zero'],
    ['zones', '--kubeconfig', '/'],
    ['zones', '--kubeconfig', '/proc/self/mem'],
    ['diff', '--repo', '--upload-pack=touch /tmp/zonectl-fuzz-pwned'],
    ['diff', '--repo', 'ext::sh -c touch% /tmp/zonectl-fuzz-pwned'],
    ['diff', '--repo', '/dev/null'],
    ['diff', '--repo', '..', '--ref', '--output=/tmp/zonectl-fuzz-pwned'],
    ['logs', 'zone/101', '--since', '99999999999h'],
    ['logs', 'zone/101', '--tail', '1e20'],
    ['logs', 'zone/101', '-i', '(a+)+$'],
    ['logs', 'zone/101', '-i', '['],
    ['approve', '--zone', '1-99999999999', '--all-contexts', '-A', '--yes'],
    ['approve', 'gsts/x', '--waves', '1e400', '--yes'],
    ['approve', 'gsts/x', '--waves', '0,0,0', '--yes'],
    ['approve', 'gsts/x', '--waves', '150%', '--yes'],
    ['hotupdate', 'gsts/x', '--container', 'c', '--image', 'i:1', '--partition', '1e309', '--yes'],
    ['hotupdate', 'gsts/x', '--container', '..', '--image', '', '--yes'],
    ['hold', '-', '--yes'],
    ['demo', '--serve', '--zones', '1e12'],
    ['demo', '--serve', '--zones', '0'],
    ['demo', '--serve', '--clusters', '1e6'],
    ['demo', '--serve', '--services-per-zone', '1e9'],
    ['demo', '--serve', '--services-per-zone', '0'],
    ['demo', '--serve', '--pods-per-service', '1e7'],
    ['demo', '--serve', '--speed', 'Infinity'],
    ['demo', '--serve', '--speed', '-1'],
    ['demo', '--theme', '../../etc/passwd'],
    ['--bogus'],
    ['区服'],
    ['🎮', '--help'],
  );
  return out;
}

interface Case {
  id: string;
  argv: string[];
  env?: NodeJS.ProcessEnv;
}

interface Outcome {
  c: Case;
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
  requests: string[];
}

function kubeconfigFor(token: string): string {
  const file = join(dir, `kc-${token}`);
  writeFileSync(
    file,
    YAML.stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: 'fuzz', cluster: { server: `http://127.0.0.1:${port}`, 'insecure-skip-tls-verify': true } }],
      users: [{ name: 'fuzz', user: { token } }],
      contexts: [
        { name: 'fuzz', context: { cluster: 'fuzz', user: 'fuzz', namespace: 'games' } },
        { name: 'shanghai', context: { cluster: 'fuzz', user: 'fuzz' } },
      ],
      'current-context': 'fuzz',
    }),
    { mode: 0o600 },
  );
  return file;
}

function runCase(c: Case): Promise<Outcome> {
  const token = `case-${c.id}`;
  const kubeconfig = kubeconfigFor(token);
  return new Promise((done) => {
    const child = spawn(NODE, [built.cli, ...c.argv], {
      cwd: join(dir, 'cwd'),
      env: {
        ...process.env,
        NO_COLOR: '1',
        KUBECONFIG: kubeconfig,
        ZONECTL_CONFIG: join(dir, 'no-config.yaml'),
        XDG_STATE_HOME: join(dir, 'state'),
        TMPDIR: join(dir, 'cwd'),
        ...c.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out.length < 200_000 ? (out += String(d)) : undefined));
    child.stderr.on('data', (d) => (err.length < 200_000 ? (err += String(d)) : undefined));
    const timer = setTimeout(() => child.kill('SIGKILL'), CASE_TIMEOUT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({ c, code, signal, out, err, requests: seen.get(token) ?? [] });
    });
  });
}

async function runAll(cases: Case[], parallel = 4): Promise<Outcome[]> {
  const out: Outcome[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < cases.length) out.push(await runCase(cases[next++]!));
    }),
  );
  return out;
}

const show = (o: Outcome) =>
  `zonectl ${JSON.stringify(o.c.argv.map((a) => (a.length > 60 ? `${a.slice(0, 60)}…(${a.length})` : a)))}${o.c.env ? ` env ${JSON.stringify(o.c.env)}` : ''}: ` +
  `exit ${o.code}${o.signal ? ` signal ${o.signal}` : ''}, ${o.requests.length} requests; stderr ${JSON.stringify(o.err.slice(0, 300))}`;

/** What must hold whatever the input; returns the violations. */
function violations(outcomes: Outcome[]): string[] {
  const bad: string[] = [];
  for (const o of outcomes) {
    if (o.code === 10) bad.push(`exit 10: ${show(o)}`);
    if (o.signal) bad.push(`killed (hung past ${CASE_TIMEOUT_MS} ms or crashed): ${show(o)}`);
    if (/\n\s+at \S.*:\d+:\d+\)?$/m.test(o.err) || /internal error/.test(o.err)) bad.push(`stack trace: ${show(o)}`);
    if (o.code === 2 && o.requests.length > 0) bad.push(`a request before validation (${o.requests[0]}): ${show(o)}`);
    if (o.code === 2 && (o.err + o.out).trim() === '') bad.push(`exit 2 without a word: ${show(o)}`);
  }
  return bad;
}

function summary(label: string, outcomes: Outcome[]): void {
  const codes = new Map<string, number>();
  for (const o of outcomes) codes.set(String(o.code ?? o.signal), (codes.get(String(o.code ?? o.signal)) ?? 0) + 1);
  const refused = outcomes.filter((o) => o.code === 2).length;
  console.log(
    `[fuzz] ${label}: ${outcomes.length} cases (seed ${SEED}); exit codes ${[...codes].map(([k, n]) => `${k}×${n}`).join(', ')}; ` +
      `${refused} refused with 0 requests; ${outcomes.reduce((n, o) => n + o.requests.length, 0)} requests from the accepted ones`,
  );
}

describe('fuzzing flags and targets', () => {
  it('the hostile corpus: every command with every flag given a bad value, and curated cases', async () => {
    const cases = corpus().map((argv, i) => ({ id: `h${i}`, argv }));
    const outcomes = await runAll(cases);
    summary('hostile corpus', outcomes);
    expect(existsSync('/tmp/zonectl-fuzz-pwned'), 'a hostile argument ran a command').toBe(false);
    expect(outcomes.filter((o) => o.code === 2).length).toBeGreaterThan(cases.length / 2); // most are refused
    expect(violations(outcomes)).toEqual([]);
  }, 480_000);

  it(`${RANDOM_CASES} random command lines (seeded)`, async () => {
    const r = rng(SEED);
    const cases = Array.from({ length: RANDOM_CASES }, (_, i) => ({ id: `r${i}`, argv: randomArgv(r) }));
    const outcomes = await runAll(cases);
    summary('random argv', outcomes);
    expect(violations(outcomes)).toEqual([]);
  }, 480_000);
});

/** Wrong types, hostile values and broken YAML for a config file. */
function randomConfig(r: () => number): string {
  const keys = [...CONFIG_KEYS, '区服', '🎮', '__proto__'];
  const values: unknown[] = [
    Number.parseFloat('1e309'),
    -1,
    0,
    2 ** 53,
    '1e12',
    true,
    null,
    [],
    {},
    ['..', '/', ''],
    { shanghai: { protected: 'yes', readOnly: 5 } },
    { repo: '..', ref: ['x'] },
    { group: 5, version: null },
    { '..': [1, 2, 3] },
    '区服',
    '🎮',
    'a'.repeat(10_000),
  ];
  if (r() < 0.2)
    return pick(r, [
      'fleet: [a, b',
      'a: &a [*a, *a]\nb: *a',
      'x: "unclosed',
      '\t- tab',
      '{{{',
      '---\n---\n',
      'key: !!binary 💥',
      'a: &x 1\n'.repeat(3) + 'b: [*x]',
    ]);
  const doc: Record<string, unknown> = {};
  const n = 1 + Math.floor(r() * 4);
  for (let i = 0; i < n; i++) doc[pick(r, keys)] = pick(r, values);
  return YAML.stringify(doc);
}

/** A kubeconfig with wrong types and hostile values; every server is the counting one or not a URL. */
function randomKubeconfig(r: () => number, token: string): string {
  const server = pick(r, [
    `http://127.0.0.1:${port}`,
    `http://127.0.0.1:${port}/../..`,
    '',
    'not a url',
    'http://[::1',
    'http://127.0.0.1:99999',
    'unix:///x',
    12345,
    null,
    ['x'],
  ]);
  const user = pick(r, [
    { token },
    { token: [1] },
    { tokenFile: '/dev/null' },
    { tokenFile: '../../nonexistent' },
    { 'client-key-data': '!!!' },
    { 'client-certificate': '/', 'client-key': '/' },
    { exec: { command: '/bin/false', apiVersion: 'client.authentication.k8s.io/v1' } },
    { exec: { command: 'no-such-plugin-区服', apiVersion: 'client.authentication.k8s.io/v1' } },
    { exec: { command: 5 } },
    { username: 'a', password: 'b' },
    'just a string',
  ]);
  const name = pick(r, ['fuzz', '..', '区服', '🎮', '', 'a'.repeat(3_000), 5]);
  const doc: Record<string, unknown> = {
    apiVersion: pick(r, ['v1', 5, null]),
    clusters:
      r() < 0.15 ? pick(r, [5, 'x', null]) : [{ name, cluster: { server, 'certificate-authority': pick(r, [undefined, '/', '..']) } }],
    users: r() < 0.15 ? pick(r, [5, 'x', null]) : [{ name, user }],
    contexts:
      r() < 0.15
        ? pick(r, [5, 'x', null])
        : [{ name, context: { cluster: name, user: name, namespace: pick(r, ['games', '..', '', '区服', 5]) } }],
    'current-context': pick(r, [name, 'nowhere', 5, null]),
  };
  if (r() < 0.1) return pick(r, ['clusters: [', 'a: &a [*a, *a]\nb: *a', '\u0000\u0001', '']);
  return YAML.stringify(doc);
}

describe('fuzzing the config file and the kubeconfig', () => {
  it('config files: wrong types, huge numbers, CJK and emoji keys, broken YAML; directories and devices', async () => {
    const r = rng(SEED + 1);
    const cases: Case[] = [];
    for (let i = 0; i < 16; i++) {
      const file = join(dir, `config-${i}.yaml`);
      writeFileSync(file, randomConfig(r));
      cases.push({ id: `c${i}`, argv: ['zones', '-A', '--request-timeout', '2000'], env: { ZONECTL_CONFIG: file } });
    }
    for (const [i, file] of ['/', '/dev/null', '/dev/zero', join(dir, 'cwd')].entries())
      cases.push({ id: `cd${i}`, argv: ['zones', '-A', '--request-timeout', '2000'], env: { ZONECTL_CONFIG: file } });
    const outcomes = await runAll(cases);
    summary('config files', outcomes);
    expect(violations(outcomes)).toEqual([]);
  }, 480_000);

  it('kubeconfigs: wrong types, hostile names and servers, broken credentials', async () => {
    const r = rng(SEED + 2);
    const cases: Case[] = [];
    for (let i = 0; i < 16; i++) {
      const file = join(dir, `kubeconfig-${i}`);
      writeFileSync(file, randomKubeconfig(r, `case-k${i}`));
      cases.push({
        id: `k${i}`,
        argv: [pick(r, ['zones', 'clusters', 'rollouts']), '-A', '--request-timeout', '2000'],
        env: { KUBECONFIG: file },
      });
    }
    const outcomes = await runAll(cases);
    summary('kubeconfigs', outcomes);
    expect(violations(outcomes)).toEqual([]);
  }, 480_000);
});

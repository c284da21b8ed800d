// Secret leak test (issue 16): every kind of secret is seeded where zonectl reads — kubeconfig tokens,
// a client key and a password in a server URL; an exec plugin that prints a token on stdout and fails;
// a HookRun whose status message, metric messages and values and args carry token= / password= /
// bearer / mysql://user:pw@ / redis AUTH / api_key; pod log lines with the same; GameZone passwords
// (live) and in Git; a Secret in Git and live — then everything zonectl writes is captured: every
// output format of every list command, logs (raw, json, timestamps), diff (table, json, markdown),
// actions (their output, the audit log line, the annotations and Events they write), error lines, the
// console's screens (zones, rollouts, clusters, diff and its detail, a log view) and the file the log
// view saves, every file the program wrote under its TMPDIR and state dir, and `zonectl demo --serve`'s
// output and temp files other than its kubeconfig. The secret values are searched for in all of it:
// zero hits. (What is not secret — hosts, users, the HookRun's name — is still there: nothing is
// "clean" because it is empty.)
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup, render } from 'ink-testing-library';
import { simpleGit } from 'simple-git';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { consolePorts, type ConsolePorts } from '../../source/app/console-ports.js';
import { openSession, type Session } from '../../source/app/session.js';
import type { KubeObject } from '../../source/kube/object.js';
import { T } from '../../source/sim/controllers/kinds.js';
import { writeDemoRepo } from '../../source/sim/demo-repo.js';
import { startDemo, type Demo } from '../../source/sim/demo.js';
import type { LogLine, LogReadOptions } from '../../source/sim/log-source.js';
import { App } from '../../source/ui/app.js';
import { resolveTheme } from '../../source/ui/theme/theme.js';
import { KEYS } from '../ui/harness.js';
import { HOOK_SECRETS, SERVER_PASSWORD, seedLeakyHookRun, writeLeakyKubeconfig } from './cli-fixture.js';
import { buildCli, runCli, startCli, type BuiltCli, type Ran } from './cli-process.js';

const LOG_LINES = [
  'GET /api/v1/players Authorization: Bearer lg-bearer-1',
  'config loaded api_key=lg-apikey-2 region=sh',
  'db connect mysql://game:lg-mysql-3@db-1:3306/zone_101',
  'redis send AUTH lg-redis-4',
  'login user=ops password=lg-pass-5',
  'refresh token: lg-token-6',
];
const LOG_SECRETS = ['lg-bearer-1', 'lg-apikey-2', 'lg-mysql-3', 'lg-redis-4', 'lg-pass-5', 'lg-token-6'];
const GZ_SECRETS = ['gz-mysql-pwd-1', 'gz-redis-pwd-2'];
const GIT_SECRET = 'git-secret-value-1';
const LIVE_SECRET = 'live-secret-value-2';
const EXEC_STDOUT = 'exec-stdout-t0ken';
/** The demo repo's own rotated MySQL password (Git content by design): the diff must mask it too. */
const REPO_PASSWORD = 'demo-password-rotated';

let dir: string;
let demo: Demo;
let built: BuiltCli;
let kubeconfig: string;
let repo: string;
let env: NodeJS.ProcessEnv;
/** Every secret value seeded, plain and (where stored so) base64. */
const secrets: string[] = [];
/** Everything zonectl wrote, by where it came from. */
const captured: Array<{ what: string; text: string; allow?: string }> = [];
const capture = (what: string, text: string, allow?: string) => captured.push({ what, text, allow });
const b64 = (s: string) => Buffer.from(s).toString('base64');

/** The seeded pod whose logs carry secrets, and its GameZone (with live passwords). */
let pod: { namespace: string; name: string };
let zone: KubeObject;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zonectl-leak-'));
  mkdirSync(join(dir, 'tmp'));
  mkdirSync(join(dir, 'config'));
  mkdirSync(join(dir, 'demo'));
  [built, demo] = await Promise.all([
    buildCli(),
    startDemo({ seed: 5, zones: 6, podsPerService: 1, kubeconfigPath: join(dir, 'demo', 'kubeconfig') }),
  ]);
  repo = join(dir, 'repo');
  await writeDemoRepo(repo, demo.world);
  seed();
  env = {
    KUBECONFIG: kubeconfig,
    XDG_CONFIG_HOME: join(dir, 'config'),
    XDG_STATE_HOME: join(dir, 'state'),
    TMPDIR: join(dir, 'tmp'),
  };
  await gitSecret();
}, 120_000);

afterAll(async () => {
  cleanup();
  await demo?.stop();
  built?.remove();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function seed(): void {
  const sh = demo.world.stores.get('shanghai')!;
  // HookRun with secrets in status.message, metric messages and values, args; kubeconfig with server passwords.
  seedLeakyHookRun(demo);
  secrets.push(...HOOK_SECRETS, SERVER_PASSWORD, EXEC_STDOUT, ...LOG_SECRETS, ...GZ_SECRETS, GIT_SECRET, LIVE_SECRET, REPO_PASSWORD);
  secrets.push(b64(GIT_SECRET), b64(LIVE_SECRET));
  kubeconfig = join(dir, 'kubeconfig');
  writeLeakyKubeconfig(demo, kubeconfig);
  const kc = YAML.parse(readFileSync(kubeconfig, 'utf8')) as {
    clusters: Array<{ name: string; cluster: Record<string, unknown> }>;
    users: Array<{ name: string; user: Record<string, unknown> }>;
    contexts: Array<{ name: string; context: Record<string, unknown> }>;
  };
  for (const u of kc.users) if (typeof u.user.token === 'string') secrets.push(u.user.token);
  // A user with a client key (and the token the simulator checks), and one whose exec plugin fails
  // after printing a token on stdout.
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const keyBody = keyPem.split('\n').filter((l) => l && !l.startsWith('-----'));
  secrets.push(...keyBody.filter((l) => l.length >= 16), b64(keyPem).slice(0, 60));
  const admin = kc.users.find((u) => u.name === 'shanghai-admin')!.user;
  const plugin = join(dir, 'leaky-plugin.sh');
  writeFileSync(
    plugin,
    `#!/bin/sh\necho '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"${EXEC_STDOUT}"}}'\necho 'login failed: invalid_grant' >&2\nexit 1\n`,
    { mode: 0o755 },
  );
  kc.users.push(
    { name: 'leak-key', user: { token: admin.token, 'client-key-data': b64(keyPem) } },
    { name: 'leak-exec', user: { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: plugin, interactiveMode: 'Never' } } },
  );
  kc.contexts.push(
    { name: 'leak-key', context: { cluster: 'shanghai', user: 'leak-key' } },
    { name: 'leak-exec', context: { cluster: 'shanghai', user: 'leak-exec' } },
  );
  writeFileSync(kubeconfig, YAML.stringify(kc), { mode: 0o600 });

  // Live GameZone passwords (Git has none there: the diff shows them, masked); a live Secret.
  const gzType = sh.typeFor('apps.example.com/v1alpha1', 'GameZone')!;
  zone = sh.list(gzType).items.sort((a, b) => String(a.metadata.name).localeCompare(String(b.metadata.name)))[0]!;
  sh.mutate(gzType, zone.metadata.namespace, zone.metadata.name!, (o) => ({
    ...o,
    spec: {
      ...o.spec,
      gameZone: {
        ...o.spec.gameZone,
        mysqlConfig: { ...o.spec.gameZone.mysqlConfig, pwd: GZ_SECRETS[0] },
        redisConfig: { ...o.spec.gameZone.redisConfig, password: GZ_SECRETS[1] },
      },
    },
  }));
  const ns = zone.metadata.namespace!;
  sh.create(sh.typeFor('v1', 'Secret')!, {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'zone-db', namespace: ns },
    type: 'Opaque',
    data: { password: b64(LIVE_SECRET) },
  } as KubeObject);
  // Log lines with secrets from one pod of that zone (the simulator's log source, for that pod only).
  const p = sh.list(T.pod, { namespace: ns }).items[0]!;
  pod = { namespace: ns, name: p.metadata.name! };
  const logs = demo.world.logs;
  const read = logs.read.bind(logs);
  logs.read = (cluster: string, namespace: string, name: string, container: string, opts: LogReadOptions): LogLine[] => {
    const lines = read(cluster, namespace, name, container, opts);
    if (cluster !== 'shanghai' || namespace !== pod.namespace || name !== pod.name || opts.previous) return lines;
    const time = lines.at(-1)?.time ?? new Date().toISOString();
    return [...lines, ...LOG_LINES.map((text) => ({ time, text }))];
  };
}

/** A Secret in Git (another value than live) next to the zones: the diff shows it Modified, masked. */
async function gitSecret(): Promise<void> {
  const file = join(repo, 'zones', 'shanghai', 'zone-db-secret.yaml');
  writeFileSync(
    file,
    YAML.stringify({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'zone-db', namespace: zone.metadata.namespace },
      type: 'Opaque',
      stringData: { password: GIT_SECRET },
    }),
  );
  const g = simpleGit({ baseDir: repo });
  await g.add(['zones/shanghai/zone-db-secret.yaml']);
  await g.commit('a secret');
}

const zonectl = (args: string[], more: NodeJS.ProcessEnv = {}): Promise<Ran> => runCli(built.cli, args, { ...env, ...more });

/** Runs `argv`s at most `n` at a time; captures stdout and stderr of each. */
async function runAll(argvs: string[][], n = 4): Promise<Ran[]> {
  const out: Ran[] = new Array<Ran>(argvs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < argvs.length) {
        const i = next++;
        const r = await zonectl(argvs[i]!);
        capture(`zonectl ${argvs[i]!.join(' ')} (stdout)`, r.stdout);
        capture(`zonectl ${argvs[i]!.join(' ')} (stderr)`, r.stderr);
        out[i] = r;
      }
    }),
  );
  return out;
}

/** Where a secret value was found: "<secret> in <what>". */
function leaks(from = captured): string[] {
  const hits: string[] = [];
  for (const c of from) for (const s of secrets) if (s !== c.allow && c.text.includes(s)) hits.push(`${s} in ${c.what}`);
  return hits;
}

const FLEET = [
  '--context',
  'shanghai',
  '--context',
  'nanjing',
  '--context',
  'leaky-up',
  '--context',
  'leaky-down',
  '--context',
  'leak-key',
  '--context',
  'leak-exec',
];

describe('no secret in anything zonectl writes', () => {
  it('list commands, every output format, with failing contexts: the data and the errors, no secret', async () => {
    const argvs: string[][] = [];
    for (const cmd of [['zones'], ['rollouts', '--all'], ['hookruns'], ['clusters'], ['releases'], ['versions']])
      for (const o of ['table', 'wide', 'json', 'yaml', 'name']) argvs.push([...cmd, '-A', ...FLEET, '-o', o, '--request-timeout', '5000']);
    const runs = await runAll(argvs);
    const ok = runs.filter((r) => r.code === 3);
    // Every command printed rows and named the failing contexts (unsupported formats exit 2).
    expect(ok.length).toBeGreaterThanOrEqual(20);
    for (const r of runs) expect([2, 3], r.stderr).toContain(r.code);
    for (const r of ok) {
      expect(r.stderr).toMatch(/^error: leaky-down: cannot reach https:\/\/zonectl:xxxxx@127\.0\.0\.1:1/m);
      expect(r.stderr).toMatch(/^error: leak-exec: credential plugin "leaky-plugin\.sh" failed \(exit 1\): login failed: invalid_grant$/m);
    }
    const hookWide = runs[argvs.findIndex((a) => a[0] === 'hookruns' && a.includes('wide'))]!;
    expect(hookWide.stdout).toContain('leaky-probe');
    expect(hookWide.stdout).toContain('probe.example.com/health?token=***(hmac:');
    expect(leaks()).toEqual([]);
  }, 240_000);

  it('compare (two zones, two clusters; table, json, yaml, equal lines too): the GameZone passwords masked', async () => {
    const id = String(zone.spec.gameZone.zoneId);
    const argvs: string[][] = [];
    for (const o of ['table', 'json', 'yaml']) {
      argvs.push(['compare', `shanghai/zone/${id}`, `shanghai/zone/${id}`, '--all', '-o', o]);
      argvs.push(['compare', '--context', 'shanghai', '--context', 'nanjing', '-A', '--all', '-o', o]);
    }
    const runs = await runAll(argvs);
    for (const r of runs) expect([0, 1], r.stderr).toContain(r.code);
    for (const r of runs.filter((_, i) => argvs[i]![1]!.startsWith('shanghai/')))
      expect(r.stdout).toMatch(/mysqlConfig\.pwd.*\*\*\*\(hmac:[0-9a-f]{8}\)/s);
    expect(leaks()).toEqual([]);
  }, 120_000);

  it('logs (raw, json, timestamps, a zone): the lines are there, masked', async () => {
    const target = ['--context', 'shanghai', '-n', pod.namespace, '--tail', '-1'];
    const zoneId = String(zone.spec.gameZone.zoneId);
    const runs = await runAll([
      ['logs', `pod/${pod.name}`, ...target],
      ['logs', `pod/${pod.name}`, ...target, '-o', 'json'],
      ['logs', `pod/${pod.name}`, ...target, '--timestamps'],
      ['logs', `zone/${zoneId}`, '--context', 'shanghai', '-A', '--tail', '-1'],
    ]);
    for (const r of runs) {
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('mysql://game:***(hmac:');
      expect(r.stdout).toMatch(/redis send AUTH \*\*\*/);
    }
    expect(leaks()).toEqual([]);
  }, 120_000);

  it('diff (table, json, markdown): the GameZone and Secret drift shown, the values masked', async () => {
    const runs = await runAll([
      ['diff', '--repo', repo, '--context', 'shanghai', '--context', 'nanjing'],
      ['diff', '--repo', repo, '--context', 'shanghai', '--context', 'nanjing', '-o', 'json'],
      ['diff', '--repo', repo, '--context', 'shanghai', '--context', 'nanjing', '--markdown'],
    ]);
    for (const r of runs) {
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/zone-db/);
      expect(r.stdout).toMatch(/\*\*\*\(hmac:/);
    }
    expect(leaks()).toEqual([]);
  }, 120_000);

  it('actions: output, audit log line, annotations and Events carry no secret', async () => {
    const a = demo.world.scenarios.awaitingApproval!;
    const sh = demo.world.stores.get('shanghai')!;
    // A workload of the GameZone with passwords (its owner): a hot update goes through that GameZone.
    const owned = sh
      .list(T.gameStatefulSet, { namespace: zone.metadata.namespace })
      .items.concat(sh.list(T.gameDeployment, { namespace: zone.metadata.namespace }).items)
      .find((w) => w.metadata.ownerReferences?.some((o) => o.kind === 'GameZone'))!;
    expect(owned).toBeDefined();
    const ownedRef = `${String(owned.kind).toLowerCase()}/${owned.metadata.name}`;
    const container = String(owned.spec.template.spec.containers[0].name);
    const runs = await runAll(
      [
        [
          'approve',
          `${a.kind.toLowerCase()}/${a.name}`,
          '-n',
          a.namespace,
          '--context',
          a.cluster,
          '--yes',
          '--reason',
          'canary ok',
          '-o',
          'json',
        ],
        [
          'hotupdate',
          ownedRef,
          '-n',
          owned.metadata.namespace!,
          '--context',
          'shanghai',
          '--container',
          container,
          '--image',
          'registry.example.com/project1/service:9.9.9',
          '--yes',
        ],
        ['reject', ownedRef, '-n', owned.metadata.namespace!, '--context', 'shanghai', '--yes', '--dry-run', '-o', 'json'],
        ['hold', ownedRef, '-n', owned.metadata.namespace!, '--context', 'leak-exec', '--yes'],
      ],
      1,
    );
    expect(runs[0]!.code, runs[0]!.stderr).toBe(0);
    expect(runs[1]!.code, runs[1]!.stderr + runs[1]!.stdout).toBe(0);
    expect(runs[3]!.code).toBe(3);
    // The audit trail: the local log, the annotations zonectl writes, the Events.
    const audit = readFileSync(join(dir, 'state', 'zonectl', 'audit.jsonl'), 'utf8');
    expect(audit.split('\n').filter(Boolean).length).toBeGreaterThanOrEqual(2);
    capture('audit.jsonl', audit);
    for (const store of demo.world.stores.values())
      for (const t of [T.gameStatefulSet, T.gameDeployment, store.typeFor('apps.example.com/v1alpha1', 'GameZone')!])
        for (const o of store.list(t).items) {
          const mine = Object.entries(o.metadata.annotations ?? {}).filter(([k]) => k.startsWith('zonectl.io/'));
          if (mine.length) capture(`annotations of ${o.kind} ${o.metadata.namespace}/${o.metadata.name}`, JSON.stringify(mine));
        }
    expect(captured.some((c) => c.what.startsWith('annotations of') && c.text.includes('zonectl.io/last-action'))).toBe(true);
    for (const store of demo.world.stores.values())
      for (const t of [store.typeFor('v1', 'Event'), store.typeFor('events.k8s.io/v1', 'Event')])
        if (t) capture(`Events (${t.group || 'core'})`, JSON.stringify(store.list(t).items));
    expect(leaks()).toEqual([]);
  }, 120_000);

  it('the console: zones, rollouts, clusters, diff and its detail, a log view and its saved file', async () => {
    const saved = join(dir, 'tmp', 'saved');
    mkdirSync(saved, { recursive: true });
    const prev = { ...process.env };
    process.env.XDG_STATE_HOME = join(dir, 'state');
    process.env.ZONECTL_CONFIG = join(dir, 'config', 'none.yaml');
    const session: Session = openSession(
      { kubeconfig, context: ['shanghai', 'nanjing', 'leaky-down'], allNamespaces: true },
      ['zones', 'rollouts'],
      {
        intervalMs: 50,
      },
    );
    session.store.start();
    const ports: ConsolePorts = await consolePorts(session, { logsDir: saved, diff: { repo } });
    const r = render(
      <App
        source={session.store}
        theme={resolveTheme('mono', {})}
        fleetLabel="leak"
        user="admin"
        readOnly={false}
        actions={ports.actions}
        logs={ports.logs}
        {...(ports.diff ? { diff: ports.diff } : {})}
        size={{ columns: 160, rows: 45 }}
        onExit={() => undefined}
      />,
    );
    const frames: string[] = [];
    const frame = () => r.lastFrame() ?? '';
    const waitFor = async (pred: (f: string) => boolean, what: string) => {
      for (let i = 0; i < 800; i++) {
        const f = frame();
        if (pred(f)) return (frames.push(f), f);
        await new Promise((res) => setTimeout(res, 25));
      }
      throw new Error(`timed out waiting for ${what}; last frame:\n${frame()}`);
    };
    const press = async (k: string) => {
      r.stdin.write(k);
      await new Promise((res) => setTimeout(res, 60));
      frames.push(frame());
    };
    try {
      await waitFor((f) => /^[> ] shanghai +zone-\d+ /m.test(f) && f.includes('leaky-down'), 'zones with the unreachable context named');
      await press('2');
      await press('A');
      await waitFor((f) => /Rollouts/.test(f), 'rollouts');
      await press('3');
      await waitFor((f) => /zonectl:xxxxx@127\.0\.0\.1:1/.test(f) || /leaky-down/.test(f), 'clusters');
      await press('5');
      await waitFor((f) => /Modified/.test(f), 'the diff report');
      for (let i = 0; i < 2; i++) {
        await press(KEYS.enter);
        await waitFor((f) => f.includes('predicted by') || f.includes('approximate'), 'a diff detail');
        await press(KEYS.esc);
        await press('j');
      }
      await press(KEYS.esc);
      await press('1');
      // The zone whose pod logs secrets: l, then s saves the lines in view.
      const zoneId = String(zone.spec.gameZone.zoneId);
      for (let i = 0; i < 30 && !new RegExp(`^> shanghai +\\S+ +${zoneId} `, 'm').test(frame()); i++) await press('j');
      await press('l');
      await waitFor((f) => /^shanghai\/[a-z0-9-]+\/[a-z0-9-]+ /m.test(f), 'log lines from the zone');
      // The seeded lines came with the first read: a filter keeps them in view.
      await press('/');
      for (const ch of 'redis send|db connect|api_key|Bearer|login user|refresh token') await press(ch); // the log view's filter is a regex
      await press(KEYS.enter);
      await waitFor((f) => /redis send AUTH \*\*\*/.test(f), 'the seeded log lines, masked');
      await press('s');
      await waitFor((f) => /saved [\d,]+ lines to /.test(f), 'the save message');
    } finally {
      r.unmount();
      ports.close();
      await session.close();
      process.env = prev;
    }
    frames.forEach((f, i) => capture(`console frame ${i}`, f));
    const files = readdirSync(saved);
    expect(files.length).toBe(1);
    const text = readFileSync(join(saved, files[0]!), 'utf8');
    expect(text).toMatch(/mysql:\/\/game:\*\*\*\(hmac:/);
    expect(text).toMatch(/redis send AUTH \*\*\*/);
    expect(text.trim().split('\n').length).toBeGreaterThanOrEqual(LOG_LINES.length);
    capture(`saved log ${files[0]}`, text);
    expect(frames.some((f) => /\*\*\*\(hmac:/.test(f))).toBe(true);
    expect(leaks()).toEqual([]);
  }, 180_000);

  it('zonectl demo --serve: its output and the files it writes beside the kubeconfig', async () => {
    const tmp = join(dir, 'tmp-demo');
    mkdirSync(tmp);
    const { child, stdout, stderr } = await startCli(
      built.cli,
      ['demo', '--serve', '--clusters', '1', '--zones', '2'],
      /Serving until interrupted/,
      {
        ...env,
        TMPDIR: tmp,
      },
    );
    const exited = new Promise((res) => child.on('exit', res));
    try {
      const kcPath = /(\/\S+\/kubeconfig)\b/.exec(stdout())![1]!;
      const kc = YAML.parse(readFileSync(kcPath, 'utf8')) as { users: Array<{ user: { token?: string } }> };
      const tokens = kc.users.map((u) => u.user.token).filter((t): t is string => Boolean(t));
      expect(tokens.length).toBeGreaterThan(0);
      secrets.push(...tokens);
      capture('demo --serve stdout', stdout());
      capture('demo --serve stderr', stderr());
      // The config repo is the demo's Git side, whose story is a password rotation: its own rotated
      // password is Git content there (and masked wherever zonectl shows it); nothing else may be.
      for (const f of walk(tmp))
        if (f !== kcPath) capture(`demo file ${f}`, readFileSync(f, 'latin1'), f.includes('/config-repo/') ? REPO_PASSWORD : undefined);
      expect(captured.filter((c) => c.what.startsWith('demo file')).length).toBeGreaterThan(3); // the config repo
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
    expect(leaks()).toEqual([]);
  }, 120_000);

  it('files the program wrote under its TMPDIR and state dir; and the whole capture, once more', () => {
    for (const root of [join(dir, 'tmp'), join(dir, 'state')]) for (const f of walk(root)) capture(`file ${f}`, readFileSync(f, 'latin1'));
    const bytes = captured.reduce((n, c) => n + c.text.length, 0);
    console.log(
      `[leak] ${secrets.length} secret values searched in ${captured.length} captures (${bytes.toLocaleString('en')} bytes): ${leaks().length} hits`,
    );
    expect(secrets.length).toBeGreaterThanOrEqual(30);
    expect(bytes).toBeGreaterThan(100_000);
    expect(leaks()).toEqual([]);
  });
});

/** Every file under `root` (none when it does not exist). */
function walk(root: string): string[] {
  let out: string[] = [];
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return out;
  }
  for (const n of names) {
    const p = join(root, n);
    out = statSync(p).isDirectory() ? out.concat(walk(p)) : out.concat([p]);
  }
  return out;
}

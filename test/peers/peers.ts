// The peer tools of test/peers (built by test/peers/tools/build.sh into the tools cache) and a
// `zonectl demo --serve` process to point them at. Each demo is a child process ended by its PID.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const root = resolve(here, '..', '..');
const cacheRoot = (): string => process.env.ZONECTL_TOOLS_CACHE || join(homedir(), '.cache', 'zonectl-tools');

/** `<cache>/<name>-<version>/<name>` for a tool pinned in test/peers/tools/VERSIONS. */
export function peerTool(name: string): string {
  const line = readFileSync(join(here, 'tools', 'VERSIONS'), 'utf8')
    .split('\n')
    .find((l) => l.split(/\s+/)[0] === name);
  if (!line) throw new Error(`${name} is not pinned in test/peers/tools/VERSIONS`);
  const version = line.trim().split(/\s+/)[3];
  const p = join(cacheRoot(), `${name}-${version}`, name);
  if (!existsSync(p)) throw new Error(`missing ${p}: run \`bash test/peers/tools/build.sh\` (npm run test:peers does)`);
  return p;
}

/** kubectl built by test/cluster/tools/build-kubectl.sh (npm run test:tools). */
export function kubectlTool(): string {
  const dirs = existsSync(cacheRoot()) ? readdirSync(cacheRoot()).filter((d) => d.startsWith('kubectl-')) : [];
  for (const d of dirs.sort().reverse()) if (existsSync(join(cacheRoot(), d, 'kubectl'))) return join(cacheRoot(), d, 'kubectl');
  throw new Error('missing kubectl: run `npm run test:tools` (bash test/cluster/tools/build-kubectl.sh)');
}

export interface ServedDemo {
  kubeconfig: string;
  contexts: string[];
  child: ChildProcess;
  stop(): Promise<void>;
}

/** `zonectl demo --serve` (https clusters on 127.0.0.1); resolves once it prints its kubeconfig. */
export async function serveDemo(args: string[] = []): Promise<ServedDemo> {
  const child = spawn(join(root, 'bin', 'zonectl'), ['demo', '--serve', '--seed', '1', ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const end = Date.now() + 60_000;
  while (!/Serving until interrupted/.test(out)) {
    if (child.exitCode !== null || Date.now() > end) {
      child.kill('SIGTERM');
      throw new Error(`zonectl demo --serve did not start:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    kubeconfig: /^kubeconfig: (.+)$/m.exec(out)![1],
    contexts: /^contexts: (.+)$/m.exec(out)![1].split(' '),
    child,
    async stop() {
      if (child.exitCode === null) child.kill('SIGINT');
      await exited;
    },
  };
}

// Shell completion and --help, on the built program against the demo federation: `zonectl __complete`
// answers commands, flags, contexts, and the live cluster's namespaces and names; the bash, zsh and
// fish scripts `zonectl completion SHELL` prints complete a real command line in those shells; and
// `zonectl --help` names every flag the console takes.
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { chmodSync, copyFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { FLEET_FLAGS } from '../../commands/flags.js';
import { DIFF_FLAGS, THEME_FLAG } from '../../commands/ui.js';
import { cliOnDemo } from './cli-fixture.js';
import { NODE } from './cli-process.js';
import { KUBECTL } from '../unit/gitops/tools-path.js';

const f = cliOnDemo();
const lines = (s: string) => s.split('\n').filter(Boolean);
const has = (shell: string) => spawnSync(shell, ['-c', 'true']).status === 0;

/** `zonectl` on PATH: a wrapper running the built program, as the scripts call it by name. */
let binDir = '';
beforeAll(() => {
  binDir = f.dir();
  writeFileSync(join(binDir, 'zonectl'), `#!/bin/sh\nexec ${NODE} ${f.cli()} "$@"\n`);
  chmodSync(join(binDir, 'zonectl'), 0o755);
});
const shellEnv = () => ({ ...process.env, ...f.env(), PATH: `${binDir}:${process.env['PATH']}` });
/** Runs a shell (asynchronously: the demo answering its requests lives in this process). */
async function shell(cmd: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  return promisify(execFile)(cmd, args, { env: shellEnv(), encoding: 'utf8', timeout: 60_000 });
}

describe('zonectl __complete (what the scripts ask)', () => {
  it('commands, then a command flags read from its --help', async () => {
    const cmds = lines((await f.zonectl(['__complete', ''])).stdout);
    expect(cmds).toEqual(expect.arrayContaining(['zones', 'rollouts', 'approve', 'logs', 'demo', 'completion', 'version']));
    const flags = lines((await f.zonectl(['__complete', 'hotupdate', '--'])).stdout);
    expect(flags).toEqual(expect.arrayContaining(['--container', '--image', '--partition', '--context', '-n', '--readonly']));
    const console = lines((await f.zonectl(['__complete', '--'])).stdout);
    expect(console).toEqual(expect.arrayContaining(['--theme', '--diff-repo', '--kubefed-host']));
  });

  it('contexts from the kubeconfig, namespaces and names from the live cluster', async () => {
    expect(lines((await f.zonectl(['__complete', 'zones', '--context', ''])).stdout)).toEqual(
      expect.arrayContaining(['shanghai', 'shanghai-viewer', 'nanjing', 'singapore', 'fed-host']),
    );
    const ns = lines((await f.zonectl(['__complete', '--context', 'nanjing', 'zones', '-n', ''])).stdout);
    expect(ns).toEqual(expect.arrayContaining(['zone-201', 'kube-system']));
    expect(ns).not.toContain('zone-101'); // shanghai's
    const kinds = lines((await f.zonectl(['__complete', 'approve', ''])).stdout);
    expect(kinds).toEqual(expect.arrayContaining(['gamestatefulset/', 'gamedeployment/', 'gameserverset/']));
    expect(lines((await f.zonectl(['__complete', 'approve', 'gs'])).stdout)).toEqual(expect.arrayContaining(['gsts/', 'gss/']));
    const names = lines((await f.zonectl(['__complete', 'approve', '--context', 'shanghai', '-n', 'zone-101', 'gsts/'])).stdout);
    expect(names).toContain('gsts/game-1');
    expect(names.every((n) => n.startsWith('gsts/'))).toBe(true);
    expect(lines((await f.zonectl(['__complete', 'zones', '-o', ''])).stdout)).toEqual(['table', 'wide', 'json', 'yaml', 'name']);
  });

  it('a context nothing answers completes nothing, within its 3 s', async () => {
    const started = Date.now();
    const r = await f.zonectl(['__complete', 'approve', '--kubeconfig', f.leakyKubeconfig(), '--context', 'leaky-down', 'gsts/']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('the completion scripts in their shells', () => {
  it('bash: Tab after `approve -n zone-101 gsts/g` offers the live names', async () => {
    const script = (await shell('zonectl', ['completion', 'bash'])).stdout;
    const r = await shell('bash', [
      '-c',
      `${script}\nCOMP_WORDS=(zonectl approve --context shanghai -n zone-101 gsts/g); COMP_CWORD=6; _zonectl 2>/dev/null; printf '%s\\n' "\${COMPREPLY[@]}"`,
    ]);
    expect(lines(r.stdout)).toEqual(expect.arrayContaining(['gsts/game-1', 'gsts/game-2']));
    expect(lines(r.stdout).every((n) => n.startsWith('gsts/g'))).toBe(true);
  });

  it.skipIf(!has('zsh'))('zsh: the completer adds the contexts (compadd observed)', async () => {
    const script = (await shell('zonectl', ['completion', 'zsh'])).stdout;
    // compdef and compadd belong to zsh's completion system, which needs a terminal: stand-ins print what they are given.
    const r = await shell('zsh', [
      '-c',
      `compdef() { :; }; compadd() { print -l -- "\${@[\${@[(i)--]}+1,-1]}"; }; _files() { print FILES; }\n${script}\nwords=(zonectl zones --context ''); CURRENT=4; _zonectl`,
    ]);
    expect(r.stderr).toBe('');
    expect(lines(r.stdout)).toEqual(expect.arrayContaining(['shanghai', 'nanjing', 'singapore']));
  });

  it.skipIf(!has('fish'))('fish: complete -C lists the commands and the namespaces', async () => {
    const script = (await shell('zonectl', ['completion', 'fish'])).stdout;
    const file = join(binDir, 'zonectl.fish');
    writeFileSync(file, script);
    const r = await shell('fish', ['-c', `source ${file}; complete -C 'zonectl ro'; complete -C 'zonectl zones --context singapore -n '`]);
    const got = lines(r.stdout).map((l) => l.split('\t')[0]);
    expect(got).toEqual(expect.arrayContaining(['rollouts', 'zone-301']));
  });
});

describe('kubectl zonectl <Tab>: kubectl_complete-zonectl (kubectl >= 1.26 plugin completion)', () => {
  /** bin/kubectl_complete-zonectl beside the zonectl wrapper, and kubectl-zonectl, as installed. */
  const install = () => {
    const script = join(binDir, 'kubectl_complete-zonectl');
    copyFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '../../bin/kubectl_complete-zonectl'), script);
    chmodSync(script, 0o755);
    writeFileSync(join(binDir, 'kubectl-zonectl'), `#!/bin/sh\nexec ${NODE} ${f.cli()} "$@"\n`);
    chmodSync(join(binDir, 'kubectl-zonectl'), 0o755);
    return script;
  };

  it('the script: candidates from the zonectl beside it, then the directive (6: no space after a kind/)', async () => {
    const script = install();
    const cmds = lines((await shell(script, ['zo'])).stdout);
    expect(cmds).toContain('zones');
    expect(cmds.at(-1)).toBe(':4');
    const names = lines((await shell(script, ['approve', '--context', 'shanghai', '-n', 'zone-101', 'gsts/'])).stdout);
    expect(names).toContain('gsts/game-1');
    expect(names.at(-1)).toBe(':4');
    const kinds = lines((await shell(script, ['approve', 'gsts'])).stdout);
    expect(kinds).toContain('gsts/');
    expect(kinds.at(-1)).toBe(':6');
  });

  it.skipIf(!KUBECTL)('the real kubectl completes `kubectl zonectl approve -n zone-101 gsts/` with live names', async () => {
    install();
    const r = await shell(KUBECTL!, ['__complete', 'zonectl', 'approve', '--context', 'shanghai', '-n', 'zone-101', 'gsts/']);
    const got = lines(r.stdout);
    expect(got).toContain('gsts/game-1');
    expect(got.at(-1)).toBe(':4');
  });
});

describe('zonectl --help', () => {
  it('names every flag the console takes', async () => {
    const r = await f.zonectl(['--help']);
    expect(r.code).toBe(0);
    const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    const flags = Object.keys({ ...FLEET_FLAGS, ...THEME_FLAG, ...DIFF_FLAGS }).filter((k) => k !== 'help');
    expect(flags.length).toBeGreaterThan(12);
    for (const k of flags) expect(r.stdout, `--${kebab(k)}`).toMatch(new RegExp(`^\\s+(-\\w, )?--${kebab(k)}\\b`, 'm'));
  });
});

// bin/zonectl (the sh script npm installs): it finds its checkout's pinned runtime and entry however it is
// reached — by its path, relative from its own folder, by name through PATH, through npm's bin symlink
// and as kubectl-zonectl — and starts no readlink unless it was reached through a symlink (a process
// started is start-up time: issue 14). The checkout here is a copy of the script beside a runtime link
// and an entry that prints what it was run with, so the test needs no build.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NODE } from '../../sim/cli-process.js';

const repo = resolve(import.meta.dirname, '../../..');
const work = realpathSync(mkdtempSync(join(tmpdir(), 'zonectl-bin-')));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// <work>/checkout/{bin/zonectl, bin/kubectl-zonectl -> zonectl, node_modules/node/bin/node, dist/bundle/cli.mjs}
const checkout = join(work, 'checkout');
mkdirSync(join(checkout, 'bin'), { recursive: true });
copyFileSync(join(repo, 'bin/zonectl'), join(checkout, 'bin/zonectl'));
chmodSync(join(checkout, 'bin/zonectl'), 0o755);
symlinkSync('zonectl', join(checkout, 'bin/kubectl-zonectl'));
mkdirSync(join(checkout, 'node_modules/node/bin'), { recursive: true });
symlinkSync(NODE, join(checkout, 'node_modules/node/bin/node'));
mkdirSync(join(checkout, 'dist/bundle'), { recursive: true });
writeFileSync(
  join(checkout, 'dist/bundle/cli.mjs'),
  "import { realpathSync } from 'node:fs';\n" +
    'process.stdout.write(JSON.stringify({ node: process.execPath, entry: realpathSync(process.argv[1]), args: process.argv.slice(2), execArgv: process.execArgv }));\n',
);
// npm's global install: <prefix>/bin/zonectl -> <checkout>/bin/zonectl
const prefixBin = join(work, 'prefix/bin');
mkdirSync(prefixBin, { recursive: true });
symlinkSync(join(checkout, 'bin/zonectl'), join(prefixBin, 'zonectl'));

/** Runs `cmd` in `cwd` under sh -x (its trace on stderr shows every command the script ran). */
function run(cwd: string, cmd: string, path = process.env['PATH']) {
  const r = spawnSync('sh', ['-c', cmd], { cwd, encoding: 'utf8', env: { ...process.env, PATH: path } });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { node: string; entry: string; args: string[]; execArgv: string[] };
}

/** The commands the script ran, from sh -x's trace (readlink shows as a line of its own). */
function traced(cwd: string, script: string, args: string): string {
  return spawnSync('sh', ['-x', script, ...args.split(' ')], { cwd, encoding: 'utf8' }).stderr;
}

describe('bin/zonectl', () => {
  const expected = { node: realpathSync(NODE), entry: join(checkout, 'dist/bundle/cli.mjs') };

  it.each([
    ['by its absolute path', work, `${checkout}/bin/zonectl zones -A`],
    ['relative from its own folder', join(checkout, 'bin'), './zonectl zones -A'],
    ['relative from its checkout', checkout, 'bin/zonectl zones -A'],
    ['by name through PATH', work, 'zonectl zones -A'],
    ['through npm’s bin symlink', work, `${prefixBin}/zonectl zones -A`],
    ['as kubectl-zonectl (a symlink beside it)', work, `${checkout}/bin/kubectl-zonectl zones -A`],
  ])('runs the pinned runtime on its checkout’s entry %s', (_, cwd, cmd) => {
    const got = run(cwd, cmd, `${join(checkout, 'bin')}:${process.env['PATH']}`);
    expect(realpathSync(got.node)).toBe(expected.node);
    expect(got.entry).toBe(expected.entry);
    expect(got.args).toEqual(['zones', '-A']);
    // A one-shot list runs without TurboFan (the script's case for the list commands).
    expect(got.execArgv).toEqual(['--no-opt']);
  });

  it('starts readlink only when reached through a symlink', () => {
    expect(traced(work, join(checkout, 'bin/zonectl'), '--version')).not.toMatch(/readlink/);
    expect(traced(work, join(prefixBin, 'zonectl'), '--version')).toMatch(/readlink -f/);
  });
});

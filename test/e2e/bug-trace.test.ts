// A bug's stack trace names the TypeScript source, not the built chunks: the built program (bin/zonectl
// on dist/bundle, and dist/source/cli.js) is run with a fault injected from outside through Node's
// --import (stdout.write throws, as a broken pipe or a bug in a dependency could), so the program's own
// bug path (exit 10) prints the trace. Nothing in the product knows about the fault. Needs `npm run build`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { bin, root } from './tmux.js';

const dir = mkdtempSync(join(tmpdir(), 'zonectl-bug-trace-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const injector = join(dir, 'stdout-fault.mjs');
writeFileSync(injector, "process.stdout.write = () => { throw new TypeError('injected stdout fault'); };\n");
const node = resolve(root, 'node_modules/node/bin/node');

/** Runs the program with the fault injected; returns the exit code and the frames of the printed trace. */
function runFaulty(cmd: string, args: string[]): { status: number | null; stderr: string; frames: { file: string; line: number }[] } {
  const r = spawnSync(cmd, args, {
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: `--import ${pathToFileURL(injector).href}` },
  });
  const frames = [...r.stderr.matchAll(/^\s+at (?:.+? \()?(\/[^():]+):(\d+):\d+\)?$/gm)].map((m) => ({ file: m[1]!, line: Number(m[2]) }));
  return { status: r.status, stderr: r.stderr, frames };
}

describe('a bug prints a stack trace in source terms', () => {
  it.each([
    ['bin/zonectl (dist/bundle)', bin, ['--version']],
    ['bin/zonectl (dist/bundle), a command chunk', bin, ['zones', '--help']],
    ['dist/source/cli.js', node, [resolve(root, 'dist/source/cli.js'), 'zones', '--help']],
  ])('%s', (_label, cmd, args) => {
    expect(existsSync(resolve(root, 'dist/bundle/cli.mjs.map')), 'run `npm run build` first').toBe(true);
    const { status, stderr, frames } = runFaulty(cmd, args);
    expect(status).toBe(10);
    expect(stderr).toMatch(/^zonectl: internal error \(a bug, please report\): TypeError: injected stdout fault$/m);
    const product = frames.filter((f) => f.file.startsWith(root + '/'));
    expect(product.length).toBeGreaterThan(0);
    // Every frame of ours names a .ts file under source/ or commands/, none a built chunk.
    for (const f of product) expect(f.file.slice(root.length + 1)).toMatch(/^(source|commands)\/.+\.tsx?$/);
    // ... at the right line: the innermost one is the stdout.write call that failed.
    const innermost = product[0]!;
    expect(readFileSync(innermost.file, 'utf8').split('\n')[innermost.line - 1]).toContain('stdout.write(');
  });
});

// sourceMappedStack: frames in built files are rewritten through the files' own source maps. The built
// file here is real esbuild output of a small TypeScript module, run in a plain node process (vitest
// maps its own stacks) so that it throws and prints the raw trace.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { sourceMappedStack } from '../../source/source-map-stack.js';

const dir = mkdtempSync(join(tmpdir(), 'zonectl-smap-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ts = join(dir, 'src', 'boom.ts');
const source = [
  'interface Box {',
  '  inner?: { value: number };',
  '}',
  '',
  'export function boom(box: Box): number {',
  '  return box.inner!.value * 2;',
  '}',
  '',
].join('\n');

describe('sourceMappedStack', () => {
  it('maps frames of a built file to the TypeScript line, and leaves other frames alone', () => {
    mkdirSync(join(dir, 'src'), { recursive: true });
    writeFileSync(ts, source);
    buildSync({
      entryPoints: [ts],
      outfile: join(dir, 'dist', 'boom.mjs'),
      format: 'esm',
      sourcemap: true,
      bundle: true,
      logLevel: 'silent',
    });
    const url = pathToFileURL(join(dir, 'dist', 'boom.mjs')).href;
    const run = `import(${JSON.stringify(url)}).then((m) => { try { m.boom({}); } catch (e) { process.stdout.write(e.stack); } });`;
    const stack = spawnSync(process.execPath, ['--input-type=module', '-e', run], { encoding: 'utf8' }).stdout;
    expect(stack).toMatch(/dist\/boom\.mjs:\d+:\d+/);
    const mapped = sourceMappedStack(stack);
    expect(mapped).toContain(`boom (${ts}:6:`);
    expect(mapped).not.toMatch(/dist\/boom\.mjs/);
    // The message and frames without a map (node internals) are unchanged.
    expect(mapped.split('\n')[0]).toBe(stack.split('\n')[0]);
    expect(mapped.split('\n').slice(2)).toEqual(stack.split('\n').slice(2));
  });

  it('keeps a frame whose file has no source map', () => {
    const js = join(dir, 'plain.js');
    writeFileSync(js, 'export {};\n');
    const stack = `Error: x\n    at f (${js}:1:1)\n    at file://${js}:1:1\n    at node:internal/x:1:1`;
    expect(sourceMappedStack(stack)).toBe(stack);
  });
});

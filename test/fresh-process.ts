// Runs a TypeScript snippet (an ES module that imports the sources) in a fresh Node process with its own V8
// flags, and returns the JSON it writes to stdout: for tests of heap behaviour that must not share this
// process's heap or flags. NODE_OPTIONS is emptied so the runner's own options do not leak in; anything on
// stderr fails the test.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const root = fileURLToPath(new URL('../', import.meta.url));

export function runFresh<T>(script: string, nodeArgs: string[] = []): T {
  const r = spawnSync(
    process.execPath,
    [
      ...nodeArgs,
      '--experimental-transform-types',
      '--no-warnings',
      '--import',
      './test/bench/ts-hooks.mjs',
      '--input-type=module',
      '-e',
      script,
    ],
    { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } },
  );
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as T;
}

// Which of the bundle's files a zonectl run loads (start-up, issue 14): a module-load hook in the child
// records every module it loads. Chunks are found by their content, so the tests follow the bundler's
// chunk names.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliFixture } from './cli-fixture.js';

/** The bundle's .mjs files whose text includes `marker`. */
export function chunksWith(f: CliFixture, marker: string): string[] {
  const dir = dirname(f.cli());
  return readdirSync(dir).filter((n) => n.endsWith('.mjs') && readFileSync(join(dir, n), 'utf8').includes(marker));
}

/** Runs zonectl with a hook that lists the bundle files it loaded (file names, in load order). */
export async function loaded(
  f: CliFixture,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ files: string[]; code: number | null; stdout: string; stderr: string }> {
  const list = join(f.dir(), `loaded-${Math.random().toString(36).slice(2)}`);
  const hook = join(f.dir(), 'load-hook.mjs');
  writeFileSync(
    hook,
    `import { registerHooks } from 'node:module';
import { appendFileSync } from 'node:fs';
registerHooks({ load(url, context, next) { appendFileSync(${JSON.stringify(list)}, url + '\\n'); return next(url, context); } });
`,
  );
  writeFileSync(list, '');
  const r = await f.zonectl(args, { NODE_OPTIONS: `--import=${hook}`, ...env });
  const files = readFileSync(list, 'utf8')
    .split('\n')
    .filter((u) => u.startsWith('file:'))
    .map((u) => fileURLToPath(u).split('/').pop()!);
  return { files, code: r.code, stdout: r.stdout, stderr: r.stderr };
}

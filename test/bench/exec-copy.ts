// Executables for a memory benchmark, copied with cp into the benchmark's folder, as an operator's copy
// would be. How a file was written decides how this machine's page cache holds it, and the kernel maps a
// large folio whole into a process on its first touch, so the same bytes give different RSS: the single
// file peaked at 110 MiB on `zones -A` run from where postject wrote it in one call, and at 83 MiB from a
// cp copy; kubectl at 66 MiB from its build cache and 47 MiB from a copy. Copies made alike compare alike.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** A cp copy of `file` at `<dir>/<as>` (executable as the original is); undefined when `file` does not exist. */
export function copiedExecutable(file: string, dir: string, as: string): string | undefined {
  if (!existsSync(file)) return undefined;
  const to = join(dir, as);
  mkdirSync(dirname(to), { recursive: true });
  if (spawnSync('cp', [file, to]).status !== 0) throw new Error(`cp ${file} ${to} failed`);
  return to;
}

/**
 * A checkout's bin/zonectl laid out in `<dir>/<as>`, its path returned: bin/zonectl runs `<its root>/
 * node_modules/node/bin/node` on `<its root>/dist/bundle`, so the runtime there is `runtime` (one copy
 * shared by every checkout of the run) and dist links to the checkout's build.
 */
export function installedCheckout(checkout: string, runtime: string, dir: string, as: string): string {
  const home = join(dir, as);
  mkdirSync(join(home, 'node_modules/node/bin'), { recursive: true });
  symlinkSync(runtime, join(home, 'node_modules/node/bin/node'));
  symlinkSync(resolve(checkout, 'dist'), join(home, 'dist'));
  return copiedExecutable(resolve(checkout, 'bin/zonectl'), dir, `${as}/bin/zonectl`)!;
}

// Creates throw-away git repos for gitops tests with real git (simple-git), committed, in a temp dir.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { simpleGit } from 'simple-git';

export interface FixtureRepo {
  dir: string;
  commit(files: Record<string, string | Buffer | null>, message?: string): Promise<string>;
  tag(name: string): Promise<void>;
  cleanup(): void;
}

export async function fixtureRepo(files: Record<string, string | Buffer | null> = {}): Promise<FixtureRepo> {
  const dir = mkdtempSync(join(tmpdir(), 'zonectl-fixture-repo-'));
  const g = simpleGit({ baseDir: dir });
  await g.init(['--quiet', '--initial-branch=main']);
  await g.addConfig('user.email', 'test@example.invalid');
  await g.addConfig('user.name', 'zonectl test');
  await g.addConfig('commit.gpgsign', 'false');
  const repo: FixtureRepo = {
    dir,
    async commit(f, message = 'change') {
      for (const [p, content] of Object.entries(f)) {
        const target = join(dir, p);
        if (content === null) {
          rmSync(target, { force: true });
          continue;
        }
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, content);
      }
      await g.add(['-A', '.']);
      await g.commit(message, undefined, { '--allow-empty': null });
      return (await g.revparse(['HEAD'])).trim();
    },
    async tag(name) {
      await g.addTag(name);
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
  if (Object.keys(files).length) await repo.commit(files, 'initial');
  return repo;
}

// A config repo at a ref, read without touching anyone's working tree: a local repo is only queried (rev-parse,
// ls-tree, cat-file); a URL gets one bare cache clone per remote under $XDG_CACHE_HOME/zonectl/repos, fetched
// on every open. Files at the ref come from `ls-tree -r -z` and ONE `cat-file --batch` (bytes, not strings).
import { t as tr } from '../i18n/t.js';
import { InputError } from '../errors.js';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';
import { cacheRoot, gitEnv, gitOptions, redactUrl } from './git-env.js';

export class RepoError extends InputError {}

export interface RepoSnapshot {
  /** Where it came from, safe to print (no credentials). */
  source: string;
  ref: string;
  commit: string;
  /** Repo-relative path -> content, for every blob at the ref (symlinks and submodules skipped). */
  files: Map<string, Buffer>;
  /** Blobs over MAX_FILE_BYTES, not read (path -> size): reading one as text is an error naming it. */
  oversized: Map<string, number>;
  text(path: string): string | undefined;
  /** Paths under a directory prefix ('' = all), sorted. */
  list(prefix?: string): string[];
  /** Writes the files into a fresh temp dir (for helm/kustomize); remove it with the returned cleanup. */
  materialize(): Promise<{ dir: string; cleanup: () => Promise<void> }>;
}

function git(dir: string, extra = {}): SimpleGit {
  return simpleGit(gitOptions(dir, extra)).env(gitEnv());
}

function isUrl(s: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(s) || /^[^/\s]+@[^:/\s]+:/.test(s);
}

async function wrap<T>(what: string, p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    const msg = redactUrl(String((e as Error)?.message ?? e))
      .trim()
      .split('\n')
      .filter(Boolean)
      .slice(-3)
      .join(' / ');
    throw new RepoError(`${what}: ${msg}`);
  }
}

async function resolveCommit(g: SimpleGit, ref: string): Promise<string | undefined> {
  try {
    return (await g.raw(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Bare cache clone for a remote, fetched now; returns its dir. */
async function cacheClone(url: string, ref: string): Promise<{ dir: string; commit: string }> {
  const key = createHash('sha256').update(redactUrl(url)).digest('hex').slice(0, 24);
  const dir = join(cacheRoot(), key);
  const shown = redactUrl(url);
  if (!existsSync(join(dir, 'HEAD'))) {
    mkdirSync(dirname(dir), { recursive: true });
    // eslint-disable-next-line i18next/no-literal-string -- the git command that ran
    await wrap(`git clone ${shown}`, git(dirname(dir)).raw(['clone', '--bare', '--quiet', '--', url, dir]));
  } else {
    await wrap(
      // eslint-disable-next-line i18next/no-literal-string -- the git command that ran
      `git fetch ${shown}`,
      git(dir).raw(['fetch', '--quiet', '--prune', '--force', '--tags', 'origin', '+refs/heads/*:refs/heads/*']),
    );
  }
  const g = git(dir);
  let commit = await resolveCommit(g, ref);
  if (!commit) {
    // A commit or ref not advertised as a branch/tag (e.g. refs/pull/1/head): fetch it explicitly.
    // eslint-disable-next-line i18next/no-literal-string -- the git command that ran
    await wrap(`git fetch ${shown} ${ref}`, g.raw(['fetch', '--quiet', 'origin', '--end-of-options', ref]));
    commit = await resolveCommit(g, 'FETCH_HEAD');
  }
  if (!commit) throw new RepoError(tr('report.gitops.refNotFound', { repo: shown, ref }));
  return { dir, commit };
}

/** Opens `source` (local path or URL) at `ref` (branch, tag, commit; default HEAD). */
export async function openRepo(source: string, ref = 'HEAD'): Promise<RepoSnapshot> {
  let dir: string;
  let commit: string | undefined;
  let shown: string;
  if (!isUrl(source) && existsSync(source)) {
    dir = resolve(source);
    shown = dir;
    if (!statSync(dir).isDirectory()) throw new RepoError(tr('report.gitops.notDirectory', { repo: source }));
    const g = git(dir);
    await wrap(`${shown}`, g.raw(['rev-parse', '--git-dir']));
    commit = await resolveCommit(g, ref);
    if (!commit) throw new RepoError(tr('report.gitops.refNotFoundLocal', { repo: shown, ref }));
  } else if (isUrl(source)) {
    shown = redactUrl(source);
    ({ dir, commit } = await cacheClone(source, ref));
  } else {
    throw new RepoError(tr('report.gitops.noRepo', { repo: source }));
  }
  const { files, oversized } = await readTree(dir, commit);
  return snapshot(shown, ref, commit, files, oversized);
}

/**
 * Input limits: a config repo is someone else's input (a pull request can add anything to it), so a
 * huge file must not cost gigabytes. No Kubernetes object is over ~1.5 MiB (the apiserver's request
 * limit), so one manifest file of 8 MiB is already hundreds of objects.
 */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;
export const MAX_TREE_BYTES = 256 * 1024 * 1024;

/** `ls-tree -r -l -z` + one `cat-file --batch` of the blobs within the limits. */
export async function readTree(dir: string, commit: string): Promise<{ files: Map<string, Buffer>; oversized: Map<string, number> }> {
  // eslint-disable-next-line i18next/no-literal-string -- the git command that failed, as typed
  const listing = await wrap('git ls-tree', git(dir).raw(['ls-tree', '-r', '-l', '-z', '--full-tree', commit]));
  const entries: Array<{ sha: string; path: string }> = [];
  const oversized = new Map<string, number>();
  let total = 0;
  for (const rec of listing.split('\0')) {
    if (!rec) continue;
    const tab = rec.indexOf('\t');
    const [mode, type, sha, sizeText] = rec.slice(0, tab).split(/ +/);
    if (type !== 'blob' || mode === '120000') continue; // symlinks and submodules are not followed
    const path = rec.slice(tab + 1);
    const size = Number(sizeText);
    if (size > MAX_FILE_BYTES) {
      oversized.set(path, size);
      continue;
    }
    total += size;
    if (total > MAX_TREE_BYTES)
      throw new RepoError(tr('report.gitops.treeTooBig', { commit: commit.slice(0, 12), mib: MAX_TREE_BYTES / 1024 / 1024 }));
    entries.push({ sha: sha!, path });
  }
  const files = new Map<string, Buffer>();
  if (entries.length === 0) return { files, oversized };
  const input = Buffer.from(entries.map((e) => `${e.sha}\n`).join(''));
  const chunks: Buffer[] = [];
  const g = simpleGit(gitOptions(dir, { input: () => input } as never)).env(gitEnv());
  g.outputHandler((_cmd, stdout) => {
    stdout.on('data', (c: Buffer) => chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c)));
  });
  // eslint-disable-next-line i18next/no-literal-string -- the git command that failed, as typed
  await wrap('git cat-file --batch', g.raw(['cat-file', '--batch']));
  const out = Buffer.concat(chunks);
  let pos = 0;
  for (const e of entries) {
    const nl = out.indexOf(0x0a, pos);
    if (nl < 0) throw new RepoError(tr('report.gitops.catFileEarly', { path: e.path }));
    const header = out.subarray(pos, nl).toString('utf8');
    const parts = header.split(' ');
    if (parts[1] === 'missing' || parts.length < 3) throw new RepoError(tr('report.gitops.catFileMissing', { path: e.path, sha: e.sha }));
    const size = Number(parts[2]);
    files.set(e.path, out.subarray(nl + 1, nl + 1 + size));
    pos = nl + 1 + size + 1; // content + trailing LF
  }
  return { files, oversized };
}

export function snapshot(
  source: string,
  ref: string,
  commit: string,
  files: Map<string, Buffer>,
  oversized = new Map<string, number>(),
): RepoSnapshot {
  // Oversized files are listed too, so a renderer that wants one gets the error, not a silent gap.
  const sorted = [...files.keys(), ...oversized.keys()].sort();
  return {
    source,
    ref,
    commit,
    files,
    oversized,
    text: (p) => {
      const big = oversized.get(p);
      if (big !== undefined)
        throw new RepoError(
          tr('report.gitops.fileTooBig', {
            repo: source,
            path: p,
            size: (big / 1024 / 1024).toFixed(1),
            mib: MAX_FILE_BYTES / 1024 / 1024,
          }),
        );
      return files.get(p)?.toString('utf8');
    },
    list: (prefix = '') => {
      const pre = prefix && !prefix.endsWith('/') ? `${prefix}/` : prefix;
      return sorted.filter((p) => pre === '' || p.startsWith(pre));
    },
    materialize: async () => {
      const dir = await mkdtemp(join(tmpdir(), 'zonectl-repo-'));
      for (const [p, content] of files) {
        const target = join(dir, p);
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, content);
      }
      return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
    },
  };
}

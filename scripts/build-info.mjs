// Writes dist/build-info.json: the version, commit and build date that `zonectl version` prints (run by
// `npm run build`, so bin/zonectl, dist/source and the single executable all carry it). The commit is
// `unknown` outside a Git checkout and ends in `-dirty` when the work tree had changes; the date is
// SOURCE_DATE_EPOCH's when set (reproducible builds), else now. It also holds `zonectl --help` in each
// language (from tsc's output of commands/help-text.ts, so after `tsc`): the entry prints it without
// loading the i18n engine and its catalogs (issue 14).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const { version } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));

function git(...args) {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

const head = git('rev-parse', 'HEAD');
const dirty = head !== undefined && git('status', '--porcelain', '--untracked-files=no') !== '';
const commit = head ? `${head}${dirty ? '-dirty' : ''}` : 'unknown';
const epoch = Number(process.env.SOURCE_DATE_EPOCH);
const date = new Date(Number.isFinite(epoch) && epoch > 0 ? epoch * 1000 : Date.now()).toISOString().replace(/\.\d+Z$/, 'Z');

const { usageByLang } = await import(pathToFileURL(resolve(root, 'dist/commands/help-text.js')).href);
const help = usageByLang();

mkdirSync(resolve(root, 'dist'), { recursive: true });
writeFileSync(resolve(root, 'dist/build-info.json'), JSON.stringify({ version, commit, date, help }, null, 2) + '\n');

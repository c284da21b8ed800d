// Prints line coverage per product folder from vitest's coverage/coverage-summary.json (written by
// `npm run test:coverage`), so CI's log shows which folder a drop came from.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

const summary = JSON.parse(readFileSync(process.argv[2] ?? 'coverage/coverage-summary.json', 'utf8'));

/** commands/, source/<folder>/, source/sim/<folder>/ or source/ for root files. */
function folderOf(file) {
  const parts = relative(process.cwd(), file).split('/');
  if (parts[0] !== 'source') return `${parts[0]}/`;
  if (parts.length === 2) return 'source/';
  if (parts[1] === 'sim' && parts.length > 3) return `source/sim/${parts[2]}/`;
  return `source/${parts[1]}/`;
}

const folders = new Map();
for (const [file, m] of Object.entries(summary)) {
  if (file === 'total') continue;
  const f = folderOf(file);
  const acc = folders.get(f) ?? { files: 0, lines: 0, covered: 0, branches: 0, bcovered: 0 };
  acc.files += 1;
  acc.lines += m.lines.total;
  acc.covered += m.lines.covered;
  acc.branches += m.branches.total;
  acc.bcovered += m.branches.covered;
  folders.set(f, acc);
}

const pct = (n, d) => (d === 0 ? '100.0' : ((100 * n) / d).toFixed(1));
const rows = [...folders.entries()].sort(([a], [b]) => a.localeCompare(b));
const width = Math.max(...rows.map(([f]) => f.length), 'folder'.length);
console.log(`${'folder'.padEnd(width)}  files  lines%  branches%  lines`);
for (const [f, a] of rows) {
  console.log(
    `${f.padEnd(width)}  ${String(a.files).padStart(5)}  ${pct(a.covered, a.lines).padStart(6)}  ${pct(a.bcovered, a.branches).padStart(9)}  ${a.covered}/${a.lines}`,
  );
}
const t = summary.total;
console.log(
  `${'total'.padEnd(width)}  ${String(rows.reduce((n, [, a]) => n + a.files, 0)).padStart(5)}  ${t.lines.pct.toFixed(1).padStart(6)}  ${t.branches.pct.toFixed(1).padStart(9)}  ${t.lines.covered}/${t.lines.total}`,
);

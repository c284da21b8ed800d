// Folder-level import cycles: dependency-cruiser checks cycles between modules, but two folders can
// depend on each other through different files (fleet <-> store, logs <-> ui) without any module
// cycle. This collapses depcruise's JSON graph (on stdin) to folders and fails on a folder edge that
// closes a cycle and is not in the known list below (.folder-cycles-known.json), so the list can
// only shrink. Type-only imports count: they couple the folders all the same.
//
// Usage (npm run boundaries does this): depcruise source commands --config .dependency-cruiser.cjs -T json | node scripts/folder-cycles.mjs
// Regenerate the known list after removing cycles (it must only ever shrink): the same with
//   node scripts/folder-cycles.mjs --write-known
import { readFileSync, writeFileSync } from 'node:fs';

const KNOWN_FILE = new URL('../.folder-cycles-known.json', import.meta.url);

/** The folder a module belongs to: a top-level folder of source/ (sub-folders fold into it), commands/, or a root file. */
function folderOf(path) {
  if (path.startsWith('commands/')) return 'commands';
  const m = /^source\/([^/]+)\//.exec(path);
  if (m) return `source/${m[1]}`;
  return path;
}

/** Folder edges "a -> b" of the product graph, each with one module-level example. */
function folderEdges(result) {
  const edges = new Map();
  for (const mod of result.modules) {
    if (mod.coreModule || mod.source.includes('node_modules/')) continue;
    const from = folderOf(mod.source);
    for (const dep of mod.dependencies) {
      if (dep.coreModule || dep.couldNotResolve || dep.resolved.includes('node_modules/')) continue;
      const to = folderOf(dep.resolved);
      if (from === to || !/^(source|commands)\//.test(dep.resolved)) continue;
      const key = `${from} -> ${to}`;
      if (!edges.has(key)) edges.set(key, { from, to, example: `${mod.source} -> ${dep.resolved}` });
    }
  }
  return [...edges.values()];
}

/** Shortest folder path from `start` to `goal`, or undefined. */
function pathBetween(adj, start, goal) {
  const prev = new Map([[start, undefined]]);
  const queue = [start];
  while (queue.length > 0) {
    const at = queue.shift();
    if (at === goal) {
      const path = [];
      for (let n = goal; n !== undefined; n = prev.get(n)) path.unshift(n);
      return path;
    }
    for (const next of adj.get(at) ?? []) {
      if (!prev.has(next)) {
        prev.set(next, at);
        queue.push(next);
      }
    }
  }
  return undefined;
}

/** Every folder edge that lies on a cycle, with the cycle it closes. */
function cycleEdges(edges) {
  const adj = new Map();
  for (const e of edges) adj.set(e.from, [...(adj.get(e.from) ?? []), e.to]);
  const out = [];
  for (const e of edges) {
    const back = pathBetween(adj, e.to, e.from);
    if (back) out.push({ ...e, cycle: [e.from, ...back].join(' -> ') });
  }
  return out.sort((a, b) => `${a.from} -> ${a.to}`.localeCompare(`${b.from} -> ${b.to}`));
}

function main() {
  const result = JSON.parse(readFileSync(0, 'utf8'));
  const found = cycleEdges(folderEdges(result));
  const keys = found.map((e) => `${e.from} -> ${e.to}`);
  if (process.argv.includes('--write-known')) {
    writeFileSync(KNOWN_FILE, JSON.stringify(keys, null, 2) + '\n');
    console.log(`folder cycles: wrote ${keys.length} known cycle edge(s) to .folder-cycles-known.json`);
    return;
  }
  const known = new Set(JSON.parse(readFileSync(KNOWN_FILE, 'utf8')));
  const fresh = found.filter((e) => !known.has(`${e.from} -> ${e.to}`));
  const gone = [...known].filter((k) => !keys.includes(k));
  for (const e of fresh) console.log(`  error folder-cycle: ${e.from} -> ${e.to} closes ${e.cycle}\n      (via ${e.example})`);
  for (const k of gone) console.log(`  note: known folder cycle edge ${k} is gone: remove it from .folder-cycles-known.json`);
  const folders = new Set(folderEdges(result).flatMap((e) => [e.from, e.to])).size;
  if (fresh.length > 0) {
    console.log(`x ${fresh.length} new folder cycle edge(s) (${folders} folders; ${found.length - fresh.length} known ignored)`);
    process.exitCode = 1;
  } else {
    console.log(`✔ no new folder cycles (${folders} folders; ${found.length} known cycle edge(s) ignored)`);
  }
}

main();

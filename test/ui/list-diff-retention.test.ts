// sharedListDiff's memo (source/ui/list-diff.ts) must not keep lists alive: one old list held anywhere
// (a closure of an earlier render held one on the demo console) kept every list built after it, through
// each memo entry's `next`, and the console's heap grew for as long as it ran. Run in a fresh node process
// with --expose-gc to see what a full GC frees.
import { expect, it } from 'vitest';
import { runFresh } from '../fresh-process.js';

it('keeps no list after the one asked about alive once nobody else holds it', () => {
  const script = `
    import { listDiff } from './source/model/list-diff.ts';
    import { keyField, sharedListDiff } from './source/ui/list-diff.ts';
    const rows = (gen) => Array.from({ length: 2_000 }, (_, i) => ({ key: 'k' + i, gen: i === gen % 2_000 ? gen : 0 }));
    // A view's snapshots: each list asked against the one before, as the sorted order and the widths do.
    const oldest = rows(0); // held to the end, like the stale closure
    const refs = [];
    let prev = oldest;
    for (let gen = 1; gen <= 40; gen++) {
      const next = rows(gen);
      const d = sharedListDiff(prev, next, keyField, 64);
      // The memo answers the second asker of the same pair with the same object, equal to a walk of its own.
      if (sharedListDiff(prev, next, keyField, 64) !== d) throw new Error('not shared');
      if (JSON.stringify(d) !== JSON.stringify(listDiff(prev, next, keyField, 64))) throw new Error('not equal');
      refs.push(new WeakRef(next));
      prev = next;
    }
    const newest = prev;
    prev = undefined;
    await new Promise((r) => setTimeout(r, 0));
    globalThis.gc();
    await new Promise((r) => setTimeout(r, 0));
    globalThis.gc();
    const alive = refs.filter((r) => r.deref() !== undefined).length;
    process.stdout.write(JSON.stringify({ alive, held: oldest.length + newest.length }));
  `;
  const { alive, held } = runFresh<{ alive: number; held: number }>(script, ['--expose-gc']);
  expect(held).toBe(4_000);
  // Only the newest list (still held by the script) is alive; the 39 in between are gone.
  expect(alive).toBe(1);
}, 60_000);

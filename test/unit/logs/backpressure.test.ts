// `logs -f` to a slow reader: the LineWriter says when its output is full (a real stream's write() and
// 'drain'), and readLines stops taking a body while it is, so nothing queues in the process.
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readLines } from '../../../source/kube/lines.js';
import { LineWriter } from '../../../source/logs/format.js';
import type { StreamInfo } from '../../../source/logs/types.js';

const S: StreamInfo = { id: 'c1/ns/p-1/game', cluster: 'c1', namespace: 'ns', pod: 'p-1', container: 'game', colour: 2 };

describe('LineWriter on a full output', () => {
  it('is paused from the write that passes the output high-water mark until the output drains', async () => {
    const taken: string[] = [];
    let release: (() => void) | undefined;
    // A reader that takes one chunk and then waits to be released (a consumer behind the writer).
    const out = new Writable({
      highWaterMark: 64,
      write(chunk: Buffer, _enc, cb) {
        taken.push(chunk.toString());
        release = cb;
      },
    });
    const w = new LineWriter({
      output: 'raw',
      timestamps: false,
      colour: false,
      write: (c) => out.write(c),
      drain: (cb) => out.once('drain', cb),
      note: () => undefined,
    });
    w.line(S, '', 'first');
    w.flush();
    expect(w.paused()).toBeUndefined(); // 30 bytes: under the mark
    w.line(S, '', 'x'.repeat(100));
    w.flush();
    const p = w.paused();
    expect(p).toBeInstanceOf(Promise);
    expect(w.paused()).toBe(p); // one wait, whoever asks
    let resolved = false;
    void p!.then(() => (resolved = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(resolved).toBe(false);
    while (release) {
      const r = release;
      release = undefined;
      r();
      await new Promise((x) => setImmediate(x));
    }
    await p;
    expect(w.paused()).toBeUndefined();
    expect(taken.join('')).toBe(`c1/ns/p-1/game first\nc1/ns/p-1/game ${'x'.repeat(100)}\n`);
  });

  it('never pauses an output that cannot say when it drains', () => {
    const w = new LineWriter({ output: 'raw', timestamps: false, colour: false, write: () => false, note: () => undefined });
    w.line(S, '', 'a');
    w.flush();
    expect(w.paused()).toBeUndefined();
  });
});

describe('readLines with a pause', () => {
  it('reads no further chunk while paused, then the rest in order', async () => {
    const body = new PassThrough();
    const lines: string[] = [];
    let gate: { promise: Promise<void>; open: () => void } | undefined;
    const hold = () => {
      let open!: () => void;
      const promise = new Promise<void>((r) => (open = r));
      gate = { promise, open };
    };
    hold();
    const done = readLines(
      body,
      (l) => lines.push(l),
      () => gate?.promise,
    );
    body.write('a\nb\n');
    await new Promise((r) => setTimeout(r, 10));
    body.write('c\n');
    body.end('d\n');
    await new Promise((r) => setTimeout(r, 20));
    expect(lines).toEqual(['a', 'b']); // the first chunk, then waiting
    const g = gate!;
    gate = undefined;
    g.open();
    await done;
    expect(lines).toEqual(['a', 'b', 'c', 'd']);
  });

  it('a body closed while paused ends the read (an aborted stream does not wait for the output)', async () => {
    const body = new PassThrough();
    const never = new Promise<void>(() => undefined);
    const done = readLines(
      body,
      () => undefined,
      () => never,
    );
    body.write('a\n');
    await new Promise((r) => setTimeout(r, 10));
    body.destroy();
    await expect(done).rejects.toThrow(/premature close/i);
  });
});

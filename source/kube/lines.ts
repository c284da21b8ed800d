// Split a byte stream into lines without holding more than one partial line.
import type { Readable } from 'node:stream';

/**
 * Calls `onLine` for each line of `body`. `paused`, asked after each chunk: while it returns a promise the
 * next chunk is not read (the body's buffer fills and the transport stops taking data: backpressure).
 */
export async function readLines(body: Readable, onLine: (line: string) => void, paused?: () => Promise<void> | undefined): Promise<void> {
  let rest = '';
  body.setEncoding('utf8');
  for await (const chunk of body as AsyncIterable<string>) {
    let start = 0;
    let nl = chunk.indexOf('\n');
    if (nl === -1) {
      rest += chunk;
      continue;
    }
    onLine(rest + chunk.slice(0, nl));
    rest = '';
    start = nl + 1;
    while ((nl = chunk.indexOf('\n', start)) !== -1) {
      onLine(chunk.slice(start, nl));
      start = nl + 1;
    }
    rest = chunk.slice(start);
    const wait = paused?.();
    if (wait) await untilOrClosed(wait, body);
  }
  if (rest) onLine(rest);
}

/** `wait`, or the body's close (an aborted read must not wait for an output that may never drain). */
function untilOrClosed(wait: Promise<void>, body: Readable): Promise<void> | undefined {
  if (body.destroyed) return undefined;
  return new Promise((resolve) => {
    const done = () => {
      body.off('close', done);
      resolve();
    };
    body.once('close', done);
    wait.then(done, done);
  });
}

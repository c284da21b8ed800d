// A bug's stack trace in source terms: frames in the built JavaScript (dist/bundle chunks, dist/source)
// are rewritten to the source/…/commands/… TypeScript line they came from, using the source maps both
// build stages write. Done only on the bug path: `node --enable-source-maps` parses the map of every
// module as it loads, which slows every start (`zonectl --version` included), and
// process.setSourceMapsEnabled() only affects modules loaded after it is called.
import { readFileSync } from 'node:fs';
import { SourceMap, type SourceMapPayload } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { t } from './i18n/t.js';

/** `    at fn (file:///…/x.mjs:12:34)`, `    at file:///…/x.mjs:12:34`, `    at async fn (/…/x.js:1:2)`. */
const FRAME = /^(\s+at (?:.+? \()?)((?:file:\/\/)?\/[^():]+\.m?js):(\d+):(\d+)(\)?)$/;

/** The map a built file names in its trailing sourceMappingURL comment, sources resolved to file URLs. */
function loadMap(file: string): SourceMap | undefined {
  try {
    const js = readFileSync(file, 'utf8');
    const ref = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(js.slice(-500))?.[1];
    if (!ref || ref.startsWith('data:')) return undefined;
    const mapUrl = new URL(ref, pathToFileURL(file));
    const payload = JSON.parse(readFileSync(mapUrl, 'utf8')) as SourceMapPayload;
    payload.sources = payload.sources.map((s) => new URL(s, mapUrl).href);
    return new SourceMap(payload);
  } catch {
    return undefined; // no map next to this file: keep its frames as they are
  }
}

/** The stack with every frame that has a source map pointing at its original file and line. */
export function sourceMappedStack(stack: string): string {
  const maps = new Map<string, SourceMap | undefined>();
  return stack
    .split('\n')
    .map((line) => {
      const m = FRAME.exec(line);
      if (!m) return line;
      const [, head, where, row, col, tail] = m;
      const file = where.startsWith('file:') ? fileURLToPath(where) : where;
      if (!maps.has(file)) maps.set(file, loadMap(file));
      const origin = maps.get(file)?.findOrigin(Number(row), Number(col));
      if (!origin || !('fileName' in origin)) return line;
      const source = origin.fileName.startsWith('file:') ? fileURLToPath(origin.fileName) : origin.fileName;
      return `${head}${source}:${origin.lineNumber}:${origin.columnNumber}${tail}`;
    })
    .join('\n');
}

/** The one line (plus stack) a bug is reported with, in source terms: cli.ts and the console's crash path. */
export function bugReport(e: unknown): string {
  const stack = e instanceof Error ? e.stack : undefined;
  // The first words in the run's language; the stack stays as the runtime wrote it (English), for the report.
  return `${t('commands.error.bug')}${stack !== undefined ? sourceMappedStack(stack) : String(e)}\n`;
}

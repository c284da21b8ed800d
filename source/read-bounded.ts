// Reading a file the user named (kubeconfig, config file) without trusting what it is: a device that
// never ends (/dev/zero) or a huge file is refused once it passes a limit, instead of reading until
// memory runs out. Pipes (`--kubeconfig <(...)`) still work: they are read to their end.
import { closeSync, openSync, readSync } from 'node:fs';
import { type MessageKey, t } from './i18n/t.js';

/** The file's text (UTF-8); throws an Error saying so when it holds more than `maxBytes`. */
export function readTextBounded(file: string, maxBytes: number): string {
  const fd = openSync(file, 'r');
  try {
    const chunks: Buffer[] = [];
    const buf = Buffer.allocUnsafe(64 * 1024);
    let total = 0;
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      total += n;
      if (total > maxBytes) throw new Error(t('commands.file.tooLarge', { mib: Math.round(maxBytes / 1024 / 1024) }));
      chunks.push(Buffer.from(buf.subarray(0, n)));
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** Error codes said in words (a function of the code, read when shown: the language is set after the imports). */
const WHY: Record<string, MessageKey> = {
  ENOENT: 'commands.file.noSuchFile',
  EACCES: 'commands.file.permissionDenied',
  EISDIR: 'commands.file.isFolder',
  ENOTDIR: 'commands.file.noSuchFile',
};

/** Why a file could not be read, in words (`no such file`), else the error's first line. */
export function fileErrorText(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string' && WHY[code]) return t(WHY[code]);
  return (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
}

// A kubeconfig user's `tokenFile`: the bearer token is read from the file (re-read after a minute,
// so a rotated token is picked up, as client-go does), trimmed of its trailing newline.
import { readFile } from 'node:fs/promises';

const REREAD_MS = 60_000;

export class TokenFile {
  private token?: string;
  private readAt = 0;

  constructor(
    private readonly file: string,
    /** The user's `token`, sent when the file cannot be read. */
    private readonly fallback?: string,
  ) {}

  /** The token to send: the file's, else the last one read, else the fallback; else the file's error (one line: the path). */
  async current(): Promise<string | undefined> {
    if (this.token === undefined || Date.now() - this.readAt > REREAD_MS) {
      try {
        this.token = (await readFile(this.file, 'utf8')).trim();
        this.readAt = Date.now();
      } catch (e) {
        if (this.token === undefined && this.fallback === undefined) throw e;
      }
    }
    return this.token ?? this.fallback;
  }
}

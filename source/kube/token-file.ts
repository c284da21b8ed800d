// A kubeconfig user's `tokenFile`: the bearer token is read from the file (re-read after a minute,
// so a rotated token is picked up, as client-go does), trimmed of its trailing newline.
import { readFile } from 'node:fs/promises';
import type { KubeConfig, User } from '@kubernetes/client-node';

type Authenticator = Parameters<KubeConfig['addAuthenticator']>[0];

const REREAD_MS = 60_000;

export class TokenFileAuth implements Authenticator {
  private token?: string;
  private readAt = 0;

  constructor(
    private readonly userName: string,
    private readonly file: string,
    /** The user's `token`, sent when the file cannot be read. */
    private readonly fallback?: string,
  ) {}

  isAuthProvider(user: User): boolean {
    return user.name === this.userName;
  }

  async applyAuthentication(_user: User, opts: Parameters<Authenticator['applyAuthentication']>[1]): Promise<void> {
    if (this.token === undefined || Date.now() - this.readAt > REREAD_MS) {
      try {
        this.token = (await readFile(this.file, 'utf8')).trim();
        this.readAt = Date.now();
      } catch (e) {
        // The last token read, else the user's token, else the file's error (one line: the path).
        if (this.token === undefined && this.fallback === undefined) throw e;
      }
    }
    const token = this.token ?? this.fallback;
    if (token) opts.headers = { ...(opts.headers as Record<string, string> | undefined), Authorization: `Bearer ${token}` };
  }
}

// Exec credential plugins (kubeconfig `users[].user.exec`), run by zonectl instead of client-node:
// client-node spawns the plugin with no time limit (a plugin that never exits held a command
// forever, or its cluster silently out of a list) and one process per concurrent request.
//
// Here, as client-go runs them (k8s.io/client-go/plugin/pkg/client/auth/exec):
// - in: the process environment + `env`, and KUBERNETES_EXEC_INFO = an ExecCredential with
//   spec.interactive=false (+ spec.cluster when provideClusterInfo); stdin is not given;
// - out: an ExecCredential on stdout; status.token is sent as the bearer token and kept until
//   status.expirationTimestamp (for the process's lifetime without one); a 401 drops it;
// - concurrent requests share one run;
// - unlike client-go, a run has a deadline (the request's): past it, the plugin's process group is
//   ended and the request fails as a timeout naming the plugin.
// A failed run is reported by the first line of the plugin's stderr (masked); stdout, which may
// hold a token, is never shown. Client certificates from a plugin are not supported (a token is).
import { spawn } from 'node:child_process';
import { basename } from 'node:path';
import { t } from '../i18n/t.js';

export interface ExecConfig {
  apiVersion?: string;
  command: string;
  args?: string[] | null;
  env?: Array<{ name: string; value: string }> | null;
  provideClusterInfo?: boolean;
}

/** What a plugin with provideClusterInfo is told about the cluster (ExecCredential spec.cluster). */
export interface ExecClusterInfo {
  server: string;
  caData?: string;
  insecureSkipTLSVerify?: boolean;
  tlsServerName?: string;
}

/** A plugin run that failed; `timedOut` when it did not answer before its deadline. */
export class ExecPluginError extends Error {
  constructor(
    message: string,
    readonly timedOut = false,
  ) {
    super(message);
    this.name = 'ExecPluginError';
  }
}

interface Credential {
  token: string;
  /** ms since the epoch; undefined = no expiry given. */
  expiresAt?: number;
}

/** After the plugin's group got SIGTERM at its deadline, SIGKILL if it is still there. */
const KILL_AFTER_MS = 1_000;

export class ExecCredentialPlugin {
  /** The command's file name, as errors show it. */
  readonly name: string;
  private cached?: Credential;
  private running?: Promise<Credential>;
  private readonly live = new Set<() => void>();

  constructor(
    private readonly exec: ExecConfig,
    private readonly cluster: ExecClusterInfo,
  ) {
    this.name = basename(exec.command);
  }

  /**
   * The bearer token: the cached one while it is valid, else the plugin's answer. A new run gets
   * `deadlineMs`; `signal` ends only this caller's wait. Rejects with ExecPluginError.
   */
  async token(deadlineMs: number, signal?: AbortSignal): Promise<string> {
    const c = this.cached;
    if (c && (c.expiresAt === undefined || c.expiresAt > Date.now())) return c.token;
    this.running ??= this.run(deadlineMs).finally(() => (this.running = undefined));
    const running = this.running;
    if (!signal) return (await running).token;
    signal.throwIfAborted();
    return new Promise<string>((resolve, reject) => {
      const onAbort = () => reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
      signal.addEventListener('abort', onAbort, { once: true });
      running.then((r) => resolve(r.token), reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  /** The server refused the token (401): the next request runs the plugin again. */
  forget(): void {
    this.cached = undefined;
  }

  /** Ends a run still going (the client is closed). */
  close(): void {
    for (const end of this.live) end();
  }

  private execInfo(): string {
    const c = this.cluster;
    const cluster = {
      server: c.server,
      ...(c.tlsServerName ? { 'tls-server-name': c.tlsServerName } : {}),
      ...(c.insecureSkipTLSVerify ? { 'insecure-skip-tls-verify': true } : {}),
      ...(c.caData ? { 'certificate-authority-data': Buffer.from(c.caData).toString('base64') } : {}),
    };
    return JSON.stringify({
      apiVersion: this.exec.apiVersion ?? 'client.authentication.k8s.io/v1',
      kind: 'ExecCredential',
      spec: { interactive: false, ...(this.exec.provideClusterInfo ? { cluster } : {}) },
    });
  }

  private run(deadlineMs: number): Promise<Credential> {
    const what = t('commands.kube.plugin', { name: this.name });
    const env: NodeJS.ProcessEnv = { ...process.env, KUBERNETES_EXEC_INFO: this.execInfo() };
    for (const e of this.exec.env ?? []) env[e.name] = e.value;
    return new Promise<Credential>((resolve, reject) => {
      // Its own process group (not on Windows), so a shell plugin's children end with it.
      const group = process.platform !== 'win32';
      const child = spawn(this.exec.command, this.exec.args ?? [], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: group });
      let out = '';
      let err = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
      child.stderr.setEncoding('utf8').on('data', (d: string) => {
        if (err.length < 64_000) err += d;
      });
      const signal = (sig: NodeJS.Signals) => {
        try {
          if (group && child.pid) process.kill(-child.pid, sig);
          else child.kill(sig);
        } catch {
          /* already gone */
        }
      };
      const end = (e: ExecPluginError) => {
        clearTimeout(timer);
        this.live.delete(stop);
        signal('SIGTERM');
        setTimeout(() => signal('SIGKILL'), KILL_AFTER_MS).unref();
        // Neither its pipes nor the process may hold this one (a command that gave up exits now).
        child.stdout.destroy();
        child.stderr.destroy();
        child.unref();
        reject(e);
      };
      const stop = () => end(new ExecPluginError(t('commands.kube.pluginStopped', { name: this.name })));
      this.live.add(stop);
      const timer = setTimeout(
        () => end(new ExecPluginError(t('commands.kube.pluginNoAnswer', { name: this.name, ms: deadlineMs }), true)),
        deadlineMs,
      );
      child.on('error', (e: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        this.live.delete(stop);
        reject(
          new ExecPluginError(
            e.code === 'ENOENT'
              ? t('commands.kube.pluginNotFound', { name: this.name, command: this.exec.command })
              : t('commands.kube.pluginNoStart', { name: this.name, error: e.code ?? e.message }),
          ),
        );
      });
      child.on('close', (code, sig) => {
        clearTimeout(timer);
        if (!this.live.delete(stop)) return; // ended (deadline, close) or never started
        if (code !== 0) {
          const line = firstLine(err);
          const how = sig ? t('commands.kube.killedBy', { signal: sig }) : t('commands.kube.exitCode', { code: String(code) });
          reject(
            new ExecPluginError(`${t('commands.kube.pluginFailed', { name: this.name, how })}${line ? `: ${maskSecrets(line)}` : ''}`),
          );
          return;
        }
        try {
          const cred = parseCredential(out);
          if (cred.expiresAt === undefined || cred.expiresAt > Date.now()) this.cached = cred;
          resolve(cred);
        } catch (e) {
          reject(new ExecPluginError(`${what} ${(e as Error).message}`));
        }
      });
    });
  }
}

function parseCredential(stdout: string): Credential {
  let obj: { kind?: unknown; status?: { token?: unknown; expirationTimestamp?: unknown; clientCertificateData?: unknown } };
  try {
    obj = JSON.parse(stdout) as typeof obj;
  } catch {
    throw new Error(t('commands.kube.cred.noJson'));
  }
  if (obj?.kind !== 'ExecCredential' || typeof obj.status !== 'object' || !obj.status) throw new Error(t('commands.kube.cred.noStatus'));
  const { token, expirationTimestamp, clientCertificateData } = obj.status;
  if (typeof token !== 'string' || !token)
    throw new Error(clientCertificateData ? t('commands.kube.cred.certOnly') : t('commands.kube.cred.noToken'));
  if (expirationTimestamp === undefined || expirationTimestamp === null) return { token };
  const at = typeof expirationTimestamp === 'string' ? Date.parse(expirationTimestamp) : NaN;
  if (Number.isNaN(at)) throw new Error(t('commands.kube.cred.badExpiry', { value: JSON.stringify(expirationTimestamp) }));
  return { token, expiresAt: at };
}

function firstLine(text: string): string {
  const line = text.split('\n').find((l) => l.trim()) ?? '';
  return line.trim().slice(0, 300);
}

/** A plugin's stderr line without what looks like a credential (bearer tokens, token=…, JWTs). */
export function maskSecrets(line: string): string {
  return line
    .replace(/\b(bearer|basic)\s+\S+/gi, '$1 ***')
    .replace(/\b((?:access[_-]?|id[_-]?|refresh[_-]?)?token|password|secret)(["']?\s*[:=]\s*["']?)[^\s"',;&}]+/gi, '$1$2***')
    .replace(/\beyJ[A-Za-z0-9_-]{8,}(?:\.[A-Za-z0-9_-]+){1,2}/g, '***');
}

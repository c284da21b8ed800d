// Passwords in URLs (`scheme://user:password@host`), wherever a URL is printed: a kubeconfig's server
// in errors and `clusters`, connection strings in log lines and hook messages. Base layer: kube/
// (server URLs) and model/ (log masking) both use it.

/**
 * scheme://user:password@ — the password may hold a raw "@" (invalid but common): it runs to the last
 * "@" before the host (which ends at "/", "?", "#" or whitespace).
 */
const USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s:/?#@]*):([^\s/?#]+)@/gi;

/**
 * Every URL password in `text` replaced: by `xxxxx` (as kubectl prints a server URL, Go's
 * url.Redacted), or by what `mask` makes of it.
 */
export function redactUrlPasswords(text: string, mask: (password: string) => string = () => 'xxxxx'): string {
  return text.replace(USERINFO, (_m, scheme: string, user: string, password: string) => `${scheme}${user}:${mask(password)}@`);
}

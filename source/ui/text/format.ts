// Small pure formatters shared by the views.

/** kubectl-style age: 45s, 12m, 3h, 2d, 1y. Empty when unknown. */
export function age(fromIso: string | undefined, now: number): string {
  if (!fromIso) return '';
  const t = Date.parse(fromIso);
  if (Number.isNaN(t)) return '';
  return duration(Math.max(0, now - t));
}

export function duration(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 120) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h`;
  const d = Math.floor(h / 24);
  if (d < 730) return `${d}d`;
  return `${Math.floor(d / 365)}y`;
}

export function ms(t: string | undefined): number {
  if (!t) return 0;
  const v = Date.parse(t);
  return Number.isNaN(v) ? 0 : v;
}

/** Image tag (the part after the last ':' that follows the last '/'), or the digest prefix. */
export function imageTag(image: string | undefined): string {
  if (!image) return '';
  const at = image.indexOf('@');
  if (at >= 0) return image.slice(at + 1, at + 20);
  const slash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  return colon > slash ? image.slice(colon + 1) : 'latest';
}

/** Short revision hash: the suffix after the last '-' (controller-revision-hash style). */
export function shortRev(rev: string | undefined): string {
  if (!rev) return '-';
  const i = rev.lastIndexOf('-');
  return i >= 0 && i < rev.length - 1 ? rev.slice(i + 1) : rev;
}

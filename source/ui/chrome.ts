// Header, title bar, stale banner and footer as segments (pure, so tests can check them directly).
import type { Binding, Scope } from './keymap.js';
import { displayKey, footerBindings } from './keymap.js';
import type { ClusterInfo } from '../model/types.js';
import type { Seg } from './views/types.js';
import type { UiState } from './state.js';
import { segsWidth } from './text/segs.js';

export function headerSegs(o: { fleet: string; user: string; readOnly: boolean; clusters: readonly ClusterInfo[]; synced: Record<string, boolean>; width: number }): Seg[] {
  const ready = o.clusters.filter((c) => c.state === 'ready');
  const segs: Seg[] = [
    { text: 'zonectl', token: 'title' },
    { text: '  fleet ', token: 'muted' },
    { text: o.fleet },
    { text: '  user ', token: 'muted' },
    { text: o.user },
  ];
  if (o.readOnly) segs.push({ text: '  ' }, { text: ' READ-ONLY ', token: 'badge' });
  segs.push({ text: '  clusters ', token: 'muted' }, { text: `${ready.length}/${o.clusters.length} ready`, token: ready.length === o.clusters.length ? 'ok' : 'warn' });
  const notReady = o.clusters.filter((c) => c.state !== 'ready');
  const syncing = o.clusters.filter((c) => c.state === 'ready' && !o.synced[c.name]).length;
  if (syncing > 0) segs.push({ text: `  ${syncing} syncing`, token: 'info' });
  // Name the clusters that are not ready while there is room; otherwise count them.
  const rest: Seg[] = notReady.map((c) => ({ text: `  ${c.name}:${c.state}`, token: c.state === 'connecting' ? 'info' : 'stale' }));
  if (segsWidth(segs) + segsWidth(rest) <= o.width) segs.push(...rest);
  else if (notReady.length > 0) segs.push({ text: `  ${notReady.length} not ready`, token: 'stale' });
  return segs;
}

export function titleSegs(o: { state: UiState; shown: number; total: number; isList: boolean; sortTitle?: string; filterError?: string }): Seg[] {
  const s = o.state;
  const segs: Seg[] = [];
  s.stack.forEach((f, i) => {
    if (i > 0) segs.push({ text: ' > ', token: 'muted' });
    segs.push({ text: f.title, token: i === s.stack.length - 1 ? 'title' : 'crumb' });
  });
  if (s.help) segs.push({ text: ' > ', token: 'muted' }, { text: 'Help', token: 'title' });
  if (o.isList && !s.help) {
    segs.push({ text: `  [${o.shown}${o.shown !== o.total ? `/${o.total}` : ''}]`, token: 'muted' });
    const root = s.stack[s.stack.length - 1];
    if (root.view === 'rollouts' && s.showAll) segs.push({ text: '  all workloads', token: 'accent' });
  }
  if (s.cluster !== null) segs.push({ text: '  ctx:', token: 'muted' }, { text: s.cluster, token: 'accent' });
  const filter = s.mode === 'filter' ? s.input : s.help ? '' : s.stack[s.stack.length - 1].ui.filter;
  if (o.isList && filter) segs.push({ text: '  filter:', token: 'muted' }, { text: filter, token: 'accent' });
  if (o.filterError) segs.push({ text: ` (bad regex, matching text)`, token: 'warn' });
  if (o.isList && o.sortTitle && !s.help) segs.push({ text: `  sort:${o.sortTitle}`, token: 'muted' });
  return segs;
}

/** One line naming clusters that are not ready, or null when all are ready. */
export function staleSegs(clusters: readonly ClusterInfo[], scope: string | null): Seg[] | null {
  const bad = clusters.filter((c) => c.state !== 'ready' && (scope === null || c.name === scope));
  if (bad.length === 0) return null;
  const parts = bad.map((c) => `${c.name} ${c.state}${c.lastError ? `: ${c.lastError}` : ''}`);
  return [{ text: 'stale ', token: 'stale' }, { text: `data from ${parts.join('; ')}`, token: 'warn' }];
}

export function footerSegs(o: { state: UiState; scopes: ReadonlySet<Scope>; completions: readonly string[]; width: number }): Seg[] {
  const s = o.state;
  if (s.mode === 'filter') {
    return [
      { text: '/', token: 'key' },
      { text: s.input + '_', token: 'input' },
      { text: '   <enter> keep  <esc> cancel  text | /regex/ | !inverted', token: 'muted' },
    ];
  }
  if (s.mode === 'command') {
    const segs: Seg[] = [{ text: ':', token: 'key' }, { text: s.input + '_', token: 'input' }];
    if (o.completions.length > 0) segs.push({ text: `   ${o.completions.slice(0, 8).join('  ')}`, token: 'muted' });
    return segs;
  }
  if (s.flash) return [{ text: s.flash.text, token: s.flash.token }];
  if (s.help) return [{ text: '<esc>', token: 'key' }, { text: ' close help  ' }, { text: 'j/k', token: 'key' }, { text: ' scroll  ' }, { text: 'q', token: 'key' }, { text: ' quit' }];
  const segs: Seg[] = [];
  for (const b of footerBindings(o.scopes)) {
    const hint = bindingHint(b);
    if (segsWidth(segs) + segsWidth(hint) + 2 > o.width) break;
    if (segs.length > 0) segs.push({ text: '  ' });
    segs.push(...hint);
  }
  return segs;
}

function bindingHint(b: Binding): Seg[] {
  const k = b.keys[0] === '/' || b.keys[0] === ':' || b.keys[0] === '?' ? b.keys[0] : displayKey(b.keys[0]);
  if (b.disabled) return [{ text: `${k} ${b.label}(n/a)`, token: 'disabled' }];
  return [{ text: k, token: 'key' }, { text: ` ${b.label}` }];
}

// Header, title bar, stale banner and footer as segments (pure, so tests can check them directly).
import type { ActionKeys } from './action-keys.js';
import type { ActionCommand } from './action-keys.js';
import { isActionCommand } from './action-keys.js';
import type { Binding, Scope } from './keymap.js';
import type { MarkSummary } from './marks.js';
import { displayKey, footerBindings } from './keymap.js';
import type { Overlay } from './overlay-types.js';
import { overlayScopes, shortTitle } from './overlay.js';
import type { ClusterInfo } from '../model/types.js';
import type { Alert } from '../model/alerts/types.js';
import type { Seg } from './views/types.js';
import type { UiState } from './state.js';
import { panelTitle } from './state.js';
import { t } from '../i18n/t.js';
import { segsWidth } from './text/segs.js';

export function headerSegs(o: {
  fleet: string;
  user: string;
  /** The namespace scope: one namespace (`:ns`, or -n) or null for every namespace. */
  namespace?: string | null;
  readOnly: boolean;
  clusters: readonly ClusterInfo[];
  synced: Record<string, boolean>;
  width: number;
  /** The fleet's alerts (absent: the source derives none, nothing is said). */
  alerts?: readonly Alert[];
}): Seg[] {
  const ready = o.clusters.filter((c) => c.state === 'ready');
  const user: Seg[] = [{ text: `  ${t('console.header.user')} `, token: 'muted' }, { text: o.user }];
  const fleet: Seg = { text: o.fleet };
  const segs: Seg[] = [
    { text: 'zonectl', token: 'title' },
    { text: `  ${t('console.header.fleet')} `, token: 'muted' },
    fleet,
    ...user,
    { text: `  ${t('console.header.ns')} `, token: 'muted' },
    o.namespace ? { text: o.namespace, token: 'accent' } : { text: t('console.header.allNamespaces') },
  ];
  if (o.readOnly) segs.push({ text: '  ' }, { text: ` ${t('console.header.readOnly')} `, token: 'badge' });
  segs.push(
    { text: `  ${t('console.header.clusters')} `, token: 'muted' },
    {
      text: t('console.header.ready', { ready: ready.length, total: o.clusters.length }),
      token: ready.length === o.clusters.length ? 'ok' : 'warn',
    },
  );
  if (o.alerts) {
    const count = alertSegs(o.alerts);
    // The alert count must be seen on every view: where the line is too narrow (80 columns), the
    // user (said again on every action card) gives way to it.
    if (segsWidth(segs) + segsWidth(count) > o.width) segs.splice(3, 2);
    segs.push(...count);
  }
  const notReady = o.clusters.filter((c) => c.state !== 'ready');
  const syncing = o.clusters.filter((c) => c.state === 'ready' && !o.synced[c.name]).length;
  if (syncing > 0) segs.push({ text: `  ${t('console.header.syncing', { n: syncing })}`, token: 'info' });
  // Name the clusters that are not ready while there is room; otherwise count them.
  const rest: Seg[] = notReady.map((c) => ({ text: `  ${c.name}:${c.state}`, token: c.state === 'connecting' ? 'info' : 'stale' }));
  if (segsWidth(segs) + segsWidth(rest) <= o.width) segs.push(...rest);
  else if (notReady.length > 0) segs.push({ text: `  ${t('console.header.notReady', { n: notReady.length })}`, token: 'stale' });
  // Too wide (80 columns, a long fleet label): the kubeconfig user goes first, then the fleet label's
  // "(N clusters)", which "clusters n/N ready" says again, so the namespace scope, the clusters' health
  // and the alert count stay in view.
  let out = segsWidth(segs) > o.width ? segs.filter((s) => !user.includes(s)) : segs;
  if (segsWidth(out) > o.width) out = out.map((s) => (s === fleet ? { text: fleet.text.replace(FLEET_COUNT, '') } : s));
  return out;
}

/** The fleet label's cluster count, "(3 clusters)", also as a Chinese label may write it: "（3 个集群）". */
const FLEET_COUNT = / ?(\(\d+ clusters?\)|[（(]\d+ ?个集群[）)])$/;

/** "  alerts 3 (1 critical)" in the colour of the worst; "  alerts 0" when all is well. */
function alertSegs(alerts: readonly Alert[]): Seg[] {
  const critical = alerts.filter((a) => a.severity === 'critical').length;
  const warning = alerts.some((a) => a.severity === 'warning');
  const token = critical ? 'error' : warning ? 'warn' : alerts.length ? 'info' : 'ok';
  return [
    { text: `  ${t('console.header.alerts')} `, token: 'muted' },
    { text: critical ? t('console.header.alertsCritical', { total: alerts.length, critical }) : String(alerts.length), token },
  ];
}

export function titleSegs(o: {
  state: UiState;
  shown: number;
  total: number;
  isList: boolean;
  sortTitle?: string;
  filterError?: string;
  /** What the list in front shows while `A` (show all) is on, e.g. "all workloads". */
  showAllLabel?: string;
  /** The list's marks: shown (what the action keys act on) and hidden by the filter. */
  marked?: Pick<MarkSummary, 'shown' | 'hidden'>;
}): Seg[] {
  const s = o.state;
  const segs: Seg[] = [];
  s.stack.forEach((f, i) => {
    if (i > 0) segs.push({ text: ' > ', token: 'muted' });
    segs.push({ text: f.title, token: i === s.stack.length - 1 ? 'title' : 'crumb' });
  });
  if (s.panel) {
    segs.push({ text: ' > ', token: 'muted' }, { text: panelTitle(s.panel.kind), token: 'title' });
    return segs;
  }
  if (s.help) segs.push({ text: ' > ', token: 'muted' }, { text: t('console.title.help'), token: 'title' });
  if (s.overlay)
    segs.push(
      { text: ' > ', token: 'muted' },
      { text: shortTitle(s.overlay.kind === 'form' ? 'hotupdate' : s.overlay.action), token: 'title' },
    );
  if (o.isList && !s.help && !s.overlay) {
    segs.push({ text: `  [${o.shown}${o.shown !== o.total ? `/${o.total}` : ''}]`, token: 'muted' });
    if (o.showAllLabel && s.showAll) segs.push({ text: `  ${o.showAllLabel}`, token: 'accent' });
    if (o.marked && o.marked.shown.length + o.marked.hidden > 0) {
      segs.push({ text: `  ${t('console.title.marked', { n: o.marked.shown.length })}`, token: 'accent' });
      if (o.marked.hidden) segs.push({ text: ` ${t('console.title.hidden', { n: o.marked.hidden })}`, token: 'muted' });
    }
  }
  if (s.cluster !== null) segs.push({ text: `  ${t('console.title.ctx')}`, token: 'muted' }, { text: s.cluster, token: 'accent' });
  const filter = s.mode === 'filter' ? s.input : s.help ? '' : s.stack[s.stack.length - 1].ui.filter;
  if (o.isList && filter && !s.overlay)
    segs.push({ text: `  ${t('console.title.filter')}`, token: 'muted' }, { text: filter, token: 'accent' });
  if (o.filterError) segs.push({ text: ` ${t('console.title.badRegex')}`, token: 'warn' });
  if (o.isList && o.sortTitle && !s.help && !s.overlay)
    segs.push({ text: `  ${t('console.title.sort', { column: o.sortTitle })}`, token: 'muted' });
  return segs;
}

/** One line naming clusters that are not ready, or null when all are ready. */
export function staleSegs(clusters: readonly ClusterInfo[], scope: string | null): Seg[] | null {
  const bad = clusters.filter((c) => c.state !== 'ready' && (scope === null || c.name === scope));
  if (bad.length === 0) return null;
  const parts = bad.map((c) => `${c.name} ${c.state}${c.lastError ? `: ${c.lastError}` : ''}`);
  return [
    { text: `${t('console.stale.label')} `, token: 'stale' },
    { text: t('console.stale.data', { clusters: parts.join('; ') }), token: 'warn' },
  ];
}

export function footerSegs(o: {
  state: UiState;
  scopes: ReadonlySet<Scope>;
  completions: readonly string[];
  width: number;
  actions?: ActionKeys;
  logs?: boolean;
}): Seg[] {
  const s = o.state;
  if (s.overlay) return overlayFooter(s.overlay, o.width);
  if (s.mode === 'filter') {
    return [
      { text: '/', token: 'key' },
      { text: s.input + '_', token: 'input' },
      { text: `   ${t('console.footer.filter', { enter: '<enter>', esc: '<esc>' })}`, token: 'muted' },
    ];
  }
  if (s.mode === 'command') {
    const segs: Seg[] = [
      { text: ':', token: 'key' },
      { text: s.input + '_', token: 'input' },
    ];
    if (o.completions.length > 0) segs.push({ text: `   ${o.completions.slice(0, 8).join('  ')}`, token: 'muted' });
    return segs;
  }
  if (s.flash) return [{ text: s.flash.text, token: s.flash.token }];
  if (s.busy) return [{ text: s.busy.text, token: 'info' }];
  if (s.help)
    return [
      { text: '<esc>', token: 'key' },
      { text: ` ${t('console.footer.closeHelp')}  ` },
      { text: 'j/k', token: 'key' },
      { text: ` ${t('console.hint.scroll')}  ` },
      { text: 'q', token: 'key' },
      { text: ` ${t('console.hint.quit')}` },
    ];
  // Enabled action keys first, then disabled ones with the short reason, then the rest; help and quit
  // always stay; hints that do not fit are left out (the ? screen lists everything).
  // `l logs` only when this console can follow logs.
  const bs = footerBindings(o.scopes).filter((b) => b.id !== 'logs' || o.logs === true);
  const acts = bs.filter((b) => isActionCommand(b.id));
  const enabled = (b: Binding) => (isActionCommand(b.id) ? o.actions?.[b.id]?.enabled === true : !b.disabled);
  const others = bs.filter((b) => !isActionCommand(b.id));
  const pinned = others.filter((b) => b.id === 'help' || b.id === 'quit').map((b) => bindingHint(b, o.actions));
  const rest = others.filter((b) => b.id !== 'help' && b.id !== 'quit').map((b) => bindingHint(b, o.actions));
  // Every action key off for one reason (no port, read-only, busy): one hint says so for all of them.
  const shorts = new Set(
    acts.map((b) => (o.actions?.[b.id as ActionCommand]?.enabled ? '' : (o.actions?.[b.id as ActionCommand]?.short ?? na()))),
  );
  const one = acts.length > 1 && shorts.size === 1 && !shorts.has('') && !shorts.has(na()) ? [...shorts][0] : undefined;
  const actHints = one
    ? [
        [
          {
            text: t('console.hint.keysDisabled', { keys: acts.map((b) => keyText(b.keys[0])).join('/'), why: one }),
            token: 'disabled' as const,
          },
        ],
      ]
    : [...acts.filter(enabled), ...acts.filter((b) => !enabled(b))].map((b) => bindingHint(b, o.actions));
  return fillHints([...actHints, ...rest], pinned, o.width);
}

function fillHints(rest: Seg[][], pinned: Seg[][], width: number): Seg[] {
  let room = width - pinned.reduce((n, h) => n + segsWidth(h) + 2, 0);
  const chosen: Seg[][] = [];
  for (const h of rest) {
    const w = segsWidth(h) + 2;
    if (w > room) continue;
    chosen.push(h);
    room -= w;
  }
  const segs: Seg[] = [];
  for (const h of [...chosen, ...pinned]) {
    if (segs.length > 0) segs.push({ text: '  ' });
    segs.push(...h);
  }
  return segs;
}

function keyText(k: string): string {
  return k === '/' || k === ':' || k === '?' ? k : displayKey(k);
}

const na = () => t('console.short.na');

/** "a approve(read-only)": a key that is off, with the short reason. */
function disabledHint(key: string, label: string, why?: string): string {
  return t('console.hint.disabled', { key, label, why: why ?? na() });
}

function bindingHint(b: Binding, actions?: ActionKeys): Seg[] {
  const k = keyText(b.keys[0]);
  if (isActionCommand(b.id)) {
    const a = actions?.[b.id];
    if (!a) return [{ text: disabledHint(k, b.label), token: 'disabled' }];
    if (!a.enabled) return [{ text: disabledHint(k, a.label, a.short), token: 'disabled' }];
    return [{ text: k, token: 'key' }, { text: ` ${a.label}` }];
  }
  if (b.disabled) return [{ text: disabledHint(k, b.label), token: 'disabled' }];
  return [{ text: k, token: 'key' }, { text: ` ${b.label}` }];
}

function overlayFooter(ov: Overlay, width: number): Seg[] {
  if (ov.kind === 'planning')
    return [
      { text: t('console.footer.planning'), token: 'info' },
      { text: '  ' },
      { text: '<esc>', token: 'key' },
      { text: ` ${t('console.hint.cancel')}` },
    ];
  // With a protected context the name is being typed: y and n are text, so only Enter / Esc are shown.
  const typing = ov.kind === 'confirm' && ov.focus !== 'none';
  const bs = footerBindings(overlayScopes(ov)).filter((b) => !(b.id === 'choose-next' && ov.kind === 'form' && ov.containers.length < 2));
  const hints = bs.map((b): Seg[] => {
    const keys = b.keys.filter((k) => !(typing && (k === 'y' || k === 'n')));
    const label =
      b.id === 'next-field' && ov.kind === 'confirm'
        ? ov.view.confirmName !== undefined
          ? t('console.hint.nextField')
          : ov.focus === 'reason'
            ? t('console.hint.done')
            : t('console.hint.reason')
        : b.label;
    return [{ text: keys.map(keyText).join('/'), token: 'key' }, { text: ` ${label}` }];
  });
  return fillHints(hints, [], width);
}

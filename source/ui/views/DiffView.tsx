// The console's Diff view (`:diff`): a config repo at a ref versus live, from a DiffPort (source/ports/diff.ts;
// the UI never touches kube). List: per cluster the counts by status, per app its status, and the objects that
// differ (Modified / Missing / Extra / Unknown; `a` shows Synced ones too). Enter on an object shows its coloured
// unified diff (notes, server warnings, dry-run failures first); Esc goes back; `r` re-renders and re-compares.
// Renders exactly `height` rows or fewer.
import { scrollDelta } from '../scroll-keys.js';
import { Box, Text, useInput } from 'ink';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DiffReport, ObjectDiff } from '../../model/diff-report.js';
import type { DiffPort } from '../../ports/diff.js';
import { t, type MessageKey } from '../../i18n/t.js';
import type { Scope } from '../keymap.js';
import { keyName, lookup, panelHints } from '../keymap.js';
import { useTheme } from '../theme/context.js';
import type { Theme, Token } from '../theme/theme.js';

export interface DiffViewProps {
  port: DiffPort;
  width: number;
  height: number;
  onClose?: () => void;
  isActive?: boolean;
}

export interface DiffLine {
  key: string;
  text: string;
  token?: Token;
  /** Index into the report's objects (selectable rows). */
  object?: { app: number; index: number };
}

const LIST_SCOPES: ReadonlySet<Scope> = new Set(['diff-list']);
const OBJECT_SCOPES: ReadonlySet<Scope> = new Set(['diff-object']);
/** The key hints under the report and under one object's diff, from the keymap. */

const STATUS_TOKEN: Record<string, Token> = {
  Synced: 'ok',
  Modified: 'warn',
  Missing: 'info',
  Extra: 'error',
  Unknown: 'stale',
  OutOfSync: 'warn',
};
const ORDER: Record<string, number> = { Unknown: 0, Modified: 1, Missing: 2, Extra: 3, Synced: 4 };

const COUNTED: ReadonlyArray<[string, MessageKey]> = [
  ['Modified', 'console.diffView.modified'],
  ['Missing', 'console.diffView.missing'],
  ['Extra', 'console.diffView.extra'],
  ['Unknown', 'console.diffView.unknown'],
  ['Synced', 'console.diffView.synced'],
];

function counts(objs: ObjectDiff[]): string {
  const c: Record<string, number> = {};
  for (const o of objs) c[o.status] = (c[o.status] ?? 0) + 1;
  return (
    COUNTED.filter(([s]) => c[s])
      .map(([s, word]) => t('console.diffView.count', { n: c[s]!, status: t(word) }))
      .join(t('console.help.listSep')) || t('console.diffView.noObjects')
  );
}

/** The list: clusters (with counts), their apps, and each app's objects by status. */
export function listLines(r: DiffReport, showSynced: boolean): DiffLine[] {
  const out: DiffLine[] = [];
  const clusters = [...new Set(r.apps.map((a) => a.cluster))].sort();
  for (const cluster of clusters) {
    const apps = r.apps.map((a, i) => ({ a, i })).filter(({ a }) => a.cluster === cluster);
    const objs = apps.flatMap(({ a }) => a.objects);
    out.push({
      key: `c:${cluster}`,
      text: t('console.diffView.clusterLine', { cluster, apps: t('console.diffView.apps', { n: apps.length }), counts: counts(objs) }),
      token: 'header',
    });
    for (const { a, i } of apps) {
      out.push({
        key: `a:${i}`,
        text: `  ${a.app}  ${a.status}  ${a.error ? t('console.diffView.error', { error: a.error }) : `(${counts(a.objects)})`}`,
        token: STATUS_TOKEN[a.status],
      });
      const shown = a.objects
        .map((o, index) => ({ o, index }))
        .filter(({ o }) => showSynced || o.status !== 'Synced' || o.warnings.length > 0);
      shown.sort((x, y) => (ORDER[x.o.status] ?? 9) - (ORDER[y.o.status] ?? 9));
      for (const { o, index } of shown) {
        const tags = [
          o.approximate && (o.status === 'Modified' || o.status === 'Synced') ? t('console.diffView.approximateTag') : '',
          o.warnings.length ? t('console.diffView.warnings', { n: o.warnings.length }) : '',
          o.dryRun && !o.dryRun.ok ? t('console.diffView.dryRunFailed') : '',
        ].filter(Boolean);
        const ref = `${o.group ? `${o.kind}.${o.group}` : o.kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name}`;
        out.push({
          key: `o:${i}:${index}`,
          text: `    ${o.status.padEnd(8)}  ${ref}${tags.length ? `  [${tags.join(', ')}]` : ''}`,
          token: STATUS_TOKEN[o.status],
          object: { app: i, index },
        });
      }
    }
  }
  for (const e of r.errors) out.push({ key: `e:${e}`, text: t('console.diffView.error', { error: e }), token: 'error' });
  return out;
}

/** One object's detail: header, notes and warnings, then the diff with +/- colouring. */
export function detailLines(r: DiffReport, at: { app: number; index: number }): DiffLine[] {
  const a = r.apps[at.app];
  const o = a?.objects[at.index];
  if (!a || !o) return [];
  const out: DiffLine[] = [
    {
      key: 'h',
      text: `${a.app} → ${a.cluster}: ${o.group ? `${o.group}/` : ''}${o.kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name}  ${o.status}`,
      token: STATUS_TOKEN[o.status],
    },
  ];
  out.push({
    key: 'p',
    text: `${t('console.diffView.predictedBy', { by: o.predictedBy })}${o.approximate ? ` ${t('console.diffView.approximate')}` : ''}`,
    token: o.approximate ? 'warn' : 'muted',
  });
  if (o.note) out.push({ key: 'n', text: o.note, token: 'muted' });
  o.warnings.forEach((w, i) => out.push({ key: `w${i}`, text: t('console.diffView.serverWarning', { warning: w }), token: 'warn' }));
  if (o.dryRun && !o.dryRun.ok)
    out.push({ key: 'd', text: t('console.diffView.dryRunFailedMessage', { message: o.dryRun.message ?? '' }), token: 'error' });
  const body = o.diff || (o.status === 'Synced' ? t('console.diffView.noDifference') : '');
  body
    .replace(/\n$/, '')
    .split('\n')
    .forEach((l, i) => {
      const token: Token | undefined =
        l.startsWith('+++') || l.startsWith('---')
          ? 'muted'
          : l.startsWith('@@')
            ? 'accent'
            : l.startsWith('+')
              ? 'ok'
              : l.startsWith('-')
                ? 'error'
                : undefined;
      out.push({ key: `l${i}`, text: l, token });
    });
  return out;
}

type Load = { state: 'loading' } | { state: 'ready'; report: DiffReport; at: number } | { state: 'failed'; message: string };

export function DiffView(p: DiffViewProps) {
  const theme = useTheme();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [refreshing, setRefreshing] = useState(false);
  const [showSynced, setShowSynced] = useState(false);
  const [sel, setSel] = useState(0);
  const [open, setOpen] = useState<{ app: number; index: number } | undefined>(undefined);
  const [scroll, setScroll] = useState(0);
  const live = useRef(true);
  const bodyHeight = Math.max(1, p.height - 2);

  const refresh = useCallback(() => {
    setRefreshing(true);
    p.port.refresh().then(
      (report) => live.current && (setLoad({ state: 'ready', report, at: Date.now() }), setRefreshing(false)),
      (e: Error) =>
        live.current &&
        (setLoad((prev) => (prev.state === 'ready' ? prev : { state: 'failed', message: String(e?.message ?? e).split('\n')[0]! })),
        setRefreshing(false)),
    );
  }, [p.port]);
  useEffect(() => {
    live.current = true;
    refresh();
    return () => {
      live.current = false;
    };
  }, [refresh]);

  const report = load.state === 'ready' ? load.report : undefined;
  const lines = useMemo(
    () => (report ? (open ? detailLines(report, open) : listLines(report, showSynced)) : []),
    [report, open, showSynced],
  );
  const selectable = useMemo(() => lines.map((l, i) => (l.object ? i : -1)).filter((i) => i >= 0), [lines]);
  const cursor = open ? -1 : (selectable[Math.min(sel, selectable.length - 1)] ?? -1);
  const top = open
    ? Math.min(scroll, Math.max(0, lines.length - bodyHeight))
    : Math.max(0, Math.min(cursor - Math.floor(bodyHeight / 2), lines.length - bodyHeight));

  useInput(
    (input, key) => {
      const k = keyName(input, key);
      const page = Math.max(1, bodyHeight - 1);
      const move = (d: number) =>
        open
          ? setScroll((s) => Math.max(0, Math.min(s + d, Math.max(0, lines.length - bodyHeight))))
          : setSel((s) => Math.max(0, Math.min(s + d, selectable.length - 1)));
      const id = lookup(k, open ? OBJECT_SCOPES : LIST_SCOPES)?.id;
      const delta = scrollDelta(id, page, lines.length);
      if (delta !== undefined) return move(delta);
      switch (id) {
        case 'open': {
          const l = lines[cursor];
          if (l?.object) {
            setOpen(l.object);
            setScroll(0);
          }
          return;
        }
        case 'show-synced':
          setShowSynced(!showSynced);
          setSel(0);
          return;
        case 'refresh':
          return refresh();
        case 'back':
          if (open) setOpen(undefined);
          else p.onClose?.();
          return;
        default:
          // Keys of other scopes are not this view's.
          return;
      }
    },
    { isActive: p.isActive ?? true },
  );

  const title = report
    ? `${t('console.diffView.title', { ref: report.repo.ref, commit: report.repo.commit.slice(0, 8) })}  ${counts(report.apps.flatMap((a) => a.objects))}  ${refreshing ? t('console.diffView.refreshing') : t('console.diffView.ms', { n: Math.round(report.durationMs) })}  ${p.port.title}`
    : t('console.diffView.titleBare', { title: p.port.title });
  const visible = lines.slice(top, top + bodyHeight);
  return (
    <Box flexDirection="column" width={p.width}>
      <Text wrap="truncate-end" {...theme.tokens.title}>
        {title}
      </Text>
      {load.state === 'loading' ? <Text {...theme.tokens.muted}>{t('console.diffView.rendering')}</Text> : null}
      {load.state === 'failed' ? (
        <Text wrap="truncate-end" {...theme.tokens.error}>
          {t('console.diffView.failed', { error: load.message })}
        </Text>
      ) : null}
      {visible.map((l, i) => (
        <LineRow key={l.key} line={l} selected={top + i === cursor} theme={theme} />
      ))}
      {Array.from({ length: Math.max(0, bodyHeight - (load.state === 'ready' ? visible.length : 1)) }, (_, i) => (
        <Text key={`pad${i}`}> </Text>
      ))}
      <Text wrap="truncate-end" {...theme.tokens.muted}>
        {open ? panelHints('diff-object') : report && lines.length === 0 ? t('console.diffView.nothing') : panelHints('diff-list')}
      </Text>
    </Box>
  );
}

// Control characters would move the terminal's cursor; a diff line shows them as spaces.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

const LineRow = memo(function LineRow({ line, selected, theme }: { line: DiffLine; selected: boolean; theme: Theme }) {
  const style = selected ? theme.tokens.selection : line.token ? theme.tokens[line.token] : {};
  return (
    <Text wrap="truncate-end" {...style}>
      {(selected ? '> ' : '  ') + line.text.replace(CONTROL_CHARS, ' ')}
    </Text>
  );
});

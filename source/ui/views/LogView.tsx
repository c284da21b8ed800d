// The console's log view: follow one or many container streams (a pod, a workload, a zone, a
// rollout's workload) from a LogFollowerPort. Prefix per stream (cluster/pod/container, coloured by
// stream), follow / pause (scroll back while new lines count up), `/` filter with highlight, wrap and
// timestamp toggles, jump to top / bottom, save to a file (through the logs port: no file I/O here).
// Renders exactly `height` rows or fewer.
import { Box, Text, useInput } from 'ink';
import { memo, useMemo, useState } from 'react';
import type { LogFollowerPort, LogsPort } from '../../ports/logs.js';
import { useLogFollower } from '../hooks/useLogFollower.js';
import { viewFilter, type ViewFilter } from '../logs/view-filter.js';
import { entryText, windowRows, type LogEntry, type RowSeg } from '../logs/view-model.js';
import { t } from '../../i18n/t.js';
import type { Scope } from '../keymap.js';
import { keyName, lookup, panelHints } from '../keymap.js';
import { useTheme } from '../theme/context.js';
import type { Theme, TokenStyle } from '../theme/theme.js';

export interface LogViewProps {
  follower: LogFollowerPort;
  width: number;
  height: number;
  /** Esc / q with no filter active. */
  onClose?: () => void;
  /** Entries kept in memory (default 5,000); older ones are dropped and counted. */
  capacity?: number;
  flushMs?: number;
  /** Where `s` saves the entries in view (the console's logs port); without it `s` says it cannot. */
  saver?: Pick<LogsPort, 'save'>;
  /** Keys are handled only while active (default true). */
  isActive?: boolean;
}

const PALETTE = ['cyan', 'yellow', 'green', 'magenta', 'blue', 'cyanBright', 'yellowBright', 'greenBright', 'magentaBright', 'blueBright'];

const LOG_SCOPES: ReadonlySet<Scope> = new Set(['log-panel']);
/** The key hints under the log lines, from the keymap. */

export function LogView(p: LogViewProps) {
  const theme = useTheme();
  const feed = useLogFollower(p.follower, { capacity: p.capacity, flushMs: p.flushMs });
  const [follow, setFollow] = useState(true);
  const [topSeq, setTopSeq] = useState(0);
  const [pausedAt, setPausedAt] = useState(0);
  const [wrap, setWrap] = useState(false);
  const [timestamps, setTimestamps] = useState(false);
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<string | undefined>(undefined);
  const [flash, setFlash] = useState('');
  const bodyHeight = Math.max(1, p.height - 2);
  const width = Math.max(10, p.width);

  const filter: ViewFilter | undefined = useMemo(() => viewFilter(query), [query]);
  const entries = useMemo(() => {
    const all = feed.ring.toArray();
    return filter ? all.filter((e) => filter.test(entryText(e, timestamps))) : all;
    // feed.ring is mutated in place; feed.version is what changes when it gains lines.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [feed.version, feed.ring, filter, timestamps]);
  const topIndex = useMemo(() => indexOfSeq(entries, topSeq), [entries, topSeq]);
  const rows = useMemo(
    () => windowRows(entries, { width, wrap, timestamps, filter, height: bodyHeight, follow, top: topIndex }),
    [entries, width, wrap, timestamps, filter, bodyHeight, follow, topIndex],
  );

  const pause = (index: number) => {
    if (follow) setPausedAt(feed.ring.pushed);
    setFollow(false);
    const i = Math.max(0, Math.min(index, Math.max(0, entries.length - 1)));
    setTopSeq(entries[i]?.seq ?? 0);
  };
  const bottomTop = Math.max(0, entries.length - bodyHeight);
  const current = follow ? bottomTop : topIndex;

  useInput(
    (input, key) => {
      const k = keyName(input, key);
      if (editing !== undefined) {
        if (k === 'enter') {
          setQuery(editing);
          setEditing(undefined);
        } else if (k === 'esc') {
          setEditing(undefined);
          setQuery('');
        } else if (k === 'backspace' || key.delete) setEditing(editing.slice(0, -1));
        else if (input && !key.ctrl && !key.meta && input >= ' ') setEditing(editing + input);
        return;
      }
      setFlash('');
      switch (lookup(k, LOG_SCOPES)?.id) {
        case 'follow':
          if (follow) pause(bottomTop);
          else setFollow(true);
          return;
        case 'up':
          return pause(current - 1);
        case 'down':
          return follow ? undefined : pause(current + 1);
        case 'pgup':
          return pause(current - bodyHeight);
        case 'pgdn':
          return follow ? undefined : pause(current + bodyHeight);
        case 'top':
          return pause(0);
        case 'bottom':
          setFollow(true);
          return;
        case 'filter':
          setEditing(query);
          return;
        case 'wrap':
          setWrap(!wrap);
          return;
        case 'timestamps':
          setTimestamps(!timestamps);
          return;
        case 'save':
          void save(entries, timestamps, p.saver, p.follower.title).then(setFlash, (e: Error) =>
            setFlash(t('console.logView.saveFailed', { error: e.message })),
          );
          return;
        case 'back':
          if (query) setQuery('');
          else p.onClose?.();
          return;
        case 'close':
          p.onClose?.();
          return;
        default:
          // Keys of other scopes are not this view's.
          return;
      }
    },
    { isActive: p.isActive ?? true },
  );

  const s = feed.stats;
  const newLines = follow ? 0 : feed.ring.pushed - pausedAt;
  // Status first (it changes and must stay visible at 80 columns), the title last.
  const parts = [
    follow ? t('console.logView.following') : t('console.logView.paused', { n: newLines.toLocaleString('en-US') }),
    `${t('console.logView.streams', { n: s.streams })}${s.queued ? ` ${t('console.logView.waiting', { n: s.queued })}` : ''}`,
    t('console.logView.lines', { n: feed.ring.pushed.toLocaleString('en-US') }),
  ];
  if (filter) parts.push(t('console.logView.filter', { query, n: entries.length }));
  if (feed.ring.evicted > 0)
    parts.push(
      t('console.logView.dropped', { n: feed.ring.evicted.toLocaleString('en-US'), capacity: feed.ring.capacity.toLocaleString('en-US') }),
    );
  parts.push(p.follower.title);
  const footer = editing !== undefined ? `/${editing}_` : flash || panelHints('log-panel');
  return (
    <Box flexDirection="column" width={width}>
      <Text wrap="truncate-end" {...theme.tokens.title}>
        {parts.join('  ')}
      </Text>
      {rows.length === 0 ? (
        <Text {...theme.tokens.muted}>{filter ? t('console.logView.noMatch') : t('console.logView.waitingLines')}</Text>
      ) : (
        rows.map((r) => <Row key={r.key} segs={r.segs} theme={theme} />)
      )}
      {Array.from({ length: Math.max(0, bodyHeight - Math.max(1, rows.length)) }, (_, i) => (
        <Text key={`pad${i}`}> </Text>
      ))}
      <Text wrap="truncate-end" {...(editing !== undefined ? theme.tokens.input : theme.tokens.muted)}>
        {footer}
      </Text>
    </Box>
  );
}

const Row = memo(function Row({ segs, theme }: { segs: RowSeg[]; theme: Theme }) {
  return (
    <Text wrap="truncate-end">
      {segs.map((seg, i) => (
        <Text key={i} {...styleOf(seg, theme)}>
          {seg.text}
        </Text>
      ))}
    </Text>
  );
});

function styleOf(seg: RowSeg, theme: Theme): TokenStyle {
  switch (seg.style) {
    case 'prefix':
      return theme.name === 'mono' || seg.colour === undefined ? { bold: true } : { color: PALETTE[seg.colour % PALETTE.length] };
    case 'time':
    case 'marker':
      return theme.tokens.muted;
    case 'match':
      return { inverse: true };
    case 'error':
      return theme.tokens.error;
    case 'text':
      return {};
  }
}

function indexOfSeq(entries: readonly LogEntry[], seq: number): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (entries[mid]!.seq < seq) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Hands the entries in view, as shown, to the port to write; returns the message to show. */
async function save(entries: readonly LogEntry[], timestamps: boolean, saver: LogViewProps['saver'], title: string): Promise<string> {
  if (!saver) throw new Error(t('console.logView.notAvailable'));
  const file = await saver.save(
    title,
    entries.map((e) => entryText(e, timestamps)),
  );
  return t('console.logView.saved', { n: entries.length.toLocaleString('en-US'), file });
}

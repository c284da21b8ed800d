// The selected object's story (d / y / e): its describe summary, its YAML (masked) and its Events
// (merged across the workload, its pods and HookRuns, newest first, followed live while open), in one
// scrollable panel with three tabs. Reads its own keys (keymap scope 'story-panel'); the data comes
// from a StoryPort (source/ports/story.ts), never from a client. Renders exactly `height` rows or fewer.
import { scrollDelta } from '../scroll-keys.js';
import { Box, Text, useInput } from 'ink';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { eventColumns } from '../../model/columns/events.js';
import type { EventRow } from '../../model/story/events.js';
import { tableColumns } from '../../output/columns.js';
import { renderTable } from '../../output/table.js';
import type { LogRequest } from '../../ports/logs.js';
import type { StoryPort, StoryText } from '../../ports/story.js';
import { t, type MessageKey } from '../../i18n/t.js';
import type { Scope } from '../keymap.js';
import { keyName, lookup, panelHints } from '../keymap.js';
import type { StoryTab } from '../state.js';
import { useTheme } from '../theme/context.js';

export interface StoryViewProps {
  port: StoryPort;
  req: LogRequest;
  tab: StoryTab;
  width: number;
  height: number;
  onClose?: () => void;
  isActive?: boolean;
  /** Clock for the Events' ages (tests pin it). */
  now?: () => number;
}

const SCOPES: ReadonlySet<Scope> = new Set(['story-panel']);
const TAB_TITLES: Record<StoryTab, MessageKey> = {
  describe: 'console.story.describe',
  yaml: 'console.story.yaml',
  events: 'console.story.events',
};
// Control characters would move the terminal's cursor: shown as spaces.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

type Load = { state: 'loading' } | { state: 'ready'; text: StoryText } | { state: 'failed'; message: string };

/** The Events as table lines (the same columns as `zonectl events`), newest first. */
export function eventLines(rows: readonly EventRow[], now: number): string[] {
  if (!rows.length) return [t('console.story.noEvents')];
  const cols = tableColumns(eventColumns, { now }).filter((c) => c.id !== 'cluster');
  return renderTable([...rows], cols, false)
    .replace(/\n$/, '')
    .split('\n');
}

export function StoryView(p: StoryViewProps) {
  const theme = useTheme();
  const [tab, setTab] = useState<StoryTab>(p.tab);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [events, setEvents] = useState<{ rows?: EventRow[]; error?: string }>({});
  const [scroll, setScroll] = useState(0);
  const [generation, setGeneration] = useState(0);
  const { port, req } = p;

  useEffect(() => {
    let live = true;
    setLoad({ state: 'loading' });
    port.load(req).then(
      (text) => live && setLoad({ state: 'ready', text }),
      (e: unknown) => live && setLoad({ state: 'failed', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [port, req, generation]);

  // The Events are watched only while the panel is open (one namespace list + watch).
  useEffect(() => {
    const stop = port.watchEvents(
      req,
      (rows) => setEvents({ rows }),
      (error) => setEvents((e) => ({ ...e, error })),
    );
    return stop;
  }, [port, req, generation]);

  const now = (p.now ?? Date.now)();
  const lines = useMemo(() => {
    if (tab === 'events')
      return events.rows
        ? eventLines(events.rows, now)
        : [events.error ? t('console.story.eventsError', { error: events.error }) : t('console.story.listing')];
    if (load.state !== 'ready') return [];
    return tab === 'yaml' ? load.text.yaml : load.text.describe;
    // `now` moves every render; the ages are recomputed when the rows change, which is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tab, load, events]);
  const bodyHeight = Math.max(1, p.height - 2);
  const maxScroll = Math.max(0, lines.length - bodyHeight);
  const top = Math.min(scroll, maxScroll);

  const show = useCallback((t: StoryTab) => {
    setTab(t);
    setScroll(0);
  }, []);

  useInput(
    (input, key) => {
      const page = Math.max(1, bodyHeight - 1);
      const move = (d: number) => setScroll((s) => Math.max(0, Math.min(Math.min(s, maxScroll) + d, maxScroll)));
      const id = lookup(keyName(input, key), SCOPES)?.id;
      const delta = scrollDelta(id, page, lines.length);
      if (delta !== undefined) return move(delta);
      switch (id) {
        case 'describe':
        case 'yaml':
        case 'events':
          return show(id as StoryTab);
        case 'refresh':
          return setGeneration((g) => g + 1);
        case 'back':
          return p.onClose?.();
        default:
          return;
      }
    },
    { isActive: p.isActive ?? true },
  );

  const name =
    load.state === 'ready'
      ? load.text.title
      : t('console.story.on', {
          object:
            req.target.type === 'zone'
              ? `zone/${req.target.id}`
              : req.target.type === 'selector'
                ? req.target.selector
                : `${req.target.type === 'workload' ? req.target.kind.toLowerCase() : 'pod'}/${req.target.name}`,
          cluster: req.cluster,
        });
  const tabs = (['describe', 'yaml', 'events'] as const).map((x) => (x === tab ? `[${t(TAB_TITLES[x])}]` : t(TAB_TITLES[x]))).join(' ');
  const where = lines.length > bodyHeight ? `  ${top + 1}-${Math.min(lines.length, top + bodyHeight)}/${lines.length}` : '';
  const visible = lines.slice(top, top + bodyHeight);
  const status =
    tab !== 'events' && load.state === 'loading'
      ? t('console.story.reading')
      : tab !== 'events' && load.state === 'failed'
        ? t('console.story.failed', { error: load.message })
        : undefined;
  return (
    <Box flexDirection="column" width={p.width}>
      <Text wrap="truncate-end" {...theme.tokens.title}>
        {`${tabs}  ${name}${where}`}
      </Text>
      {status ? (
        <Text wrap="truncate-end" {...(load.state === 'failed' ? theme.tokens.error : theme.tokens.muted)}>
          {status}
        </Text>
      ) : null}
      {visible.map((l, i) => (
        <Text key={`${top + i}`} wrap="truncate-end">
          {l.replace(CONTROL_CHARS, ' ') || ' '}
        </Text>
      ))}
      {Array.from({ length: Math.max(0, bodyHeight - visible.length - (status ? 1 : 0)) }, (_, i) => (
        <Text key={`pad${i}`}> </Text>
      ))}
      <Text wrap="truncate-end" {...theme.tokens.muted}>
        {panelHints('story-panel')}
      </Text>
    </Box>
  );
}

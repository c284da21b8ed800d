// What an action overlay shows, as rows of segments cut to the screen (pure): the hot update form,
// "working", and the confirmation card (wrapped, scrollable) with the reason and typed-name fields
// kept on screen below it.
import { t } from '../i18n/t.js';
import type { ActionTarget } from '../ports/actions.js';
import type { ConfirmOverlay, FormOverlay, Overlay } from './overlay-types.js';
import { fitSegs, segsWidth } from './text/segs.js';
import { displayWidth, headCells } from './text/width.js';
import type { Seg } from './views/types.js';

/** Pads `s` with spaces to `cells` display cells (a CJK label is twice as wide as its length). */
function padCells(s: string, cells: number): string {
  return s + ' '.repeat(Math.max(0, cells - displayWidth(s)));
}

/** Wraps one line to `width` cells, breaking at spaces when it can; continuation lines get `indent`. */
export function wrapLine(text: string, width: number, indent: number): string[] {
  if (width <= 0) return [''];
  if (displayWidth(text) <= width) return [text];
  const out: string[] = [];
  let rest = text;
  let pad = '';
  while (displayWidth(pad + rest) > width) {
    const room = width - pad.length;
    let [taken] = headCells(rest, room);
    if (taken === '') break;
    const sp = taken.lastIndexOf(' ');
    if (sp > room / 2 && sp < taken.length - 1) taken = taken.slice(0, sp + 1);
    out.push((pad + taken).trimEnd());
    rest = rest.slice(taken.length).trimStart();
    pad = ' '.repeat(Math.min(indent, Math.max(0, width - 10)));
    if (rest === '') break;
  }
  if (rest !== '') out.push(pad + rest);
  return out;
}

/** A flash message as at most two footer rows (the second one cut if it must be). */
export function flashLines(text: string, width: number): string[] {
  const lines = wrapLine(text, width, 2);
  if (lines.length <= 2) return lines;
  const rest = lines
    .slice(1)
    .map((l) => l.trim())
    .join(' ');
  return [lines[0], fitSegs([{ text: `  ${rest}` }], width)[0].text];
}

/**
 * A card's section titles (card.ts, batch.ts): the English ones, and the Chinese ones, which the
 * planners write as a few CJK characters and a full-width colon ("计划：", "写入：").
 */
const SECTION = /^((Plan|Writes|Warnings|Targets|Not possible):|[\u4e00-\u9fff][^\s:：]{0,7}：)$/;

/** The card's lines styled: the header and section titles stand out, field names are muted, warnings warn. */
export function cardRows(summary: readonly string[], width: number): Seg[][] {
  const rows: Seg[][] = [];
  let inCard = true;
  summary.forEach((line, i) => {
    if (SECTION.test(line)) {
      inCard = false;
      rows.push([{ text: line, token: 'title' }]);
      return;
    }
    const kv = inCard && i > 0 && /^ {2}\S/.test(line) ? 14 : 0;
    const wrapped = wrapLine(line, width, kv || 4);
    wrapped.forEach((w, j) => {
      if (i === 0) rows.push([{ text: w, token: 'title' }]);
      else if (line.startsWith('  ! ')) rows.push([{ text: w, token: 'warn' }]);
      else if (kv && j === 0) {
        // The field name is padded to 14 cells (a CJK name is wider than its length): split by cells.
        const [name] = headCells(w, kv);
        rows.push([{ text: name, token: 'muted' }, { text: w.slice(name.length) }]);
      } else rows.push([{ text: w }]);
    });
  });
  return rows;
}

function field(focused: boolean, label: string, value: string, cursor: boolean, hint?: string, width = 80, labelWidth = 14): Seg[] {
  const head = `${focused ? '> ' : '  '}${padCells(label, labelWidth)}`;
  let v = value + (cursor && focused ? '_' : '');
  // Keep the end of a long value (the part being typed) in view.
  const room = width - displayWidth(head) - 1;
  if (displayWidth(v) > room && room > 4) v = '~' + [...v].slice(-(room - 1)).join('');
  const segs: Seg[] = [
    { text: head, token: focused ? 'accent' : 'muted' },
    { text: v, token: focused ? 'input' : undefined },
  ];
  if (hint) segs.push({ text: `  ${hint}`, token: 'muted' });
  return segs;
}

/** "in 2 clusters" / "in shanghai": where a batch's targets are. */
function where(targets: readonly ActionTarget[]): string {
  const clusters = [...new Set(targets.map((t) => t.cluster))];
  return clusters.length === 1
    ? t('console.overlay.inCluster', { cluster: clusters[0]! })
    : t('console.overlay.inClusters', { n: clusters.length });
}

function formRows(o: FormOverlay, width: number): Seg[][] {
  const c = o.containers[o.container];
  const rows: Seg[][] = [
    o.batch
      ? [
          { text: o.title, token: 'title' },
          { text: `  ${where(o.batch.targets)}`, token: 'muted' },
        ]
      : [
          { text: t('console.overlay.titleIn', { title: o.title, cluster: o.target.cluster }), token: 'title' },
          { text: `  ${t('console.overlay.namespace', { namespace: o.target.namespace })}`, token: 'muted' },
        ],
    [],
    field(
      o.focus === 'container',
      t('console.form.container'),
      o.containers.length > 1 ? `< ${c.name} >` : c.name,
      false,
      o.containers.length > 1
        ? t('console.form.chooseHint', { i: o.container + 1, n: o.containers.length, left: '<left>', right: '<right>' })
        : undefined,
      width,
    ),
    field(o.focus === 'image', t('console.form.image'), o.image, true, undefined, width),
    field(
      o.focus === 'partition',
      t('console.form.partition'),
      o.partition,
      true,
      o.partition === ''
        ? t('console.form.partitionHint', { replicas: o.replicas })
        : t('console.form.partitionUpdated', { updated: Math.max(0, o.replicas - Number(o.partition)), replicas: o.replicas }),
      width,
    ),
    field(
      o.focus === 'one',
      t('console.form.onePodFirst'),
      o.onePodFirst ? '[x]' : '[ ]',
      false,
      o.onePodFirst
        ? t('console.form.onePodOn', { partition: Math.max(0, o.replicas - 1) })
        : t('console.form.toggles', { space: '<space>' }),
      width,
    ),
    [],
    [
      {
        text: `  ${padCells(t('console.form.nowRunning'), 14)}${c.name}: ${c.image}${o.batch ? ` ${t('console.form.firstMarked')}` : ''}`,
        token: 'muted',
      },
    ],
  ];
  if (o.note) rows.push([], [{ text: `  ${o.note.text}`, token: o.note.token }]);
  return rows;
}

function confirmRows(o: ConfirmOverlay, width: number, height: number): { rows: Seg[][]; scroll: number } {
  const bottom: Seg[][] = [[]];
  if (o.view.confirmName !== undefined) {
    bottom.push(
      field(
        o.focus === 'name',
        o.batch ? t('console.confirm.contexts') : t('console.confirm.typeName'),
        o.name,
        true,
        o.focus === 'name' ? t('console.confirm.protectedHint', { name: o.view.confirmName }) : undefined,
        width,
        12,
      ),
    );
  }
  bottom.push(
    o.focus === 'reason' || o.reason
      ? field(o.focus === 'reason', t('console.confirm.reason'), o.reason, true, undefined, width, 12)
      : [
          { text: `  ${padCells(t('console.confirm.reason'), 12)}`, token: 'muted' },
          { text: t('console.confirm.noReason', { tab: '<tab>' }), token: 'muted' },
        ],
  );
  if (o.note) bottom.push([{ text: `  ${o.note.text}`, token: o.note.token }]);
  const card = cardRows(o.view.summary, width);
  const room = Math.max(1, height - bottom.length);
  if (card.length <= room) return { rows: [...card, ...bottom], scroll: 0 };
  const scroll = Math.min(o.scroll, card.length - room + 1);
  const shown = card.slice(scroll, scroll + room - 1);
  const more = card.length - scroll - shown.length;
  const marker: Seg[] = [
    {
      text: `  ${more > 0 ? t('console.confirm.more', { n: more, down: '<down>' }) : t('console.confirm.end', { up: '<up>' })}`,
      token: 'muted',
    },
  ];
  return { rows: [...shown, marker, ...bottom], scroll };
}

/** Rows for the overlay in a body of `width` x `height` cells; never more than `height` rows. */
export function overlayRows(o: Overlay, width: number, height: number): Seg[][] {
  let rows: Seg[][];
  if (o.kind === 'planning')
    rows = [
      [
        { text: o.title, token: 'title' },
        {
          text: o.batch ? `  ${where(o.batch.targets)}` : ` ${t('console.overlay.inCluster', { cluster: o.target.cluster })}`,
          token: 'muted',
        },
      ],
      [],
      [{ text: `  ${t('console.overlay.reading', { n: o.batch ? 2 : 1 })}`, token: 'info' }],
    ];
  else if (o.kind === 'form') rows = formRows(o, width);
  else rows = confirmRows(o, width, height).rows;
  // An empty row still takes its line (Ink gives an empty Text no height).
  return rows.slice(0, height).map((r) => (r.length === 0 ? [{ text: ' ' }] : segsWidth(r) > width ? fitSegs(r, width) : r));
}

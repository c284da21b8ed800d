// What an action overlay shows, as rows of segments cut to the screen (pure): the hot update form,
// "working", and the confirmation card (wrapped, scrollable) with the reason and typed-name fields
// kept on screen below it.
import type { ActionTarget } from '../ports/actions.js';
import type { ConfirmOverlay, FormOverlay, Overlay } from './overlay-types.js';
import { fitSegs, segsWidth } from './text/segs.js';
import { displayWidth, headCells } from './text/width.js';
import type { Seg } from './views/types.js';

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

/** The card's lines styled: the header and section titles stand out, field names are muted, warnings warn. */
export function cardRows(summary: readonly string[], width: number): Seg[][] {
  const rows: Seg[][] = [];
  let inCard = true;
  summary.forEach((line, i) => {
    if (/^(Plan|Writes|Warnings|Targets|Not possible):$/.test(line)) {
      inCard = false;
      rows.push([{ text: line, token: 'title' }]);
      return;
    }
    const kv = inCard && i > 0 && /^ {2}\S/.test(line) ? 14 : 0;
    const wrapped = wrapLine(line, width, kv || 4);
    wrapped.forEach((w, j) => {
      if (i === 0) rows.push([{ text: w, token: 'title' }]);
      else if (line.startsWith('  ! ')) rows.push([{ text: w, token: 'warn' }]);
      else if (kv && j === 0) rows.push([{ text: w.slice(0, kv), token: 'muted' }, { text: w.slice(kv) }]);
      else rows.push([{ text: w }]);
    });
  });
  return rows;
}

function field(focused: boolean, label: string, value: string, cursor: boolean, hint?: string, width = 80, labelWidth = 14): Seg[] {
  const head = `${focused ? '> ' : '  '}${label.padEnd(labelWidth)}`;
  let v = value + (cursor && focused ? '_' : '');
  // Keep the end of a long value (the part being typed) in view.
  const room = width - head.length - 1;
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
  return clusters.length === 1 ? `in ${clusters[0]}` : `in ${clusters.length} clusters`;
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
          { text: `${o.title} in ${o.target.cluster}`, token: 'title' },
          { text: `  namespace ${o.target.namespace}`, token: 'muted' },
        ],
    [],
    field(
      o.focus === 'container',
      'container',
      o.containers.length > 1 ? `< ${c.name} >` : c.name,
      false,
      o.containers.length > 1 ? `${o.container + 1} of ${o.containers.length}, <left>/<right> choose` : undefined,
      width,
    ),
    field(o.focus === 'image', 'image', o.image, true, undefined, width),
    field(
      o.focus === 'partition',
      'partition',
      o.partition,
      true,
      o.partition === ''
        ? `optional: pods kept on the old revision (of ${o.replicas})`
        : `${Math.max(0, o.replicas - Number(o.partition))} of ${o.replicas} pods updated`,
      width,
    ),
    field(
      o.focus === 'one',
      'one pod first',
      o.onePodFirst ? '[x]' : '[ ]',
      false,
      o.onePodFirst ? `partition ${Math.max(0, o.replicas - 1)}: one pod is updated first` : '<space> toggles',
      width,
    ),
    [],
    [{ text: `  now running   ${c.name}: ${c.image}${o.batch ? ' (first marked)' : ''}`, token: 'muted' }],
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
        o.batch ? 'contexts' : 'type name',
        o.name,
        true,
        o.focus === 'name' ? `protected context: type ${o.view.confirmName}` : undefined,
        width,
        12,
      ),
    );
  }
  bottom.push(
    o.focus === 'reason' || o.reason
      ? field(o.focus === 'reason', 'reason', o.reason, true, undefined, width, 12)
      : [
          { text: `  ${'reason'.padEnd(12)}`, token: 'muted' },
          { text: '(none: <tab> to type one for the audit trail)', token: 'muted' },
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
    { text: more > 0 ? `  ... ${more} more line${more > 1 ? 's' : ''} (<down> scrolls)` : '  (end; <up> scrolls back)', token: 'muted' },
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
        { text: o.batch ? `  ${where(o.batch.targets)}` : ` in ${o.target.cluster}`, token: 'muted' },
      ],
      [],
      [{ text: `  working... reading the workload${o.batch ? 's' : ''} and checking access`, token: 'info' }],
    ];
  else if (o.kind === 'form') rows = formRows(o, width);
  else rows = confirmRows(o, width, height).rows;
  // An empty row still takes its line (Ink gives an empty Text no height).
  return rows.slice(0, height).map((r) => (r.length === 0 ? [{ text: ' ' }] : segsWidth(r) > width ? fitSegs(r, width) : r));
}

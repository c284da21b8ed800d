// Scripted output of a DiffReport: summary table (APP, CLUSTER, KIND, NAMESPACE, NAME, STATUS) then the diffs,
// stable JSON, and a Markdown report for a pull-request comment (per app: dry-run success/failure with the
// server's message, like the seed-000 pre-merge check). No colour here; the console colours its own view.
import { t, type MessageKey } from '../i18n/t.js';
import type { ObjectStatus } from '../model/diff-report.js';
import { renderTable, type Column } from '../output/table.js';
import { cutLine, objectLabel } from './diff-text.js';
import type { AppResult, DiffReport, ObjectDiff } from './types.js';

interface Row {
  app: string;
  cluster: string;
  kind: string;
  namespace: string;
  name: string;
  status: string;
}

/** The summary table's columns (headers in the run's language: built when the table is). */
const columns = (): Column<Row>[] => [
  { header: t('report.diff.col.app'), get: (r) => r.app },
  { header: t('report.diff.col.cluster'), get: (r) => r.cluster },
  { header: t('report.diff.col.kind'), get: (r) => r.kind },
  { header: t('report.diff.col.namespace'), get: (r) => r.namespace },
  { header: t('report.diff.col.name'), get: (r) => r.name },
  { header: t('report.diff.col.status'), get: (r) => r.status },
];

const STATUS: Record<ObjectStatus, MessageKey> = {
  Synced: 'report.diff.status.synced',
  Modified: 'report.diff.status.modified',
  Missing: 'report.diff.status.missing',
  Extra: 'report.diff.status.extra',
  Unknown: 'report.diff.status.unknown',
};

/** An object's status as a person reads it (JSON keeps the code: Synced, Modified, Missing, Extra, Unknown). */
export const statusWord = (s: ObjectStatus): string => t(STATUS[s]);

function statusText(o: ObjectDiff): string {
  const tags: string[] = [];
  if (o.approximate && o.status !== 'Missing' && o.status !== 'Extra') tags.push(t('report.diff.tag.approximate'));
  if (o.dryRun && !o.dryRun.ok) tags.push(t('report.diff.tag.dryRunFailed'));
  if (o.warnings.length) tags.push(t('report.diff.tag.warnings', { n: o.warnings.length }));
  if (o.status === 'Extra' && o.prune) tags.push(t('report.diff.tag.prune'));
  return tags.length
    ? t('report.diff.statusTags', { status: statusWord(o.status), tags: tags.join(t('report.diff.comma')) })
    : statusWord(o.status);
}

function kindText(o: { group: string; kind: string }): string {
  return o.group ? `${o.kind}.${o.group}` : o.kind;
}

export function summaryRows(r: DiffReport, all = false): Row[] {
  const rows: Row[] = [];
  for (const a of r.apps) {
    if (a.error)
      rows.push({ app: a.app, cluster: a.cluster, kind: '-', namespace: a.namespace, name: '-', status: t('report.diff.unknownSeeError') });
    for (const o of a.objects)
      if (all || o.status !== 'Synced' || o.warnings.length || (o.dryRun && !o.dryRun.ok))
        rows.push({ app: a.app, cluster: a.cluster, kind: kindText(o), namespace: o.namespace, name: o.name, status: statusText(o) });
  }
  return rows;
}

/** Text report. `showSynced` lists Synced objects in the table too (-o wide). `diffs` false when an external diff prints them. */
export function textReport(r: DiffReport, opts: { showSynced?: boolean; diffs?: boolean } = {}): string {
  const out: string[] = [];
  const rows = summaryRows(r, opts.showSynced);
  const counts = countByStatus(r);
  if (rows.length) out.push(renderTable(rows, columns(), false));
  const where = `${r.repo.source} @ ${r.repo.ref} (${r.repo.commit.slice(0, 12)})`;
  out.push(`${t('report.diff.summary', { where, apps: r.apps.length, ...countValues(counts) })}\n`);
  for (const a of r.apps) {
    if (a.error) out.push(`\n${t('report.diff.appError', { app: a.app, cluster: a.cluster, error: a.error })}\n`);
    for (const w of a.warnings) out.push(`${t('report.diff.appWarning', { app: a.app, warning: w })}\n`);
  }
  if (opts.diffs !== false) {
    for (const a of r.apps) {
      for (const o of a.objects) {
        if (o.status === 'Synced' && !o.warnings.length) continue;
        // eslint-disable-next-line i18next/no-literal-string -- a separator around names; the status is worded
        out.push(`\n===== ${a.app} ${a.cluster} ${objectLabel(o)} (${statusWord(o.status)}) =====\n`);
        if (o.note) out.push(`# ${o.note}\n`);
        for (const w of o.warnings) out.push(`# ${t('report.diff.serverWarning', { warning: w })}\n`);
        if (o.dryRun && !o.dryRun.ok) out.push(`# ${t('report.diff.dryRunFailed', { message: o.dryRun.message ?? '' })}\n`);
        if (o.diff) out.push(o.diff.endsWith('\n') ? o.diff : `${o.diff}\n`);
      }
    }
  }
  return out.join('');
}

export function countByStatus(r: DiffReport): Record<'Synced' | 'Modified' | 'Missing' | 'Extra' | 'Unknown' | 'total', number> {
  const c = { Synced: 0, Modified: 0, Missing: 0, Extra: 0, Unknown: 0, total: 0 };
  for (const a of r.apps)
    for (const o of a.objects) {
      c[o.status] += 1;
      c.total += 1;
    }
  return c;
}

/** The counts as message values: {total, synced, modified, missing, extra, unknown}. */
const countValues = (c: ReturnType<typeof countByStatus>) => ({
  total: c.total,
  synced: c.Synced,
  modified: c.Modified,
  missing: c.Missing,
  extra: c.Extra,
  unknown: c.Unknown,
});

/** Stable JSON schema (documented in commands/diff.ts help). */
export function jsonReport(r: DiffReport): string {
  return `${JSON.stringify({ kind: 'DiffReport', apiVersion: 'zonectl.io/v1', ...r, counts: countByStatus(r) }, null, 2)}\n`;
}

function appDryRun(a: AppResult): { ok: boolean; detail: string } {
  if (a.error) return { ok: false, detail: a.error };
  const failed = a.objects.filter((o) => (o.dryRun && !o.dryRun.ok) || o.status === 'Unknown');
  if (failed.length)
    return {
      ok: false,
      detail: failed.map((o) => `${objectLabel(o)}: ${o.dryRun?.message ?? o.note ?? t('report.diff.unknownWhy')}`).join('; '),
    };
  const approx = a.objects.filter((o) => o.approximate && o.status === 'Modified');
  return { ok: true, detail: approx.length ? t('report.md.approximate', { n: approx.length }) : '' };
}

const mdEscape = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function markdownReport(r: DiffReport): string {
  const out: string[] = [];
  const counts = countByStatus(r);
  // eslint-disable-next-line i18next/no-literal-string -- a Markdown heading of names
  out.push(`### zonectl diff — \`${r.repo.ref}\` (\`${r.repo.commit.slice(0, 12)}\`)\n\n`);
  out.push(`${t('report.md.counts', countValues(counts))}\n\n`);
  out.push(`| ${t('report.md.head')} |\n|---|---|---|---|---|\n`);
  for (const a of r.apps) {
    const d = appDryRun(a);
    const changed = a.objects.filter((o) => o.status !== 'Synced');
    const summary = changed.length
      ? changed.map((o) => `${statusWord(o.status)} ${o.kind}/${o.name}`).join(t('report.diff.comma'))
      : t('report.md.none');
    const dry = t(d.ok ? 'report.md.success' : 'report.md.failure');
    out.push(`| ${mdEscape(a.app)} | ${mdEscape(a.cluster)} | ${dry} | ${mdEscape(summary)} | ${mdEscape(d.detail)} |\n`);
  }
  for (const e of r.errors) out.push(`\n> ${t('report.md.error', { error: mdEscape(e) })}\n`);
  // A PR comment holds at most 65,536 characters: the summary table always fits (one line per app),
  // the diffs go in while there is room, each cut to a share of it; then a line says what was left out.
  let used = out.reduce((n, x) => n + x.length, 0);
  let left = 0;
  for (const a of r.apps) {
    const changed = a.objects.filter((o) => o.diff || o.warnings.length);
    if (!changed.length) continue;
    const head = `\n<details><summary>${t('report.md.changes', { app: mdEscape(a.app), cluster: mdEscape(a.cluster), n: changed.length })}</summary>\n\n`;
    const parts: string[] = [];
    for (const o of changed) {
      parts.push(`**${mdEscape(objectLabel(o))}** — ${statusText(o)}${o.note ? ` — ${mdEscape(o.note)}` : ''}\n\n`);
      for (const w of o.warnings) parts.push(`> ⚠️ ${t('report.diff.serverWarning', { warning: mdEscape(cutLine(w, 1_000)) })}\n\n`);
      if (o.diff) {
        const d =
          o.diff.length > MD_DIFF_MAX
            ? // eslint-disable-next-line i18next/no-literal-string -- the diff, then a worded note
              `${o.diff.slice(0, MD_DIFF_MAX)}\n… (${t('report.md.moreChars', { n: o.diff.length - MD_DIFF_MAX })})\n`
            : o.diff;
        parts.push('```diff\n' + d.replace(/```/g, '`\u200b``') + (d.endsWith('\n') ? '' : '\n') + '```\n\n');
      }
    }
    const block = head + parts.join('') + '</details>\n';
    if (used + block.length > MD_LIMIT - MD_RESERVE) {
      left += changed.length;
      continue;
    }
    out.push(block);
    used += block.length;
  }
  if (left) out.push(`\n> ${t('report.md.left', { n: left, limit: String(MD_LIMIT) })}\n`);
  return out.join('');
}

/** GitHub's limit on a comment body; MD_RESERVE keeps room for the closing line. */
export const MD_LIMIT = 65_536;
const MD_RESERVE = 400;
/** One object's diff in the report: at most this many characters. */
const MD_DIFF_MAX = 16_000;

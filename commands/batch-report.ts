// What a scripted fleet action prints around its run (commands/action-batch.ts): the release lines of
// the card and the result table; its wave events are source/actions/release.ts releaseEventLine.
// Words from the catalogs; outcomes stay codes, as -o json carries them.
import type { TargetResult } from '../source/actions/batch.js';
import { t } from '../source/i18n/t.js';
import type { ActionName } from '../source/model/action-types.js';
import { renderTable, type Column } from '../source/output/table.js';

/** The result table: one row per target (WAVE first when the batch ran in waves). */
export function resultTable(results: readonly TargetResult[], waves: boolean): string {
  const columns: Column<TargetResult>[] = [
    ...(waves ? [{ header: t('views.col.wave'), get: (r: TargetResult) => (r.wave === undefined ? '-' : String(r.wave)) }] : []),
    { header: t('views.col.cluster'), get: (r) => r.target.cluster },
    { header: t('views.col.namespace'), get: (r) => r.target.namespace },
    { header: t('views.col.target'), get: (r) => `${r.target.kind.toLowerCase()}/${r.target.name}` },
    { header: t('views.col.outcome'), get: (r) => r.outcome },
    { header: t('views.col.wait'), get: (r) => (r.wait ? (r.wait.reached ? 'reached' : r.wait.message) : '-') },
    { header: t('views.col.time'), get: (r) => `${(r.ms / 1000).toFixed(1)}s` },
    { header: t('views.col.reason'), get: (r) => (r.outcome !== 'done' ? r.reason : '') },
  ];
  return renderTable([...results], columns, false);
}

/** The card's release lines: the batch id (and how to resume it), the waves and what is already done. */
export function releaseLines(
  action: ActionName,
  batch: string,
  wavesText: string | undefined,
  ends: readonly number[],
  doneCount: number,
  o: { dryRun: boolean; timeout?: string },
): string[] {
  const out: string[] = [];
  if (doneCount) out.push(t('commands.batch.alreadyDone', { batch, n: doneCount }));
  if (wavesText) {
    const sizes = ends.map((e, i) => e - (i ? ends[i - 1]! : 0));
    out.push(t('commands.batch.wavesLine', { waves: wavesText, sizes: sizes.join(' + '), timeout: o.timeout ?? '5m' }));
  }
  out.push(o.dryRun ? t('commands.batch.batchLine', { batch }) : t('commands.batch.batchResume', { batch, action }));
  return out;
}

// Releases: the fleet actions (batches) the clusters record — each workload a batch acted on carries
// its batch id, wave and wave plan in its audit annotation — with each wave's progress, live. The
// action keys act on every workload of the selected release as one batch: h holds them all (stops the
// release fleet-wide; h again releases: resumes), r rejects (rolls back what is still rolling out).
import { t } from '../../i18n/t.js';
import { age, stateText } from '../../model/format.js';
import { releaseStateText } from '../../model/columns/releases.js';
import { releaseColumns } from '../../model/columns/releases.js';
import { phaseTone } from '../../model/columns/tones.js';
import { type ReleaseInfo, releasesOf } from '../../model/releases.js';
import type { WorkloadInfo } from '../../model/types.js';
import type { Snapshot } from '../../store/types.js';
import { defineView } from './define.js';
import { workloadKey } from './keys.js';
import { LineBuilder } from './lines.js';
import type { BuildContext, DetailContent } from './types.js';
import { byText } from '../../model/order.js';

// Once per snapshot's workload list: the list and the detail read the same grouping.
const memo = new WeakMap<readonly WorkloadInfo[], ReleaseInfo[]>();
function releases(s: Snapshot): ReleaseInfo[] {
  let r = memo.get(s.workloads);
  if (!r) memo.set(s.workloads, (r = releasesOf(s.workloads)));
  return r;
}
const find = (s: Snapshot, batch: string) => releases(s).find((r) => r.batch === batch);

function buildReleaseDetail(s: Snapshot, key: string, ctx: BuildContext): DetailContent | null {
  const r = find(s, key);
  if (!r) return null;
  const b = new LineBuilder();
  b.add('title', [
    { text: t('views.release.title', { batch: r.batch }), token: 'title' },
    t('views.release.byline', { action: r.action, by: r.by, age: age(r.lastAt, ctx.now) }),
  ]);
  b.kv('state', t('views.label.state'), releaseStateText(r.state), r.state === 'failed' ? 'error' : r.state === 'complete' ? 'ok' : 'warn');
  if (r.waves)
    b.kv(
      'waves',
      t('views.label.waves'),
      t('views.release.reached', { waves: r.waves, reached: r.reached ?? '-', total: String(r.waveCount) }),
    );
  b.kv(
    'targets',
    t('views.label.targets'),
    t('views.release.targets', { targets: r.targets, complete: r.complete, rolling: r.rolling, failed: r.failed }),
    r.failed ? 'error' : undefined,
  );
  if (r.state === 'stopped') b.add('hint', [{ text: t('views.release.resumeHint', { action: r.action, batch: r.batch }), token: 'muted' }]);
  if (r.action === 'hotupdate') b.add('undo', [{ text: t('views.release.undoHint', { batch: r.batch }), token: 'muted' }]);
  const byWave = new Map<number | undefined, WorkloadInfo[]>();
  for (const w of r.workloads) byWave.set(w.release?.wave, [...(byWave.get(w.release?.wave) ?? []), w]);
  for (const [wave, ws] of [...byWave].sort(([a], [c]) => (a ?? 0) - (c ?? 0))) {
    b.blank();
    b.heading(
      wave === undefined ? t('views.release.targetsHeading', { n: ws.length }) : t('views.release.waveHeading', { wave, n: ws.length }),
    );
    for (const w of ws.sort((x, y) => byText(x.cluster, y.cluster) || byText(x.namespace, y.namespace) || byText(x.name, y.name))) {
      const k = workloadKey(w);
      b.add(
        `wl:${k}`,
        [`  ${w.cluster}/${w.namespace}/${w.name} `, { text: stateText(w.rollout, ctx.now), token: phaseTone(w.rollout.phase) }],
        { view: 'rollout', key: k, title: `${w.kind}/${w.name}` },
      );
    }
  }
  return { title: `${t('views.crumb.release')} ${r.batch}`, lines: b.lines };
}

export const releasesView = defineView<ReleaseInfo>({
  id: 'releases',
  title: 'views.releases.title',
  key: '6',
  aliases: ['rel', 'release', 'batches'],
  help: 'views.releases.help',
  columns: releaseColumns,
  rows: (s) => releases(s),
  rowKey: (r) => r.batch,
  cluster: (r) => r.clusters[0] ?? '',
  open: (r) => ({ view: 'release', key: r.batch, title: `${t('views.crumb.release')} ${r.batch}` }),
  defaultSort: { col: 'age', desc: false },
  emptyText: () => t('views.releases.empty'),
  // No single workload: the keys act on the whole release (its workloads as one batch).
  actions: { workload: () => undefined, group: (s, key) => find(s, key)?.workloads ?? [] },
  detail: { id: 'release', build: buildReleaseDetail },
});

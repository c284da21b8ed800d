// Releases: the fleet actions (batches) the clusters record — each workload a batch acted on carries
// its batch id, wave and wave plan in its audit annotation — with each wave's progress, live. The
// action keys act on every workload of the selected release as one batch: h holds them all (stops the
// release fleet-wide; h again releases: resumes), r rejects (rolls back what is still rolling out).
import { age, stateText } from '../../model/format.js';
import { releaseColumns } from '../../model/columns/releases.js';
import { phaseTone } from '../../model/columns/tones.js';
import { type ReleaseInfo, releasesOf } from '../../model/releases.js';
import type { WorkloadInfo } from '../../model/types.js';
import type { Snapshot } from '../../store/types.js';
import { defineView } from './define.js';
import { workloadKey } from './keys.js';
import { LineBuilder } from './lines.js';
import type { BuildContext, DetailContent } from './types.js';

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
  b.add('title', [{ text: `Release ${r.batch}`, token: 'title' }, ` ${r.action} by ${r.by}, last write ${age(r.lastAt, ctx.now)} ago`]);
  b.kv('state', 'state', r.state, r.state === 'failed' ? 'error' : r.state === 'complete' ? 'ok' : 'warn');
  if (r.waves) b.kv('waves', 'waves', `${r.waves}: reached ${r.reached ?? '-'} of ${r.waveCount}`);
  b.kv(
    'targets',
    'targets',
    `${r.targets}: ${r.complete} complete, ${r.rolling} rolling, ${r.failed} failed`,
    r.failed ? 'error' : undefined,
  );
  if (r.state === 'stopped')
    b.add('hint', [{ text: `  continue it: zonectl ${r.action} <the same targets or selection> --resume ${r.batch}`, token: 'muted' }]);
  if (r.action === 'hotupdate')
    b.add('undo', [
      { text: `  roll it back wave by wave: zonectl hotupdate --undo ${r.batch} --all-contexts -A --waves 50%,100%`, token: 'muted' },
    ]);
  const byWave = new Map<number | undefined, WorkloadInfo[]>();
  for (const w of r.workloads) byWave.set(w.release?.wave, [...(byWave.get(w.release?.wave) ?? []), w]);
  for (const [wave, ws] of [...byWave].sort(([a], [c]) => (a ?? 0) - (c ?? 0))) {
    b.blank();
    b.heading(wave === undefined ? `Targets (${ws.length})` : `Wave ${wave} (${ws.length})`);
    for (const w of ws.sort(
      (x, y) => x.cluster.localeCompare(y.cluster) || x.namespace.localeCompare(y.namespace) || x.name.localeCompare(y.name),
    )) {
      const k = workloadKey(w);
      b.add(
        `wl:${k}`,
        [`  ${w.cluster}/${w.namespace}/${w.name} `, { text: stateText(w.rollout, ctx.now), token: phaseTone(w.rollout.phase) }],
        { view: 'rollout', key: k, title: `${w.kind}/${w.name}` },
      );
    }
  }
  return { title: `release ${r.batch}`, lines: b.lines };
}

export const releasesView = defineView<ReleaseInfo>({
  id: 'releases',
  title: 'Releases',
  key: '6',
  aliases: ['rel', 'release', 'batches'],
  help: 'fleet actions (batches, waves) as the clusters record them',
  columns: releaseColumns,
  rows: (s) => releases(s),
  rowKey: (r) => r.batch,
  cluster: (r) => r.clusters[0] ?? '',
  open: (r) => ({ view: 'release', key: r.batch, title: `release ${r.batch}` }),
  defaultSort: { col: 'age', desc: false },
  emptyText: () => 'No fleet action recorded in the clusters (a batch records itself on the workloads it acts on).',
  // No single workload: the keys act on the whole release (its workloads as one batch).
  actions: { workload: () => undefined, group: (s, key) => find(s, key)?.workloads ?? [] },
  detail: { id: 'release', build: buildReleaseDetail },
});

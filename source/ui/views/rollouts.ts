// Rollouts: game workloads whose rollout is progressing, paused or failed (A: every workload); the
// rollout action keys act on the selected row; Enter opens steps, hook runs and pods.
import { t } from '../../i18n/t.js';
import type { WorkloadInfo } from '../../model/types.js';
import { rolloutColumns } from '../../model/columns/rollouts.js';
import { isActiveRollout } from '../../model/rollouts.js';
import { KeyIndex } from '../list-diff.js';
import { noSelection, podChoice, workloadChoice } from '../log-target.js';
import { alertedWorkloads } from './alerts.js';
import { defineView } from './define.js';
import { workloadKey } from './keys.js';
import { workloadPodFocus } from './pod-focus.js';
import { buildRolloutDetail } from './rollout-detail.js';

// The workloads by row key (the marked rows of a 10k-row list are looked up at once), patched from
// one snapshot's list to the next with the workloads that changed.
const byKey = new KeyIndex<WorkloadInfo>(workloadKey);

export const rolloutsView = defineView<WorkloadInfo>({
  id: 'rollouts',
  title: 'views.rollouts.title',
  key: '2',
  aliases: ['ro', 'rollout'],
  help: 'views.rollouts.help',
  columns: rolloutColumns,
  rows: (s, ctx) => (ctx.showAll ? s.workloads : s.workloads.filter(isActiveRollout)),
  rowKey: workloadKey,
  cluster: (w) => w.cluster,
  namespace: (w) => w.namespace,
  open: (w) => ({ view: 'rollout', key: workloadKey(w), title: `${w.kind}/${w.name}` }),
  defaultSort: { col: 'state', desc: false },
  problems: alertedWorkloads,
  emptyText: (s, ctx) =>
    ctx.showAll || s.workloads.length === 0 ? t('views.empty.noWorkloads') : t('views.rollouts.nothingRolling', { n: s.workloads.length }),
  logs: (s, key) => (key === undefined ? noSelection('workload') : workloadChoice(s, key)),
  actions: { workload: (s, key) => byKey.of(s.workloads).get(key) },
  showAll: 'views.rollouts.showAll',
  detail: {
    id: 'rollout',
    build: buildRolloutDetail,
    podFocus: workloadPodFocus,
    // A pod line follows the pod, anything else the workload.
    logs: (s, key, item) => (item?.pod ? podChoice(item.pod) : workloadChoice(s, key)),
  },
});

// The built-in kinds' table printers, as k8s.io/kubernetes pkg/printers/internalversion prints them (always
// "wide": the priority-1 columns are sent and clients hide them), for the kinds the simulator serves.
import type { KubeObject } from '../../kube/object.js';
import { age, ageCol, c, humanDuration, n, NAME_DOC, nameCol, since, type Cell, type Printer } from './table-columns.js';

function containerCells(containers: any[] | undefined): [string, string] {
  const list = Array.isArray(containers) ? containers : [];
  return [list.map((x) => String(x?.name ?? '')).join(','), list.map((x) => String(x?.image ?? '')).join(',')];
}

function selectorString(sel: any): string {
  const ml = sel?.matchLabels;
  const parts = ml && typeof ml === 'object' ? Object.keys(ml).map((k) => `${k}=${String(ml[k])}`) : [];
  return parts.length ? parts.join(',') : '<none>';
}

/** printPod: READY counts ready running containers; STATUS is the phase or the reason a container gives. */
function podCells(pod: KubeObject, now: number): Cell[] {
  const spec = pod.spec ?? {};
  const status = pod.status ?? {};
  const total = (spec.containers ?? []).length;
  let ready = 0;
  let restarts = 0;
  let lastRestart = 0;
  let reason: string = status.reason || status.phase || '';
  let hasRunning = false;
  let errorReason = '';
  const statuses: any[] = status.containerStatuses ?? [];
  for (let i = statuses.length - 1; i >= 0; i--) {
    const cs = statuses[i];
    restarts += n(cs.restartCount);
    const fin = cs.lastState?.terminated?.finishedAt;
    if (typeof fin === 'string' && Date.parse(fin) > lastRestart) lastRestart = Date.parse(fin);
    if (cs.state?.waiting?.reason) reason = cs.state.waiting.reason;
    else if (cs.state?.terminated) {
      const t = cs.state.terminated;
      reason = t.reason || (t.signal ? `Signal:${t.signal}` : `ExitCode:${n(t.exitCode)}`);
      if (n(t.exitCode) !== 0) errorReason = reason;
    } else if (cs.ready && cs.state?.running) {
      hasRunning = true;
      ready++;
    }
  }
  if (reason === 'Completed') {
    const readyCond = (status.conditions ?? []).some((x: any) => x.type === 'Ready' && x.status === 'True');
    if (hasRunning && readyCond) reason = 'Running';
    else if (errorReason) reason = errorReason;
    else if (hasRunning) reason = 'NotReady';
  }
  if (pod.metadata.deletionTimestamp && status.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && status.phase !== 'Succeeded' && status.phase !== 'Failed') reason = 'Terminating';
  const restartsText = restarts !== 0 && lastRestart > 0 ? `${restarts} (${humanDuration(now - lastRestart)} ago)` : String(restarts);
  const gates: any[] = spec.readinessGates ?? [];
  const gatesText = gates.length
    ? `${gates.filter((g) => (status.conditions ?? []).some((x: any) => x.type === g.conditionType && x.status === 'True')).length}/${gates.length}`
    : '<none>';
  return [
    pod.metadata.name ?? '',
    `${ready}/${total}`,
    reason,
    restartsText,
    age(pod, now),
    status.podIPs?.[0]?.ip || status.podIP || '<none>',
    spec.nodeName || '<none>',
    status.nominatedNodeName || '<none>',
    gatesText,
  ];
}

export const BUILTIN: Record<string, Printer> = {
  '/pods': {
    columns: [
      nameCol,
      c('Ready', 'The aggregate readiness state of this pod for accepting traffic.'),
      c('Status', 'The aggregate status of the containers in this pod.'),
      c(
        'Restarts',
        'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.',
      ),
      ageCol,
      c('IP', 'podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.', { priority: 1 }),
      c('Node', 'NodeName indicates in which node this pod is scheduled.', { priority: 1 }),
      c('Nominated Node', 'nominatedNodeName is set only when this pod preempts other pods on the node.', { priority: 1 }),
      c('Readiness Gates', 'If specified, all readiness gates will be evaluated for pod readiness.', { priority: 1 }),
    ],
    cells: podCells,
    conditions: (o) =>
      o.status?.phase === 'Succeeded'
        ? [{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }]
        : o.status?.phase === 'Failed'
          ? [{ type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' }]
          : undefined,
  },
  '/namespaces': {
    columns: [nameCol, c('Status', 'The status of the namespace'), ageCol],
    cells: (o, now) => [o.metadata.name ?? '', o.status?.phase ?? '', age(o, now)],
  },
  '/services': {
    columns: [
      nameCol,
      c('Type', 'type determines how the Service is exposed.'),
      c('Cluster-IP', 'clusterIP is the IP address of the service.'),
      c('External-IP', 'externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.'),
      c('Port(s)', 'The list of ports that are exposed by this service.'),
      ageCol,
      c('Selector', 'Route service traffic to pods with label keys and values matching this selector.', { priority: 1 }),
    ],
    cells: (o, now) => {
      const s = o.spec ?? {};
      const ports = (s.ports ?? []).map((p: any) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`).join(',');
      const sel = s.selector && Object.keys(s.selector).length ? selectorString({ matchLabels: s.selector }) : '<none>';
      return [
        o.metadata.name ?? '',
        s.type ?? 'ClusterIP',
        s.clusterIPs?.[0] ?? s.clusterIP ?? '<none>',
        s.externalIPs?.length ? s.externalIPs.join(',') : '<none>',
        ports || '<none>',
        age(o, now),
        sel,
      ];
    },
  },
  '/configmaps': {
    columns: [nameCol, c('Data', 'Data contains the configuration data.'), ageCol],
    cells: (o, now) => [
      o.metadata.name ?? '',
      Object.keys((o.data as object) ?? {}).length + Object.keys((o.binaryData as object) ?? {}).length,
      age(o, now),
    ],
  },
  '/secrets': {
    columns: [
      nameCol,
      c('Type', 'Used to facilitate programmatic handling of secret data.'),
      c('Data', 'Data contains the secret data.'),
      ageCol,
    ],
    cells: (o, now) => [o.metadata.name ?? '', String(o.type ?? 'Opaque'), Object.keys((o.data as object) ?? {}).length, age(o, now)],
  },
  '/nodes': {
    columns: [
      nameCol,
      c('Status', 'The status of the node'),
      c('Roles', 'The roles of the node'),
      ageCol,
      c('Version', 'Kubelet Version reported by the node.'),
    ],
    cells: (o, now) => {
      const ready = (o.status?.conditions ?? []).find((x: any) => x.type === 'Ready');
      let st = ready ? (ready.status === 'True' ? 'Ready' : ready.status === 'False' ? 'NotReady' : 'Unknown') : 'Unknown';
      if (o.spec?.unschedulable) st += ',SchedulingDisabled';
      const roles = Object.keys(o.metadata.labels ?? {})
        .filter((k) => k.startsWith('node-role.kubernetes.io/'))
        .map((k) => k.slice('node-role.kubernetes.io/'.length))
        .filter((r) => r)
        .sort();
      return [o.metadata.name ?? '', st, roles.length ? roles.join(',') : '<none>', age(o, now), o.status?.nodeInfo?.kubeletVersion ?? ''];
    },
  },
  'apps/deployments': {
    columns: [
      nameCol,
      c('Ready', 'Number of the pod with ready state'),
      c('Up-to-date', 'Total number of non-terminating pods targeted by this deployment that have the desired template spec.'),
      c('Available', 'Total number of available non-terminating pods (ready for at least minReadySeconds) targeted by this deployment.'),
      ageCol,
      c('Containers', 'Names of each container in the template.', { priority: 1 }),
      c('Images', 'Images referenced by each container in the template.', { priority: 1 }),
      c('Selector', 'Label selector for pods.', { priority: 1 }),
    ],
    cells: (o, now) => [
      o.metadata.name ?? '',
      `${n(o.status?.readyReplicas)}/${n(o.spec?.replicas)}`,
      n(o.status?.updatedReplicas),
      n(o.status?.availableReplicas),
      age(o, now),
      ...containerCells(o.spec?.template?.spec?.containers),
      selectorString(o.spec?.selector),
    ],
  },
  'apps/statefulsets': {
    columns: [
      nameCol,
      c('Ready', 'Number of the pod with ready state'),
      ageCol,
      c('Containers', 'Names of each container in the template.', { priority: 1 }),
      c('Images', 'Images referenced by each container in the template.', { priority: 1 }),
    ],
    cells: (o, now) => [
      o.metadata.name ?? '',
      `${n(o.status?.readyReplicas)}/${n(o.spec?.replicas)}`,
      age(o, now),
      ...containerCells(o.spec?.template?.spec?.containers),
    ],
  },
  'apps/controllerrevisions': {
    columns: [
      nameCol,
      c('Controller', 'Controller of the object'),
      c('Revision', 'Revision indicates the revision of the state represented by Data.'),
      ageCol,
    ],
    cells: (o, now) => {
      const ref = o.metadata.ownerReferences?.find((x) => x.controller);
      const group = ref ? (ref.apiVersion.includes('/') ? ref.apiVersion.split('/')[0] : '') : '';
      const owner = ref ? `${ref.kind.toLowerCase()}${group ? `.${group}` : ''}/${ref.name}` : '<none>';
      return [o.metadata.name ?? '', owner, n(o.revision), age(o, now)];
    },
  },
};

export function eventPrinter(): Printer {
  return {
    columns: [
      c('Last Seen', 'The time at which the most recent occurrence of this event was recorded.'),
      c('Type', 'Type of this event (Normal, Warning), new types could be added in the future'),
      c(
        'Reason',
        "This should be a short, machine understandable string that gives the reason for the transition into the object's current status.",
      ),
      c('Object', 'The object that this event is about.'),
      c('Subobject', 'The field path of the object this event is about.', { priority: 1 }),
      c('Source', 'The component reporting this event. Should be a short machine understandable string.', { priority: 1 }),
      c('Message', 'A human-readable description of the status of this operation.'),
      c('First Seen', 'The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)', { priority: 1 }),
      c('Count', 'The number of times this event has occurred.', { priority: 1 }),
      c('Name', NAME_DOC, { priority: 1, format: 'name' }),
    ],
    cells: (o: any, now) => {
      // events.k8s.io/v1 names its fields differently; the apiserver prints both through the same internal type
      const involved = o.involvedObject ?? o.regarding ?? {};
      const first = o.firstTimestamp || o.deprecatedFirstTimestamp || o.eventTime;
      const last = o.series?.lastObservedTime ?? (o.lastTimestamp || o.deprecatedLastTimestamp || first);
      const count = o.series?.count ?? (o.count || o.deprecatedCount || 1);
      const target = involved.name
        ? `${String(involved.kind ?? '').toLowerCase()}/${involved.name}`
        : String(involved.kind ?? '').toLowerCase();
      const src = o.source?.component ?? o.reportingController ?? o.deprecatedSource?.component ?? '';
      const host = o.source?.host ?? o.reportingInstance ?? '';
      return [
        since(last, now),
        o.type ?? '',
        o.reason ?? '',
        target,
        involved.fieldPath ?? '',
        host ? `${src}, ${host}` : src,
        String(o.message ?? o.note ?? '').trim(),
        since(first, now),
        count,
        o.metadata.name ?? '',
      ];
    },
  };
}

// Server-side tables (`Accept: application/json;as=Table;v=v1;g=meta.k8s.io`), built like the apiserver's:
// - built-in kinds by the printers of k8s.io/kubernetes pkg/printers/internalversion (always "wide": the
//   priority-1 columns are sent and clients hide them), the kinds the simulator serves;
// - custom resources by apiextensions' tableconvertor: Name, then the CRD's additionalPrinterColumns read with
//   JSONPath and typed (integer/number/boolean/string/date, a date shown as an age), or one Age column when the
//   CRD has none;
// - any other built-in kind by rest.DefaultTableConvertor: Name, Created At.
// Each row carries its object per `includeObject` (handlers/response.go asTable): Metadata (the default) a
// PartialObjectMetadata, Object the whole object, None null.
import type { KubeObject } from '../../kube/object.js';
import { typeKey, type PrinterColumn, type ResourceInfo } from '../registry.js';
import { badRequest } from './status.js';

interface ColumnDefinition {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

type Cell = string | number | boolean | null;

interface Printer {
  columns: ColumnDefinition[];
  cells(o: KubeObject, now: number): Cell[];
  conditions?(o: KubeObject): unknown[] | undefined;
}

const NAME_DOC =
  'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names';
const CREATED_DOC =
  'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata';

function c(name: string, description: string, extra: Partial<ColumnDefinition> = {}): ColumnDefinition {
  return { name, type: 'string', format: '', description, priority: 0, ...extra };
}
const nameCol = c('Name', NAME_DOC, { format: 'name' });
const ageCol = c('Age', CREATED_DOC);

/** apimachinery util/duration HumanDuration. */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.trunc(seconds / 60);
  if (minutes < 10) return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m${seconds % 60}s`;
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.trunc(minutes / 60);
  if (hours < 8) return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) return hours % 24 === 0 ? `${hours / 24}d` : `${Math.trunc(hours / 24)}d${hours % 24}h`;
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365;
    return dy === 0 ? `${Math.trunc(hours / 24 / 365)}y` : `${Math.trunc(hours / 24 / 365)}y${dy}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
}

/** printers.go translateTimestampSince. */
function since(ts: unknown, now: number): string {
  if (typeof ts !== 'string' || ts === '') return '<unknown>';
  const t = Date.parse(ts);
  return Number.isNaN(t) ? '<unknown>' : humanDuration(now - t);
}

const age = (o: KubeObject, now: number): string => since(o.metadata.creationTimestamp, now);

const n = (v: unknown): number => (typeof v === 'number' ? v : 0);

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

const BUILTIN: Record<string, Printer> = {
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

function eventPrinter(): Printer {
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

const BUILTIN_GROUPS = new Set(['', 'apps', 'events.k8s.io', 'authorization.k8s.io', 'apiextensions.k8s.io']);

function printerFor(info: ResourceInfo): Printer {
  if (info.resource === 'events' && (info.group === '' || info.group === 'events.k8s.io')) return eventPrinter();
  const builtin = BUILTIN[typeKey(info)];
  if (builtin) return builtin;
  if (BUILTIN_GROUPS.has(info.group)) {
    return {
      columns: [nameCol, c('Created At', CREATED_DOC, { type: 'date' })],
      cells: (o) => [o.metadata.name ?? '', o.metadata.creationTimestamp ?? null],
    };
  }
  return crdPrinter(
    info.printerColumns?.length
      ? info.printerColumns
      : [{ name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp', description: CREATED_DOC }],
  );
}

function crdPrinter(cols: PrinterColumn[]): Printer {
  const paths = cols.map((col) => parseJsonPath(col.jsonPath));
  return {
    columns: [
      nameCol,
      ...cols.map((col) => ({
        name: col.name,
        type: col.type,
        format: col.format ?? '',
        description: col.description ?? `Custom resource definition column (in JSONPath format): ${col.jsonPath}`,
        priority: col.priority ?? 0,
      })),
    ],
    cells: (o, now) => [o.metadata.name ?? '', ...cols.map((col, i) => cellForJsonValue(col.type, evalJsonPath(paths[i], o), now))],
  };
}

/** tableconvertor.go cellForJSONValue (string columns print the value the way kubectl's JSONPath printer does). */
function cellForJsonValue(type: PrinterColumn['type'], value: unknown, now: number): Cell {
  if (value === undefined || value === null) return null;
  switch (type) {
    case 'integer':
      return typeof value === 'number' ? Math.trunc(value) : null;
    case 'number':
      return typeof value === 'number' ? value : null;
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
    case 'string':
      return typeof value === 'string' ? value : JSON.stringify(value);
    case 'date':
      if (typeof value !== 'string') return null;
      return Number.isNaN(Date.parse(value)) ? '<invalid>' : humanDuration(now - Date.parse(value));
  }
}

type Step = { field: string } | { index: number } | { filter: { key: string; value: string } };

/** The simple JSONPath CRDs use: `.a.b`, `.a[0]`, `.a['b.c']`, `.a[?(@.k=='v')].b`. */
export function parseJsonPath(path: string): Step[] {
  const steps: Step[] = [];
  const re = /\.([A-Za-z0-9_$-]+)|\[(\d+)\]|\['([^']*)'\]|\[\?\(@\.([A-Za-z0-9_.-]+)\s*==\s*['"]([^'"]*)['"]\)\]/gy;
  const p = path.replace(/^\{|\}$/g, '');
  let m: RegExpExecArray | null;
  while (re.lastIndex < p.length && (m = re.exec(p))) {
    if (m[1] !== undefined) steps.push({ field: m[1] });
    else if (m[2] !== undefined) steps.push({ index: Number(m[2]) });
    else if (m[3] !== undefined) steps.push({ field: m[3] });
    else steps.push({ filter: { key: m[4], value: m[5] } });
  }
  return steps;
}

function evalJsonPath(steps: Step[], root: unknown): unknown {
  let cur: unknown = root;
  for (const s of steps) {
    if (cur === undefined || cur === null) return undefined;
    if ('field' in s) cur = (cur as Record<string, unknown>)[s.field];
    else if ('index' in s) cur = Array.isArray(cur) ? cur[s.index] : undefined;
    else
      cur = Array.isArray(cur) ? cur.find((x) => x && String((x as Record<string, unknown>)[s.filter.key]) === s.filter.value) : undefined;
  }
  return cur;
}

export type IncludeObject = 'None' | 'Object' | 'Metadata';

/** metav1 TableOptions from the query, validated like ValidateTableOptions. */
export function includeObjectOf(value: string | undefined): IncludeObject {
  if (value === undefined || value === '' || value === 'Metadata') return 'Metadata';
  if (value === 'None' || value === 'Object') return value;
  throw badRequest(
    `Unable to convert to Table as requested: includeObject: Invalid value: "${value}": must be 'Metadata', 'Object', 'None', or empty`,
  );
}

export interface TableOptions {
  includeObject: IncludeObject;
  /** meta.k8s.io version of the Table (v1 or v1beta1). */
  version: string;
  noHeaders?: boolean;
  now?: number;
}

function rowObject(o: KubeObject, opts: TableOptions): unknown {
  if (opts.includeObject === 'None') return null;
  if (opts.includeObject === 'Object') return o;
  return { kind: 'PartialObjectMetadata', apiVersion: `meta.k8s.io/${opts.version}`, metadata: o.metadata };
}

/** The rows of a table, one per object (for streaming big lists row by row). */
export function tableRows(info: ResourceInfo, items: readonly KubeObject[], opts: TableOptions): unknown[] {
  const printer = printerFor(info);
  const now = opts.now ?? Date.now();
  return items.map((o) => {
    const row: Record<string, unknown> = { cells: printer.cells(o, now) };
    const cond = printer.conditions?.(o);
    if (cond) row.conditions = cond;
    row.object = rowObject(o, opts);
    return row;
  });
}

/** The Table's head: kind, apiVersion, list metadata and (unless noHeaders) the column definitions. */
export function tableHead(info: ResourceInfo, metadata: Record<string, unknown>, opts: TableOptions): Record<string, unknown> {
  return {
    kind: 'Table',
    apiVersion: `meta.k8s.io/${opts.version}`,
    metadata,
    columnDefinitions: opts.noHeaders ? null : printerFor(info).columns,
  };
}

export function toTable(info: ResourceInfo, items: readonly KubeObject[], metadata: Record<string, unknown>, opts: TableOptions): unknown {
  return { ...tableHead(info, metadata, opts), rows: tableRows(info, items, opts) };
}

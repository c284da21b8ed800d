// Events the simulated controllers record, as the real ones do (SuccessfulCreate / SuccessfulDelete on
// the workload for each pod it creates or deletes), so the console's Events panel and `zonectl events`
// have something real to show on the demo. Recorded only once the world is live (runtime.recordEvents):
// a world of 100k pods is built without 100k Events.
import type { KubeObject } from '../../kube/object.js';
import { T } from './kinds.js';
import type { ControllerRuntime } from './runtime.js';

export function recordEvent(
  rt: ControllerRuntime,
  involved: KubeObject,
  type: 'Normal' | 'Warning',
  reason: string,
  message: string,
  component: string,
): void {
  if (!rt.recordEvents) return;
  const at = rt.clock.iso();
  const md = involved.metadata;
  rt.store.create(T.event, {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${md.name ?? 'object'}.${rt.rand.id(10)}`, namespace: md.namespace ?? 'default' },
    involvedObject: { apiVersion: involved.apiVersion, kind: involved.kind, name: md.name, namespace: md.namespace, uid: md.uid },
    reason,
    message,
    type,
    count: 1,
    firstTimestamp: at,
    lastTimestamp: at,
    source: { component },
  });
}

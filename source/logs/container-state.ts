// What the follower knows of one container instance, read from the pod object (and how to order two
// readings of it). Pure.

export interface ContainerState {
  uid: string;
  containerID: string;
  running: boolean;
  restartCount: number;
  /** state.running.startedAt (RFC 3339). */
  startedAt?: string;
  /**
   * lastState.terminated: the one instance previous=true serves (the kubelet keeps no older one).
   * Empty when the pod says none.
   */
  lastTerminatedID: string;
  lastStartedAt?: string;
  /** The pod's resourceVersion this state was read from (to ignore stale watch events). */
  rv?: string;
}

/** Start of the running instance, in whole seconds (the kubelet's log timestamps are finer). */
export function startSecOf(startedAt: string | undefined): number | undefined {
  const ms = startedAt ? Date.parse(startedAt) : NaN;
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}

/** The container's state in a pod object. */
export function containerStateOf(pod: { metadata: { uid?: string }; status?: any }, container: string): ContainerState {
  const cs = ((pod.status?.containerStatuses as any[] | undefined) ?? []).find((c) => c?.name === container);
  return {
    uid: pod.metadata.uid ?? '',
    containerID: typeof cs?.containerID === 'string' ? cs.containerID : '',
    running: !!cs?.state?.running,
    restartCount: typeof cs?.restartCount === 'number' ? cs.restartCount : 0,
    startedAt: typeof cs?.state?.running?.startedAt === 'string' ? cs.state.running.startedAt : undefined,
    lastTerminatedID: typeof cs?.lastState?.terminated?.containerID === 'string' ? cs.lastState.terminated.containerID : '',
    lastStartedAt: typeof cs?.lastState?.terminated?.startedAt === 'string' ? cs.lastState.terminated.startedAt : undefined,
    rv:
      typeof (pod.metadata as { resourceVersion?: unknown }).resourceVersion === 'string'
        ? ((pod.metadata as { resourceVersion?: string }).resourceVersion as string)
        : undefined,
  };
}

/** resourceVersions are opaque; when both are integers (etcd, the simulator) they order. */
export function olderRv(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b || !/^\d+$/.test(a) || !/^\d+$/.test(b)) return false;
  return a.length !== b.length ? a.length < b.length : a < b;
}

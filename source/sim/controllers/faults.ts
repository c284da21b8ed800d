// Faults the simulated kubelet plays, chosen by the image tag, so the demo and tests can raise every
// pod alert with an ordinary hot update (and clear it with the next one):
//   <repo>:<tag>-notfound   the image cannot be pulled: ErrImagePull, then ImagePullBackOff
//   <repo>:<tag>-crashloop  the container exits at once (Error): CrashLoopBackOff, restarts rising
//   <repo>:<tag>-oom        the container is OOMKilled each time it starts: CrashLoopBackOff
// A real kubelet backs off up to 5 minutes; the simulator keeps the cycle short so an alert shows soon.

export type Fault = 'pull' | 'crash' | 'oom';

/** Virtual ms a crashing container runs, and waits in CrashLoopBackOff, before its next step. */
export const CRASH_STEP_MS = 4_000;

export function faultOf(image: string | undefined): Fault | undefined {
  if (!image) return undefined;
  const slash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  const tag = colon > slash ? image.slice(colon + 1) : '';
  if (tag.endsWith('-notfound')) return 'pull';
  if (tag.endsWith('-crashloop')) return 'crash';
  if (tag.endsWith('-oom')) return 'oom';
  return undefined;
}

/** The status of a container whose image cannot be pulled (first ErrImagePull, then ImagePullBackOff). */
export function pullFailed(prev: any, image: string): any {
  const waiting = prev?.state?.waiting?.reason;
  const reason = waiting === 'ErrImagePull' || waiting === 'ImagePullBackOff' ? 'ImagePullBackOff' : 'ErrImagePull';
  return {
    ...(prev ?? {}),
    image,
    imageID: '',
    ready: false,
    started: false,
    state: { waiting: { reason, message: `Back-off pulling image "${image}"` } },
  };
}

/** One step of a crash loop: running -> terminated (Error / OOMKilled) and waiting; waiting -> running. */
export function crashStep(prev: any, fault: 'crash' | 'oom', now: string): any {
  if (prev?.state?.running) {
    const reason = fault === 'oom' ? 'OOMKilled' : 'Error';
    return {
      ...prev,
      ready: false,
      started: false,
      restartCount: (prev.restartCount ?? 0) + 1,
      lastState: { terminated: { exitCode: fault === 'oom' ? 137 : 1, reason, startedAt: prev.state.running.startedAt, finishedAt: now } },
      state: { waiting: { reason: 'CrashLoopBackOff', message: `back-off restarting failed container ${prev.name}` } },
    };
  }
  return { ...prev, ready: false, started: true, state: { running: { startedAt: now } } };
}

/** Whether the pod's containers are in a fault that needs another step (a crash loop keeps going). */
export function crashing(pod: any): boolean {
  const spec = (pod.spec?.containers as any[] | undefined) ?? [];
  return spec.some((c) => {
    const f = faultOf(c.image);
    return f === 'crash' || f === 'oom';
  });
}

/** A pull that already backs off waits for a new image (nothing to do until the spec changes). */
export function pullBackingOff(pod: any): boolean {
  const cs = (pod.status?.containerStatuses as any[] | undefined) ?? [];
  return cs.some((s) => s.state?.waiting?.reason === 'ImagePullBackOff' && faultOf(s.image) === 'pull');
}

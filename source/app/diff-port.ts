// The diff port (ports/diff.ts) over a kubeconfig: the gitops engine renders the repo and compares it
// with the live objects of the allowed contexts, keeping one dry-run cache per port. `zonectl diff` runs
// it once; the console loads it on the first `:diff` (console-ports.ts) and reads what its store watches.
import { contextClient } from './clients.js';
import { kubeTargets } from '../gitops/kube-targets.js';
import { DryRunCache } from '../gitops/predict.js';
import { runGitDiff, type DiffRequest } from '../gitops/run.js';
import type { LoadedKubeconfig } from '../kube/kubeconfig.js';
import type { DiffPort } from '../ports/diff.js';
import type { Fleet } from '../fleet/fleet.js';

export function createDiffPort(
  req: DiffRequest,
  kc: LoadedKubeconfig,
  opts: { timeoutMs?: number; fleet?: Fleet } = {},
): DiffPort & { close(): void } {
  const targets = kubeTargets(kc, {
    allowed: req.contexts,
    timeoutMs: opts.timeoutMs,
    // A context the kubeconfig cannot make a client for (a missing CA file...) fails its apps only.
    makeClient: (context, timeoutMs) => contextClient(kc, context, { timeoutMs }),
  });
  const cache = new DryRunCache();
  // The console's fleet: a listing its store already watches (same type and version, covering namespace and
  // selector) is read from the shared informer; requests (LISTs, dry-runs) keep the diff's own clients.
  const fleet = opts.fleet;
  const watched = fleet
    ? (context: string) => {
        const m = fleet.member(context);
        return m ? { informers: fleet.informers, client: m.client } : undefined;
      }
    : undefined;
  return {
    title: `${req.repo}@${req.ref ?? 'HEAD'}`,
    refresh: () => runGitDiff(req, { ...targets, watched }, cache),
    close: () => targets.close(),
  };
}

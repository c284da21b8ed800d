// The diff port (ports/diff.ts) over a kubeconfig: the gitops engine renders the repo and compares it
// with the live objects of the allowed contexts, keeping one dry-run cache per port. `zonectl diff` runs
// it once; the console loads it on the first `:diff` (console-ports.ts).
import { contextClient } from './clients.js';
import { kubeTargets } from '../gitops/kube-targets.js';
import { DryRunCache } from '../gitops/predict.js';
import { runGitDiff, type DiffRequest } from '../gitops/run.js';
import type { LoadedKubeconfig } from '../kube/kubeconfig.js';
import type { DiffPort } from '../ports/diff.js';

export function createDiffPort(req: DiffRequest, kc: LoadedKubeconfig, opts: { timeoutMs?: number } = {}): DiffPort & { close(): void } {
  const targets = kubeTargets(kc, {
    allowed: req.contexts,
    timeoutMs: opts.timeoutMs,
    // A context the kubeconfig cannot make a client for (a missing CA file...) fails its apps only.
    makeClient: (context, timeoutMs) => contextClient(kc, context, { timeoutMs }),
  });
  const cache = new DryRunCache();
  return {
    title: `${req.repo}@${req.ref ?? 'HEAD'}`,
    refresh: () => runGitDiff(req, targets, cache),
    close: () => targets.close(),
  };
}

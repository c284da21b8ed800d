// The DiffPort implementation over a kubeconfig (wired by the app shell, not by the UI).
import type { LoadedKubeconfig } from '../kube/kubeconfig.js';
import { kubeTargets } from './kube-targets.js';
import type { DiffPort } from './port.js';
import { DryRunCache } from './predict.js';
import { runGitDiff, type DiffRequest } from './run.js';

export function createDiffPort(req: DiffRequest, kc: LoadedKubeconfig, opts: { timeoutMs?: number } = {}): DiffPort & { close(): void } {
  const targets = kubeTargets(kc, { allowed: req.contexts, timeoutMs: opts.timeoutMs });
  const cache = new DryRunCache();
  return {
    title: `${req.repo}@${req.ref ?? 'HEAD'}`,
    refresh: () => runGitDiff(req, targets, cache),
    close: () => targets.close(),
  };
}

// Test tools built by test/cluster/tools/build-helm.sh and build-kubectl.sh (cached outside the repo), or on PATH.
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { findTool } from '../../../source/gitops/tools.js';

function fromCache(prefix: string, bin: string): string | undefined {
  const root = process.env.ZONECTL_TOOLS_CACHE || join(homedir(), '.cache', 'zonectl-tools');
  if (!existsSync(root)) return undefined;
  const dirs = readdirSync(root)
    .filter((d) => d.startsWith(prefix))
    .sort()
    .reverse();
  for (const d of dirs) if (existsSync(join(root, d, bin))) return join(root, d, bin);
  return undefined;
}

export const HELM = fromCache('helm-', 'helm') ?? findTool('helm');
export const KUBECTL = fromCache('kubectl-', 'kubectl') ?? findTool('kubectl');

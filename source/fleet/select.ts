// Which contexts are in view: --context (repeatable) > --all-contexts > config fleet: > current context.
import { InputError } from '../errors.js';
import type { Config } from '../config/config.js';
import type { ContextRef, LoadedKubeconfig } from '../kube/kubeconfig.js';
import { t } from '../i18n/t.js';

export class SelectionError extends InputError {}

export function selectContexts(
  available: ContextRef[],
  current: string | undefined,
  flags: { context?: string[]; allContexts?: boolean },
  config: Pick<Config, 'fleet'>,
): string[] {
  const names = new Set(available.map((c) => c.name));
  const check = (list: string[], from: string) => {
    const missing = list.filter((n) => !names.has(n));
    if (missing.length)
      throw new SelectionError(
        t('commands.fleet.notInKubeconfig', {
          from,
          n: missing.length,
          missing: missing.map((m) => `"${m}"`).join(', '),
          have: [...names].join(', ') || t('commands.action.none'),
        }),
      );
    return [...new Set(list)];
  };
  if (flags.context && flags.context.length > 0) return check(flags.context, '--context');
  if (flags.allContexts) {
    if (available.length === 0) throw new SelectionError(t('commands.fleet.noContexts'));
    // Every cluster once: contexts that reach the same API server (e.g. the same cluster as another
    // user) collapse to the first, preferring the current context.
    const ordered = [...available].sort((a, b) => Number(b.name === current) - Number(a.name === current));
    const seen = new Set<string>();
    const keep = new Set<string>();
    for (const c of ordered) {
      const key = c.server || `cluster:${c.cluster}`;
      if (seen.has(key)) continue;
      seen.add(key);
      keep.add(c.name);
    }
    return available.filter((c) => keep.has(c.name)).map((c) => c.name);
  }
  if (config.fleet.length > 0) return check(config.fleet, t('commands.fleet.configFleet'));
  if (current && names.has(current)) return [current];
  throw new SelectionError(t('commands.fleet.noContext'));
}

/** -A: every namespace; -n NS; else the context's namespace, else "default" (like kubectl). */
export function namespaceFor(
  flags: { namespace?: string; allNamespaces?: boolean },
  kubeconfig: LoadedKubeconfig,
): (cluster: string) => string | undefined {
  return (cluster) =>
    flags.allNamespaces ? undefined : flags.namespace || kubeconfig.contexts.find((c) => c.name === cluster)?.namespace || 'default';
}

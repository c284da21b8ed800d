// Line and container filters: --include / --exclude / --container for the follower. (The console's `/`
// filter over a log view is ui/logs/view-filter.ts.)
import { InputError } from '../errors.js';
import { t } from '../i18n/t.js';

export class FilterError extends InputError {}

/** Compiles a user regex for a flag, naming the flag in the error. */
export function compileRegex(source: string, flag: string, flags = ''): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (e) {
    throw new FilterError(
      t('commands.logs.badRegex', { flag, source, error: (e as Error).message.replace(/^Invalid regular expression: /, '') }),
    );
  }
}

/** --include / --exclude: a line passes when it matches any include (if given) and no exclude. */
export function lineFilter(include: readonly RegExp[] = [], exclude: readonly RegExp[] = []): ((message: string) => boolean) | undefined {
  if (include.length === 0 && exclude.length === 0) return undefined;
  const inc = include.map(stateless);
  const exc = exclude.map(stateless);
  return (m) => {
    if (inc.length > 0) {
      let ok = false;
      for (const r of inc)
        if (r.test(m)) {
          ok = true;
          break;
        }
      if (!ok) return false;
    }
    for (const r of exc) if (r.test(m)) return false;
    return true;
  };
}

/** --container: which containers of a pod to follow (all when no regex). */
export function containerMatcher(re?: RegExp): (name: string) => boolean {
  if (!re) return () => true;
  const r = stateless(re);
  return (n) => r.test(n);
}

function stateless(r: RegExp): RegExp {
  return r.global || r.sticky ? new RegExp(r.source, r.flags.replace(/[gy]/g, '')) : r;
}

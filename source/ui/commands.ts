// The ':' command line: parsing and Tab completion. Pure. Each list view of the registry is a
// command (its id, with its aliases); the rest are fixed.
import { t } from '../i18n/t.js';
import type { ViewRegistry } from './views/registry.js';
import { VIEWS } from './views/registry.js';
import type { ListViewId } from './views/types.js';

export type CommandResult =
  | { kind: 'view'; view: ListViewId }
  | { kind: 'ctx'; cluster: string | null }
  | { kind: 'ns'; namespace: string | null }
  | { kind: 'help' }
  | { kind: 'diff' }
  | { kind: 'quit' }
  | { kind: 'error'; message: string };

export interface CommandDef {
  name: string;
  aliases: readonly string[];
  help: string;
  arg?: 'cluster' | 'namespace';
  /** `namespaces`: the namespaces the snapshot has rows in (`:ns` completes and prefix-matches them). */
  run(arg: string, clusters: readonly string[], namespaces: readonly string[]): CommandResult;
}

/** A Kubernetes namespace name (RFC 1123 label). */
const NAMESPACE_NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** `:ns NAME|all`: the exact name, else the one namespace it is a prefix of, else any valid name (it may have no rows yet). */
function nsCommand(arg: string, namespaces: readonly string[]): CommandResult {
  if (arg === '' || arg === 'all' || arg === '-' || arg === '*') return { kind: 'ns', namespace: null };
  if (namespaces.includes(arg)) return { kind: 'ns', namespace: arg };
  const matches = namespaces.filter((n) => n.startsWith(arg));
  if (matches.length === 1) return { kind: 'ns', namespace: matches[0] };
  if (matches.length > 1)
    return {
      kind: 'error',
      message: t('console.cmd.nsAmbiguous', {
        arg,
        n: matches.length,
        names: `${matches.slice(0, 6).join(', ')}${matches.length > 6 ? ', ...' : ''}`,
      }),
    };
  if (!NAMESPACE_NAME.test(arg)) return { kind: 'error', message: t('console.cmd.notNamespace', { arg }) };
  return { kind: 'ns', namespace: arg };
}

const FIXED: readonly CommandDef[] = [
  {
    name: 'ctx',
    aliases: ['context'],
    get help() {
      return t('console.cmd.ctx');
    },
    arg: 'cluster',
    run: (arg, clusters) => {
      if (arg === '' || arg === 'all' || arg === '-' || arg === '*') return { kind: 'ctx', cluster: null };
      if (clusters.includes(arg)) return { kind: 'ctx', cluster: arg };
      const matches = clusters.filter((c) => c.startsWith(arg));
      if (matches.length === 1) return { kind: 'ctx', cluster: matches[0] };
      return {
        kind: 'error',
        message:
          matches.length > 1
            ? t('console.cmd.ctxAmbiguous', { arg, n: matches.length, names: matches.join(', ') })
            : t('console.cmd.noCluster', { arg }),
      };
    },
  },
  {
    name: 'ns',
    aliases: ['namespace'],
    get help() {
      return t('console.cmd.ns');
    },
    arg: 'namespace',
    run: (arg, _clusters, namespaces) => nsCommand(arg, namespaces),
  },
  {
    name: 'diff',
    aliases: ['gitops', 'drift'],
    get help() {
      return t('console.cmd.diff');
    },
    run: () => ({ kind: 'diff' }),
  },
  {
    name: 'help',
    aliases: ['h'],
    get help() {
      return t('console.cmd.help');
    },
    run: () => ({ kind: 'help' }),
  },
  {
    name: 'quit',
    aliases: ['q', 'q!', 'exit'],
    get help() {
      return t('console.cmd.quit');
    },
    run: () => ({ kind: 'quit' }),
  },
];

const byRegistry = new WeakMap<ViewRegistry, readonly CommandDef[]>();

/** Every command: one per list view, then the fixed ones. */
export function commandsOf(views: ViewRegistry = VIEWS): readonly CommandDef[] {
  let all = byRegistry.get(views);
  if (!all) {
    const viewCommands = views.lists.map((v): CommandDef => ({
      name: v.id,
      aliases: v.aliases,
      // Read when shown: the view's help may be in the run's language, set after this list is built.
      get help() {
        return v.help;
      },
      run: () => ({ kind: 'view', view: v.id }),
    }));
    all = [...viewCommands, ...FIXED];
    byRegistry.set(views, all);
  }
  return all;
}

function find(word: string, views: ViewRegistry): CommandDef | undefined {
  return commandsOf(views).find((c) => c.name === word || c.aliases.includes(word));
}

export function parseCommand(
  line: string,
  clusters: readonly string[],
  views: ViewRegistry = VIEWS,
  namespaces: readonly string[] = [],
): CommandResult {
  const trimmed = line.trim();
  if (trimmed === '') return { kind: 'error', message: t('console.cmd.empty') };
  const [word, ...rest] = trimmed.split(/\s+/);
  const def = find(word, views);
  if (!def) {
    // One line at 80 columns whatever the number of views: Tab after ':' lists them all, ? shows the help.
    return { kind: 'error', message: t('console.cmd.unknown', { word }) };
  }
  return def.run(rest.join(' '), clusters, namespaces);
}

/** Full-line candidates for what has been typed so far. */
export function completions(
  line: string,
  clusters: readonly string[],
  views: ViewRegistry = VIEWS,
  namespaces: readonly string[] = [],
): string[] {
  const m = /^(\S*)(\s+)?(.*)$/.exec(line) ?? ['', '', undefined, ''];
  const word = m[1] ?? '';
  if (m[2] === undefined) {
    return commandsOf(views)
      .filter((c) => c.name.startsWith(word))
      .map((c) => (c.arg ? `${c.name} ` : c.name));
  }
  const def = find(word, views);
  if (def?.arg === undefined) return [];
  const arg = (m[3] ?? '').trim();
  const names = def.arg === 'cluster' ? clusters : namespaces;
  return ['all', ...names].filter((c) => c.startsWith(arg)).map((c) => `${def.name} ${c}`);
}

/** Tab: extends the line to the longest common prefix of the candidates. */
export function complete(
  line: string,
  clusters: readonly string[],
  views: ViewRegistry = VIEWS,
  namespaces: readonly string[] = [],
): string {
  const cands = completions(line, clusters, views, namespaces);
  if (cands.length === 0) return line;
  let prefix = cands[0];
  for (const c of cands.slice(1)) {
    let i = 0;
    while (i < prefix.length && i < c.length && prefix[i] === c[i]) i++;
    prefix = prefix.slice(0, i);
  }
  return prefix.length > line.length ? prefix : line;
}

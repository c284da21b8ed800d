// The ':' command line: parsing and Tab completion. Pure.
import type { ListViewId } from './views/types.js';

export type CommandResult =
  | { kind: 'view'; view: ListViewId }
  | { kind: 'ctx'; cluster: string | null }
  | { kind: 'help' }
  | { kind: 'diff' }
  | { kind: 'quit' }
  | { kind: 'error'; message: string };

interface CommandDef {
  name: string;
  aliases: string[];
  help: string;
  arg?: 'cluster';
  run(arg: string, clusters: readonly string[]): CommandResult;
}

export const COMMANDS: readonly CommandDef[] = [
  { name: 'zones', aliases: ['z', 'zone'], help: 'all zones across the fleet', run: () => ({ kind: 'view', view: 'zones' }) },
  {
    name: 'rollouts',
    aliases: ['ro', 'rollout'],
    help: 'workloads that are rolling out, paused or failed',
    run: () => ({ kind: 'view', view: 'rollouts' }),
  },
  { name: 'clusters', aliases: ['cl', 'cluster'], help: 'cluster connection states', run: () => ({ kind: 'view', view: 'clusters' }) },
  {
    name: 'fed',
    aliases: ['federation', 'federated'],
    help: 'federated objects and their propagation',
    run: () => ({ kind: 'view', view: 'fed' }),
  },
  {
    name: 'ctx',
    aliases: ['context'],
    help: 'show one cluster only (:ctx all for every cluster)',
    arg: 'cluster',
    run: (arg, clusters) => {
      if (arg === '' || arg === 'all' || arg === '-' || arg === '*') return { kind: 'ctx', cluster: null };
      if (clusters.includes(arg)) return { kind: 'ctx', cluster: arg };
      const matches = clusters.filter((c) => c.startsWith(arg));
      if (matches.length === 1) return { kind: 'ctx', cluster: matches[0] };
      return {
        kind: 'error',
        message: matches.length > 1 ? `"${arg}" matches ${matches.length} clusters: ${matches.join(', ')}` : `no cluster named "${arg}"`,
      };
    },
  },
  {
    name: 'diff',
    aliases: ['gitops', 'drift'],
    help: 'Git config repo versus live (--diff-repo, or diff: in the config file)',
    run: () => ({ kind: 'diff' }),
  },
  { name: 'help', aliases: ['h'], help: 'key and command help', run: () => ({ kind: 'help' }) },
  { name: 'quit', aliases: ['q', 'q!', 'exit'], help: 'quit zonectl', run: () => ({ kind: 'quit' }) },
];

function find(word: string): CommandDef | undefined {
  return COMMANDS.find((c) => c.name === word || c.aliases.includes(word));
}

export function parseCommand(line: string, clusters: readonly string[]): CommandResult {
  const trimmed = line.trim();
  if (trimmed === '') return { kind: 'error', message: 'empty command' };
  const [word, ...rest] = trimmed.split(/\s+/);
  const def = find(word);
  if (!def) return { kind: 'error', message: `unknown command ":${word}" (try :zones :rollouts :clusters :fed :diff :ctx <name> :q)` };
  return def.run(rest.join(' '), clusters);
}

/** Full-line candidates for what has been typed so far. */
export function completions(line: string, clusters: readonly string[]): string[] {
  const m = /^(\S*)(\s+)?(.*)$/.exec(line) ?? ['', '', undefined, ''];
  const word = m[1] ?? '';
  if (m[2] === undefined) {
    return COMMANDS.filter((c) => c.name.startsWith(word)).map((c) => (c.arg ? `${c.name} ` : c.name));
  }
  const def = find(word);
  if (def?.arg !== 'cluster') return [];
  const arg = (m[3] ?? '').trim();
  return ['all', ...clusters].filter((c) => c.startsWith(arg)).map((c) => `${def.name} ${c}`);
}

/** Tab: extends the line to the longest common prefix of the candidates. */
export function complete(line: string, clusters: readonly string[]): string {
  const cands = completions(line, clusters);
  if (cands.length === 0) return line;
  let prefix = cands[0];
  for (const c of cands.slice(1)) {
    let i = 0;
    while (i < prefix.length && i < c.length && prefix[i] === c[i]) i++;
    prefix = prefix.slice(0, i);
  }
  return prefix.length > line.length ? prefix : line;
}

// zonectl completion bash|zsh|fish: a script for the shell that asks zonectl itself, at each Tab, what
// may come next (`zonectl __complete WORD... CURRENT`, one candidate a line): commands, each command's
// flags (read from its --help, so a new flag completes without a change here), output formats and
// themes, the kubeconfig's contexts, and from the live cluster the namespaces and the objects of a
// kind (`approve gsts/<Tab>`). A cluster that does not answer within 3 s completes nothing.
import { EXIT } from '../source/exit-codes.js';
import { loadKubeconfig, kubeconfigFiles, type LoadedKubeconfig } from '../source/kube/kubeconfig.js';
import { HttpClusterClient } from '../source/kube/client.js';
import type { ResourceType } from '../source/kube/object.js';
import { WORKLOAD_SPECS } from '../source/kinds/registry.js';
import { OUTPUT_FORMATS } from '../source/output/format.js';
import { THEME_NAMES } from '../source/ui/theme/theme.js';
import { LANGS } from '../source/i18n/lang.js';
import { UsageError } from './flags.js';
import { guarded } from './errors.js';
import { VALUE_FLAGS, commandWord } from './words.js';
import { t } from '../source/i18n/t.js';

const HELP = (): string => t('commands.help.completion');

const BASH = `# zonectl completion for bash: source <(zonectl completion bash)
_zonectl() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" IFS=$'\\n'
  COMPREPLY=($(compgen -W "$("\${COMP_WORDS[0]}" __complete "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null)" -- "$cur"))
  if [[ \${#COMPREPLY[@]} -eq 1 && \${COMPREPLY[0]} == */ ]]; then compopt -o nospace; fi
}
complete -o default -F _zonectl zonectl kubectl-zonectl
`;

const ZSH = `#compdef zonectl kubectl-zonectl
# zonectl completion for zsh: source <(zonectl completion zsh)  (after compinit)
_zonectl() {
  local -a cands
  cands=("\${(@f)$(\${words[1]} __complete "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  cands=(\${cands:#})
  if (( \${#cands} )); then compadd -S '' -Q -- "\${(@)cands:#*[^/]}"; compadd -Q -- "\${(@M)cands:#*[^/]}"; else _files; fi
}
compdef _zonectl zonectl kubectl-zonectl
`;

const FISH = `# zonectl completion for fish: zonectl completion fish > ~/.config/fish/completions/zonectl.fish
function __zonectl_complete
    set -l words (commandline -opc) (commandline -ct)
    $words[1] __complete $words[2..-1] 2>/dev/null
end
complete -c zonectl -f -a '(__zonectl_complete)'
complete -c kubectl-zonectl -f -a '(__zonectl_complete)'
`;

const SCRIPTS: Record<string, string> = { bash: BASH, zsh: ZSH, fish: FISH };

export function run(argv: string[]): Promise<number> {
  return guarded(() => {
    if (argv.includes('--help') || argv.includes('-h')) {
      process.stdout.write(HELP().trimStart());
      return Promise.resolve(EXIT.OK);
    }
    const script = argv.length === 1 ? SCRIPTS[argv[0]!] : undefined;
    if (!script) throw new UsageError(t('commands.completion.expectedShell'));
    process.stdout.write(script);
    return Promise.resolve(EXIT.OK);
  });
}

/** What completion needs from the entry: the command names and a command's --help text. */
export interface CommandTable {
  names: string[];
  helpOf(command: string | undefined): Promise<string>;
}

/** Commands whose words after the command are KIND/NAME targets of the live cluster. */
const TARGETED = new Set([
  'approve',
  'reject',
  'skip-hook',
  'retry-hooks',
  'hold',
  'release',
  'hotupdate',
  'restart',
  'logs',
  'describe',
  'events',
]);
/** Commands whose target is a pod (pod/NAME), and those that also take pods besides workloads. */
const POD_ONLY = new Set(['delete', 'shell']);
const POD_TOO = new Set(['logs', 'describe', 'events']);
const POD_TYPE = { group: '', version: 'v1', resource: 'pods', kind: 'Pod', namespaced: true } as const;

/** The candidates for the last word of `words` (the words after `zonectl`, the last one being typed). */
export async function complete(words: string[], table: CommandTable): Promise<string[]> {
  const cur = words.at(-1) ?? '';
  const before = words.slice(0, -1);
  const prev = before.at(-1);
  const command = commandWord(before);
  if (prev && VALUE_FLAGS.has(prev)) return valuesOf(prev, before);
  if (cur.startsWith('-')) return flagsIn(await table.helpOf(command));
  if (!command) return [...table.names, 'completion', 'version'];
  if (command === 'completion') return Object.keys(SCRIPTS);
  const pods = POD_ONLY.has(command) || POD_TOO.has(command);
  if (!TARGETED.has(command) && !pods) return [];
  const slash = cur.indexOf('/');
  if (slash < 0)
    return [
      ...(pods ? ['pod/'] : []),
      ...(POD_ONLY.has(command)
        ? []
        : WORKLOAD_SPECS.flatMap((s) => s.aliases.filter((a, i) => i === 0 || (cur && a.startsWith(cur))).map((a) => `${a}/`))),
    ];
  const alias = cur.slice(0, slash);
  if (pods && /^(pod|pods|po)$/i.test(alias)) return (await live(before, POD_TYPE)).map((n) => `${alias}/${n}`);
  if (POD_ONLY.has(command)) return [];
  const spec = WORKLOAD_SPECS.find((s) => s.aliases.includes(alias.toLowerCase()));
  if (!spec) return [];
  const names = await live(before, spec.type);
  return names.map((n) => `${alias}/${n}`);
}

/** Every flag a help text lists (lines that start with a flag). */
export function flagsIn(help: string): string[] {
  const flags = new Set<string>();
  for (const line of help.split('\n')) {
    const m = /^\s+(-[^\s].*?)(?:\s{2,}|$)/.exec(line);
    if (!m) continue;
    for (const f of m[1]!.matchAll(/(?:^|[\s,])(--?[a-zA-Z][a-zA-Z0-9-]*)/g)) flags.add(f[1]!);
  }
  return [...flags];
}

async function valuesOf(flag: string, before: string[]): Promise<string[]> {
  switch (flag) {
    case '-o':
    case '--output':
      return [...OUTPUT_FORMATS];
    case '--theme':
      return [...THEME_NAMES];
    case '--lang':
      return [...LANGS];
    case '--context':
    case '--kubefed-host':
      return kubeconfigOf(before)?.contexts.map((c) => c.name) ?? [];
    case '-n':
    case '--namespace':
      return live(before, { group: '', version: 'v1', resource: 'namespaces', kind: 'Namespace', namespaced: false });
    default:
      return []; // files, selectors, numbers: the shell's own completion
  }
}

/** The value of the first `flag` among the words. */
function flagValue(words: string[], ...flag: string[]): string | undefined {
  for (let i = 0; i < words.length - 1; i++) if (flag.includes(words[i]!)) return words[i + 1];
  for (const w of words) for (const f of flag) if (w.startsWith(`${f}=`)) return w.slice(f.length + 1);
  return undefined;
}

function kubeconfigOf(words: string[]): LoadedKubeconfig | undefined {
  const file = flagValue(words, '--kubeconfig');
  try {
    return loadKubeconfig(file ? [file] : kubeconfigFiles());
  } catch {
    return undefined;
  }
}

/** Names of `type`'s objects on the chosen context (--context, else the current one), in -n / the context's namespace / all with -A. */
async function live(words: string[], type: ResourceType): Promise<string[]> {
  const kc = kubeconfigOf(words);
  const context = flagValue(words, '--context') ?? kc?.current;
  const ref = kc?.contexts.find((c) => c.name === context);
  if (!kc || !ref) return [];
  const all = words.includes('-A') || words.includes('--all-namespaces');
  const namespace = type.namespaced && !all ? (flagValue(words, '-n', '--namespace') ?? ref.namespace ?? 'default') : undefined;
  const client = new HttpClusterClient(ref.name, kc.forContext(ref.name), { timeoutMs: 3000 });
  try {
    const list = await client.list(type, { namespace, limit: 500 });
    return [...new Set(list.items.flatMap((o) => (o.metadata.name ? [o.metadata.name] : [])))].sort();
  } catch {
    return [];
  } finally {
    client.close();
  }
}

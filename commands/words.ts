// How zonectl reads its command line before any command loads: which flags take a value, and which
// word is the subcommand. Shared by the entry (source/cli.ts) and shell completion.

/** Flags that take a value as the next argument (`zonectl --context sh` is not a command "sh"). */
export const VALUE_FLAGS = new Set([
  '--context',
  '-n',
  '--namespace',
  '-l',
  '--selector',
  '-o',
  '--output',
  '--kubeconfig',
  '--request-timeout',
  '--kubefed-host',
  '--theme',
  '--lang',
  '--diff-repo',
  '--diff-ref',
  '--diff-map',
]);

/** The subcommand: the first argument that is neither a flag nor a flag's value. */
export function commandWord(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('-')) return a;
    if (VALUE_FLAGS.has(a)) i++;
  }
  return undefined;
}

// `zonectl logs -f` as both log benchmarks run it: every zone-labelled pod of the given contexts, new lines
// only, one stream per container up to `streams`, raw lines (no prefix or colour to parse back).
export function followArgs(contextArgs: string[], streams: number): string[] {
  return ['logs', '-l', 'zonectl.io/zone', '-A', ...contextArgs, '-f', '--tail', '0', '--max-streams', String(streams), '-o', 'raw'];
}

// Flags shared by the scripted commands, parsed with meow; usage errors become exit code 2.
import meow from 'meow';
import { ExpectedError, InputError } from '../source/errors.js';
import { EXIT, type ExitCode } from '../source/exit-codes.js';
import type { FleetFlags } from '../source/app/session.js';
import { REQUEST_TIMEOUT_RANGE, isRequestTimeout } from '../source/config/config.js';
import { pathSegmentProblem } from '../source/kube/object.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../source/output/format.js';

export const FLEET_FLAGS = {
  context: { type: 'string', isMultiple: true },
  allContexts: { type: 'boolean', default: false },
  namespace: { type: 'string', shortFlag: 'n' },
  allNamespaces: { type: 'boolean', shortFlag: 'A', default: false },
  selector: { type: 'string', shortFlag: 'l' },
  output: { type: 'string', shortFlag: 'o', default: 'table' },
  kubeconfig: { type: 'string' },
  // A string, checked by requestTimeoutFlag: meow would turn "abc" into NaN and pass 1e12 through.
  requestTimeout: { type: 'string' },
  readonly: { type: 'boolean', default: false },
  kubefedHost: { type: 'string' },
  help: { type: 'boolean', shortFlag: 'h', default: false },
} as const;

export const FLEET_HELP = `  --context NAME         a kubeconfig context (repeatable)
  --all-contexts         every context in the kubeconfig
  -n, --namespace NS     one namespace (default: the context's namespace, else "default")
  -A, --all-namespaces   every namespace
  -l, --selector SEL     label selector for workloads and pods
  -o, --output FMT       table | wide | json | yaml | name
  --kubeconfig FILE      instead of $KUBECONFIG / ~/.kube/config
  --request-timeout MS   per-request timeout in milliseconds (default 10000, at most 600000)
  --kubefed-host CTX     the fleet is this kubefed host plus every KubeFedCluster member that a
                         kubeconfig context reaches (matched by API endpoint)`;

export class UsageError extends InputError {}

export interface ParsedFleetFlags extends FleetFlags {
  output: OutputFormat;
}

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * meow, but an unknown flag is a UsageError (one line, exit 2) instead of meow's own two-line message
 * and process exit.
 */
export function strictMeow(help: string, argv: string[], flags: Record<string, { shortFlag?: string; aliases?: readonly string[] }>) {
  let cli: ReturnType<typeof meow>;
  try {
    cli = meow(help, {
      importMeta: import.meta,
      argv,
      flags: flags as never,
      allowUnknownFlags: true,
      autoVersion: false,
      autoHelp: false,
    });
  } catch (e) {
    // meow's own flag checks (a one-value flag given twice: "The flag --imageFrom can only be set
    // once.") throw plain errors: they are usage errors, with the flag as the user typed it.
    const message = (e instanceof Error ? e.message : String(e))
      .split('\n')[0]!
      .replace(/--([a-zA-Z]+)/g, (_m, f: string) => `--${kebab(f)}`);
    throw new UsageError(message.replace(/^The flag (\S+) can only be set once\.$/, '$1: given more than once (it takes one value)'));
  }
  const known = new Set<string>();
  for (const [name, def] of Object.entries(flags)) {
    known.add(name).add(kebab(name));
    if (def.shortFlag) known.add(def.shortFlag);
    for (const a of def.aliases ?? []) known.add(a).add(kebab(a));
  }
  const unknown = Object.keys(cli.unnormalizedFlags).filter((k) => !known.has(k) && !known.has(kebab(k)) && k !== '--');
  if (unknown.length > 0) {
    const shown = [...new Set(unknown.map((k) => (k.length === 1 ? `-${k}` : `--${kebab(k)}`)))];
    throw new UsageError(`unknown flag${shown.length > 1 ? 's' : ''} ${shown.join(', ')} (see --help)`);
  }
  return cli;
}

export function parseFlags<F extends Record<string, unknown>>(argv: string[], help: string, extra: F = {} as F) {
  const cli = strictMeow(help, argv, { ...FLEET_FLAGS, ...extra } as never);
  const flags = cli.flags as Record<string, unknown>;
  if (flags.help) throw new HelpRequested(help);
  const output = String(flags.output ?? 'table') as OutputFormat;
  if (!OUTPUT_FORMATS.includes(output)) throw new UsageError(`-o ${output}: expected one of ${OUTPUT_FORMATS.join(', ')}`);
  if (flags.namespace && flags.allNamespaces) throw new UsageError('-n and -A exclude each other');
  namespaceFlag(flags.namespace);
  const requestTimeout = requestTimeoutFlag(flags.requestTimeout);
  return { flags: { ...flags, output, requestTimeout } as ParsedFleetFlags & Record<string, unknown>, input: cli.input };
}

/** --request-timeout MS: undefined when not given; anything but 1..600000 whole ms is a usage error. */
export function requestTimeoutFlag(v: unknown): number | undefined {
  if (v === undefined) return undefined;
  const text = String(v).trim();
  const ms = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!isRequestTimeout(ms)) throw new UsageError(`--request-timeout ${text || '""'}: expected ${REQUEST_TIMEOUT_RANGE}`);
  return ms;
}

/**
 * -n NAMESPACE: a name that would change the request path (".", "..", "/", "%", empty) is a usage error
 * before any request (like client-go's path segment check).
 */
export function namespaceFlag(v: unknown): void {
  if (v === undefined) return;
  const problem = pathSegmentProblem(String(v));
  if (problem) throw new UsageError(`-n ${JSON.stringify(String(v))}: not a namespace name (${problem})`);
}

/** --help: not a failure; the help text goes to stdout and the exit code is 0. */
export class HelpRequested extends ExpectedError {
  readonly exitCode: ExitCode = EXIT.OK;
}

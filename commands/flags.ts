// Flags shared by the scripted commands, parsed with meow; usage errors become exit code 2.
import meow from 'meow';
import { ExpectedError, InputError } from '../source/errors.js';
import { EXIT, type ExitCode } from '../source/exit-codes.js';
import type { FleetFlags } from '../source/app/session.js';
import { requestTimeoutRange, isRequestTimeout } from '../source/config/config.js';
import { pathSegmentProblem } from '../source/kube/object.js';
import { IMAGE_REFERENCE_FORM, isImageReference } from '../source/model/image-ref.js';
import { labelSelectorProblem } from '../source/kube/label-selector.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../source/output/format.js';
import { LANGS, parseLang } from '../source/i18n/lang.js';
import { THEME_NAMES, isThemeName } from '../source/ui/theme/theme.js';
import { t } from '../source/i18n/t.js';

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
  // Read before any command runs (source/cli.ts resolveLang); here so meow knows the flag.
  lang: { type: 'string' },
  help: { type: 'boolean', shortFlag: 'h', default: false },
} as const;

export { FLEET_HELP } from './help-text.js';

export class UsageError extends InputError {}

export interface ParsedFleetFlags extends FleetFlags {
  output: OutputFormat;
}

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

type FlagDef = { type?: string; shortFlag?: string; aliases?: readonly string[]; isMultiple?: boolean };

/** How a flag is shown: `-n/--namespace` when it has a short form. */
const flagLabel = (name: string, def: FlagDef | undefined) => (def?.shortFlag ? `-${def.shortFlag}/` : '') + `--${kebab(name)}`;

/**
 * meow, but every mistake is a UsageError (one line, exit 2) instead of meow's own message and process
 * exit, or a flag silently taken otherwise: an unknown flag; a flag given twice that takes one value
 * (`-n a -n b`); a flag that takes a value given none (`-n` last, or followed by another flag: meow
 * would take "" or nothing and fall back to a default); a number flag whose value is no number.
 */
export function strictMeow(help: string, argv: string[], flags: Record<string, FlagDef>) {
  let cli: ReturnType<typeof meow>;
  try {
    cli = meow(help, {
      importMeta: import.meta,
      // Given, so meow does not look for and read a package.json at every start (the process title is
      // the name, as meow takes it from package.json's bin; nothing else of it is used).
      pkg: { name: 'zonectl' },
      argv,
      flags: flags as never,
      allowUnknownFlags: true,
      autoVersion: false,
      autoHelp: false,
    });
  } catch (e) {
    // meow's validation: "The flag --namespace can only be set once."
    const once = /^The flag --(\S+) can only be set once\.?$/.exec(e instanceof Error ? e.message : '');
    if (!once) throw e;
    const name = Object.keys(flags).find((n) => kebab(n) === once[1] || n === once[1]);
    throw new UsageError(t('commands.usage.flagTwice', { flag: name ? flagLabel(name, flags[name]) : `--${once[1]}` }));
  }
  const known = new Set<string>();
  /** Every spelling of a flag (long, kebab-case, short, aliases) -> its name. */
  const byToken = new Map<string, string>();
  for (const [name, def] of Object.entries(flags)) {
    known.add(name).add(kebab(name));
    byToken.set(`--${kebab(name)}`, name).set(`--${name}`, name);
    if (def.shortFlag) {
      known.add(def.shortFlag);
      byToken.set(`-${def.shortFlag}`, name);
    }
    for (const a of def.aliases ?? []) {
      known.add(a).add(kebab(a));
      byToken.set(`--${kebab(a)}`, name);
    }
  }
  const unknown = Object.keys(cli.unnormalizedFlags).filter((k) => !known.has(k) && !known.has(kebab(k)) && k !== '--');
  if (unknown.length > 0) {
    const shown = [...new Set(unknown.map((k) => (k.length === 1 ? `-${k}` : `--${kebab(k)}`)))];
    throw new UsageError(t('commands.usage.unknownFlags', { n: shown.length, flags: shown.join(', ') }));
  }
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '--') break;
    const name = byToken.get(token);
    const def = name === undefined ? undefined : flags[name];
    if (!def || (def.type !== 'string' && def.type !== 'number')) continue;
    const value = argv[i + 1];
    // A negative number is a value (--tail -1); any other word that begins with '-' is the next flag.
    if (value === undefined || (value.startsWith('-') && value !== '-' && !/^-\d/.test(value)))
      throw new UsageError(t('commands.usage.needsValue', { flag: token }));
    i++;
  }
  for (const [name, def] of Object.entries(flags)) {
    if (def.type !== 'number') continue;
    const v = (cli.flags as Record<string, unknown>)[name];
    const values = Array.isArray(v) ? v : v === undefined ? [] : [v];
    if (values.every((x) => typeof x === 'number' && Number.isFinite(x))) continue;
    throw new UsageError(t('commands.usage.expectedNumber', { flag: `--${kebab(name)} ${rawValue(argv, byToken, name) ?? ''}`.trimEnd() }));
  }
  return cli;
}

/** The text given for a flag that meow could not turn into a number. */
function rawValue(argv: string[], byToken: Map<string, string>, name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '--') break;
    const eq = token.indexOf('=');
    if (eq > 0 && byToken.get(token.slice(0, eq)) === name) {
      const text = token.slice(eq + 1);
      if (!Number.isFinite(Number(text)) || text.trim() === '') return text;
    } else if (byToken.get(token) === name) {
      const text = argv[i + 1] ?? '';
      if (!Number.isFinite(Number(text)) || text.trim() === '') return text;
    }
  }
  return undefined;
}

export interface ParseOptions {
  /**
   * --kubefed-host selects the fleet (the list commands, the console): it then excludes --context and
   * --all-contexts. For an action it only names where a federated workload's change is written.
   */
  kubefedHostSelects?: boolean;
}

/**
 * `help`: the --help text, or a function building it: then only built for --help (a long ICU message
 * parsed at every run costs a list command 5–25 ms: issue 14). meow prints no help here (autoHelp off).
 */
export function parseFlags<F extends Record<string, unknown>>(
  argv: string[],
  help: string | (() => string),
  extra: F = {} as F,
  opts: ParseOptions = {},
) {
  const cli = strictMeow(typeof help === 'string' ? help : '', argv, { ...FLEET_FLAGS, ...extra } as never);
  const flags = cli.flags as Record<string, unknown>;
  if (flags.help) throw new HelpRequested(typeof help === 'string' ? help : help());
  const output = String(flags.output ?? 'table') as OutputFormat;
  if (!OUTPUT_FORMATS.includes(output))
    throw new UsageError(t('commands.usage.expectedOneOf', { flag: `-o ${output}`, values: OUTPUT_FORMATS.join(', ') }));
  if (flags.namespace && flags.allNamespaces) throw new UsageError(t('commands.usage.exclude', { a: '-n', b: '-A' }));
  namespaceFlag(flags.namespace);
  langFlagValue(flags.lang);
  fleetSelectionFlags(flags as FleetFlags, opts.kubefedHostSelects ?? true);
  selectorFlag(flags.selector);
  const requestTimeout = requestTimeoutFlag(flags.requestTimeout);
  return { flags: { ...flags, output, requestTimeout } as ParsedFleetFlags & Record<string, unknown>, input: cli.input };
}

/** --lang takes effect before the command runs (source/cli.ts); a value it does not know is a usage error here. */
export function langFlagValue(v: unknown): void {
  if (v !== undefined && parseLang(String(v)) === undefined)
    throw new UsageError(t('commands.usage.expectedOneOf', { flag: `--lang ${String(v)}`, values: LANGS.join(', ') }));
}

/** --context, --all-contexts and --kubefed-host each name the fleet: two of them at once would drop one. */
export function fleetSelectionFlags(f: Pick<FleetFlags, 'context' | 'allContexts' | 'kubefedHost'>, kubefedHostSelects = true): void {
  const contexts = (f.context?.length ?? 0) > 0;
  if (contexts && f.allContexts) throw new UsageError(t('commands.usage.exclude', { a: '--context', b: '--all-contexts' }));
  if (kubefedHostSelects && f.kubefedHost && (contexts || f.allContexts)) throw new UsageError(t('commands.usage.kubefedHostSelects'));
}

/** --theme NAME (or the config file's theme: `from` says which): one of the shipped themes. */
export function themeFlag(v: string | undefined, from = '--theme'): void {
  if (v === undefined || isThemeName(v)) return;
  throw new UsageError(t('commands.usage.unknownTheme', { from, theme: v, themes: THEME_NAMES.join(', ') }));
}

/** --image I: an image reference's syntax, checked before any request. */
export function imageFlag(v: string): void {
  if (!isImageReference(v)) throw new UsageError(t('commands.usage.badImage', { image: JSON.stringify(v), form: IMAGE_REFERENCE_FORM }));
}

/** -l SELECTOR: the apiserver's label selector syntax, checked before any request. */
export function selectorFlag(v: unknown): void {
  if (v === undefined) return;
  const problem = labelSelectorProblem(String(v));
  if (problem) throw new UsageError(`-l ${JSON.stringify(String(v))}: ${problem}`);
}

/** --request-timeout MS: undefined when not given; anything but 1..600000 whole ms is a usage error. */
export function requestTimeoutFlag(v: unknown): number | undefined {
  if (v === undefined) return undefined;
  const text = String(v).trim();
  const ms = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!isRequestTimeout(ms))
    throw new UsageError(t('commands.usage.expected', { flag: `--request-timeout ${text || '""'}`, what: requestTimeoutRange() }));
  return ms;
}

/**
 * -n NAMESPACE: a name that would change the request path (".", "..", "/", "%", empty) is a usage error
 * before any request (like client-go's path segment check).
 */
export function namespaceFlag(v: unknown): void {
  if (v === undefined) return;
  const problem = pathSegmentProblem(String(v));
  if (problem) throw new UsageError(t('commands.usage.notNamespace', { namespace: JSON.stringify(String(v)), problem }));
}

/** --help: not a failure; the help text goes to stdout and the exit code is 0. */
export class HelpRequested extends ExpectedError {
  readonly exitCode: ExitCode = EXIT.OK;
}

// The config file (YAML), validated into a typed Config. Malformed input -> ConfigError with the file
// and the offending key named.
import { InputError } from '../errors.js';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { parseDocument } from 'yaml';
import { configFile } from './paths.js';
import { readTextBounded } from '../read-bounded.js';
import { type AlertThresholds, DEFAULT_ALERT_THRESHOLDS, parseAlertThresholds } from './alerts.js';
import { LANGS, type Lang, parseLang } from '../i18n/lang.js';
import { t } from '../i18n/t.js';

export interface ContextSettings {
  readOnly?: boolean;
  protected?: boolean;
}

/** The console's Git-vs-live source (`:diff`): a config repo (path or URL), a ref, a mapping file. */
export interface DiffSource {
  repo: string;
  ref?: string;
  /** zonectl.yaml / ApplicationSet manifest outside the repo (like `zonectl diff --map`). */
  map?: string;
}

export interface Config {
  file?: string;
  /** Contexts in view when no --context / --all-contexts is given. */
  fleet: string[];
  contexts: Record<string, ContextSettings>;
  readOnly: boolean;
  theme?: string;
  /** The language of everything a person reads (`lang: zh-CN`); the locale decides when unset. */
  lang?: Lang;
  zoneLabel: string;
  gameZone: { group: string; version: string };
  requestTimeoutMs: number;
  emoji: boolean;
  diff?: DiffSource;
  /** Named wave plans for fleet actions (`--waves canary`), e.g. {canary: "1,10%,50%,100%"}. */
  waves: Record<string, string>;
  /** When a condition becomes an alert (`alerts:`, see config/alerts.ts). */
  alerts: AlertThresholds;
  /**
   * The shell command (`zonectl shell`, the console's S) as argv, with {namespace} {pod} {container}
   * {context} filled in; default kubectl exec -it ... -- sh (kinds/pod-actions.ts DEFAULT_SHELL).
   */
  shell?: string[];
}

export class ConfigError extends InputError {}

/**
 * The longest request timeout: 10 minutes. (A Node timer holds at most 2^31-1 ms, ~24.8 days; a longer
 * one fires at once, so an unchecked value would time every request out immediately.)
 */
export const MAX_REQUEST_TIMEOUT_MS = 600_000;
/** What a request timeout must be, in words (a function: the language is set after the imports). */
export const requestTimeoutRange = (): string => t('commands.config.want.requestTimeout', { max: MAX_REQUEST_TIMEOUT_MS });

export function isRequestTimeout(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= MAX_REQUEST_TIMEOUT_MS;
}

export const DEFAULT_CONFIG: Config = {
  fleet: [],
  contexts: {},
  readOnly: false,
  zoneLabel: 'zonectl.io/zone',
  gameZone: { group: 'apps.example.com', version: 'v1alpha1' },
  requestTimeoutMs: 10_000,
  emoji: false,
  waves: {},
  alerts: DEFAULT_ALERT_THRESHOLDS,
};

/** A config file is a few lines; past this it is not one. */
const CONFIG_MAX_BYTES = 4 * 1024 * 1024;

/**
 * The last file parsed, by its text: the entry reads the config for its language (`lang:`) before the
 * command reads it again, and the second read of the same text is not parsed again. A changed file is.
 */
let lastParsed: { file: string; text: string; config: Config } | undefined;

export function loadConfig(file = configFile()): Config {
  if (!existsSync(file)) return { ...DEFAULT_CONFIG };
  let text: string;
  try {
    text = readTextBounded(file, CONFIG_MAX_BYTES);
  } catch (e) {
    // A directory, a device that never ends, no permission: one line naming the file (exit 2).
    throw new ConfigError(t('commands.config.cannotRead', { file, error: e instanceof Error ? e.message.split('\n')[0]! : String(e) }));
  }
  // A copy: a caller may change the Config it was given.
  if (lastParsed?.file === file && lastParsed.text === text) return structuredClone(lastParsed.config);
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    // The YAML parser's own message stays as it came (English), after the file and line.
    const where = e.linePos?.[0] ? t('commands.config.atLine', { file, line: e.linePos[0].line }) : t('commands.config.file', { file });
    throw new ConfigError(`${where}: ${e.message.split('\n')[0]}`);
  }
  const config = parseConfig(doc.toJS() ?? {}, file);
  lastParsed = { file, text, config: structuredClone(config) };
  return config;
}

/**
 * A key as it may be echoed in an error: a name-like key as written; anything else (a line of some other
 * file given as the config, e.g. a password hash) is not repeated.
 */
const keyText = (k: string) => (/^[A-Za-z][\w.-]{0,63}$/.test(k) ? `"${k}"` : t('commands.config.notAName'));

/** The keys a config file may have (anything else is refused by name). */
export const CONFIG_KEYS = [
  'fleet',
  'contexts',
  'readOnly',
  'theme',
  'lang',
  'zoneLabel',
  'gameZone',
  'requestTimeoutMs',
  'emoji',
  'diff',
  'waves',
  'alerts',
  'shell',
] as const;

export function parseConfig(raw: unknown, file = '<config>'): Config {
  const bad = (key: string, want: string) => new ConfigError(t('commands.config.mustBe', { file, key, want }));
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigError(t('commands.config.topLevel', { file }));
  const r = raw as Record<string, unknown>;
  const known = new Set<string>(CONFIG_KEYS);
  for (const k of Object.keys(r)) if (!known.has(k)) throw new ConfigError(t('commands.config.unknownKey', { file, key: keyText(k) }));
  const cfg: Config = { ...DEFAULT_CONFIG, file, contexts: {}, fleet: [], waves: {} };
  if (r.fleet !== undefined) {
    if (!Array.isArray(r.fleet) || r.fleet.some((x) => typeof x !== 'string')) throw bad('fleet', t('commands.config.want.contextList'));
    cfg.fleet = r.fleet as string[];
  }
  if (r.contexts !== undefined) {
    if (typeof r.contexts !== 'object' || r.contexts === null || Array.isArray(r.contexts))
      throw bad('contexts', t('commands.config.want.contextMap'));
    for (const [name, v] of Object.entries(r.contexts as Record<string, unknown>)) {
      const s = (v ?? {}) as Record<string, unknown>;
      if (typeof s !== 'object') throw bad(`contexts.${name}`, t('commands.config.want.mapping'));
      for (const k of Object.keys(s)) {
        if (k !== 'readOnly' && k !== 'protected')
          throw new ConfigError(t('commands.config.unknownKey', { file, key: keyText(k).replace(/^"/, `"contexts.${name}.`) }));
        if (typeof s[k] !== 'boolean') throw bad(`contexts.${name}.${k}`, t('commands.config.want.boolean'));
      }
      cfg.contexts[name] = { readOnly: s.readOnly as boolean | undefined, protected: s.protected as boolean | undefined };
    }
  }
  if (r.readOnly !== undefined) {
    if (typeof r.readOnly !== 'boolean') throw bad('readOnly', t('commands.config.want.boolean'));
    cfg.readOnly = r.readOnly;
  }
  if (r.emoji !== undefined) {
    if (typeof r.emoji !== 'boolean') throw bad('emoji', t('commands.config.want.boolean'));
    cfg.emoji = r.emoji;
  }
  if (r.lang !== undefined) {
    const lang = typeof r.lang === 'string' ? parseLang(r.lang) : undefined;
    if (!lang) throw bad('lang', t('commands.config.want.oneOf', { values: LANGS.join(', ') }));
    cfg.lang = lang;
  }
  if (r.theme !== undefined) {
    if (typeof r.theme !== 'string') throw bad('theme', t('commands.config.want.theme'));
    cfg.theme = r.theme;
  }
  if (r.shell !== undefined) {
    if (!Array.isArray(r.shell) || !r.shell.length || r.shell.some((x) => typeof x !== 'string' || !x))
      throw bad('shell', t('commands.config.want.shell', { nsHolder: '{namespace}', pod: '{pod}' }));
    cfg.shell = r.shell as string[];
  }
  if (r.zoneLabel !== undefined) {
    if (typeof r.zoneLabel !== 'string' || !r.zoneLabel) throw bad('zoneLabel', t('commands.config.want.labelKey'));
    cfg.zoneLabel = r.zoneLabel;
  }
  if (r.gameZone !== undefined) {
    const g = r.gameZone as Record<string, unknown>;
    if (typeof g !== 'object' || g === null || typeof g.group !== 'string' || typeof g.version !== 'string')
      throw bad('gameZone', t('commands.config.want.gameZone'));
    cfg.gameZone = { group: g.group, version: g.version };
  }
  if (r.requestTimeoutMs !== undefined) {
    if (!isRequestTimeout(r.requestTimeoutMs)) throw bad('requestTimeoutMs', requestTimeoutRange());
    cfg.requestTimeoutMs = r.requestTimeoutMs;
  }
  if (r.diff !== undefined) cfg.diff = parseDiff(r.diff, file);
  if (r.waves !== undefined) {
    if (typeof r.waves !== 'object' || r.waves === null || Array.isArray(r.waves)) throw bad('waves', t('commands.config.want.waves'));
    for (const [name, v] of Object.entries(r.waves as Record<string, unknown>)) {
      // The wave syntax itself is checked where it is used (actions/waves.ts); here only its shape.
      if (typeof v !== 'string' || !/^\s*\d+%?\s*(,\s*\d+%?\s*)*$/.test(v)) throw bad(`waves.${name}`, t('commands.config.want.wave'));
      cfg.waves[name] = v.replace(/\s+/g, '');
    }
  }
  if (r.alerts !== undefined) cfg.alerts = parseAlertThresholds(r.alerts, file, (m) => new ConfigError(m));
  return cfg;
}

/** `diff: {repo, ref?, map?}`; a leading ~/ in repo or map is the home directory. */
function parseDiff(raw: unknown, file: string): DiffSource {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new ConfigError(t('commands.config.mustBe', { file, key: 'diff', want: t('commands.config.want.diff') }));
  const d = raw as Record<string, unknown>;
  for (const k of Object.keys(d))
    if (k !== 'repo' && k !== 'ref' && k !== 'map')
      throw new ConfigError(t('commands.config.unknownKey', { file, key: keyText(`diff.${k}`) }));
  const str = (k: 'repo' | 'ref' | 'map', what: string): string | undefined => {
    const v = d[k];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string' || v.trim() === '')
      throw new ConfigError(t('commands.config.mustBe', { file, key: `diff.${k}`, want: what }));
    return v.trim();
  };
  const repo = str('repo', t('commands.config.want.repo'));
  if (repo === undefined) throw new ConfigError(t('commands.config.diffRepoRequired', { file }));
  const ref = str('ref', t('commands.config.want.ref'));
  const map = str('map', t('commands.config.want.file'));
  const home = (p: string) => (p === '~' || p.startsWith('~/') ? homedir() + p.slice(1) : p);
  const out: DiffSource = { repo: home(repo) };
  if (ref !== undefined) out.ref = ref;
  if (map !== undefined) out.map = home(map);
  return out;
}

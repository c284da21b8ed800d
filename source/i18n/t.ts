// The one way a person-readable word reaches the screen: t(key, values) in the run's language, with
// ICU MessageFormat (plurals, selects, numbers) through i18next and i18next-icu. Set once at start
// (setLang); until then, and in every test that does not set it, the language is English.
import i18next, { type i18n, type Resource, type ResourceLanguage } from 'i18next';
import ICU from 'i18next-icu';
import { IntlMessageFormat } from 'intl-messageformat';
import { CATALOGS, type MessageKey } from './catalog.js';
import { LANGS, type Lang } from './lang.js';

export type { MessageKey } from './catalog.js';

/** ICU argument values: `{count, plural, ...}` takes a number, `{name}` anything printable. */
export type MessageValues = Record<string, string | number>;

let current: Lang = 'en';
let engine: i18n | undefined;

/**
 * i18next's resources, one getter per language: i18next keeps this object as its store and reads a
 * language's catalog on its first lookup in it, so an English run never builds the Chinese one. (Its
 * addResourceBundle would copy the 1,600 keys through JSON and a spread: the cost catalog.ts avoids.)
 */
function resources(): Resource {
  const r: Resource = {};
  for (const lang of LANGS) {
    let bundle: ResourceLanguage | undefined;
    Object.defineProperty(r, lang, { enumerable: true, get: () => (bundle ??= { translation: CATALOGS[lang] }) });
  }
  return r;
}

function instance(): i18n {
  if (engine) return engine;
  // intl-messageformat resolves each message's locale through Intl.NumberFormat.supportedLocalesOf,
  // whose first call enumerates every ICU locale: tens of milliseconds at start, on the way to the
  // first line printed. zonectl's two languages are in every Node build with full ICU: name them.
  IntlMessageFormat.resolveLocale = (locales) => new Intl.Locale(Array.isArray(locales) ? locales[0]! : locales);
  const e = i18next.createInstance();
  void e.use(new ICU()).init({
    // Synchronous: the catalogs are in the bundle, and the first frame must not wait for a promise.
    initAsync: false,
    lng: current,
    fallbackLng: 'en',
    resources: resources(),
    // Keys are flat strings with dots in them; there are no namespaces.
    keySeparator: false,
    nsSeparator: false,
    // The output is a terminal, not HTML.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  engine = e;
  return e;
}

/** The run's language (from `--lang`, the config file or the locale: lang.ts). */
export function setLang(lang: Lang): void {
  current = lang;
  if (engine) void engine.changeLanguage(lang);
}

/**
 * Messages already put into words, by language, key and values. A message is a pure function of
 * those (the catalogs never change in a run), and the same few are asked for again and again: every
 * workload read words its seven action verdicts, every row its cells. i18next's lookup and ICU
 * formatting cost ~15 µs a call, a third of reading a workload (fleet-scale profile, issue 11); a
 * Map look-up is well under one. Emptied when full, so values that never repeat (times, names)
 * cannot grow it without bound.
 */
const MEMO_MAX = 20_000;
const memo = new Map<string, string>();

function memoKey(lng: Lang, key: string, values: MessageValues | undefined): string {
  let k = `${lng}\u0000${key}`;
  // The type is part of the key: ICU formats the number 1 and the string "1" differently (plurals).
  if (values) for (const n in values) k += `\u0000${n}\u0001${typeof values[n] === 'number' ? '#' : '$'}${values[n]}`;
  return k;
}

/**
 * A message with no ICU syntax in it: no argument or plural ({ }), no quote ('), no tag (<b>). About half
 * the catalog is such text, which i18next and ICU would give back unchanged: it is given back here,
 * without starting i18next or parsing it (a list command whose words are all plain starts neither).
 */
const PLAIN_TEXT = /^[^{}'<]*$/;

/** The catalog's text for `key` in `lng`, else in English (i18next's fallbackLng), if it is plain text. */
function plainText(lng: Lang, key: MessageKey): string | undefined {
  const raw = CATALOGS[lng][key] ?? (lng === 'en' ? undefined : CATALOGS.en[key]);
  return raw !== undefined && PLAIN_TEXT.test(raw) ? raw : undefined;
}

function translate(lng: Lang, key: MessageKey, values: MessageValues | undefined): string {
  const k = memoKey(lng, key, values);
  let out = memo.get(k);
  if (out === undefined) {
    out = plainText(lng, key) ?? instance().t(key, { ...values, lng });
    if (memo.size >= MEMO_MAX) memo.clear();
    memo.set(k, out);
  }
  return out;
}

/** The message `key` in the run's language. */
export function t(key: MessageKey, values?: MessageValues): string {
  return translate(current, key, values);
}

/** The message in `lng`: for a text asked for now and put into words later (kinds/shared/shared-availability.ts). */
export function tIn(lng: Lang, key: MessageKey, values?: MessageValues): string {
  return translate(lng, key, values);
}

/** The message in English whatever the run's language: audit records, Events, machine output. */
export function tEn(key: MessageKey, values?: MessageValues): string {
  return translate('en', key, values);
}

/** The run's language: what a memo of translated words keys on (source/model/words.ts). */
export function currentLang(): Lang {
  return current;
}

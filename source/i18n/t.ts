// The one way a person-readable word reaches the screen: t(key, values) in the run's language, with
// ICU MessageFormat (plurals, selects, numbers) through i18next and i18next-icu (icu.ts). Set once at
// start (setLang); until then, and in every test that does not set it, the language is English.
import { CATALOGS, type MessageKey } from './catalog.js';
import { formatIcu, type MessageValues } from './icu.js';
import type { Lang } from './lang.js';

export type { MessageKey } from './catalog.js';
export type { MessageValues } from './icu.js';

let current: Lang = 'en';

/** The run's language (from `--lang`, the config file or the locale: lang.ts). */
export function setLang(lang: Lang): void {
  current = lang;
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
 * A message whose only ICU syntax is simple arguments (`{name}`): no plural, select or format, no quote
 * ('), no tag (<b>). Nearly all of the catalog is such text (about half has no argument at all), which
 * ICU gives back with each argument's value as String(value) for a string or a number: that is done here,
 * without loading or starting i18next and ICU (a list command whose words are all such text does neither;
 * test/unit/i18n/t-plain.test.ts holds it to what the engine gives, for every such message).
 */
const SIMPLE = /^(?:[^{}'<]|\{[A-Za-z_]\w*\})*$/;
const ARGUMENT = /\{(\w+)\}/g;

/** The catalog's text for `key` in `lng`, else in English (i18next's fallbackLng), with its arguments filled in if it is simple. */
function simpleText(lng: Lang, key: MessageKey, values: MessageValues | undefined): string | undefined {
  const raw = CATALOGS[lng][key] ?? (lng === 'en' ? undefined : CATALOGS.en[key]);
  if (raw === undefined || !SIMPLE.test(raw)) return undefined;
  if (!raw.includes('{')) return raw;
  let filled = true;
  const out = raw.replace(ARGUMENT, (_, name: string) => {
    const v = values?.[name];
    if (typeof v === 'string' || typeof v === 'number') return String(v);
    filled = false; // a missing or other value: the engine's to word (or to report)
    return '';
  });
  return filled ? out : undefined;
}

function translate(lng: Lang, key: MessageKey, values: MessageValues | undefined): string {
  const k = memoKey(lng, key, values);
  let out = memo.get(k);
  if (out === undefined) {
    out = simpleText(lng, key, values) ?? formatIcu(lng, key, values);
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

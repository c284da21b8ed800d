// The ICU MessageFormat engine: i18next with i18next-icu, for the messages t.ts does not put into words
// itself (plurals, selects, number and date formats, quoted text). t.ts gives plain text and simple
// `{name}` text back without it, so a list whose words are all such text never starts it; in the bundle
// this module is not even loaded until its first use (scripts/bundle.mjs, lazyModules: issue 14).
import i18next, { type i18n, type Resource, type ResourceLanguage } from 'i18next';
import ICU from 'i18next-icu';
import { IntlMessageFormat } from 'intl-messageformat';
import { CATALOGS, type MessageKey } from './catalog.js';
import { LANGS, type Lang } from './lang.js';

/** ICU argument values: `{count, plural, ...}` takes a number, `{name}` anything printable. */
export type MessageValues = Record<string, string | number>;

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
    lng: 'en',
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

/** The message `key` in `lng` (else in English, the fallback), put into words by i18next and ICU. */
export function formatIcu(lng: Lang, key: MessageKey, values: MessageValues | undefined): string {
  return instance().t(key, { ...values, lng });
}

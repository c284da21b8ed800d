// t() gives plain catalog text (no ICU syntax) and simple-argument text (`{name}` only) back without
// i18next (source/i18n/t.ts simpleText): for every such message of both catalogs, with string and number
// values, what it gives must be what i18next with ICU gives.
import i18next from 'i18next';
import ICU from 'i18next-icu';
import { afterEach, describe, expect, it } from 'vitest';
import { CATALOGS, type MessageKey } from '../../../source/i18n/catalog.js';
import { LANGS } from '../../../source/i18n/lang.js';
import { setLang, t, type MessageValues } from '../../../source/i18n/t.js';

afterEach(() => setLang('en'));

function engine() {
  const e = i18next.createInstance();
  void e.use(new ICU()).init({
    initAsync: false,
    lng: 'en',
    fallbackLng: 'en',
    resources: Object.fromEntries(LANGS.map((l) => [l, { translation: CATALOGS[l] }])),
    keySeparator: false,
    nsSeparator: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return e;
}

/** Values for every `{name}` of a message: strings that ICU or HTML would read specially, and numbers. */
const SAMPLES: Array<(name: string) => string | number> = [(n) => `<${n}> & '${n}' "x" {y} #`, () => '', () => 0, () => 1234.5, () => -2];

describe('t() on text with no ICU syntax but simple arguments', () => {
  it('gives what i18next and ICU give, in both languages, with string and number values', () => {
    const e = engine();
    let plain = 0;
    let simple = 0;
    for (const lang of LANGS) {
      setLang(lang);
      for (const [key, text] of Object.entries(CATALOGS[lang])) {
        if (!/^(?:[^{}'<]|\{[A-Za-z_]\w*\})*$/.test(text)) continue;
        const names = [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
        if (names.length === 0) {
          expect(t(key as MessageKey), `${lang} ${key}`).toBe(e.t(key, { lng: lang }));
          plain++;
          continue;
        }
        for (const sample of SAMPLES) {
          const values: MessageValues = Object.fromEntries(names.map((n) => [n, sample(n)]));
          expect(t(key as MessageKey, values), `${lang} ${key} ${JSON.stringify(values)}`).toBe(e.t(key, { ...values, lng: lang }));
        }
        simple++;
      }
    }
    // About half of each catalog is plain text, and nearly all of the rest simple: both must have been covered.
    expect(plain).toBeGreaterThan(1_500);
    expect(simple).toBeGreaterThan(1_200);
  });

  it('leaves a message with a value missing to the engine, as before', () => {
    const e = engine();
    const key = 'commands.config.file' as MessageKey;
    expect(CATALOGS.en[key]).toBe('config {file}');
    expect(t(key, {})).toBe(e.t(key, { lng: 'en' }));
  });
});

// t() gives plain catalog text (no ICU syntax) back without i18next (source/i18n/t.ts plainText): for
// every such message of both catalogs, what it gives must be what i18next with ICU gives.
import i18next from 'i18next';
import ICU from 'i18next-icu';
import { afterEach, describe, expect, it } from 'vitest';
import { CATALOGS, type MessageKey } from '../../../source/i18n/catalog.js';
import { LANGS } from '../../../source/i18n/lang.js';
import { setLang, t } from '../../../source/i18n/t.js';

afterEach(() => setLang('en'));

describe('t() on plain text', () => {
  it('gives what i18next and ICU give, in both languages', () => {
    const engine = i18next.createInstance();
    void engine.use(new ICU()).init({
      initAsync: false,
      lng: 'en',
      fallbackLng: 'en',
      resources: Object.fromEntries(LANGS.map((l) => [l, { translation: CATALOGS[l] }])),
      keySeparator: false,
      nsSeparator: false,
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    let checked = 0;
    for (const lang of LANGS) {
      setLang(lang);
      for (const [key, text] of Object.entries(CATALOGS[lang])) {
        if (!/^[^{}'<]*$/.test(text)) continue;
        expect(t(key as MessageKey), `${lang} ${key}`).toBe(engine.t(key, { lng: lang }));
        checked++;
      }
    }
    // About half of each catalog is plain text: the comparison must have covered it.
    expect(checked).toBeGreaterThan(1_500);
  });
});

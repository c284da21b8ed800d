// The catalogs' completeness check (CI runs it with the unit tier): every key in both languages, in its
// area's prefix, parsing as ICU MessageFormat with the same arguments in both, and rendering.
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { areas, CATALOGS, type MessageKey } from '../../../source/i18n/catalog.js';
import { LANGS } from '../../../source/i18n/lang.js';
import { setLang, t, tEn } from '../../../source/i18n/t.js';

/** i18next reads these option names itself: an ICU argument so named would never reach the message. */
const RESERVED = new Set([
  'count',
  'context',
  'lng',
  'lngs',
  'ns',
  'defaultValue',
  'ordinal',
  'replace',
  'returnObjects',
  'joinArrays',
  'postProcess',
  'interpolation',
  'fallbackLng',
  'keyPrefix',
]);

/** Argument name -> its ICU type (argument, number, plural, select, date...), over the whole message. */
function argumentsOf(els: MessageFormatElement[], out = new Map<string, string>()): Map<string, string> {
  for (const el of els) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    if (el.type === TYPE.tag) {
      argumentsOf(el.children, out);
      continue;
    }
    const kind = TYPE[el.type];
    // A plural or select argument may also appear plainly ({n} 次): the stronger type wins.
    if (!out.has(el.value) || out.get(el.value) === 'argument') out.set(el.value, kind);
    if (el.type === TYPE.plural || el.type === TYPE.select) for (const o of Object.values(el.options)) argumentsOf(o.value, out);
  }
  return out;
}

const sample = (args: Map<string, string>) =>
  Object.fromEntries([...args].map(([k, v]) => [k, v === 'plural' || v === 'number' ? 2 : 'x']));

describe('message catalogs', () => {
  it('every area key carries its area prefix and exists in both languages', () => {
    const zhAreas = areas('zh-CN');
    for (const [area, messages] of Object.entries(areas('en'))) {
      const en = Object.keys(messages).sort();
      const zh = Object.keys(zhAreas[area as keyof typeof zhAreas]).sort();
      expect(zh, `${area}: zh-CN keys`).toEqual(en);
      for (const k of en) expect(k.startsWith(`${area}.`), `${k} is in area ${area}`).toBe(true);
    }
    for (const lang of LANGS) for (const [k, v] of Object.entries(CATALOGS[lang])) expect(v.trim(), `${lang} ${k} is empty`).not.toBe('');
  });

  it('every message parses, with the same ICU arguments in both languages and none that i18next keeps for itself', () => {
    const problems: string[] = [];
    for (const key of Object.keys(CATALOGS.en) as MessageKey[]) {
      const [en, zh] = [CATALOGS.en[key], CATALOGS['zh-CN'][key]];
      let a: Map<string, string>, b: Map<string, string>;
      try {
        a = argumentsOf(parse(en));
        b = argumentsOf(parse(zh));
      } catch (e) {
        problems.push(`${key}: ${(e as Error).message}`);
        continue;
      }
      const names = (m: Map<string, string>) => [...m.keys()].sort().join(',');
      if (names(a) !== names(b)) problems.push(`${key}: arguments en {${names(a)}} zh-CN {${names(b)}}`);
      for (const n of a.keys()) if (RESERVED.has(n)) problems.push(`${key}: argument "${n}" is an i18next option name`);
      for (const [n, ty] of a)
        if (b.has(n) && ty !== 'argument' && b.get(n) !== 'argument' && ty !== b.get(n))
          problems.push(`${key}: ${n} is ${ty} in en, ${b.get(n)} in zh-CN`);
    }
    expect(problems).toEqual([]);
  });

  it('every message renders in both languages with sample values, leaving no ICU syntax behind', () => {
    try {
      for (const lang of LANGS) {
        setLang(lang);
        for (const key of Object.keys(CATALOGS.en) as MessageKey[]) {
          const out = t(key, sample(argumentsOf(parse(CATALOGS.en[key]))));
          expect(out, `${lang} ${key}`).not.toMatch(/\{\w+(, ?(plural|select|number)[^}]*)?\}/);
          expect(out, `${lang} ${key}`).not.toBe(key);
        }
      }
    } finally {
      setLang('en');
    }
  });

  it('renders plurals by language, and tEn stays English whatever the run speaks', () => {
    expect(t('console.restarts', { n: 1 })).toBe('1 restart');
    expect(t('console.restarts', { n: 3 })).toBe('3 restarts');
    setLang('zh-CN');
    try {
      expect(t('console.restarts', { n: 3 })).toBe('3 次重启');
      expect(tEn('console.restarts', { n: 3 })).toBe('3 restarts');
    } finally {
      setLang('en');
    }
  });
});

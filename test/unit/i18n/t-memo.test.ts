// t() keeps the messages it put into words (source/i18n/t.ts): a repeat is a Map look-up. The memo
// must never answer with another language's words, or with a plural formed for another value.
import { afterEach, describe, expect, it } from 'vitest';
import { setLang, t, tEn } from '../../../source/i18n/t.js';

afterEach(() => setLang('en'));

describe('t() memo', () => {
  it('answers a repeated message with the same words, per value', () => {
    const one = t('actions.release.waveActing', { wave: 1, waves: 3, n: 1 });
    const two = t('actions.release.waveActing', { wave: 1, waves: 3, n: 2 });
    expect(one).toBe('wave 1/3: acting on 1 target');
    expect(two).toBe('wave 1/3: acting on 2 targets');
    expect(t('actions.release.waveActing', { wave: 1, waves: 3, n: 1 })).toBe(one);
  });

  it('keeps the language apart: a message asked in English and then in Chinese is Chinese', () => {
    expect(t('commands.usage.needsValue', { flag: '--context' })).toBe('--context needs a value');
    setLang('zh-CN');
    expect(t('commands.usage.needsValue', { flag: '--context' })).toBe('--context 需要一个值');
    // tEn is English in a Chinese run, memo or not.
    expect(tEn('commands.usage.needsValue', { flag: '--context' })).toBe('--context needs a value');
    setLang('en');
    expect(t('commands.usage.needsValue', { flag: '--context' })).toBe('--context needs a value');
  });

  it('tells a number from the same digits as a string (ICU plural of the number)', () => {
    const asNumber = t('actions.release.waveActing', { wave: 1, waves: 1, n: 1 });
    const asString = t('actions.release.waveActing', { wave: 1, waves: 1, n: '1' });
    expect(asNumber).toBe('wave 1/1: acting on 1 target');
    // Whatever ICU makes of the string, the memo returns what i18next returned for it, not the number's words.
    expect(t('actions.release.waveActing', { wave: 1, waves: 1, n: '1' })).toBe(asString);
    expect(t('actions.release.waveActing', { wave: 1, waves: 1, n: 1 })).toBe(asNumber);
  });

  it('stays correct past its size bound (it empties itself and fills again)', () => {
    for (let i = 0; i < 25_000; i++) expect(t('commands.config.file', { file: `f${i}.yaml` })).toBe(`config f${i}.yaml`);
    expect(t('commands.config.file', { file: 'f0.yaml' })).toBe('config f0.yaml');
  });
});

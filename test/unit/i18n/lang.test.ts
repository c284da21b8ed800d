import { describe, expect, it } from 'vitest';
import { langFlag, langFromEnv, langOfLocale, parseLang, resolveLang, wantsMachineOutput } from '../../../source/i18n/lang.js';

describe('the run language', () => {
  it('reads zh_CN, zh_SG and zh as Simplified Chinese and everything else as English', () => {
    for (const l of ['zh_CN.UTF-8', 'zh_CN', 'zh_SG.UTF-8', 'zh', 'zh_CN.GB18030', 'zh_CN@pinyin', 'zh-CN'])
      expect(langOfLocale(l), l).toBe('zh-CN');
    for (const l of ['C', 'C.UTF-8', 'POSIX', 'en_US.UTF-8', 'zh_TW.UTF-8', 'zh_HK.UTF-8', 'ja_JP.UTF-8', ''])
      expect(langOfLocale(l), l).toBe('en');
  });

  it('takes LC_ALL, then LC_MESSAGES, then LANG, skipping empty ones', () => {
    expect(langFromEnv({ LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' })).toBe('zh-CN');
    expect(langFromEnv({ LC_ALL: 'C.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(langFromEnv({ LC_ALL: '', LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' })).toBe('zh-CN');
    expect(langFromEnv({ LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(langFromEnv({})).toBe('en');
  });

  it('parses --lang and lang: values and refuses others', () => {
    expect(parseLang('zh-CN')).toBe('zh-CN');
    expect(parseLang('zh_cn')).toBe('zh-CN');
    expect(parseLang('zh')).toBe('zh-CN');
    expect(parseLang('en')).toBe('en');
    expect(parseLang('en_US')).toBe('en');
    expect(parseLang('fr')).toBeUndefined();
    expect(langFlag(['zones', '--lang', 'zh'])).toBe('zh');
    expect(langFlag(['zones', '--lang=en'])).toBe('en');
    expect(langFlag(['logs', '--', '--lang', 'zh'])).toBeUndefined();
  });

  it('orders flag over config over locale, and machine output is always English', () => {
    const env = { LANG: 'zh_CN.UTF-8' };
    expect(resolveLang({ argv: ['zones'], env })).toBe('zh-CN');
    expect(resolveLang({ argv: ['zones'], env, config: 'en' })).toBe('en');
    expect(resolveLang({ argv: ['zones', '--lang', 'zh-CN'], env: {}, config: 'en' })).toBe('zh-CN');
    expect(resolveLang({ argv: ['zones', '--lang', 'bogus'], env })).toBe('zh-CN');
    for (const o of [['-o', 'json'], ['-ojson'], ['-o=yaml'], ['--output=name'], ['--output', 'yaml']])
      expect(resolveLang({ argv: ['zones', ...o, '--lang', 'zh'], env }), o.join(' ')).toBe('en');
    expect(wantsMachineOutput(['zones', '-o', 'wide'])).toBe(false);
    expect(resolveLang({ argv: ['zones', '-o', 'wide'], env })).toBe('zh-CN');
  });
});

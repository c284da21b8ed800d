// Start-up (issue 14): a run builds the flat catalog of English (every run's fallback) and of its own
// language only; the Chinese one when a run speaks Chinese.
import { describe, expect, it } from 'vitest';
import { builtCatalogs } from '../../../source/i18n/catalog.js';
import { setLang, t, tEn } from '../../../source/i18n/t.js';

describe('catalogs are built on first use', () => {
  it('an English run builds only the English catalog; setLang(zh-CN) builds the Chinese one', () => {
    expect(builtCatalogs()).toEqual([]);
    expect(t('commands.config.file', { file: 'a.yaml' })).toBe('config a.yaml');
    expect(tEn('commands.usage.needsValue', { flag: '--context' })).toBe('--context needs a value');
    expect(builtCatalogs()).toEqual(['en']);
    setLang('zh-CN');
    try {
      expect(t('commands.usage.needsValue', { flag: '--context' })).toBe('--context 需要一个值');
      expect(tEn('commands.usage.needsValue', { flag: '--context' })).toBe('--context needs a value');
      expect(builtCatalogs().sort()).toEqual(['en', 'zh-CN']);
    } finally {
      setLang('en');
    }
  });
});

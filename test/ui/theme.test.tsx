import { readdirSync, readFileSync } from 'node:fs';
import { render } from 'ink-testing-library';
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, test } from 'vitest';
import { parseTheme, resolveTheme, THEME_NAMES, TOKENS } from '../../source/ui/theme/theme.js';
import { ThemeContext } from '../../source/ui/theme/context.js';
import { SegLine } from '../../source/ui/components/seg-text.js';

afterEach(() => cleanup());

describe('themes', () => {
  test('every shipped theme file parses and defines every token', () => {
    const files = readdirSync(new URL('../../themes/', import.meta.url)).filter((f) => f.endsWith('.json'));
    expect(files.sort()).toEqual([...THEME_NAMES].map((n) => `${n}.json`).sort());
    for (const f of files) {
      const doc = JSON.parse(readFileSync(new URL(`../../themes/${f}`, import.meta.url), 'utf8')) as { tokens: Record<string, unknown> };
      expect(Object.keys(doc.tokens).sort(), f).toEqual([...TOKENS].sort());
      expect(() => parseTheme(doc, f)).not.toThrow();
    }
  });

  test('mono uses attributes only (no colours)', () => {
    const mono = resolveTheme('mono', {});
    for (const t of TOKENS) {
      expect(mono.tokens[t].color, t).toBeUndefined();
      expect(mono.tokens[t].backgroundColor, t).toBeUndefined();
    }
  });

  test('NO_COLOR forces mono whatever was asked; default is dark', () => {
    expect(resolveTheme('dark', { NO_COLOR: '1' }).name).toBe('mono');
    expect(resolveTheme('high-contrast', { NO_COLOR: 'yes' }).name).toBe('mono');
    expect(resolveTheme(undefined, {}).name).toBe('dark');
    expect(resolveTheme('light', { NO_COLOR: '' }).name).toBe('light');
  });

  test('bad themes are rejected with one sentence', () => {
    expect(() => resolveTheme('neon', {})).toThrow('unknown theme "neon" (choose dark, light, high-contrast, mono)');
    expect(() => parseTheme({ tokens: { ok: { colour: 'red' } } }, 'mine')).toThrow('mine: token "ok" has unknown style "colour"');
    expect(() => parseTheme({ tokens: { shiny: {} } }, 'mine')).toThrow('mine: unknown token "shiny"');
  });

  test('components style through tokens', () => {
    const theme = resolveTheme('dark', {});
    const r = render(
      <ThemeContext.Provider value={theme}>
        <SegLine segs={[{ text: 'ready', token: 'ok' }, { text: ' plain' }]} />
      </ThemeContext.Provider>,
    );
    expect(r.lastFrame()).toBe('ready plain');
  });
});

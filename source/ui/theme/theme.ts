// Semantic colour tokens. Components never name a colour: they ask for a token (ok, warn, selection...)
// and the theme maps it to Ink <Text> style props. Shipped themes live in themes/*.json.
import { t } from '../../i18n/t.js';
import dark from '../../../themes/dark.json' with { type: 'json' };
import light from '../../../themes/light.json' with { type: 'json' };
import highContrast from '../../../themes/high-contrast.json' with { type: 'json' };
import mono from '../../../themes/mono.json' with { type: 'json' };

export const TOKENS = [
  'text',
  'muted',
  'title',
  'crumb',
  'header',
  'accent',
  'key',
  'selection',
  'ok',
  'info',
  'warn',
  'error',
  'stale',
  'badge',
  'disabled',
  'input',
] as const;
export type Token = (typeof TOKENS)[number];

export interface TokenStyle {
  color?: string;
  backgroundColor?: string;
  bold?: boolean;
  dimColor?: boolean;
  inverse?: boolean;
  underline?: boolean;
}

export interface Theme {
  name: string;
  tokens: Record<Token, TokenStyle>;
}

export const THEME_NAMES = ['dark', 'light', 'high-contrast', 'mono'] as const;
export type ThemeName = (typeof THEME_NAMES)[number];

const SHIPPED: Record<ThemeName, unknown> = { dark, light, 'high-contrast': highContrast, mono };

const STYLE_KEYS: ReadonlyArray<keyof TokenStyle> = ['color', 'backgroundColor', 'bold', 'dimColor', 'inverse', 'underline'];

/** Validates a theme document (shipped or user-supplied). Throws a one-sentence Error on bad input. */
export function parseTheme(doc: unknown, label = 'theme'): Theme {
  if (typeof doc !== 'object' || doc === null) throw new Error(t('console.theme.notObject', { label }));
  const d = doc as { name?: unknown; tokens?: unknown };
  if (typeof d.tokens !== 'object' || d.tokens === null) throw new Error(t('console.theme.noTokens', { label }));
  const src = d.tokens as Record<string, unknown>;
  const tokens = {} as Record<Token, TokenStyle>;
  for (const k of Object.keys(src)) {
    if (!(TOKENS as readonly string[]).includes(k)) throw new Error(t('console.theme.unknownToken', { label, token: k }));
  }
  for (const tok of TOKENS) {
    const v = src[tok] ?? {};
    if (typeof v !== 'object' || v === null) throw new Error(t('console.theme.tokenNotObject', { label, token: tok }));
    const style: TokenStyle = {};
    for (const [k, val] of Object.entries(v as Record<string, unknown>)) {
      if (!(STYLE_KEYS as readonly string[]).includes(k)) throw new Error(t('console.theme.unknownStyle', { label, token: tok, style: k }));
      if (k === 'color' || k === 'backgroundColor') {
        if (typeof val !== 'string') throw new Error(t('console.theme.notString', { label, field: `${tok}.${k}` }));
        (style as Record<string, unknown>)[k] = val;
      } else {
        if (typeof val !== 'boolean') throw new Error(t('console.theme.notBoolean', { label, field: `${tok}.${k}` }));
        (style as Record<string, unknown>)[k] = val;
      }
    }
    tokens[tok] = style;
  }
  return { name: typeof d.name === 'string' ? d.name : label, tokens };
}

export function isThemeName(s: string): s is ThemeName {
  return (THEME_NAMES as readonly string[]).includes(s);
}

/**
 * Picks the theme: NO_COLOR (any non-empty value, see no-color.org) forces mono; otherwise the
 * requested name (default dark) or an already-parsed Theme object (e.g. from the config file).
 */
export function resolveTheme(requested: string | Theme | undefined, env: NodeJS.ProcessEnv = process.env): Theme {
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return parseTheme(SHIPPED.mono, 'mono');
  if (requested === undefined) return parseTheme(SHIPPED.dark, 'dark');
  if (typeof requested !== 'string') return requested;
  if (!isThemeName(requested)) {
    throw new Error(t('console.theme.unknown', { name: requested, names: THEME_NAMES.join(', ') }));
  }
  return parseTheme(SHIPPED[requested], requested);
}

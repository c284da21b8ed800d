import { createContext, useContext } from 'react';
import type { Theme } from './theme.js';
import { resolveTheme } from './theme.js';

export const ThemeContext = createContext<Theme>(resolveTheme('mono', {}));

export function useTheme(): Theme {
  return useContext(ThemeContext);
}

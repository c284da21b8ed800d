// Help texts the entry prints without loading any command (zonectl --help must stay fast): the fleet
// flags every command shares and the console's own flags. Functions, not constants: the language is
// set after the imports (source/i18n/README.md).
import { currentLang, setLang, t } from '../source/i18n/t.js';
import { LANGS, type Lang } from '../source/i18n/lang.js';

export const FLEET_HELP = (): string => t('commands.help.fleetFlags');

/** The console's flags (zonectl with no command, and zonectl demo's console). */
export const CONSOLE_HELP = (): string => t('commands.help.consoleFlags');

/** `zonectl --help` in the run's language. */
export const USAGE = (): string => t('commands.help.usage', { consoleFlags: CONSOLE_HELP(), fleetFlags: FLEET_HELP() });

/**
 * `zonectl --help` in every language: what `npm run build` bakes into dist/build-info.json
 * (scripts/build-info.mjs), so the entry prints it without the i18n engine, its catalogs or meow
 * (issue 14: --help within 30 ms of a bare runtime start). The text depends on nothing but the language.
 */
export function usageByLang(): Record<Lang, string> {
  const was = currentLang();
  try {
    return Object.fromEntries(LANGS.map((lang) => (setLang(lang), [lang, USAGE()]))) as Record<Lang, string>;
  } finally {
    setLang(was);
  }
}

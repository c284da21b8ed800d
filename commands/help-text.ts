// Help texts the entry prints without loading any command (zonectl --help must stay fast): the fleet
// flags every command shares and the console's own flags. Functions, not constants: the language is
// set after the imports (source/i18n/README.md).
import { t } from '../source/i18n/t.js';

export const FLEET_HELP = (): string => t('commands.help.fleetFlags');

/** The console's flags (zonectl with no command, and zonectl demo's console). */
export const CONSOLE_HELP = (): string => t('commands.help.consoleFlags');

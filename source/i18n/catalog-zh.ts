// The Chinese catalog's area files (catalog.ts merges them): apart from English (every run's fallback),
// so that in the bundle an English run does not load their 190 KB of source (scripts/bundle.mjs,
// lazyModules: issue 14). The areas' order and shape are catalog.ts's AREA_NAMES.
import { messages as zhActions } from './zh-CN/actions.js';
import { helpMessages as zhCommandsHelp } from './zh-CN/commands-help.js';
import { pageMessages as zhCommandsPages } from './zh-CN/commands-pages.js';
import { messages as zhCommands } from './zh-CN/commands.js';
import { helpMessages as zhConsoleHelp } from './zh-CN/console-help.js';
import { messages as zhConsole } from './zh-CN/console.js';
import { messages as zhPlans } from './zh-CN/plans.js';
import { messages as zhReport } from './zh-CN/report.js';
import { messages as zhViews } from './zh-CN/views.js';

/** Each area's Chinese message files, by area name (the key prefix). */
export function zhAreaFiles(): Record<'actions' | 'commands' | 'console' | 'plans' | 'report' | 'views', object[]> {
  return {
    actions: [zhActions],
    commands: [zhCommands, zhCommandsHelp, zhCommandsPages],
    console: [zhConsole, zhConsoleHelp],
    plans: [zhPlans],
    report: [zhReport],
    views: [zhViews],
  };
}

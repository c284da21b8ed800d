// The kinds the help texts name, from the kind registry (a new kind shows up without editing help).
import { POD_OWNER_SPECS, WORKLOAD_SPECS } from '../source/kinds/registry.js';
import stringWidth from 'string-width';
import { t, tEn } from '../source/i18n/t.js';

/** Words joined with ", " and wrapped before `width` display columns (a CJK character takes two). */
function wrap(words: string[], width = helpWidth()): string {
  const lines: string[] = [];
  let line = '';
  for (const [i, w] of words.entries()) {
    const piece = i < words.length - 1 ? `${w},` : w;
    if (line && stringWidth(line) + 1 + stringWidth(piece) > width) {
      lines.push(line);
      line = piece;
    } else line = line ? `${line} ${piece}` : piece;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

/** "gamestatefulset (gsts), gamedeployment (gd), ...": each workload kind's name and shortest alias. */
export function workloadKindsHelp(prefix: string): string {
  const names = WORKLOAD_SPECS.map((s) => {
    const [name, ...rest] = s.aliases;
    const short = rest.find((a) => a.length < (name ?? '').length && !a.includes('.'));
    return short ? `${name} (${short})` : (name ?? s.kind.toLowerCase());
  });
  return wrap([`${prefix}${names[0]}`, ...names.slice(1)]);
}

/** "gamestatefulset/NAME, ...": the workload kinds whose pods `logs` follows. */
export function podOwnerTargetsHelp(): string[] {
  return POD_OWNER_SPECS.map((s) => `${s.aliases[0] ?? s.kind.toLowerCase()}/NAME`);
}

/**
 * The width the kind lists wrap at: 100 columns as the English help always did; a translated help keeps
 * within 80 (its sentences are wrapped for an 80-column terminal).
 */
function helpWidth(): number {
  return t('commands.help.kindsPrefix') === tEn('commands.help.kindsPrefix') ? 100 : 78;
}

/** "Targets: pod/NAME (or NAME), gamestatefulset/NAME, ..., zone/ID.": describe, events and logs. */
export function targetsHelp(last: 'commands.help.targetsLast' | 'commands.help.logsTargetsLast'): string {
  return wrap([t('commands.help.targetsFirst'), ...podOwnerTargetsHelp(), t(last)]);
}

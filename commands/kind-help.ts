// The kinds the help texts name, from the kind registry (a new kind shows up without editing help).
import { POD_OWNER_SPECS, WORKLOAD_SPECS } from '../source/kinds/registry.js';

/** Words joined with ", " and wrapped before `width` columns. */
function wrap(words: string[], width = 100): string {
  const lines: string[] = [];
  let line = '';
  for (const [i, w] of words.entries()) {
    const piece = i < words.length - 1 ? `${w},` : w;
    if (line && line.length + 1 + piece.length > width) {
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

export { wrap as wrapHelp };

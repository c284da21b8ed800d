import { expect } from 'vitest';
import { displayWidth } from '../../source/ui/text/width.js';

/** The frame never overflows the terminal: fewer lines than rows, no line wider than columns. */
export function expectFits(frame: string, columns: number, rows: number): void {
  const lines = frame.split('\n');
  expect(lines.length, 'frame height').toBeLessThan(rows);
  for (const l of lines) expect(displayWidth(l), `line too wide: ${l}`).toBeLessThanOrEqual(columns);
}

/** Display column at which `needle` starts in `line` (-1 when absent). */
export function colOf(line: string, needle: string): number {
  const i = line.indexOf(needle);
  return i < 0 ? -1 : displayWidth(line.slice(0, i));
}

export function rowWith(frame: string, needle: string): string {
  const l = frame.split('\n').find((x) => x.includes(needle));
  if (!l) throw new Error(`no line with ${JSON.stringify(needle)} in:\n${frame}`);
  return l;
}

export function selectedLine(frame: string): string {
  const l = frame.split('\n').find((x) => /^[>-]( |$)/.test(x));
  if (!l) throw new Error(`no selected line in:\n${frame}`);
  return l;
}

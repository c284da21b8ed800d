// CPU time of another process, from /proc/<pid>/stat: steadier than wall time when other work loads the
// machine. Used by the start-up and first-frame benchmarks.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ). */
const TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/** User + system CPU ms a process has used so far (NaN when it is gone or /proc is missing). */
export function cpuMsOf(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields from the 3rd (state) on
    return ((Number(f[11]) + Number(f[12])) * 1000) / TICKS; // utime, stime: fields 14 and 15
  } catch {
    return NaN;
  }
}

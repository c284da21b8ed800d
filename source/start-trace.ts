// Start-up trace (issue 14's budgets): with ZONECTL_TRACE_START=1 in the environment, the process prints
// on stderr, as it exits, the milliseconds since it started at each phase a command marks (entry
// evaluated, command loaded, kubeconfig read, first request out, lists in, output written, ...). Without
// it a mark is one comparison. process.uptime, not `performance`: that global loads perf_hooks (clock.ts).

const on = process.env['ZONECTL_TRACE_START'] === '1';
const marks: string[] = [];

/** Notes that the run reached `phase` (a word, or words-joined-thus) now (first time only, so a phase done per cluster marks its first). */
export function startMark(phase: string): void {
  if (!on || marks.some((m) => m.endsWith(` ${phase}`))) return;
  // The exit line also gives the wall clock, for a caller that times what follows it (the runtime's teardown).
  // eslint-disable-next-line i18next/no-literal-string -- a developer's trace, not a message to a person
  const exitLine = () => line(`exit (epoch ${Date.now()} ms)`);
  if (marks.length === 0) process.on('exit', () => process.stderr.write(`${[...marks, exitLine()].join('\n')}\n`));
  marks.push(line(phase));
}

const line = (phase: string) => `[start] ${(process.uptime() * 1000).toFixed(1).padStart(7)} ms ${phase}`;

// CRI-format container log files for kwok to serve through pods/log (see lib/pods.ts), and the kwok `Logs`
// object that points one pod's containers at such files.
import { appendFileSync, writeFileSync } from 'node:fs';

/** `<RFC3339Nano> <stream> F <text>`: one complete line as containerd/CRI-O write it. */
export function criLine(time: string, text: string, stream: 'stdout' | 'stderr' = 'stdout'): string {
  if (text.includes('\n')) throw new Error('criLine: one line of text expected');
  return `${time} ${stream} F ${text}\n`;
}

/** Nanosecond wall clock as RFC 3339 with 9 fraction digits, strictly increasing across calls in this process. */
let lastNs = 0n;
export function nextTimestamp(): string {
  let ns = BigInt(Date.now()) * 1_000_000n;
  if (ns <= lastNs) ns = lastNs + 1_000n; // 1 µs apart: distinct even after a round trip through µs precision
  lastNs = ns;
  const ms = Number(ns / 1_000_000n);
  const frac = (ns % 1_000_000_000n).toString().padStart(9, '0');
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, `.${frac}Z`);
}

/** A CRI log file a test writes; kwok streams what is appended (follow). */
export class CriLogFile {
  constructor(readonly path: string) {
    writeFileSync(path, '', { flag: 'a' });
  }

  /** Append one line per text (each with a fresh timestamp, in one write); returns the timestamps. */
  append(texts: string[], stream: 'stdout' | 'stderr' = 'stdout'): string[] {
    const stamps = texts.map(() => nextTimestamp());
    appendFileSync(this.path, texts.map((t, i) => criLine(stamps[i]!, t, stream)).join(''));
    return stamps;
  }
}

/** kwok's per-pod `Logs` object: the listed containers (all of them when `containers` is omitted) read these files. */
export function kwokLogs(
  namespace: string,
  pod: string,
  entries: Array<{ containers?: string[]; logsFile: string; previousLogsFile?: string }>,
): Record<string, unknown> {
  return {
    apiVersion: 'kwok.x-k8s.io/v1alpha1',
    kind: 'Logs',
    metadata: { name: pod, namespace },
    spec: {
      logs: entries.map((e) => ({
        ...(e.containers ? { containers: e.containers } : {}),
        logsFile: e.logsFile,
        ...(e.previousLogsFile ? { previousLogsFile: e.previousLogsFile } : {}),
        follow: true,
      })),
    },
  };
}

// What the console's Diff view needs from gitops, without importing kube: a source of reports that re-renders
// and re-compares on refresh (the dry-run cache lives inside the source, so unchanged pairs are cheap).
// source/app/diff-port.ts implements it.
import type { DiffReport } from '../model/diff-report.js';

export interface DiffPort {
  /** Human description, e.g. "repo@ref". */
  readonly title: string;
  /** Renders the repo at the ref again and compares it with live. Rejects with a one-line message on failure. */
  refresh(): Promise<DiffReport>;
}

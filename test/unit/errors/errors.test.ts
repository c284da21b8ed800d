// The error model: every expected failure knows its exit code and reads as one line; guarded() maps
// by that code alone, and anything else is a bug (exit 10 with the stack trace).
import { describe, expect, it } from 'vitest';
import { guarded } from '../../../commands/errors.js';
import { HelpRequested, UsageError } from '../../../commands/flags.js';
import { ActionConflict, ActionForbidden, ReadOnlyError } from '../../../source/actions/errors.js';
import { ConfigError } from '../../../source/config/config.js';
import { isExpected, Refusal, REFUSAL_EXIT, type RefusalCode } from '../../../source/errors.js';
import { EXIT } from '../../../source/exit-codes.js';
import { SelectionError } from '../../../source/fleet/select.js';
import { MappingError } from '../../../source/gitops/mapping.js';
import { RepoError } from '../../../source/gitops/repo.js';
import { KubeError, toKubeError } from '../../../source/kube/errors.js';
import { KubeconfigError } from '../../../source/kube/kubeconfig-error.js';
import { FilterError } from '../../../source/logs/filters.js';
import { TargetError } from '../../../source/logs/target.js';

async function run(thrown: unknown): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } };
  const code = await guarded(async () => {
    throw thrown;
  }, io);
  return { code, out, err };
}

describe('guarded', () => {
  it('maps every expected error by its exit code, with its one line', async () => {
    const cases: Array<[unknown, number, string]> = [
      [new UsageError('-n and -A exclude each other'), 2, 'error: -n and -A exclude each other\n'],
      [new ConfigError('config /c.yaml: "readOnly" must be true or false'), 2, 'error: config /c.yaml: "readOnly" must be true or false\n'],
      [new SelectionError('--context: context "x" not in kubeconfig'), 2, 'error: --context: context "x" not in kubeconfig\n'],
      [new KubeconfigError('no kubeconfig found'), 2, 'error: no kubeconfig found\n'],
      [new RepoError('repo /r: not a git repository'), 2, 'error: repo /r: not a git repository\n'],
      [new MappingError('zonectl.yaml: apps[0].path is required'), 2, 'error: zonectl.yaml: apps[0].path is required\n'],
      [new TargetError('pod/: no name'), 2, 'error: pod/: no name\n'],
      [new FilterError('--include: bad regex'), 2, 'error: --include: bad regex\n'],
      [new KubeError('Forbidden', 'sh', 'pods is forbidden'), 4, 'error: sh: pods is forbidden\n'],
      [new KubeError('Unauthorized', 'sh', 'not authorized'), 4, 'error: sh: not authorized\n'],
      [new KubeError('Conflict', 'sh', 'the object has been modified'), 5, 'error: sh: the object has been modified\n'],
      [new KubeError('NotFound', 'sh', 'gamedeployments "x" not found'), 2, 'error: sh: gamedeployments "x" not found\n'],
      [new KubeError('Invalid', 'sh', 'bad patch'), 2, 'error: sh: bad patch\n'],
      [new KubeError('Unreachable', 'sh', 'cannot reach https://x'), 3, 'error: sh: cannot reach https://x\n'],
      [new KubeError('Timeout', 'sh', 'no answer'), 3, 'error: sh: no answer\n'],
      [new ReadOnlyError('sh', '--readonly'), 4, 'error: sh: read-only (--readonly): refusing to change anything\n'],
      [
        new ActionConflict('sh', 'GameDeployment g/x', ['step index 1 -> 2']),
        5,
        'error: sh: GameDeployment g/x changed since it was read (step index 1 -> 2); nothing was written\n',
      ],
      [new ActionForbidden('sh', []), 4, 'error: sh: not allowed to act; nothing was written\n'],
    ];
    for (const [e, code, err] of cases) expect(await run(e)).toEqual({ code, out: '', err });
  });

  it('a refusal exits with its code’s exit code', async () => {
    for (const code of Object.keys(REFUSAL_EXIT) as RefusalCode[]) {
      const r = await run(new Refusal(code, 'sh', `sh: refused (${code})`));
      expect(r).toEqual({ code: REFUSAL_EXIT[code], out: '', err: `error: sh: refused (${code})\n` });
    }
    expect(REFUSAL_EXIT).toEqual({
      'read-only': EXIT.FORBIDDEN,
      forbidden: EXIT.FORBIDDEN,
      'not-possible': EXIT.CONDITION,
      'needs-force': EXIT.USAGE,
      'needs-confirmation': EXIT.USAGE,
      usage: EXIT.USAGE,
      conflict: EXIT.CONFLICT,
      unchecked: EXIT.PARTIAL,
    });
    // The executor's refusals are KubeErrors with a code, consistent with the table.
    for (const e of [new ActionConflict('sh', 'x', []), new ActionForbidden('sh', []), new ReadOnlyError('sh', '--readonly')])
      expect(e.exitCode).toBe(REFUSAL_EXIT[e.code]);
  });

  it('--help prints to stdout and exits 0', async () => {
    expect(await run(new HelpRequested('\n  Usage: zonectl zones'))).toEqual({ code: 0, out: 'Usage: zonectl zones\n', err: '' });
  });

  it('anything else is a bug: exit 10 with the stack trace', async () => {
    const r = await run(new TypeError("Cannot read properties of undefined (reading 'spec')"));
    expect(r.code).toBe(EXIT.BUG);
    expect(r.err).toMatch(/^zonectl: internal error \(a bug, please report\): TypeError: Cannot read properties of undefined/);
    expect(r.err).toContain('errors.test.ts');
    expect(isExpected(new Error('plain'))).toBe(false);
    expect((await run('a string')).err).toBe('zonectl: internal error (a bug, please report): a string\n');
  });
});

describe('toKubeError', () => {
  it('keeps a KubeError and turns anything else into a Server error on the cluster, first line only', () => {
    const k = new KubeError('Gone', 'sh', 'too old resource version');
    expect(toKubeError(k, 'other')).toBe(k);
    const e = toKubeError(new Error('stream ended\n  at somewhere'), 'sh');
    expect(e).toBeInstanceOf(KubeError);
    expect([e.kind, e.cluster, e.message, e.oneLine(), e.exitCode]).toEqual([
      'Server',
      'sh',
      'stream ended',
      'sh: stream ended',
      EXIT.PARTIAL,
    ]);
    expect(toKubeError('socket hang up', 'sh').oneLine()).toBe('sh: socket hang up');
  });
});

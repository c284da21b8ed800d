// A zonectl action command run in this process (as `zonectl <action> ...` runs it) with stdin given
// as text and not a terminal; its exit code and what it wrote.
import { PassThrough } from 'node:stream';
import { actionHelp, runAction } from '../../commands/action-common.js';
import type { Streams } from '../../commands/action-io.js';
import type { ActionName } from '../../source/model/action-types.js';

export async function runActionIn(
  kubeconfig: string,
  action: ActionName,
  args: string[],
  stdin = '',
): Promise<{ code: number; out: string; err: string }> {
  const input = new PassThrough() as PassThrough & { isTTY?: boolean };
  input.isTTY = false;
  input.end(stdin);
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += String(d)));
  stderr.on('data', (d) => (err += String(d)));
  const io: Streams = { stdin: input, stdout, stderr };
  const code = await runAction(action, ['--kubeconfig', kubeconfig, ...args], actionHelp(action, ''), io);
  return { code, out, err };
}

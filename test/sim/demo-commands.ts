// Runs a scripted action command (`zonectl <action> ...`) in-process against `zonectl demo`, with
// captured stdout / stderr and no terminal: what an operator's script sees.
import { PassThrough } from 'node:stream';
import { actionHelp, runAction } from '../../commands/action-common.js';
import type { Streams } from '../../commands/action-io.js';
import type { ActionName } from '../../source/model/action-types.js';

export interface Run {
  code: number;
  out: string;
  err: string;
}

export function actionRunner(kubeconfig: () => string): (action: ActionName, args: string[]) => Promise<Run> {
  return async (action, args) => {
    const stdin = new PassThrough() as PassThrough & { isTTY?: boolean };
    stdin.isTTY = false;
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    let err = '';
    stdout.on('data', (d) => (out += String(d)));
    stderr.on('data', (d) => (err += String(d)));
    const io: Streams = { stdin, stdout, stderr };
    const code = await runAction(action, ['--kubeconfig', kubeconfig(), ...args], actionHelp(action, ''), io);
    return { code, out, err };
  };
}

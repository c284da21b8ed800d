// What colour a rollout phase or a hook phase means, shared by every table and detail line.
import type { Tone } from './types.js';

export function phaseTone(phase: string): Tone | undefined {
  switch (phase) {
    case 'complete':
      return 'ok';
    case 'progressing':
      return 'info';
    case 'paused':
      return 'warn';
    case 'failed':
    case 'invalid':
      return 'error';
    default:
      return undefined;
  }
}

export function hookTone(phase: string | undefined): Tone | undefined {
  switch (phase) {
    case 'Successful':
      return 'ok';
    case 'Running':
    case 'Pending':
      return 'info';
    case 'Inconclusive':
      return 'warn';
    case 'Failed':
    case 'Error':
      return 'error';
    default:
      return undefined;
  }
}

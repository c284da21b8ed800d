// HookRun phases as the bk-bcs controller assesses them (research/crds.md §1.6).

/** True for the phases in which a HookRun is never reconciled again. */
export function hookCompleted(phase: string | undefined): boolean {
  return phase === 'Successful' || phase === 'Failed' || phase === 'Error' || phase === 'Inconclusive';
}

export function hookUnsuccessful(phase: string | undefined): boolean {
  return phase === 'Failed' || phase === 'Error' || phase === 'Inconclusive';
}

// The console's key input: every key goes through the pure controller (keymap lookup, transitions)
// and the effects it asks for go to the action runner. While a log / diff view is in front it reads
// the keys itself (its q / Esc must not reach the console); only Ctrl-C still quits.
import { useInput, useStdin } from 'ink';
import type { KeyEnv } from '../controller.js';
import { handleKey } from '../controller.js';
import { keyNames } from '../keymap.js';
import type { Effect } from '../overlay-types.js';
import type { UiState } from '../state.js';

export function useConsoleKeys(o: {
  env: KeyEnv;
  update(f: (s: UiState) => UiState): void;
  runEffects(effects: readonly Effect[]): void;
  panelOpen: boolean;
  onExit(code: number): void;
}): void {
  const { isRawModeSupported } = useStdin();
  useInput(
    (input, key) => {
      const names = keyNames(input, key);
      const effects: Effect[] = [];
      let quit = false;
      o.update((start) => {
        let s = start;
        for (const [i, name] of names.entries()) {
          const ch = names.length > 1 ? [...input][i]! : input;
          const r = handleKey(s, name, ch, o.env);
          s = r.state;
          if (r.effects) effects.push(...r.effects);
          if (r.quit) {
            quit = true;
            break;
          }
        }
        return s;
      });
      if (quit) {
        o.onExit(0);
        return;
      }
      if (effects.length > 0) o.runEffects(effects);
    },
    { isActive: isRawModeSupported === true && !o.panelOpen },
  );
  useInput(
    (input, key) => {
      if (key.ctrl && input.toLowerCase() === 'c') o.onExit(0);
    },
    { isActive: isRawModeSupported === true && o.panelOpen },
  );
}

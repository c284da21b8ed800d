// A keymap entry whose footer label and help line are catalog keys, read in the run's language each
// time they are shown: the keymap is a module constant, built before the language is set (cli.ts).
import { t, type MessageKey, type MessageValues } from '../i18n/t.js';
import type { Binding } from './keymap-types.js';

export interface BindingSource extends Omit<Binding, 'label' | 'help'> {
  label: MessageKey;
  help: MessageKey;
  helpValues?: MessageValues;
}

export function bind(src: BindingSource): Binding {
  const { label, help, helpValues, ...rest } = src;
  return Object.defineProperties(rest as Binding, {
    label: { get: () => t(label), enumerable: true },
    help: { get: () => t(help, helpValues), enumerable: true },
  });
}

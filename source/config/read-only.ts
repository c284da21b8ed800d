// The one read-only rule. Read-only mode comes from the --readonly flag, the config file's readOnly,
// or a context's readOnly in the config file, in that order; the answer says which, so a refusal can
// name it ("--readonly", "config /home/op/.config/zonectl/config.yaml readOnly",
// "config contexts.prod.readOnly"). The action service applies it; the console header and the
// clusters view only show it.
import type { Config } from './config.js';

export interface ReadOnlySources {
  /** The --readonly flag. */
  flag?: boolean;
  config?: Pick<Config, 'readOnly' | 'file' | 'contexts'>;
}

/** Why the whole session is read-only, or undefined. */
export function globalReadOnly(s: ReadOnlySources): string | undefined {
  if (s.flag) return '--readonly';
  // Where the setting lives (a file and a key path, like the flag above): a name, quoted into refusals as is.
  // eslint-disable-next-line i18next/no-literal-string -- a config key path, not a sentence
  if (s.config?.readOnly) return s.config.file ? `config ${s.config.file} readOnly` : 'config readOnly';
  return undefined;
}

/** Why `cluster` is read-only, or undefined when changes are allowed there. */
export function readOnlyWhy(cluster: string, s: ReadOnlySources): string | undefined {
  // eslint-disable-next-line i18next/no-literal-string -- a config key path, as written in the file
  return globalReadOnly(s) ?? (s.config?.contexts[cluster]?.readOnly ? `config contexts.${cluster}.readOnly` : undefined);
}

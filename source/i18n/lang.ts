// Which language a run speaks (DESIGN §9): the `--lang` flag, else the config file's `lang:`, else the
// POSIX locale (LC_ALL, then LC_MESSAGES, then LANG: the first one set wins, as setlocale reads them).
// zh_CN, zh_SG and a bare zh are Simplified Chinese; everything else (zh_TW and zh_HK included, which
// are written in Traditional characters) is English. Machine output (-o json|yaml|name) is always
// English, so a script reads the same words in every locale.

export const LANGS = ['en', 'zh-CN'] as const;
export type Lang = (typeof LANGS)[number];

/** `--lang` / `lang:` values: en, zh-CN, also written zh_CN, zh-cn or zh. */
export function parseLang(value: string): Lang | undefined {
  const v = value.trim().toLowerCase().replace(/_/g, '-');
  if (v === 'en' || v.startsWith('en-')) return 'en';
  if (v === 'zh' || v === 'zh-cn' || v === 'zh-hans' || v === 'zh-sg') return 'zh-CN';
  return undefined;
}

/** The language of a POSIX locale name such as zh_CN.UTF-8, C.UTF-8 or en_US. */
export function langOfLocale(locale: string): Lang {
  const base = locale.split(/[.@]/)[0]!.toLowerCase().replace(/-/g, '_');
  return base === 'zh' || base === 'zh_cn' || base === 'zh_sg' || base === 'zh_hans' ? 'zh-CN' : 'en';
}

/** The locale's language: the first of LC_ALL, LC_MESSAGES, LANG that is set and not empty. */
export function langFromEnv(env: NodeJS.ProcessEnv = process.env): Lang {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const v = env[name];
    if (v) return langOfLocale(v);
  }
  return 'en';
}

/** The value of `--lang` in argv (`--lang X` or `--lang=X`), if given; `--` ends the flags. */
export function langFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '--lang') return argv[i + 1];
    if (a.startsWith('--lang=')) return a.slice(7);
  }
  return undefined;
}

/** argv asks for machine output: -o json|yaml|name (also -ojson, --output=json, --output json). */
export function wantsMachineOutput(argv: readonly string[]): boolean {
  const machine = (v: string | undefined) => v === 'json' || v === 'yaml' || v === 'name';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '-o' || a === '--output') {
      if (machine(argv[i + 1])) return true;
    } else if (a.startsWith('--output=')) {
      if (machine(a.slice(9))) return true;
    } else if (a.startsWith('-o') && !a.startsWith('--')) {
      if (machine(a.slice(a[2] === '=' ? 3 : 2))) return true;
    }
  }
  return false;
}

/**
 * The run's language. `flag` and `config` are raw values (a bad one is the flag parser's and the config
 * parser's to refuse, with their own messages: here it only falls through).
 */
export function resolveLang(o: { argv: readonly string[]; env?: NodeJS.ProcessEnv; config?: string }): Lang {
  if (wantsMachineOutput(o.argv)) return 'en';
  const flag = langFlag(o.argv);
  const fromFlag = flag === undefined ? undefined : parseLang(flag);
  if (fromFlag) return fromFlag;
  const fromConfig = o.config === undefined ? undefined : parseLang(o.config);
  if (fromConfig) return fromConfig;
  return langFromEnv(o.env);
}

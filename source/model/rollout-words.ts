// A rollout message (or phase) that zonectl's adapters coined, worded in the run's language. The
// adapters (source/kinds) write their messages in English, since JSON carries them and rows compare
// them; the console and the tables show them through rolloutText(), which matches the English against
// the adapters' own message templates and re-words the match with t(). Apart from format.ts because it
// is a matcher over the catalogs, not a formatter; format.ts re-exports rolloutText for its importers.
import { CATALOGS } from '../i18n/catalog.js';
import { currentLang, type MessageKey, type MessageValues, t } from '../i18n/t.js';
import { memoized } from './words.js';

/** The rollout phases zonectl coins (source/kinds), as a person reads them (messages: the templates below). */
const COINED: Record<string, MessageKey> = {
  complete: 'views.phase.complete',
  progressing: 'views.phase.progressing',
  paused: 'views.phase.paused',
  failed: 'views.phase.failed',
};
/**
 * The adapters write their rollout messages in English (source/kinds: tEn), since JSON carries them and
 * the rows compare them; a person reads them worded. Every message template of the adapters' areas
 * becomes a pattern here ("updating {updated}/{replicas}" -> /^updating (?<updated>.+?)\/(?<replicas>.+?)$/),
 * so a new message needs no second list. The most specific templates (most literal text) are tried first.
 */
const MESSAGE_AREAS = ['plans.rollout.', 'actions.rollout.msg.', 'actions.argo.msg.', 'actions.kruise.msg.'];
interface Template {
  re: RegExp;
  key: MessageKey;
}
let templates: { whole: Template[]; tails: Template[]; words: Map<string, MessageKey> } | undefined;

/** A template's English as a pattern: each {arg} a lazy named group (a repeated one a backreference). */
function templatePattern(en: string, nested = true): string {
  const seen = new Set<string>();
  // split() with a capturing group: arguments at odd indexes, the literal text between them at even ones.
  const parts = en.split(/(\{\w+\})/);
  return parts
    .map((part, i) => {
      const arg = /^\{(\w+)\}$/.exec(part)?.[1];
      if (!arg) return part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      if (seen.has(arg)) return `\\k<${arg}>`;
      seen.add(arg);
      // "{pod}{more}": two lazy groups side by side would leave the first empty; a nested message's
      // argument matches only that message ("" or " (+2 more)"), so the value beside it is whole.
      const besideArg = (i > 1 && parts[i - 1] === '') || (i + 2 < parts.length && parts[i + 1] === '');
      const inner = nested && besideArg ? NESTED[arg] : undefined;
      if (inner)
        return `(?<${arg}>(?:${templatePattern(CATALOGS.en[inner.key], false).replace(/\(\?<\w+>/g, '(?:')}${inner.after ?? ''})?)`;
      return `(?<${arg}>${ARG_PATTERNS[arg] ?? '.*?'})`;
    })
    .join('');
}

/** Arguments that carry another message (worded in turn: nestedText), with the text the adapter puts after it. */
const NESTED: Readonly<Record<string, { key: MessageKey; after?: string }>> = {
  more: { key: 'plans.rollout.more' },
  at: { key: 'actions.wait.step', after: ' ' }, // Kruise: "step 2/3 " before the state
};

/** Arguments that are Kubernetes object names (RFC 1123 subdomains): "drift: game-1 runs ..." is not a {service}. */
const ARG_PATTERNS: Readonly<Record<string, string>> = {
  service: '[a-z0-9](?:[-a-z0-9.]*[a-z0-9])?',
  pod: '[a-z0-9](?:[-a-z0-9.]*[a-z0-9])?',
};

/** Arguments whose value is a whole message of their own (model/zones.ts: the roll-up and its drift). */
const WORDED_ARGS = new Set(['message', 'what']);

/** A nested argument's English value ("" or " (+2 more)") in the run's language. */
function nestedText({ key, after = '' }: { key: MessageKey; after?: string }, en: string): string {
  if (!en) return en;
  const m = new RegExp(`^${templatePattern(CATALOGS.en[key], false)}${after}$`).exec(en);
  return m?.groups ? t(key, m.groups) + after : en;
}

function templatePatterns(): NonNullable<typeof templates> {
  if (templates) return templates;
  const whole: Array<Template & { literal: number }> = [];
  const tails: Template[] = [];
  const words = new Map<string, MessageKey>();
  for (const [key, en] of Object.entries(CATALOGS.en) as Array<[MessageKey, string]>) {
    if (!MESSAGE_AREAS.some((a) => key.startsWith(a)) || /[#']|, ?(plural|select)/.test(en)) continue;
    // A message without arguments may also be a value inside another ("did not succeed", "step hook").
    if (!en.includes('{')) words.set(en, key);
    // ", hook {hook} {phase}": a clause the readers append to another message.
    if (en.startsWith(', ')) tails.push({ re: new RegExp(`^(?<zcHead>.+?)${templatePattern(en)}$`), key });
    // A reader may append the API's counts in brackets (GameServerSet: " (1 Maintaining)"): kept as written.
    // eslint-disable-next-line i18next/no-literal-string -- a regular expression
    else whole.push({ re: new RegExp(`^${templatePattern(en)}(?<zcSuffix> \\(.*\\))?$`), key, literal: en.replace(/\{\w+\}/g, '').length });
  }
  templates = { whole: whole.sort((a, b) => b.literal - a.literal).map(({ re, key }) => ({ re, key })), tails, words };
  return templates;
}

/** The values a template captured, each worded when it is itself one of the adapters' messages. */
function wordedValues(groups: Record<string, string | undefined>, words: Map<string, MessageKey>): MessageValues {
  const out: MessageValues = {};
  for (const [k, v] of Object.entries(groups)) {
    if (k.startsWith('zc')) continue;
    const nested = NESTED[k];
    if (nested) {
      out[k] = nestedText(nested, v ?? '');
      continue;
    }
    const w = v === undefined ? undefined : words.get(v);
    // A value that is itself one of the adapters' messages with values of its own ("{message}; drift: ...").
    out[k] = w ? t(w) : v !== undefined && WORDED_ARGS.has(k) ? rolloutText(v) : (v ?? '');
  }
  return out;
}

function wordTemplate(text: string): string | undefined {
  const { whole, tails, words } = templatePatterns();
  for (const { re, key } of tails) {
    const m = re.exec(text);
    if (!m?.groups) continue;
    const head = rolloutText(m.groups.zcHead!);
    if (head !== m.groups.zcHead || currentLang() === 'en') return head + t(key, wordedValues(m.groups, words));
  }
  for (const { re, key } of whole) {
    const m = re.exec(text);
    if (!m) continue;
    // The API's own counts (GameServerSet: " (1 Maintaining)") stay as written, in the language's brackets.
    const counts = m.groups?.zcSuffix?.slice(2, -1);
    return t(key, wordedValues(m.groups ?? {}, words)) + (counts === undefined ? '' : t('views.state.apiCounts', { counts }));
  }
  return undefined;
}

// A zone's roll-up (model/zones.ts): "game-1: paused: awaiting approval (+2 more)", the worst service first.
const WORST = /^([\w.-]+): (.+?)(?: \(\+(\d+) more\))?$/;
const NOT_A_NAME = new Set(['paused', 'failed', 'drift', 'invalid']);

const worded = new Map<string, string>();

/** A rollout message (or phase) zonectl coined, in the run's language (memoized: it runs per row). */
export function rolloutText(text: string): string {
  return memoized(worded, text, wordRollout);
}

function wordRollout(text: string): string {
  const key = COINED[text];
  if (key) return t(key);
  // The adapters wrote the message in English from these very templates: in an English run it is
  // already worded. (Building the ~200 template patterns and compiling them on the first row cost
  // ~24 ms of \`zonectl zones -A\`'s start, measured with --cpu-prof.)
  if (currentLang() === 'en') return text;
  const templated = wordTemplate(text);
  if (templated !== undefined) return templated;
  const w = WORST.exec(text);
  if (!w || NOT_A_NAME.has(w[1]!)) return text;
  // Worded only when the service's own message is one zonectl coins (else it stays whole, in English).
  const inner = rolloutText(w[2]!);
  if (inner === w[2]) return text;
  const more = w[3] === undefined ? '' : t('views.state.more', { n: w[3] });
  return t('views.state.worst', { name: w[1]!, text: inner, more });
}

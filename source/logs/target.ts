// Target forms for `zonectl logs`: pod/NAME (or a bare NAME), KIND/NAME for every workload kind that
// owns pods (gamedeployment/NAME, sts/NAME: the kinds' aliases), zone/ID, or only -l SELECTOR.
import { POD_OWNER_SPECS, podOwnerOf } from '../kinds/registry.js';
import { InputError } from '../errors.js';
import { matchLabelsSelector } from '../model/logs.js';
import type { LogTarget } from './types.js';
import { t } from '../i18n/t.js';

export class TargetError extends InputError {}

/** "pod/NAME, gamestatefulset/NAME, ..., zone/ID, or -l SELECTOR" (`selector` false: a story's forms, "..., or zone/ID"). */
export function targetForms(selector = true): string {
  const kinds = ['pod/NAME', ...POD_OWNER_SPECS.map((s) => `${s.kind.toLowerCase()}/NAME`)].join(t('commands.logs.listSep'));
  return selector ? t('commands.logs.targetForms', { kinds }) : t('commands.logs.targetFormsNoSelector', { kinds });
}

/**
 * Parses the positional target. With no positional, a label selector is required. A selector given
 * with a kind/name target narrows it (returned as `selector` by the caller, not here).
 */
export function parseTarget(positional: string | undefined, selector: string | undefined, selectorForm = true): LogTarget {
  if (positional === undefined || positional === '') {
    if (selector && selector.trim()) return { type: 'selector', selector: selector.trim() };
    throw new TargetError(t('commands.logs.targetRequired', { forms: targetForms(selectorForm) }));
  }
  const slash = positional.indexOf('/');
  if (slash === -1) return { type: 'pod', name: checkName(positional, 'pod') };
  const kind = positional.slice(0, slash).toLowerCase();
  const name = positional.slice(slash + 1);
  if (kind === 'pod' || kind === 'pods' || kind === 'po') return { type: 'pod', name: checkName(name, 'pod') };
  if (kind === 'zone' || kind === 'zones') {
    if (!name || !/^[A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?$/.test(name))
      throw new TargetError(t('commands.logs.badZoneId', { name }));
    return { type: 'zone', id: name };
  }
  const wk = podOwnerOf(kind);
  if (wk) return { type: 'workload', kind: wk.kind, name: checkName(name, kind) };
  throw new TargetError(t('commands.logs.unknownKind', { positional, kind, forms: targetForms(selectorForm) }));
}

function checkName(name: string, kind: string): string {
  if (!/^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/.test(name))
    throw new TargetError(t('commands.logs.badName', { target: `${kind}/${name}` }));
  return name;
}

export function describeTarget(t: LogTarget): string {
  switch (t.type) {
    case 'pod':
      return `pod/${t.name}`;
    case 'workload':
      return `${t.kind.toLowerCase()}/${t.name}`;
    case 'zone':
      return `zone/${t.id}`;
    case 'selector':
      return `-l ${t.selector}`;
  }
}

interface LabelSelectorSpec {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
}

/** A metav1.LabelSelector as the string form the API takes (`a=b,c in (x,y),!d`). */
export function labelSelectorString(sel: LabelSelectorSpec | undefined): string {
  if (!sel) return '';
  const parts: string[] = [];
  const labels = matchLabelsSelector(sel.matchLabels);
  if (labels) parts.push(labels);
  for (const e of sel.matchExpressions ?? []) {
    const vals = (e.values ?? []).join(',');
    switch (e.operator) {
      case 'In':
        // eslint-disable-next-line i18next/no-literal-string -- label selector syntax
        parts.push(`${e.key} in (${vals})`);
        break;
      case 'NotIn':
        // eslint-disable-next-line i18next/no-literal-string -- label selector syntax
        parts.push(`${e.key} notin (${vals})`);
        break;
      case 'Exists':
        parts.push(e.key);
        break;
      case 'DoesNotExist':
        parts.push(`!${e.key}`);
        break;
      default:
        throw new TargetError(t('commands.logs.badOperator', { operator: e.operator }));
    }
  }
  return parts.join(',');
}

/** ANDs two selector strings. */
export function andSelectors(a: string | undefined, b: string | undefined): string | undefined {
  const parts = [a, b].filter((x): x is string => !!x && x.trim().length > 0);
  return parts.length ? parts.join(',') : undefined;
}

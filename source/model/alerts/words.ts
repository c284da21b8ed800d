// Severities and fixes as a person reads them (the console's Alerts view, `zonectl alerts` tables):
// the codes themselves (critical, check-image...) stay English in JSON and in rule ids.
import { t, type MessageKey } from '../../i18n/t.js';
import type { AlertFix, Severity } from './types.js';

const SEVERITY: Record<Severity, MessageKey> = {
  critical: 'report.severity.critical',
  warning: 'report.severity.warning',
  info: 'report.severity.info',
};

/** The fixes done by hand; the others are action names (command names: English in both languages). */
const BY_HAND: Partial<Record<AlertFix, MessageKey>> = {
  logs: 'report.fix.logs',
  'check-image': 'report.fix.checkImage',
  'check-access': 'report.fix.checkAccess',
  'check-federation': 'report.fix.checkFederation',
};

export const severityWord = (s: Severity): string => t(SEVERITY[s]);

export function fixWord(f: AlertFix): string {
  const k = BY_HAND[f];
  return k ? t(k) : f;
}

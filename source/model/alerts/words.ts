// Fixes as a person reads them (the console's Alerts view, `zonectl alerts` tables): the codes
// themselves (check-image...) stay English in JSON. Severity words are the views' (columns/alerts.ts).
import type { MessageKey } from '../../i18n/t.js';
import { word } from '../words.js';
import type { AlertFix } from './types.js';

/** The fixes done by hand; the others are action names (command names: English in both languages). */
const BY_HAND: Partial<Record<AlertFix, MessageKey>> = {
  logs: 'report.fix.logs',
  'check-image': 'report.fix.checkImage',
  'check-access': 'report.fix.checkAccess',
  'check-federation': 'report.fix.checkFederation',
};

export function fixWord(f: AlertFix): string {
  const k = BY_HAND[f];
  return k ? word(k) : f;
}

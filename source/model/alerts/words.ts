// Fixes as a person reads them (the console's Alerts view, `zonectl alerts` tables): in English the
// codes themselves (approve, check-image: an action's command name), in Chinese the action's word (同意).
// JSON keeps the codes. Severity words are the views' (columns/alerts.ts).
import { type MessageKey, t } from '../../i18n/t.js';
import type { AlertFix } from './types.js';

const FIX: Record<AlertFix, MessageKey> = {
  approve: 'report.fix.approve',
  reject: 'report.fix.reject',
  'skip-hook': 'report.fix.skipHook',
  'retry-hooks': 'report.fix.retryHooks',
  hotupdate: 'report.fix.hotupdate',
  hold: 'report.fix.hold',
  release: 'report.fix.release',
  restart: 'report.fix.restart',
  'delete-pod': 'report.fix.deletePod',
  shell: 'report.fix.shell',
  logs: 'report.fix.logs',
  'check-image': 'report.fix.checkImage',
  'check-access': 'report.fix.checkAccess',
  'check-federation': 'report.fix.checkFederation',
};

export function fixWord(f: AlertFix): string {
  return t(FIX[f]);
}

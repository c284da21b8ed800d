// What changed between two alert lists, for `zonectl alerts --watch`: an alert raised (new id) or
// cleared (id gone). An alert whose severity changed is raised again under the same id; a new message
// alone (a restart count going up) is not news for a chat bot.
import type { Alert } from './types.js';

export interface AlertEvent {
  event: 'raised' | 'cleared';
  alert: Alert;
}

export function alertEvents(prev: readonly Alert[], next: readonly Alert[]): AlertEvent[] {
  const before = new Map(prev.map((a) => [a.id, a]));
  const out: AlertEvent[] = [];
  const now = new Set<string>();
  for (const a of next) {
    now.add(a.id);
    const b = before.get(a.id);
    if (!b || b.severity !== a.severity) out.push({ event: 'raised', alert: a });
  }
  for (const a of prev) if (!now.has(a.id)) out.push({ event: 'cleared', alert: a });
  return out;
}

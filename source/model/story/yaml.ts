// The YAML of any object in a view, as `kubectl get -o yaml` prints it by default (managedFields
// dropped, kubectl >= 1.21) with zonectl's masking: Secret data, sensitive CR fields and passwords in
// URLs never reach the screen or stdout. Pure.
import { stringify } from 'yaml';
import { maskObject, maskText } from '../mask.js';

/** A copy without metadata.managedFields (kubectl's --show-managed-fields=false default). */
export function withoutManagedFields<T>(obj: T): T {
  if (typeof obj !== 'object' || obj === null) return obj;
  const o = obj as Record<string, unknown>;
  const md = o.metadata;
  if (typeof md !== 'object' || md === null || !('managedFields' in md)) return obj;
  const { managedFields: _drop, ...rest } = md as Record<string, unknown>;
  return { ...o, metadata: rest } as T;
}

/** The object masked and without managedFields, as YAML (strings masked again for URL passwords). */
export function objectYaml(obj: unknown): string {
  const shown = maskObject(withoutManagedFields(obj));
  return maskText(stringify(shown, { lineWidth: 0 }));
}

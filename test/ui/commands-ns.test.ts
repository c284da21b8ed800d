// `:ns` parsing: exact, unique prefix, ambiguous, all, a name that cannot be one, a namespace with no rows yet.
import { describe, expect, test } from 'vitest';
import { completions, parseCommand } from '../../source/ui/commands.js';

const clusters = ['shanghai', 'nanjing'];
const namespaces = ['default', 'zone-101', 'zone-102', 'zone-201'];
const ns = (line: string) => parseCommand(line, clusters, undefined, namespaces);

describe(':ns', () => {
  test.each([
    ['ns zone-101', { kind: 'ns', namespace: 'zone-101' }],
    ['ns zone-2', { kind: 'ns', namespace: 'zone-201' }],
    ['namespace def', { kind: 'ns', namespace: 'default' }],
    ['ns all', { kind: 'ns', namespace: null }],
    ['ns', { kind: 'ns', namespace: null }],
    // A namespace with no zone or workload (yet) is still a namespace: the list says it is empty.
    ['ns zone-999', { kind: 'ns', namespace: 'zone-999' }],
    ['ns zone-1', { kind: 'error', message: '"zone-1" matches 2 namespaces: zone-101, zone-102' }],
    ['ns Zone_1', { kind: 'error', message: '"Zone_1" is not a namespace name' }],
  ])(':%s', (line, want) => {
    expect(ns(line)).toEqual(want);
  });

  test('Tab offers all and the namespaces with rows', () => {
    expect(completions('ns zone-1', clusters, undefined, namespaces)).toEqual(['ns zone-101', 'ns zone-102']);
    expect(completions('ns ', clusters, undefined, namespaces)).toEqual(['ns all', ...namespaces.map((n) => `ns ${n}`)]);
    expect(completions('n', clusters)).toContain('ns ');
  });
});

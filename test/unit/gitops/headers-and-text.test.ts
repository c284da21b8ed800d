// Server warnings from `Warning:` headers, KUBECTL_EXTERNAL_DIFF parsing, unified diff text, YAML parsing rules.
import { describe, expect, it } from 'vitest';
import { warningHeaders } from '../../../source/kube/network-error.js';
import { externalDiffCommand } from '../../../source/gitops/external-diff.js';
import { toYaml, unifiedDiff } from '../../../source/gitops/diff-text.js';
import { parseManifests } from '../../../source/gitops/yaml-docs.js';

describe('server warnings', () => {
  it('strips the code/agent and quotes, one entry per warning, also when joined with commas', () => {
    expect(warningHeaders('299 - "unknown field \\"datta\\""')).toEqual(['unknown field "datta"']);
    expect(warningHeaders(['299 - "a"', '299 - "b, c"'])).toEqual(['a', 'b, c']);
    expect(warningHeaders('299 - "a", 299 - "b"')).toEqual(['a', 'b']);
    expect(warningHeaders(undefined)).toEqual([]);
  });
});

describe('output text', () => {
  it('KUBECTL_EXTERNAL_DIFF keeps only plain arguments, like kubectl', () => {
    expect(externalDiffCommand('meld')).toEqual({ program: 'meld', args: [] });
    expect(externalDiffCommand('diff -u -N --color=always $(rm -rf x)')).toEqual({
      program: 'diff',
      args: ['-u', '-N', '--color=always', '-rf'],
    });
    expect(externalDiffCommand('  ')).toBeUndefined();
  });
  it('YAML with sorted keys and a unified diff of live -> git', () => {
    const live = toYaml({ spec: { b: 1, a: 2 }, kind: 'X' });
    expect(live).toBe('kind: X\nspec:\n  a: 2\n  b: 1\n');
    const d = unifiedDiff('X ns/n', live, toYaml({ kind: 'X', spec: { a: 3, b: 1 } }));
    expect(d.split('\n').slice(0, 2)).toEqual(['--- live/X ns/n', '+++ git/X ns/n']);
    expect(d).toContain('-  a: 2\n+  a: 3\n');
    expect(unifiedDiff('x', live, live)).toBe('');
  });
});

describe('manifest parsing', () => {
  it('expands Lists, drops empty documents, reads YAML 1.1 booleans like Kubernetes and warns', () => {
    const r = parseManifests(
      '---\napiVersion: v1\nkind: ConfigMapList\nitems:\n- {apiVersion: v1, kind: ConfigMap, metadata: {name: a}, data: {enabled: "on"}}\n---\n# only a comment\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\ndata: {x: off, when: 2024-01-01}\n',
      'f.yaml',
    );
    expect(r.objects.map((o) => [o.object.metadata.name, o.doc])).toEqual([
      ['a', 1],
      ['b', 3],
    ]);
    expect(r.objects[0]!.object.data).toEqual({ enabled: 'on' });
    expect(r.objects[1]!.object.data).toEqual({ x: false, when: '2024-01-01' });
    expect(r.warnings).toEqual([
      'f.yaml: document 3, line 12: unquoted "off" is the boolean false for Kubernetes (YAML 1.1); quote it if a string is meant',
    ]);
  });
  it('rejects documents that are not objects, with file, document and line', () => {
    expect(() => parseManifests('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n- 1\n', 'g.yaml')).toThrow(
      'g.yaml: document 2, line 5: is not a mapping',
    );
    expect(() => parseManifests('kind: ConfigMap\n', 'h.yaml')).toThrow(/h\.yaml: document 1, line 1: has no apiVersion\/kind/);
    expect(() => parseManifests('apiVersion: v1\nkind: ConfigMap\nmetadata: {}\n', 'i.yaml')).toThrow(/ConfigMap has no metadata\.name/);
  });
});

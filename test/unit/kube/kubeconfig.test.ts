import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KubeconfigError, kubeconfigFiles, loadKubeconfig } from '../../../source/kube/kubeconfig.js';

function kc(name: string, server: string, token: string): string {
  return `apiVersion: v1
kind: Config
current-context: ${name}
clusters:
- name: ${name}
  cluster: {server: ${server}}
users:
- name: ${name}-user
  user: {token: ${token}}
contexts:
- name: ${name}
  context: {cluster: ${name}, user: ${name}-user, namespace: games}
`;
}

describe('kubeconfig', () => {
  it('merges several KUBECONFIG files, first file wins for current-context', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zonectl-kc-'));
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    writeFileSync(a, kc('shanghai', 'https://127.0.0.1:1', 't1'));
    writeFileSync(b, kc('singapore', 'https://127.0.0.1:2', 't2'));
    const files = kubeconfigFiles({ KUBECONFIG: `${a}:${b}` });
    const loaded = loadKubeconfig(files);
    expect(loaded.contexts.map((c) => c.name)).toEqual(['shanghai', 'singapore']);
    expect(loaded.current).toBe('shanghai');
    expect(loaded.contexts[1]).toMatchObject({ server: 'https://127.0.0.1:2', namespace: 'games' });
    // Each context gets its own ContextConfig: never a shared one with a switched current context.
    const k1 = loaded.forContext('singapore');
    const k2 = loaded.forContext('shanghai');
    expect(k1.cluster.server).toBe('https://127.0.0.1:2');
    expect(k2.cluster.server).toBe('https://127.0.0.1:1');
    expect(k1).not.toBe(k2);
  });

  it('gives a one-line error for a malformed file and for a missing context', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zonectl-kc-'));
    const bad = join(dir, 'bad');
    writeFileSync(bad, 'clusters: [\n');
    expect(() => loadKubeconfig([bad])).toThrow(KubeconfigError);
    expect(() => loadKubeconfig([bad])).toThrow(/kubeconfig .*bad is malformed/);
    const good = join(dir, 'good');
    writeFileSync(good, kc('a', 'https://127.0.0.1:3', 'secret-token-value'));
    expect(() => loadKubeconfig([good]).forContext('zzz')).toThrow(/context "zzz" not found/);
    try {
      loadKubeconfig([good]).forContext('zzz');
    } catch (e) {
      expect(String(e)).not.toContain('secret-token-value');
    }
    expect(() => loadKubeconfig([join(dir, 'none')])).toThrow(/no kubeconfig found/);
  });
});

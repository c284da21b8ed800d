// Masking in the diff (rule 21), wrapping source/model/mask.ts: Secret data/stringData, last-applied contents,
// sensitive annotations and CR paths, on both sides: equal values equal masks, changed values different masks,
// nothing readable left.
import { describe, expect, it } from 'vitest';
import { isMasked, maskObjects, scrub, sensitiveValues } from '../../../source/gitops/mask-diff.js';
import { normalizeObject } from '../../../source/gitops/normalize.js';
import type { KubeObject } from '../../../source/kube/object.js';

const secret = (data: Record<string, string>, extra: Partial<KubeObject> = {}): KubeObject =>
  ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'n', ...(extra.metadata ?? {}) }, data, ...extra }) as KubeObject;

describe('masking', () => {
  it('same value on both sides -> same mask; changed value -> a different mask; per key', () => {
    const live = secret({ a: 'b2xk', b: 'c2FtZQ==' });
    const git = secret({ a: 'bmV3', b: 'c2FtZQ==' });
    maskObjects([live, git]);
    const l = live.data as Record<string, string>;
    const g = git.data as Record<string, string>;
    expect(isMasked(l.a) && isMasked(l.b) && isMasked(g.a)).toBe(true);
    expect(l.b).toBe(g.b);
    expect(l.a).not.toBe(g.a);
  });
  it('stringData in Git and data live compare equal once normalised and masked', () => {
    const live = normalizeObject(secret({ k: Buffer.from('pw').toString('base64') }));
    const git = normalizeObject({ ...secret({}), stringData: { k: 'pw' } } as KubeObject);
    maskObjects([live, git]);
    expect((git.data as Record<string, string>).k).toBe((live.data as Record<string, string>).k);
    expect(JSON.stringify([live, git])).not.toMatch(/cHc=|"pw"/);
  });
  it('masks GameZone mysqlConfig.pwd and artifact secret keys, leaves the rest readable', () => {
    const gz = (pwd: string, sk: string): KubeObject => ({
      apiVersion: 'apps.example.com/v1alpha1',
      kind: 'GameZone',
      metadata: { name: 'zone1' },
      spec: {
        gameZone: { zoneId: 101, mysqlConfig: { ip: '192.168.1.100', user: 'username1', pwd } },
        artifacts: [{ path: '/app', s3: { url: 'https://cos', secretKey: sk, path: 'p/' } }],
      },
    });
    const live = gz('password1', '123456789012345678901234567890');
    const git = gz('password2', '123456789012345678901234567890');
    maskObjects([live, git]);
    expect(live.spec.gameZone.mysqlConfig.ip).toBe('192.168.1.100');
    expect(live.spec.gameZone.mysqlConfig.user).toBe('username1');
    expect(isMasked(live.spec.gameZone.mysqlConfig.pwd)).toBe(true);
    expect(live.spec.gameZone.mysqlConfig.pwd).not.toBe(git.spec.gameZone.mysqlConfig.pwd);
    expect(live.spec.artifacts[0].s3.secretKey).toBe(git.spec.artifacts[0].s3.secretKey);
    expect(JSON.stringify([live, git])).not.toMatch(/password\d|1234567890/);
  });
  it('masks the last-applied annotation and configured annotations', () => {
    const la = JSON.stringify(secret({ a: 'c2VjcmV0' }));
    const live = secret({ a: 'c2VjcmV0' }, {
      metadata: {
        name: 's',
        annotations: { 'kubectl.kubernetes.io/last-applied-configuration': la, 'example.com/hook-url': 'https://x/?k=1' },
      },
    } as never);
    maskObjects([live], { sensitiveAnnotations: ['example.com/hook-url'] });
    const ann = live.metadata.annotations!;
    expect(isMasked(ann['example.com/hook-url'])).toBe(true);
    expect(isMasked(ann['kubectl.kubernetes.io/last-applied-configuration'])).toBe(true);
    expect(JSON.stringify(live)).not.toContain('c2VjcmV0');
  });
  it('configured CR paths; scrubbing sensitive values out of server messages', () => {
    const rule = { group: 'example.com', kind: 'Db', paths: ['/spec/conn/dsn'] };
    const o = {
      apiVersion: 'example.com/v1',
      kind: 'Db',
      metadata: { name: 'd' },
      spec: { conn: { dsn: 'mysql://u:p@h/db' } },
    } as KubeObject;
    const values = sensitiveValues([o], { sensitive: [rule] });
    expect(values).toEqual(['mysql://u:p@h/db']);
    expect(scrub('Invalid value: "mysql://u:p@h/db": bad', values)).toBe('Invalid value: "***": bad');
    maskObjects([o], { sensitive: [rule] });
    expect(isMasked(o.spec.conn.dsn)).toBe(true);
    const s = secret({ k: Buffer.from('hunter22').toString('base64') });
    expect(scrub('value hunter22 rejected', sensitiveValues([s]))).toBe('value *** rejected');
    expect(scrub('login failed: password=abc123', [])).not.toContain('abc123');
  });
});

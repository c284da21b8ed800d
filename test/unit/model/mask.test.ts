import { describe, expect, it } from 'vitest';
import { isMasked, isSensitiveKey, maskObject, maskText, maskValue } from '../../../source/model/mask.js';
import { zone1 } from '../kinds/fixtures-zone.js';

describe('mask', () => {
  it('maskValue is stable, differs for different values, and hides the value', () => {
    expect(maskValue('password1')).toBe(maskValue('password1'));
    expect(maskValue('password1')).not.toBe(maskValue('password2'));
    expect(maskValue('password1')).toMatch(/^\*\*\*\(hmac:[0-9a-f]{8}\)$/);
    expect(maskValue('')).toBe('');
    expect(isMasked(maskValue('x'))).toBe(true);
  });

  it('Secret data, stringData and last-applied annotation; the input is not modified', () => {
    const secret = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {
        name: 'db',
        namespace: 'z',
        annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"data":{"pwd":"cGFzc3dvcmQx"}}', team: 'ops' },
      },
      type: 'Opaque',
      data: { pwd: 'cGFzc3dvcmQx', user: 'dXNlcm5hbWUx' },
      stringData: { extra: 'hello' },
    };
    const m = maskObject(secret);
    expect(m.data.pwd).toBe(maskValue('cGFzc3dvcmQx'));
    expect(isMasked(m.data.user)).toBe(true);
    expect(isMasked(m.stringData.extra)).toBe(true);
    expect(isMasked(m.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration'])).toBe(true);
    expect(m.metadata.annotations.team).toBe('ops');
    expect(m.type).toBe('Opaque');
    expect(secret.data.pwd).toBe('cGFzc3dvcmQx');
    expect(JSON.stringify(m)).not.toContain('cGFzc3dvcmQx');
  });

  it('GameZone: mysqlConfig.pwd and s3 accessKey/secretKey; other fields kept', () => {
    const m = maskObject(zone1());
    const text = JSON.stringify(m);
    for (const secret of ['password1', 'AKIDajocbuwoqooojfqoqujjofquorqou', '123456789012345678901234567890'])
      expect(text).not.toContain(secret);
    expect(m.spec.gameZone.mysqlConfig.user).toBe('username1');
    expect(m.spec.gameZone.mysqlConfig.port).toBe(3306);
    expect(m.spec.artifacts[0].s3.url).toBe('https://cos.ap-beijing.myqcloud.com');
    expect(m.spec.artifacts[0].s3.secretKey).toBe(maskValue('123456789012345678901234567890'));
  });

  it('env vars, hook args and web headers by name; references to secrets are not masked', () => {
    const pod = {
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: {
        automountServiceAccountToken: false,
        containers: [
          {
            name: 'main',
            env: [
              { name: 'DB_PASSWORD', value: 'hunter2' },
              { name: 'API_TOKEN', value: 'tok-123' },
              { name: 'ZONE', value: '101' },
              { name: 'REDIS_PWD', valueFrom: { secretKeyRef: { name: 'redis', key: 'pwd' } } },
            ],
          },
        ],
        volumes: [{ name: 'creds', secret: { secretName: 'db-secret' } }],
      },
      headers: [{ key: 'Authorization', value: 'Bearer abcdefghijk' }],
    };
    const m = maskObject(pod);
    expect(isMasked(m.spec.containers[0].env[0].value)).toBe(true);
    expect(isMasked(m.spec.containers[0].env[1].value)).toBe(true);
    expect(m.spec.containers[0].env[2].value).toBe('101');
    expect((m.spec.containers[0].env[3] as any).valueFrom.secretKeyRef).toEqual({ name: 'redis', key: 'pwd' });
    expect(m.spec.volumes[0].secret.secretName).toBe('db-secret');
    expect(m.spec.automountServiceAccountToken).toBe(false);
    expect(isMasked(m.headers[0].value)).toBe(true);
  });

  it('lists of Secrets', () => {
    const m = maskObject({ kind: 'SecretList', items: [{ kind: 'Secret', metadata: { name: 'a' }, data: { k: 'djE=' } }] });
    expect(isMasked((m.items as any)[0].data.k)).toBe(true);
  });

  it('key rule', () => {
    expect(['password', 'pwd', 'secretKey', 'accessKey', 'token', 'apiKey', 'clientSecret'].every(isSensitiveKey)).toBe(true);
    expect(['secretRef', 'secretName', 'tokenFile', 'passwordPath', 'tokenExpirationSeconds', 'user'].some(isSensitiveKey)).toBe(false);
  });

  it('maskText: key=value, key: value, Bearer tokens', () => {
    const line = 'connect mysql user=username1 password=password1 token: "abc.def" Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload';
    const out = maskText(line);
    for (const s of ['password1', 'abc.def', 'eyJhbGciOiJIUzI1NiJ9']) expect(out).not.toContain(s);
    expect(out).toContain('user=username1');
    expect(out).toContain(`password=${maskValue('password1')}`);
    expect(out).toContain('Bearer ***');
    expect(maskText('secretName=db-secret')).toBe('secretName=db-secret');
  });
});

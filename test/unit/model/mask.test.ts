import { describe, expect, it } from 'vitest';
import { isMasked, isSensitiveKey, MASK_PREFIX, maskObject, maskText, maskValue } from '../../../source/model/mask.js';
import { redactUrlPasswords } from '../../../source/redact.js';
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

describe('maskText: the patterns programs log secrets in', () => {
  const cases: Array<[string, string, string[]]> = [
    // [what, line, secret values that must not survive]
    ['authorization header, lowercase scheme', 'GET /api authorization: bearer s3cr3t-v4lue', ['s3cr3t-v4lue']],
    ['authorization header, short token', 'Authorization: Bearer abc', ['abc']],
    ['authorization in JSON', '{"authorization":"Basic dXNlcjpwYXNz"}', ['dXNlcjpwYXNz']],
    ['api_key=', 'calling backend api_key=AKfake123 region=sh', ['AKfake123']],
    ['x-api-key header', 'x-api-key: k3y-v4lue', ['k3y-v4lue']],
    ['mysql URL', 'dsn mysql://game:hunter2@db-1:3306/zone', ['hunter2']],
    ['redis URL without user', 'redis://:r3dispass@cache:6379/0', ['r3dispass']],
    ['any scheme, password with a raw @', 'amqp://mq:p@ss@rabbit:5672/', ['p@ss']],
    ['redis AUTH', 'redis AUTH r3dis-secret', ['r3dis-secret']],
    ['redis AUTH user password', 'sent AUTH default r3dis-secret', ['r3dis-secret']],
    ['redis MONITOR', '1339518083.107412 [0 127.0.0.1:60866] "auth" "m0nitor-pass"', ['m0nitor-pass']],
    ['URL query token', 'probe https://metrics.example.com/q?token=qu3ry-t0ken&x=1', ['qu3ry-t0ken']],
  ];
  it.each(cases)('%s', (_what, line, secrets) => {
    const out = maskText(line);
    for (const s of secrets) expect(out).not.toContain(s);
    expect(out).toContain(MASK_PREFIX);
  });

  it('keeps what is not a secret: the user and host of a URL, a server URL without a password, prose', () => {
    expect(maskText('dsn mysql://game:hunter2@db-1:3306/zone')).toMatch(/^dsn mysql:\/\/game:\*\*\*\(hmac:[0-9a-f]{8}\)@db-1:3306\/zone$/);
    expect(maskText('cannot reach https://127.0.0.1:6443 (ECONNREFUSED)')).toBe('cannot reach https://127.0.0.1:6443 (ECONNREFUSED)');
    expect(maskText('NOAUTH Authentication required.')).toBe('NOAUTH Authentication required.');
    expect(maskText('api_key_file=/etc/key')).toBe('api_key_file=/etc/key');
  });

  it('is idempotent: masking masked text changes nothing', () => {
    for (const line of ['mysql://game:hunter2@db-1/zone', 'authorization: bearer x', 'AUTH p', 'api_key=x', 'password=y'])
      expect(maskText(maskText(line))).toBe(maskText(line));
  });
});

describe('redactUrlPasswords (server URLs, as kubectl prints them)', () => {
  it('replaces the password with xxxxx and keeps the rest', () => {
    expect(redactUrlPasswords('https://admin:s3cret@10.0.0.1:6443')).toBe('https://admin:xxxxx@10.0.0.1:6443');
    expect(redactUrlPasswords('cannot reach https://admin:s3cret@10.0.0.1:6443 (ECONNREFUSED)')).toBe(
      'cannot reach https://admin:xxxxx@10.0.0.1:6443 (ECONNREFUSED)',
    );
    expect(redactUrlPasswords('https://10.0.0.1:6443/api')).toBe('https://10.0.0.1:6443/api');
  });
});

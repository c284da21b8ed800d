// Server-side tables and media types of the simulator beyond the API contract (which runs on both targets):
// the CRD printer columns match the CRD fixtures the real tier installs, the pod printer's STATUS/RESTARTS
// rules, apimachinery's HumanDuration, Accept ordering, and protobuf DeleteOptions from client-go's typed deletes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultResourceTypes, typeKey } from '../../source/sim/registry.js';
import { toTable } from '../../source/sim/server/table.js';
import { humanDuration } from '../../source/sim/server/table-columns.js';
import { parseJsonPath } from '../../source/sim/server/table-crd.js';
import { parseAccept } from '../../source/sim/server/media.js';
import { startFixture, T, type Fixture } from './server-helpers.js';
import { protobufEnvelope } from '../contract/raw-http.js';

const CRDS = join(import.meta.dirname, '..', 'fixtures', 'crds');

describe('server-side tables', () => {
  it('every CRD fixture has the same printer columns in the simulator (Age alone when the CRD has none)', () => {
    const types = defaultResourceTypes();
    let checked = 0;
    for (const file of readdirSync(CRDS).filter((f) => f.endsWith('.yaml'))) {
      const crd = YAML.parse(readFileSync(join(CRDS, file), 'utf8'));
      const version = crd.spec.versions[0];
      const t = types.find((x) => typeKey(x) === `${crd.spec.group}/${crd.spec.names.plural}`);
      expect(t, file).toBeDefined();
      const want = (version.additionalPrinterColumns ?? []).map((c: any) => ({
        name: c.name,
        type: c.type,
        jsonPath: c.jsonPath,
        priority: c.priority ?? 0,
      }));
      const got = (t!.printerColumns ?? []).map((c) => ({ name: c.name, type: c.type, jsonPath: c.jsonPath, priority: c.priority ?? 0 }));
      expect(got, file).toEqual(want);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(8);
  });

  it('pods: STATUS from the container states, RESTARTS with the last restart, Terminating and Completed rows', () => {
    const now = Date.parse('2026-01-01T01:00:00Z');
    const pod = (status: any, extra: any = {}): any => ({
      metadata: { name: 'p', creationTimestamp: '2026-01-01T00:00:00Z', ...extra },
      spec: { containers: [{ name: 'a' }, { name: 'b' }] },
      status,
    });
    const info = defaultResourceTypes().find((t) => t.resource === 'pods')!;
    const cells = (o: any): unknown[] =>
      (toTable(info, [o], {}, { includeObject: 'None', version: 'v1', now }) as any).rows[0].cells.slice(0, 5);
    const running = { state: { running: {} }, ready: true, restartCount: 0 };
    expect(cells(pod({ phase: 'Running', containerStatuses: [running, running] }))).toEqual(['p', '2/2', 'Running', '0', '60m']);
    expect(
      cells(
        pod({
          phase: 'Running',
          containerStatuses: [
            running,
            {
              state: { waiting: { reason: 'CrashLoopBackOff' } },
              restartCount: 3,
              lastState: { terminated: { finishedAt: '2026-01-01T00:55:00Z' } },
            },
          ],
        }),
      ),
    ).toEqual(['p', '1/2', 'CrashLoopBackOff', '3 (5m ago)', '60m']);
    expect(cells(pod({ phase: 'Running', containerStatuses: [running, running] }, { deletionTimestamp: '2026-01-01T00:59:00Z' }))[2]).toBe(
      'Terminating',
    );
    const done = toTable(info, [pod({ phase: 'Succeeded' })], {}, { includeObject: 'None', version: 'v1', now }) as any;
    expect(done.rows[0].conditions).toEqual([
      { type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' },
    ]);
  });

  it('ages read like apimachinery HumanDuration; JSONPath filters pick the matching condition', () => {
    const s = 1000;
    expect(
      [59 * s, 119 * s, 150 * s, 600 * s, 3 * 3600 * s + 60 * s, 9 * 3600 * s, 3 * 86400 * s + 3600 * s, 400 * 86400 * s].map(
        humanDuration,
      ),
    ).toEqual(['59s', '119s', '2m30s', '10m', '3h1m', '9h', '3d1h', '400d']);
    const info = defaultResourceTypes().find((t) => t.resource === 'kubefedclusters')!;
    const row = (
      toTable(
        info,
        [
          {
            metadata: { name: 'c1' },
            status: {
              conditions: [
                { type: 'Offline', status: 'False' },
                { type: 'Ready', status: 'True' },
              ],
            },
          },
        ],
        {},
        {
          includeObject: 'None',
          version: 'v1',
        },
      ) as any
    ).rows[0];
    expect(row.cells).toEqual(['c1', null, 'True']);
    expect(parseJsonPath(".status.conditions[?(@.type=='Ready')].status")).toEqual([
      { field: 'status' },
      { field: 'conditions' },
      { filter: { key: 'type', value: 'Ready' } },
      { field: 'status' },
    ]);
  });

  it('Accept clauses are tried by q, then concrete before wildcard, then in order', () => {
    expect(parseAccept('*/*;q=0.8, application/yaml, application/json;q=0.9, text/*').map((c) => `${c.type}/${c.subtype}`)).toEqual([
      'application/yaml',
      'text/*',
      'application/json',
      '*/*',
    ]);
  });
});

describe('protobuf request bodies', () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await startFixture();
  });
  afterAll(async () => {
    await f.sim.close();
  });

  it('a typed delete sends DeleteOptions in protobuf: its propagation policy and preconditions apply', async () => {
    const field = (n: number, v: Buffer | string): Buffer => {
      const b = typeof v === 'string' ? Buffer.from(v) : v;
      return Buffer.concat([Buffer.from([(n << 3) | 2, b.length]), b]);
    };
    const envelope = (opts: Buffer): Buffer =>
      Buffer.concat([Buffer.from('k8s\0', 'latin1'), field(1, Buffer.concat([field(1, 'v1'), field(2, 'DeleteOptions')])), field(2, opts)]);
    const pod = f.sim.store.get(T.pod, 'game', 'p1')!;
    const stale = envelope(field(2, field(1, 'not-the-uid')));
    const refused = await f.call('/api/v1/namespaces/game/pods/p1', {
      method: 'DELETE',
      headers: { 'content-type': 'application/vnd.kubernetes.protobuf', accept: 'application/vnd.kubernetes.protobuf, application/json' },
      body: stale,
    });
    expect([refused.status, refused.body.reason]).toEqual([409, 'Conflict']);
    const ok = await f.call('/api/v1/namespaces/game/pods/p1', {
      method: 'DELETE',
      headers: { 'content-type': 'application/vnd.kubernetes.protobuf' },
      body: envelope(Buffer.concat([field(2, field(1, pod.metadata.uid!)), field(4, 'Background')])),
    });
    expect(ok.status).toBe(200);
    expect(f.sim.store.get(T.pod, 'game', 'p1')).toBeUndefined();
  });

  it('a protobuf body of a type the simulator cannot decode is a 415 (kube-apiserver 1.36 drops the connection for a custom resource)', async () => {
    const r = await f.call('/apis/tkex.tencent.com/v1alpha1/namespaces/game/gamedeployments', {
      method: 'POST',
      headers: { 'content-type': 'application/vnd.kubernetes.protobuf' },
      body: protobufEnvelope('tkex.tencent.com/v1alpha1', 'GameDeployment', Buffer.alloc(0)),
    });
    expect([r.status, r.body.reason, r.body.message]).toEqual([
      415,
      'UnsupportedMediaType',
      'the body of the request was in an unknown format - accepted media types include: application/json, application/yaml',
    ]);
  });
});

// A write whose response is lost (the connection breaks after the request was sent): the executor
// re-reads the object and reports what really happened — applied (audited as done, with a warning),
// or not applied — never "cannot reach" for a change the server made. The fault is injected at the
// transport boundary of a real client talking to the simulator: the request does reach the server.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccessCache } from '../../source/actions/access.js';
import { KINDS } from '../../source/kinds/registry.js';
import { AUDIT_ANNOTATION } from '../../source/actions/audit.js';
import { execute } from '../../source/actions/execute.js';
import type { ClusterClient } from '../../source/kube/client-api.js';
import { KubeError } from '../../source/kube/errors.js';
import { T } from '../../source/sim/controllers/kinds.js';
import { approvePlan, simActions, type SimActions } from './actions-helpers.js';
import { gameDeployment, setImage } from './controllers-helpers.js';

let s: SimActions;
let dir: string;
let auditFile: string;

beforeEach(async () => {
  s = await simActions();
  dir = mkdtempSync(join(tmpdir(), 'zonectl-lost-'));
  auditFile = join(dir, 'audit.jsonl');
});
afterEach(async () => {
  await s.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The admin client, except that a patch's response never arrives: sent (or not) and then a reset. */
function lossy(sendFirst: boolean): ClusterClient {
  const real = s.admin;
  return new Proxy(real, {
    get(target, prop) {
      if (prop === 'patch')
        return async (...args: Parameters<ClusterClient['patch']>) => {
          if (sendFirst) await target.patch(...args);
          throw new KubeError('Unreachable', target.context, `cannot reach ${target.context}: socket hang up`);
        };
      const v: unknown = Reflect.get(target, prop);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  }) as ClusterClient;
}

function pausedCanary() {
  const steps = [{ partition: 3 }, { pause: {} }, { partition: 0 }];
  s.h.store.create(T.gameDeployment, gameDeployment('gw', 4, 'reg/gw:v1', { type: 'RollingUpdate', canary: { steps } }));
  s.h.advance(10_000);
  setImage(s.h, 'gd', 'gw', 'reg/gw:v2');
  s.h.advance(20_000);
  return s.h.gd('gw');
}

describe('a lost response', () => {
  it('applied on the server: done, audited (annotation, Event, log line), with a warning that says so', async () => {
    const gw = pausedCanary();
    const plan = approvePlan(s.sim.name, KINDS.GameDeployment, gw);
    const res = await execute(plan, { client: lossy(true), user: 'admin', auditFile, access: new AccessCache() });
    expect(res.warnings[0]).toMatch(
      /^GameDeployment game\/gw: the response was lost \(cannot reach .*socket hang up\); a re-read shows the write applied$/,
    );
    const now = s.h.gd('gw');
    expect(now.spec.updateStrategy.paused).toBe(false);
    expect(now.metadata.annotations?.[AUDIT_ANNOTATION]).toContain('"action":"approve"');
    expect(res.eventName).toBeDefined();
    const lines = readFileSync(auditFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { outcome: string });
    expect(lines.map((l) => l.outcome)).toEqual(['ok']);
  });

  it('never sent: the error says the object is unchanged, nothing is audited as done', async () => {
    const gw = pausedCanary();
    const e = await execute(approvePlan(s.sim.name, KINDS.GameDeployment, gw), {
      client: lossy(false),
      user: 'admin',
      auditFile,
      access: new AccessCache(),
    }).catch((x: unknown) => x as Error);
    expect((e as Error).message).toMatch(/a re-read shows GameDeployment game\/gw unchanged: not applied/);
    expect(s.h.gd('gw').spec.updateStrategy.paused).toBe(true);
    expect(existsSync(auditFile)).toBe(false);
  });
});

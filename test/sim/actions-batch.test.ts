// Fleet actions from a script (issue 17, first slice) on `zonectl demo`: a selection across clusters,
// targets on stdin in the `-o name` form, one batch card, a result table, one batch id in every
// target's audit record, and the exit codes of partial outcomes.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { targetName } from '../../source/actions/batch.js';
import { runActionIn } from './in-process-action.js';
import type { ActionName } from '../../source/model/action-types.js';
import { startDemo, type Demo } from '../../source/sim/demo.js';

let demo: Demo;
let dir: string;
const saved = { ...process.env };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zonectl-batch-'));
  process.env.XDG_STATE_HOME = join(dir, 'state');
  process.env.ZONECTL_CONFIG = join(dir, 'config.yaml');
  demo = await startDemo({ speed: 20, zones: 6, podsPerService: 2, kubeconfigPath: join(dir, 'kubeconfig') });
});
afterAll(async () => {
  await demo?.stop();
  process.env = saved;
  rmSync(dir, { recursive: true, force: true });
});

const zonectl = (action: ActionName, args: string[], stdin = '') => runActionIn(demo.kubeconfigPath, action, args, stdin);

const audit = () => {
  const f = join(dir, 'state', 'zonectl', 'audit.jsonl');
  return existsSync(f)
    ? readFileSync(f, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { batch?: string; cluster: string; name: string; action: string })
    : [];
};

describe('fleet actions from a script', () => {
  it('approve every rollout paused across the fleet: one card, one table, one batch id in each audit record', async () => {
    const admin = demo.contexts.filter((c) => !c.endsWith('-viewer'));
    const r = await zonectl('approve', [...admin.flatMap((c) => ['--context', c]), '-A', '--state', 'paused', '--yes']);
    expect(r.err).toBe('');
    const batch = /^batch ([0-9a-f]{8})\b/m.exec(r.out)?.[1];
    expect(batch).toBeDefined();
    expect(r.out).toMatch(/^approve \d+ workloads: \d+ planned, \d+ not possible$/m);
    const done = r.out.split('\n').filter((l) => / done /.test(l));
    expect(done.length).toBeGreaterThanOrEqual(3);
    const { awaitingApproval: a, inconclusiveHook: h, gameServerSet: g } = demo.world.scenarios;
    for (const s of [a!, h!, g!])
      expect(r.out).toMatch(new RegExp(`^${s.cluster} +${s.namespace} +${s.kind.toLowerCase()}/${s.name} +done`, 'm'));
    const mine = audit().filter((l) => l.batch === batch);
    expect(mine.map((l) => `${l.cluster}/${l.name}`).sort()).toEqual(
      expect.arrayContaining([`${a!.cluster}/${a!.name}`, `${h!.cluster}/${h!.name}`, `${g!.cluster}/${g!.name}`]),
    );
    expect(r.code).toBe(mine.length === done.length ? 0 : 1);
  });

  it('targets on stdin in the -o name form; a partial outcome exits 1 with each reason in the table', async () => {
    const { inPlaceUpdate: s, failedRollout: f } = demo.world.scenarios;
    const lines = [targetName(s!), targetName({ ...f!, name: 'auth-1' }), 'nosuch/zone-1/gamedeployment/x'].join('\n');
    const r = await zonectl('hold', ['-', '--yes', '-o', 'json'], lines + '\n');
    if (!r.out.startsWith('{')) throw new Error(`${r.code} ${r.err} ${r.out}`);
    const doc = JSON.parse(r.out) as {
      batch: string;
      results: Array<{ target: string; outcome: string; exitCode: number; reason: string }>;
    };
    expect(doc.results.map((x) => x.target)).toEqual([
      targetName(s!),
      targetName({ ...f!, name: 'auth-1' }),
      'nosuch/zone-1/gamedeployment/x',
    ]);
    expect(doc.results[0]).toMatchObject({ outcome: 'done', exitCode: 0 });
    expect(doc.results[2]!.exitCode).not.toBe(0);
    expect(r.code).not.toBe(0);
  });

  it('nothing selected: a line on stderr, exit 0; a usage error before any request: exit 2', async () => {
    const r = await zonectl('approve', ['--all-contexts', '-A', '--state', 'paused', '--image-from', 'no/such:image', '--yes']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('approve: no workload matches the selection\n');
    expect((await zonectl('approve', ['--all-contexts', '-A', '--state', 'sleeping', '--yes'])).code).toBe(2);
  });

  it('--zone ids and ranges with -l: the services of those zones only; a bad range is a usage error', async () => {
    const r = await zonectl('hold', [
      '--context',
      'shanghai',
      '-A',
      '--zone',
      '101,102-105',
      '-l',
      'zonectl.io/service=gateway-1',
      '--dry-run',
      '-o',
      'json',
    ]);
    if (!r.out.startsWith('{')) throw new Error(`${r.code} ${r.err} ${r.out}`);
    const doc = JSON.parse(r.out) as { results: Array<{ target: string }> };
    expect(doc.results.map((x) => x.target).sort()).toEqual([
      'shanghai/zone-101/gamedeployment/gateway-1',
      'shanghai/zone-102/gamedeployment/gateway-1',
    ]); // this demo has zones 101-102 on shanghai
    const bad = await zonectl('hold', ['--context', 'shanghai', '-A', '--zone', '120-110', '--yes']);
    expect(bad).toMatchObject({ code: 2, err: 'error: --zone 120-110: "120-110" is not a zone id or a range such as 110-120\n' });
  });
});

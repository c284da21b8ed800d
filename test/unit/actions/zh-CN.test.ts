// The action service's words in 简体中文: the confirm card (rows aligned by terminal cells, the plan's
// writes and warnings), the batch card, the wave progress lines and outcomes; the same calls in
// English print what they always printed.
import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { batchCard, outcomeWord, type TargetResult } from '../../../source/actions/batch.js';
import { cardLines } from '../../../source/actions/card.js';
import { releaseEventLine } from '../../../source/actions/release.js';
import { gateVerdict, parseWaves } from '../../../source/actions/waves.js';
import { setLang } from '../../../source/i18n/t.js';
import type { Plan } from '../../../source/kinds/plan/types.js';

afterEach(() => setLang('en'));

const GD = { group: 'tkex.tencent.com', version: 'v1alpha1', resource: 'gamedeployments', kind: 'GameDeployment', namespaced: true };

function hotUpdatePlan(): Plan {
  const primary = { cluster: 'shanghai', type: GD, namespace: 'zone-101', name: 'gw' };
  return {
    action: 'hotupdate',
    primary,
    preconditions: { resourceVersion: '42' },
    steps: [{ target: primary, patchType: 'json', body: [], describe: 'spec.template image gw: 1.0 -> 1.1' }],
    summary: 'set image on GameDeployment zone-101/gw on shanghai',
    details: ['container gw: registry.example.com/gw:1.0 -> registry.example.com/gw:1.1'],
    card: {
      cluster: 'shanghai',
      namespace: 'zone-101',
      kind: 'GameDeployment',
      name: 'gw',
      images: [{ container: 'gw', from: 'registry.example.com/gw:1.0', to: 'registry.example.com/gw:1.1' }],
    },
    warnings: ['GameZone 101 owns the spec: it puts the image back'],
    access: [],
  };
}

describe('the confirm card in Chinese', () => {
  it('headline, rows aligned by terminal cells, plan, writes and warnings', () => {
    const ctx = { user: 'alice', reason: 'fix crash', protectedContext: true, dryRun: true };
    const en = cardLines(hotUpdatePlan(), ctx);
    expect(en[0]).toBe('Hot-update GameDeployment/gw (dry run)');
    expect(en).toContain('  cluster     shanghai (protected)');
    expect(en).toContain('  acting as   alice');
    expect(en).toContain('Writes:');
    setLang('zh-CN');
    const zh = cardLines(hotUpdatePlan(), ctx);
    expect(zh[0]).toBe('热更新 GameDeployment/gw（试运行）');
    expect(zh).toContain('  集群        shanghai（受保护）');
    expect(zh).toContain('  命名空间    zone-101');
    expect(zh).toContain('  执行身份    alice');
    expect(zh).toContain('  原因        fix crash');
    expect(zh).toContain('计划：');
    expect(zh).toContain('写入：');
    expect(zh).toContain('  PATCH gamedeployments.tkex.tencent.com zone-101/gw (JSON 补丁): spec.template image gw: 1.0 -> 1.1');
    expect(zh).toContain('警告：');
    // Every row's value starts in the same terminal column as in English (2 + 11 + 1 cells).
    const rows = zh.slice(1, zh.indexOf('计划：'));
    expect(rows.length).toBeGreaterThanOrEqual(5);
    for (const l of rows) {
      const value = l.slice(2).replace(/^\S*\s+/, '');
      expect(stringWidth(l) - stringWidth(value), l).toBe(14);
    }
    // The card fits an 80-column terminal as the English one does.
    for (const l of zh) expect(stringWidth(l), l).toBeLessThanOrEqual(Math.max(80, ...en.map((x) => stringWidth(x))));
  });

  it('Writes: none and the shell line', () => {
    setLang('zh-CN');
    const p = {
      ...hotUpdatePlan(),
      action: 'shell' as const,
      steps: [],
      warnings: [],
      exec: { container: 'gw', command: ['kubectl', 'exec', '-it'] },
    };
    const zh = cardLines(p, { user: 'bob' });
    expect(zh[0]).toBe('在 GameDeployment/gw 中打开 shell');
    expect(zh).toContain('写入：无');
    expect(zh).toContain('运行（退出前控制台暂停）：');
  });
});

describe('fleet actions and waves in Chinese', () => {
  const t1 = { cluster: 'shanghai', namespace: 'zone-101', kind: 'GameDeployment' as const, name: 'gw' };
  const refused: TargetResult = { target: t1, outcome: 'not possible', reason: 'not paused', exitCode: 3, ms: 1 };

  it('the batch card head and the not-possible section', () => {
    expect(batchCard('approve', [refused], false)).toEqual([
      'approve 1 workload: 0 planned, 1 not possible',
      'Not possible:',
      '  shanghai/zone-101/gamedeployment/gw: not paused',
    ]);
    setLang('zh-CN');
    expect(batchCard('approve', [refused, { ...refused, later: true }], true)).toEqual([
      'approve 2 个工作负载（试运行）：已计划 0 个，1 个在后续批次（该批开始时再计划），1 个无法执行',
      '无法执行：',
      '  shanghai/zone-101/gamedeployment/gw: not paused',
    ]);
  });

  it("a resume's targets live but unrecorded: counted apart (only their record is written, no pod takes an image)", () => {
    const p = hotUpdatePlan();
    const recordOnly: Plan = { ...p, steps: [], recordOnly: { container: 'gw', image: 'registry.example.com/gw:1.1' }, warnings: [] };
    const item = (plan: Plan): TargetResult => ({
      target: t1,
      outcome: plan.recordOnly ? 'already done' : 'done',
      reason: plan.summary,
      exitCode: 0,
      ms: 1,
      planned: { target: t1, plan, user: 'admin', card: [], before: { rollout: { phase: 'complete', replicas: 3 } } as never },
    });
    expect(batchCard('hotupdate', [item(recordOnly), item(recordOnly)], false)).toEqual([
      'hotupdate 2 workloads: 0 planned, 0 not possible',
      '  applied before the interruption, only the audit record to write: 2',
      '  pods that take the new image (at most): 0',
    ]);
    setLang('zh-CN');
    expect(batchCard('hotupdate', [item(recordOnly)], false)[1]).toBe('  中断前已生效、只需写入审计记录：1');
  });

  it('wave progress lines: English as the commands printed them, Chinese with 第 N/M 批', () => {
    const gate = { type: 'gate' as const, wave: 2, waves: 3, passed: true, ms: 4200 };
    expect(releaseEventLine(gate)).toBe('wave 2/3: gate passed in 4.2s');
    expect(releaseEventLine({ type: 'wave', wave: 1, waves: 3, targets: 1 })).toBe('wave 1/3: acting on 1 target');
    expect(releaseEventLine({ type: 'wave', wave: 2, waves: 3, targets: 5 })).toBe('wave 2/3: acting on 5 targets');
    setLang('zh-CN');
    expect(releaseEventLine(gate)).toBe('第 2/3 批：门禁通过，用时 4.2 秒');
    expect(releaseEventLine({ type: 'wave', wave: 2, waves: 3, targets: 5 })).toBe('第 2/3 批：作用于 5 个目标');
    expect(releaseEventLine({ ...gate, passed: false, where: 'x: 失败' })).toBe('第 2/3 批：门禁未通过（4.2 秒后）：x: 失败');
    expect(releaseEventLine({ type: 'stopped', wave: 1, why: '已中断' })).toBe('发布在第 1 批停止：已中断');
  });

  it('a gate failure names the outcome in the run language; a bad wave plan is refused in it', () => {
    const failed: TargetResult = { ...refused, outcome: 'failed', reason: 'boom', planned: {} as TargetResult['planned'] };
    expect(gateVerdict([failed])).toEqual({ pass: false, where: 'shanghai/zone-101/gamedeployment/gw: failed: boom' });
    setLang('zh-CN');
    expect(gateVerdict([failed])).toEqual({ pass: false, where: 'shanghai/zone-101/gamedeployment/gw: 失败: boom' });
    expect(outcomeWord('not started')).toBe('未开始');
    expect(parseWaves('1,x')).toBe('--waves 1,x：“x”不是数量（5）也不是百分比（10%）');
  });
});

// The planners in Chinese (issue 18): what a person reads is translated, the records stay English.
import { afterEach, describe, expect, it } from 'vitest';
import { annotationValue, auditAnnotation, auditEvent } from '../../../source/actions/audit.js';
import { setLang } from '../../../source/i18n/t.js';
import { planAction } from '../../../source/kinds/plans.js';
import type { Plan, PlanResult } from '../../../source/kinds/plan/types.js';
import { gdComplete, gdPausedAtPauseStep, gdTimedPause, T0 } from './fixtures-bkbcs.js';

const NOW = T0 + 60_000;

function plan(r: PlanResult): Plan {
  if (!r.ok) throw new Error(r.reason);
  return r.plan;
}

function reason(r: PlanResult): string {
  if (r.ok) throw new Error('expected a refusal');
  return r.reason;
}

/** Plans in Chinese, then back to English whatever happens. */
function zh<T>(f: () => T): T {
  setLang('zh-CN');
  try {
    return f();
  } finally {
    setLang('en');
  }
}

describe('plans in Chinese', () => {
  afterEach(() => setLang('en'));

  it('approve: a Chinese headline and details, an English record, and the audit annotation in English', () => {
    const p = zh(() => plan(planAction({ action: 'approve' }, { cluster: 'prod', obj: gdPausedAtPauseStep(), now: NOW })));
    expect(p.summary).toBe('同意 GameDeployment zone-101/test-gd（集群 prod）');
    expect(p.details).toEqual(['当前：第 2/3 步（暂停（手动）），已更新 1/4（25%），版本 test-gd-9d78dd5db', '继续到第 3/3 步']);
    expect(p.card.step).toBe('2/3（暂停：暂停（手动））');
    expect(p.record).toBe('approve GameDeployment zone-101/test-gd on prod');
    const a = auditAnnotation(p, 'alice', '2025-01-01T00:00:00.000Z');
    expect(a.summary).toBe('approve GameDeployment zone-101/test-gd on prod');
    expect(JSON.parse(annotationValue(a)).summary).toBe('approve GameDeployment zone-101/test-gd on prod');
    expect(auditEvent(p, gdPausedAtPauseStep(), a).message).toMatch(/^approve GameDeployment zone-101\/test-gd on prod \(by alice\)/);
  });

  it('in English the record is the summary itself', () => {
    const p = plan(planAction({ action: 'approve' }, { cluster: 'prod', obj: gdPausedAtPauseStep(), now: NOW }));
    expect(p.summary).toBe('approve GameDeployment zone-101/test-gd on prod');
    expect(p.record).toBe(p.summary);
  });

  it('refusals read in Chinese, naming the action and the object', () => {
    const r = zh(() => reason(planAction({ action: 'approve' }, { cluster: 'c', obj: gdTimedPause(), now: NOW, utc: true })));
    expect(r).toBe('无法同意 GameDeployment zone-101/test-gd（集群 c）：定时暂停：08:51:36 结束');
    const same = zh(() =>
      reason(
        planAction(
          { action: 'hotupdate', container: 'main', image: 'registry.example.com/project1/service:0.2.0' },
          { cluster: 'c', obj: gdComplete() },
        ),
      ),
    );
    expect(same).toBe(
      '无法热更新 GameDeployment zone-101/gateway-1（集群 c）：容器 main 已在运行 registry.example.com/project1/service:0.2.0',
    );
  });

  it('hot update in Chinese: the image line still fills the card (and the audit images), the record stays English', () => {
    const p = zh(() =>
      plan(
        planAction(
          { action: 'hotupdate', container: 'main', image: 'registry.example.com/project1/service:0.2.1', partition: 2 },
          { cluster: 'c', obj: gdComplete() },
        ),
      ),
    );
    expect(p.summary).toBe('热更新 GameDeployment zone-101/gateway-1（集群 c）');
    expect(p.details).toContain('容器 main：registry.example.com/project1/service:0.2.0 -> registry.example.com/project1/service:0.2.1');
    expect(p.details).toContain('分区 2：3 个 Pod 中 1 个换新镜像，2 个保持旧版本');
    expect(p.card.images).toEqual([
      { container: 'main', from: 'registry.example.com/project1/service:0.2.0', to: 'registry.example.com/project1/service:0.2.1' },
    ]);
    expect(p.record).toBe('hot-update GameDeployment zone-101/gateway-1 on c');
    const a = auditAnnotation(p, 'bob', 'x');
    expect(a.summary).toBe('hot-update GameDeployment zone-101/gateway-1 on c');
    expect(a.images).toEqual(p.card.images);
  });
});

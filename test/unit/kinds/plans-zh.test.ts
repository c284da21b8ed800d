// The planners in Chinese (issue 18): what a person reads is translated, the records stay English.
import { afterEach, describe, expect, it } from 'vitest';
import { annotationValue, auditAnnotation, auditEvent } from '../../../source/actions/audit.js';
import { setLang } from '../../../source/i18n/t.js';
import { readGameDeployment } from '../../../source/kinds/gamedeployment.js';
import { planAction } from '../../../source/kinds/plans.js';
import { planDeletePod } from '../../../source/kinds/pod-actions.js';
import type { KubeObject } from '../../../source/kube/object.js';
import { charWidth, rolloutText } from '../../../source/model/format.js';
import type { Plan, PlanResult } from '../../../source/kinds/plan/types.js';
import { gdComplete, gdPausedAtPauseStep, gdTimedPause, T0 } from './fixtures-bkbcs.js';
import { deploy, sts } from './fixtures-native.js';

const NOW = T0 + 60_000;
const CJK = /[\u4e00-\u9fff]/;
const width = (text: string) => [...text].reduce((n, c) => n + charWidth(c), 0);

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
    expect(p.details).toEqual(['当前：第 2/3 步（手动暂停），已更新 1/4（25%），版本 test-gd-9d78dd5db', '继续到第 3/3 步']);
    expect(p.card.step).toBe('2/3（暂停：手动暂停）');
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

  it('every kind of planner gives its Chinese headline an English record', () => {
    const pod: KubeObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'game-1-0',
        namespace: 'zone-101',
        uid: 'u1',
        resourceVersion: '7',
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'game-1', uid: 'x', controller: true }],
      },
      spec: { containers: [{ name: 'game', image: 'r/game:1' }] },
      status: { phase: 'Running' },
    };
    const plans = zh(() => [
      plan(planAction({ action: 'hold' }, { cluster: 'c', obj: sts(), now: NOW, by: 'alice' })),
      plan(planAction({ action: 'hotupdate', container: 'auth', image: 'r/auth:9' }, { cluster: 'c', obj: deploy() })),
      plan(planAction({ action: 'restart' }, { cluster: 'c', obj: gdPausedAtPauseStep(), now: NOW })),
      plan(planAction({ action: 'hold' }, { cluster: 'c', obj: gdPausedAtPauseStep(), now: NOW, by: 'alice' })),
      plan(planDeletePod('c', pod)),
    ]);
    for (const p of plans) {
      expect(p.summary, p.summary).toMatch(CJK);
      expect(p.record, p.summary).toBeDefined();
      expect(p.record, p.summary).not.toMatch(CJK);
      expect(auditAnnotation(p, 'alice', 'x').summary).toBe(p.record);
    }
    expect(plans.map((p) => p.record)).toEqual([
      expect.stringMatching(/^hold StatefulSet \S+ on c$/),
      expect.stringMatching(/^set image on Deployment \S+ on c$/),
      'restart GameDeployment zone-101/test-gd on c',
      'hold GameDeployment zone-101/test-gd on c',
      'delete Pod zone-101/game-1-0 on c',
    ]);
    expect(plans[4].details[0]).toBe('StatefulSet/game-1 会以同名重建它（保留其存储卷）');
  });

  it('the rollout a plan starts from reads in Chinese: its state, its steps, why an action is or is not possible', () => {
    const w = zh(() => readGameDeployment('c', gdPausedAtPauseStep(), { now: NOW }));
    // The message is data (JSON carries it, the rows compare it): English; the views word it.
    expect(w.rollout.message).toBe('paused: awaiting approval');
    expect(zh(() => rolloutText(w.rollout.message))).toBe('已暂停：等待审批');
    expect(w.rollout.steps.map((s) => s.summary)).toEqual(['分区 3', '手动暂停', '分区 2']);
    expect(w.rollout.actions.find((a) => a.action === 'approve')?.reason).toBe('继续到第 3/3 步');
    expect(w.rollout.actions.find((a) => a.action === 'release')).toEqual({
      action: 'release',
      possible: false,
      reason: '未被 zonectl 挂起',
    });
    // A caveat keeps its code prefix: planners and the console look for it.
    const d = zh(() => planAction({ action: 'hotupdate', container: 'auth', image: 'r/auth:9' }, { cluster: 'c', obj: deploy() }));
    expect(plan(d).warnings[0]).toBe('Deployment 会重建 Pod（滚动更新），不能原地升级');
  });

  it('a Chinese headline and its details fit the 80-column confirm dialog no worse than the English', () => {
    const en = plan(planAction({ action: 'approve' }, { cluster: 'prod', obj: gdPausedAtPauseStep(), now: NOW }));
    const cn = zh(() => plan(planAction({ action: 'approve' }, { cluster: 'prod', obj: gdPausedAtPauseStep(), now: NOW })));
    expect(width(cn.summary)).toBeLessThanOrEqual(80);
    for (const [i, line] of cn.details.entries()) expect(width(line)).toBeLessThanOrEqual(Math.max(80, width(en.details[i]!)));
  });
});

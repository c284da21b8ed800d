// Alert messages, severities and fixes in 简体中文; rule ids and severities stay codes (JSON, ids).
import { afterEach, describe, expect, it } from 'vitest';
import { clusterCandidates, zoneCandidates } from '../../../../source/model/alerts/fleet-rules.js';
import { podCandidates } from '../../../../source/model/alerts/pod-rules.js';
import { workloadCandidates } from '../../../../source/model/alerts/rollout-rules.js';
import { fixWord } from '../../../../source/model/alerts/words.js';
import { setLang } from '../../../../source/i18n/t.js';
import type { ClusterInfo, ZoneInfo } from '../../../../source/model/types.js';
import { NOW, T, pod, workload } from './fixtures.js';

afterEach(() => setLang('en'));

const stalled = () => workload({ phase: 'progressing', updated: 1, updatedReady: 0, ready: 1, message: 'updating' });

describe('alerts in Chinese', () => {
  it('workload rules: the message in the run language, the rule and severity codes unchanged', () => {
    const en = workloadCandidates(stalled(), T, NOW);
    expect(en.map((c) => c.message)).toEqual(['no pod updated: 1/4 updated, 0 ready', '3/4 pods not ready']);
    setLang('zh-CN');
    const zh = workloadCandidates(stalled(), T, NOW);
    expect(zh.map((c) => [c.rule, c.severity, c.message])).toEqual([
      ['stalled', 'warning', '没有 Pod 更新：已更新 1/4，就绪 0'],
      ['not-ready', 'warning', '3/4 个 Pod 未就绪'],
    ]);
    expect(zh.map((c) => c.id)).toEqual(en.map((c) => c.id));
  });

  it('pod rules: Kubernetes reasons stay English inside the Chinese sentence', () => {
    setLang('zh-CN');
    const p = pod('game-1-1', [{ restartCount: 4, state: { waiting: { reason: 'CrashLoopBackOff' } } }], { ready: false });
    expect(podCandidates(p, undefined, T)[0]!.message).toBe('main：CrashLoopBackOff，重启 4 次');
  });

  it('fleet rules: a cluster zonectl cannot reach, a zone on two versions', () => {
    setLang('zh-CN');
    const c = { name: 'nanjing', state: 'unreachable', lastError: 'dial tcp: timeout' } as ClusterInfo;
    expect(clusterCandidates(c)[0]).toMatchObject({
      rule: 'cluster-unreachable',
      severity: 'critical',
      message: '无法连接：dial tcp: timeout',
    });
    const z = {
      cluster: 'shanghai',
      namespace: 'zone-101',
      zoneId: '101',
      services: [{ image: 'r.example.com/game:1.0' }, { image: 'r.example.com/game:1.1' }],
    } as unknown as ZoneInfo;
    expect(zoneCandidates(z, T)[0]!.message).toBe('服务运行多个版本：1.0, 1.1');
  });

  it('fix words', () => {
    expect([fixWord('check-image'), fixWord('approve')]).toEqual(['check-image', 'approve']);
    setLang('zh-CN');
    // Fixes that are actions: the action's word (the command name in English).
    expect([fixWord('check-image'), fixWord('logs'), fixWord('approve')]).toEqual(['检查镜像', '查看日志', '同意']);
  });
});

// The views area in 简体中文 (issue 18): the scripted `-o table` headers and the words zonectl coins in
// a row are Chinese, the table aligns by display width, the describe summary lines up its values, and
// English stays what it was (these strings are the ones zonectl printed before it spoke Chinese).
import { afterEach, describe, expect, it } from 'vitest';
import { setLang, t } from '../../../source/i18n/t.js';
import { describeLines } from '../../../source/kinds/story/describe.js';
import { clusterColumns } from '../../../source/model/columns/clusters.js';
import { rolloutColumns } from '../../../source/model/columns/rollouts.js';
import { zoneColumns } from '../../../source/model/columns/zones.js';
import { rolloutText, stateText, stepText } from '../../../source/model/format.js';
import { tableColumns } from '../../../source/output/columns.js';
import { renderTable } from '../../../source/output/table.js';
import { displayWidth } from '../../../source/ui/text/width.js';
import { CLUSTERS, makeSnapshot, NOW } from '../../ui/fixtures.js';
import { gstsInPlace } from '../kinds/fixtures-bkbcs.js';

afterEach(() => setLang('en'));

/** Display columns where the cells of a table line start (cells are apart by 3 spaces or more). */
const starts = (line: string) => [...line.matchAll(/\S+(?: {1,2}\S+)*/g)].map((m) => displayWidth(line.slice(0, m.index)));

describe('column headers', () => {
  it('English: the headers zonectl always printed', () => {
    const ctx = { now: NOW };
    expect(tableColumns(zoneColumns, ctx).map((c) => c.header)).toEqual([
      'CLUSTER',
      'NAMESPACE',
      'ZONE',
      'NAME',
      'VERSION',
      'SERVICES',
      'ROLLOUT',
      'AGE',
      'SOURCE',
      'IMAGE',
    ]);
    expect(tableColumns(rolloutColumns, ctx).map((c) => c.header)).toEqual([
      'CLUSTER',
      'NAMESPACE',
      'WORKLOAD',
      'KIND',
      'STRATEGY',
      'STEP',
      'UPDATED',
      'STATE',
      'HOOK',
      'ZONE',
      'REVISION',
      'IMAGES',
      'LAST-ACTION',
    ]);
    // The id picks a column whatever the language (the story's Events panel leaves CLUSTER out by it).
    expect(tableColumns(zoneColumns, ctx)[0]!.id).toBe('cluster');
  });

  it('Chinese `zonectl zones` table: Chinese headers, every value under its header by display width', () => {
    setLang('zh-CN');
    const snap = makeSnapshot();
    const out = renderTable(snap.zones, tableColumns(zoneColumns, { now: NOW }), false);
    const [header, ...rows] = out.trimEnd().split('\n');
    expect(header).toMatch(/^集群 +命名空间 +区服 +名称 +版本 +服务 +发布 +时长$/);
    // Every row's cells start where the header's do (cells are apart by 3 spaces or more).
    const at = starts(header!);
    expect(rows.length).toBe(snap.zones.length);
    for (const r of rows) expect(starts(r), r).toEqual(at.slice(0, starts(r).length));
    expect(out).toContain('华东一区 风云');
  });

  it('Chinese `zonectl rollouts -o wide` and clusters: headers and coined cells in Chinese, codes kept', () => {
    setLang('zh-CN');
    const snap = makeSnapshot();
    const out = renderTable(snap.workloads, tableColumns(rolloutColumns, { now: NOW }), true);
    const header = out.split('\n')[0]!;
    expect(header).toMatch(/^集群 +命名空间 +工作负载 +类型 +策略 +步骤 +已更新 +状态 +钩子 +区服 +修订 +镜像 +最近操作$/);
    expect(out).toContain('已暂停：等待审批 12m');
    // Kind names and the API's values stay as they are.
    expect(out).toContain('GameStatefulSet');
    const clusters = renderTable(CLUSTERS, tableColumns(clusterColumns, { now: NOW }), false);
    expect(clusters.split('\n')[0]).toMatch(/^集群 +状态 +版本 +延迟 +资源类型 +错误$/);
    expect(clusters).toMatch(/无法连接/);
  });
});

describe('coined words', () => {
  it('English output is unchanged; Chinese words the coined messages and keeps the rest', () => {
    const paused = {
      message: 'paused: awaiting approval',
      phase: 'paused' as const,
      paused: true,
      pausedSince: new Date(NOW - 720_000).toISOString(),
    };
    expect(stateText(paused, NOW)).toBe('paused: awaiting approval 12m');
    const held = {
      message: 'paused: held by zonectl (1/3 updated)',
      phase: 'paused' as const,
      paused: true,
      hold: { previous: false, by: 'ops', at: new Date(NOW - 180_000).toISOString() },
    };
    expect(stateText(held, NOW)).toBe('paused: held by ops 3m (1/3 updated)');
    expect(rolloutText('game-1: paused: awaiting approval (+2 more)')).toBe('game-1: paused: awaiting approval (+2 more)');
    for (const en of [
      'failed: pre-inplace hook Failed on auth-1-896xn (+2 more)',
      'paused: partition 3 keeps 3 game servers on the old revision (1 Maintaining)',
      'step 2/3 StepUpgrade, 1/3 canary ready',
      'up to date; missing game-3, game-4, game-5 (+2)',
      'game-2: paused: awaiting approval; drift: game-1 runs 1.8.2, GameZone asks 1.9.0 (+1 more)',
    ])
      expect(rolloutText(en)).toBe(en);
    expect(stepText({ steps: [{}, {}] as never, stepIndex: 2 })).toBe('2/2 done');
    setLang('zh-CN');
    expect(stateText(paused, NOW)).toBe('已暂停：等待审批 12m');
    expect(stateText(held, NOW)).toBe('已暂停：ops 挂起 3m（已更新 1/3）');
    expect(rolloutText('game-1: paused: awaiting approval (+2 more)')).toBe('game-1：已暂停：等待审批（另有 2 个）');
    expect(rolloutText('updating 1/6')).toBe('更新中 1/6');
    // Every message template of the adapters is worded, the API's values inside kept as written.
    expect(rolloutText('paused: spec.paused')).toBe('已暂停：spec.paused');
    expect(rolloutText('OnDelete: 2/4 updated, pods update when deleted')).not.toMatch(/updated/);
    // A clause appended to a message, and a message inside another, are worded too.
    expect(rolloutText('updating 2/6, pre-inplace hook Running on game-1-3')).toBe('更新中 2/6，pre-inplace 钩子在 game-1-3 上运行');
    expect(rolloutText('paused: hook check-online did not succeed')).toMatch(/^已暂停：.*check-online.*未成功/);
    // Text that no template makes (a controller's own words) stays whole.
    expect(rolloutText('the controller said something')).toBe('the controller said something');
    // "{pod}{more}": the pod stays whole and the nested "(+N more)" is worded (it once read "在  上 Failedauth-1-896xn").
    expect(rolloutText('failed: pre-inplace hook Failed on auth-1-896xn')).toBe('失败：pre-inplace 钩子在 auth-1-896xn 上 Failed');
    expect(rolloutText('failed: pre-inplace hook Failed on auth-1-896xn (+2 more)')).toBe(
      '失败：pre-inplace 钩子在 auth-1-896xn 上 Failed（另有 2 个）',
    );
    expect(rolloutText('step 2/3 StepUpgrade, 1/3 canary ready')).toBe('第 2/3 步 StepUpgrade，灰度就绪 1/3');
    expect(rolloutText('StepUpgrade, 1/3 canary ready')).toBe('StepUpgrade，灰度就绪 1/3');
    // "{at}" beside literal text is a plain value (a time), not the nested step.
    expect(rolloutText('paused: timed pause, ends at 12:30:00')).toMatch(/12:30:00/);
    expect(rolloutText('paused: timed pause, ends at 12:30:00')).not.toMatch(/timed pause/);
    // A zone's roll-up: what is missing, and drift against its GameZone (model/zones.ts), worded as a whole.
    expect(rolloutText('up to date; missing game-3, game-4, game-5 (+2)')).toBe('已是最新；缺少 game-3, game-4, game-5（+2）');
    expect(rolloutText('drift: game-1 runs 1.8.2, GameZone asks 1.9.0 (+1 more)')).toBe(
      '漂移：game-1 运行 1.8.2，GameZone 要求 1.9.0（另有 1 个）',
    );
    expect(rolloutText('game-2: paused: awaiting approval; drift: game-1 runs 1.8.2, GameZone asks 1.9.0')).toBe(
      'game-2：已暂停：等待审批；漂移：game-1 运行 1.8.2，GameZone 要求 1.9.0',
    );
    // The API's counts after a message keep their words, in full-width brackets.
    expect(rolloutText('paused: partition 3 keeps 3 game servers on the old revision (1 Maintaining)')).toMatch(
      /^已暂停：.*（1 Maintaining）$/,
    );
    expect(stepText({ steps: [{}, {}] as never, stepIndex: 2 })).toBe('2/2 完成');
  });

  it('a word t() keeps follows the language', () => {
    expect(t('views.col.cluster')).toBe('CLUSTER');
    setLang('zh-CN');
    expect(t('views.col.cluster')).toBe('集群');
    setLang('en');
    expect(t('views.col.cluster')).toBe('CLUSTER');
  });
});

describe('describe', () => {
  const input = () => ({ cluster: 'shanghai', obj: gstsInPlace(), now: Date.parse('2020-11-10T09:00:00Z'), pods: [], events: [] });

  it('English: the kubectl-like labels and table headers as before', () => {
    const lines = describeLines(input());
    expect(lines[0]).toBe('Name:           game-1');
    expect(lines).toContain('Events:         <none>');
  });

  it('Chinese: labels in Chinese, padded by display width so the values line up', () => {
    setLang('zh-CN');
    const lines = describeLines(input());
    expect(lines[0]).toBe(`名称：${' '.repeat(10)}game-1`);
    const labelled = lines.filter((l) => /^[\u4e00-\u9fff]+：/.test(l) && !l.endsWith('：'));
    expect(labelled.length).toBeGreaterThan(4);
    for (const l of labelled) expect(displayWidth(l.slice(0, l.indexOf('：') + 1 + /：( *)/.exec(l)![1]!.length)), l).toBe(16);
    expect(lines).toContain(`事件：${' '.repeat(10)}<none>`);
    expect(t('views.describe.label', { label: '集群' })).toBe('集群：');
  });
});

// Sentences built from template literals once bypassed the catalogs (the lint rule did not check
// templates): the batch card's release lines, the result table and the manifest errors. English stays
// as it was; Chinese reads Chinese, and the table's columns line up by display width.
import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { releaseLines, resultTable } from '../../../commands/batch-report.js';
import type { TargetResult } from '../../../source/actions/batch.js';
import { parseManifests } from '../../../source/gitops/yaml-docs.js';
import { setLang } from '../../../source/i18n/t.js';

afterEach(() => setLang('en'));

const results: TargetResult[] = [
  {
    target: { cluster: 'shanghai', namespace: 'zone-101', kind: 'GameStatefulSet', name: 'game-1' },
    outcome: 'done',
    reason: '',
    exitCode: 0,
    ms: 1234,
    wave: 1,
  },
  {
    target: { cluster: 'nanjing', namespace: 'zone-201', kind: 'GameDeployment', name: 'gateway-1' },
    outcome: 'refused',
    reason: 'not paused',
    exitCode: 1,
    ms: 20,
    wave: 2,
  },
];

describe('batch lines and manifest errors', () => {
  it('English: the lines as they were', () => {
    expect(releaseLines('approve', 'abcd1234', '1,50%', [1, 2], 1, { dryRun: false })).toEqual([
      '  already done in batch abcd1234: 1 (not acted on again)',
      'waves 1,50%: 1 + 1 targets; a gate after each wave follows its targets (--timeout 5m)',
      'batch abcd1234: if stopped, continue with zonectl approve <the same targets or selection> --resume abcd1234',
    ]);
    expect(releaseLines('approve', 'abcd1234', undefined, [2], 0, { dryRun: true })).toEqual(['batch abcd1234']);
    const table = resultTable(results, true).split('\n');
    expect(table[0]).toBe('WAVE   CLUSTER    NAMESPACE   TARGET                     OUTCOME   WAIT   TIME   REASON');
    expect(table[2]).toBe('2      nanjing    zone-201    gamedeployment/gateway-1   refused   -      0.0s   not paused');
    expect(() => parseManifests('kind: x\n', 'a.yaml')).toThrow('a.yaml: document 1, line 1: has no apiVersion/kind');
  });

  it('简体中文: worded, and the table aligned by display width', () => {
    setLang('zh-CN');
    const lines = releaseLines('approve', 'abcd1234', '1,50%', [1, 2], 1, { dryRun: false, timeout: '10m' });
    expect(lines[0]).toBe('  批量操作 abcd1234 中已完成：1 个（不再重复执行）');
    expect(lines[1]).toContain('（--timeout 10m）');
    expect(lines[2]).toBe('批量 ID abcd1234：如果中断，用 zonectl approve <相同的目标或筛选条件> --resume abcd1234 继续');
    const [head, row] = resultTable(results, true).split('\n');
    for (const word of ['批次', '集群', '命名空间', '目标', '结果', '用时', '原因']) expect(head).toContain(word);
    // Each cell starts at the display column of its header.
    const col = (line: string, text: string) => stringWidth(line.slice(0, line.indexOf(text)));
    expect(col(row!, 'shanghai')).toBe(col(head!, '集群'));
    expect(col(row!, 'done')).toBe(col(head!, '结果'));
    expect(() => parseManifests('kind: x\n', 'a.yaml')).toThrow('a.yaml：第 1 个文档，第 1 行：缺少 apiVersion/kind');
  });
});

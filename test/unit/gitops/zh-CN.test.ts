// `zonectl diff` in 简体中文: the summary table's headers and status words, the summary line and the
// --markdown report; the JSON report keeps the status codes.
import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { jsonReport, markdownReport, textReport } from '../../../source/gitops/report.js';
import type { DiffReport } from '../../../source/gitops/types.js';
import { setLang } from '../../../source/i18n/t.js';

afterEach(() => setLang('en'));

function report(): DiffReport {
  const obj = (name: string, status: string, extra: object = {}) => ({
    app: 'game',
    cluster: 'shanghai',
    group: '',
    kind: 'ConfigMap',
    apiVersion: 'v1',
    namespace: 'zone-101',
    name,
    status,
    predictedBy: 'server-dry-run',
    approximate: false,
    warnings: [],
    liveYaml: '',
    predictedYaml: '',
    diff: status === 'Synced' ? '' : '--- live\n+++ git\n-a\n+b\n',
    ...extra,
  });
  return {
    repo: { source: 'repo', ref: 'main', commit: 'c'.repeat(40) },
    apps: [
      {
        app: 'game',
        cluster: 'shanghai',
        namespace: 'zone-101',
        path: 'game',
        tool: 'plain',
        origin: 'zonectl.yaml',
        status: 'OutOfSync',
        warnings: [],
        objects: [obj('a', 'Synced'), obj('b', 'Modified'), obj('c', 'Missing'), obj('d', 'Extra', { prune: true })],
      },
    ],
    errors: [],
    durationMs: 1,
    stats: { objects: 4, dryRuns: 0, dryRunCacheHits: 0, liveRequests: 0 },
  } as unknown as DiffReport;
}

describe('zonectl diff in Chinese', () => {
  it('the text report: headers, status words and the summary line; the table stays aligned', () => {
    const en = textReport(report());
    expect(en).toContain('APP    CLUSTER    KIND        NAMESPACE   NAME   STATUS');
    expect(en).toContain('Extra (requires pruning)');
    expect(en).toContain('4 object(s): 1 synced, 1 modified, 1 missing, 1 extra, 0 unknown');
    setLang('zh-CN');
    const zh = textReport(report());
    const table = zh.split('\n').slice(0, 4);
    expect(table[0]).toMatch(/^应用 +集群 +类型 +命名空间 +名称 +状态$/);
    expect(table.slice(1).map((l) => l.split(/ {3,}/).at(-1))).toEqual(['已修改', '缺失', '多余（需要清理）']);
    // Columns line up by terminal cells: "NAME" column starts at the same cell on every row.
    const at = (l: string, s: string) => stringWidth(l.slice(0, l.indexOf(s)));
    expect(at(table[1]!, ' b ')).toBe(at(table[2]!, ' c '));
    expect(zh).toContain('repo @ main (cccccccccccc)：1 个应用，4 个对象：已同步 1，已修改 1，缺失 1，多余 1，未知 0');
    expect(zh).toContain('===== game shanghai ConfigMap zone-101/b (已修改) =====');
  });

  it('the markdown report: the heading stays, the table head, result and changes are Chinese', () => {
    setLang('zh-CN');
    const md = markdownReport(report());
    expect(md).toContain('### zonectl diff — `main` (`cccccccccccc`)');
    expect(md).toContain('4 个对象：已同步 1，已修改 1，缺失 1，多余 1，未知 0。');
    expect(md).toContain('| 应用 | 集群 | 试运行 | 变更 | 详情 |');
    expect(md).toContain('| game | shanghai | 🟢 成功 | 已修改 ConfigMap/b，缺失 ConfigMap/c，多余 ConfigMap/d |  |');
    expect(md).toContain('<summary>game → shanghai：3 处变更</summary>');
    expect(md).toContain('**ConfigMap zone-101/b** — 已修改');
  });

  it('the JSON report keeps the status codes', () => {
    setLang('zh-CN');
    const j = JSON.parse(jsonReport(report()));
    expect(j.apps[0].objects.map((o: { status: string }) => o.status)).toEqual(['Synced', 'Modified', 'Missing', 'Extra']);
    expect(j.counts).toMatchObject({ Synced: 1, Modified: 1 });
  });
});

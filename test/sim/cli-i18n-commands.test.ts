// The built program in 简体中文 (--lang zh-CN, LC_MESSAGES=zh_CN.UTF-8) against the demo: help, usage,
// config and cluster errors read in Chinese with the English exit codes; machine output (-o json) is
// the same bytes in every locale; completion finds the same flags whatever the locale.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliOnDemo } from './cli-fixture.js';

const f = cliOnDemo();
/** The locale a test asks for, with nothing inherited from the machine's own locale. */
const ZH = { LC_ALL: '', LANG: '', LC_MESSAGES: 'zh_CN.UTF-8' };
const EN = { LC_ALL: '', LANG: '', LC_MESSAGES: '' };

describe('zonectl in 简体中文', () => {
  it('--help: zonectl --help and a command help, by --lang and by LC_MESSAGES', async () => {
    const top = await f.zonectl(['--help', '--lang', 'zh-CN'], EN);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain('zonectl — 跨 Kubernetes 集群管理游戏区服与发布');
    expect(top.stdout).toContain('  --lang LANG            en | zh-CN：界面语言');
    const zones = await f.zonectl(['zones', '--help'], ZH);
    expect(zones.code).toBe(0);
    expect(zones.stdout).toMatch(/^用法：zonectl zones \[选项\]\n\n所有集群中的全部游戏区服/);
    expect((await f.zonectl(['zones', '--help', '--lang', 'en'], ZH)).stdout).toMatch(/^Usage: zonectl zones \[flags\]/);
  });

  it('usage errors: Chinese, one line, the same exit code as in English', async () => {
    for (const args of [
      ['zones', '-n', 'a', '-A'],
      ['zones', '--bogus'],
      ['approve', 'gsts/x', 'gsts/y', '--context', 'shanghai', '--state', 'bogus'],
      ['frobnicate'],
    ]) {
      const en = await f.zonectl(args, EN);
      const zh = await f.zonectl(args, ZH);
      expect(zh.code, args.join(' ')).toBe(en.code);
      expect(zh.code).toBe(2);
      expect(zh.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(zh.stderr).not.toBe(en.stderr);
    }
    expect((await f.zonectl(['zones', '-n', 'a', '-A'], ZH)).stderr).toBe('错误：-n 和 -A 不能同时使用\n');
    expect((await f.zonectl(['zones', '--bogus'], ZH)).stderr).toBe('错误：未知选项 --bogus（见 --help）\n');
    expect((await f.zonectl(['frobnicate'], ZH)).stderr).toBe('zonectl：未知命令 "frobnicate"（见 \'zonectl --help\'）\n');
  });

  it('a config file error names the file and the key, in Chinese, exit 2 as in English', async () => {
    const home = join(f.dir(), 'zh-config');
    mkdirSync(join(home, 'zonectl'), { recursive: true });
    writeFileSync(join(home, 'zonectl', 'config.yaml'), 'readOnly: maybe\n');
    const file = join(home, 'zonectl', 'config.yaml');
    const en = await f.zonectl(['zones'], { ...EN, XDG_CONFIG_HOME: home });
    const zh = await f.zonectl(['zones', '--lang', 'zh-CN'], { ...EN, XDG_CONFIG_HOME: home });
    expect(en.stderr).toBe(`error: config ${file}: "readOnly" must be true or false\n`);
    expect(zh.stderr).toBe(`错误：配置文件 ${file}："readOnly" 必须是布尔值 true 或 false\n`);
    expect([en.code, zh.code]).toEqual([2, 2]);
  });

  it('an unreachable cluster: the cluster named first, the reason in Chinese, exit 3 as in English', async () => {
    const args = ['zones', '--kubeconfig', f.leakyKubeconfig(), '--context', 'leaky-down', '--request-timeout', '3000'];
    const [en, zh] = await Promise.all([f.zonectl(args, EN), f.zonectl(args, ZH)]);
    expect(en.stderr).toMatch(/^error: leaky-down: cannot reach /m);
    expect(zh.stderr).toMatch(/^错误：leaky-down: 无法连接 /m);
    expect(zh.stderr).not.toContain('s3rv3r-pa55');
    expect([en.code, zh.code]).toEqual([3, 3]);
  });

  it('-o json is the same bytes with LC_MESSAGES=zh_CN.UTF-8 and without', async () => {
    // The demo's world moves on between two reads: a Chinese read counts when it sits between two
    // English reads that agree (the world did not change meanwhile).
    for (const args of [
      ['zones', '-A', '--context', 'nanjing', '-o', 'json'],
      ['versions', '-A', '--context', 'singapore', '-o', 'json'],
    ]) {
      let compared = false;
      for (let attempt = 0; attempt < 5 && !compared; attempt++) {
        const before = await f.zonectl(args, EN);
        const zh = await f.zonectl(args, ZH);
        const after = await f.zonectl(args, EN);
        expect([before.code, zh.code, after.code]).toEqual([0, 0, 0]);
        expect(before.stdout.length).toBeGreaterThan(10);
        if (before.stdout !== after.stdout) continue;
        expect(zh.stdout).toBe(before.stdout);
        compared = true;
      }
      expect(compared, `${args.join(' ')}: the world never held still`).toBe(true);
    }
  });

  it('completion finds every flag whatever the locale', async () => {
    for (const words of [['hotupdate', '--'], ['logs', '--'], ['--']]) {
      const en = await f.zonectl(['__complete', ...words], EN);
      const zh = await f.zonectl(['__complete', ...words], ZH);
      expect(zh.stdout).toBe(en.stdout);
    }
    expect((await f.zonectl(['__complete', 'zones', '--'], ZH)).stdout).toContain('--lang\n');
  });
});

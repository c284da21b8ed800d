// Every command's --help in 简体中文: the same flags as the English one (shell completion reads them from
// the help text), the flag column where the English has it, and no line wider than 80 columns.
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { flagsIn } from '../../../commands/completion.js';
import { setLang, t } from '../../../source/i18n/t.js';

const COMMANDS = [
  'clusters',
  'zones',
  'rollouts',
  'hookruns',
  'releases',
  'alerts',
  'versions',
  'compare',
  'diff',
  'logs',
  'describe',
  'events',
  'approve',
  'reject',
  'skip-hook',
  'retry-hooks',
  'hold',
  'release',
  'hotupdate',
  'restart',
  'delete',
  'shell',
  'demo',
  'completion',
  'ui',
];

/** What `zonectl COMMAND --help` prints on stdout. */
async function help(command: string): Promise<string> {
  const mod = (await import(`../../../commands/${command}.ts`)) as { run(argv: string[]): Promise<number> };
  let text = '';
  const write = process.stdout.write;
  process.stdout.write = ((chunk: string | Uint8Array) => {
    text += String(chunk);
    return true;
  }) as typeof process.stdout.write;
  try {
    expect(await mod.run(['--help'])).toBe(0);
  } finally {
    process.stdout.write = write;
  }
  return text;
}

async function inChinese<T>(f: () => Promise<T>): Promise<T> {
  setLang('zh-CN');
  try {
    return await f();
  } finally {
    setLang('en');
  }
}

/** The column a flag's description starts at, per flag line ("  --all    include ..." -> 25). */
function descriptionColumns(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    const m = /^(\s+-\S.*?\s{2,})\S/.exec(line);
    if (m && !out.has(line.trim().split(/\s{2,}/)[0]!)) out.set(line.trim().split(/\s{2,}/)[0]!, stringWidth(m[1]!));
  }
  return out;
}

describe('--help in 简体中文', () => {
  it.each(COMMANDS)('%s: the same flags, in the same column, within 80 columns', async (command) => {
    const en = await help(command);
    const zh = await inChinese(() => help(command));
    expect(zh).not.toBe(en);
    expect(zh).toMatch(/用法：zonectl/);
    expect(new Set(flagsIn(zh))).toEqual(new Set(flagsIn(en)));
    const enCols = descriptionColumns(en);
    for (const [flag, col] of descriptionColumns(zh)) if (enCols.has(flag)) expect(col, `${command} ${flag}`).toBe(enCols.get(flag));
    for (const line of zh.split('\n')) expect(stringWidth(line), `${command}: ${line}`).toBeLessThanOrEqual(80);
  });

  it('zonectl --help: the description of every command line starts in one column (31), in both languages', async () => {
    const usage = () => t('commands.help.usage', { consoleFlags: '', fleetFlags: '' });
    for (const text of [usage(), await inChinese(async () => usage())]) {
      const lines = text.split('\n').filter((l) => l.startsWith('  zonectl'));
      expect(lines.length).toBeGreaterThan(20);
      for (const line of lines) expect(/^.{30} \S/.test(line), line).toBe(true);
    }
  });

  it('the English help is what it was (one spot check per shared block)', async () => {
    const zones = await help('zones');
    expect(zones).toContain('Usage: zonectl zones [flags]\n\nEvery game zone (GameZone objects, or workloads labelled');
    expect(zones).toContain('  --lang LANG            en | zh-CN: the language a person reads (default: lang: in the config file,\n');
    const approve = await help('approve');
    expect(approve).toContain('Usage: zonectl approve <kind>/<name> [flags]\n');
    expect(approve).toContain('Kinds: gamestatefulset (gsts)');
    const zhApprove = await inChinese(() => help('approve'));
    expect(zhApprove).toContain('用法：zonectl approve <kind>/<name> [选项]');
    expect(zhApprove).toContain('类型：gamestatefulset (gsts)');
    expect(await inChinese(() => help('zones'))).toContain('  --lang LANG            en | zh-CN：界面语言');
  });
});

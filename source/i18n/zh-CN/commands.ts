// 简体中文 messages of the commands area: one for every English key (the type refuses a missing or extra key).
// The help texts live in commands-help.ts and are merged here.
import type { messages as en } from '../en/commands.js';
import { helpMessages } from './commands-help.js';

export const messages = {
  ...helpMessages,
  'commands.version.commit': '提交：    {commit}',
  'commands.version.built': '构建时间：{date}',
  'commands.version.runtime': '运行时：  node {node} {platform}{sea}',
  'commands.version.singleExecutable': '（单文件可执行程序）',
  'commands.usage.unknownCommand': "zonectl：未知命令 \"{command}\"（见 'zonectl --help'）",
} satisfies Record<keyof typeof en, string>;

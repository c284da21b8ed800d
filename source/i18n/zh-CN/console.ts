// 简体中文 messages of the console area: one for every English key (the type refuses a missing or extra key).
import type { messages as en } from '../en/console.js';

export const messages = {
  'console.needsTerminal': "zonectl：控制台需要终端；请改用子命令，例如 'zonectl zones -A'（见 'zonectl --help'）",
  'console.restarts': '{n} 次重启',
} satisfies Record<keyof typeof en, string>;

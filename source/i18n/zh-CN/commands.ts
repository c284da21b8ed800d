// 简体中文 messages of the commands area: one for every English key (the type refuses a missing or extra key).
import type { messages as en } from '../en/commands.js';

export const messages = {} satisfies Record<keyof typeof en, string>;

// 简体中文 messages of the plans area: one for every English key (the type refuses a missing or extra key).
import type { messages as en } from '../en/plans.js';

export const messages = {} satisfies Record<keyof typeof en, string>;

// 简体中文 messages of the report area: one for every English key (the type refuses a missing or extra key).
import type { messages as en } from '../en/report.js';

export const messages = {} satisfies Record<keyof typeof en, string>;

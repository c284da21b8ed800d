// Exit codes (DESIGN §9). Documented in README.
export const EXIT = {
  OK: 0,
  /** Difference found / condition not met (diff, --wait gave up). */
  CONDITION: 1,
  USAGE: 2,
  /** Some clusters failed; what was reachable was printed. */
  PARTIAL: 3,
  FORBIDDEN: 4,
  /** The object changed since it was read; nothing was written. */
  CONFLICT: 5,
  /** A bug: unexpected error. */
  BUG: 10,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

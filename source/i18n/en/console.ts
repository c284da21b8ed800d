// English messages of the console area (see ../README.md): the words zonectl printed before it spoke Chinese.
export const messages = {
  'console.needsTerminal': "zonectl: the console needs a terminal; use a subcommand such as 'zonectl zones -A' (see 'zonectl --help')",
  'console.restarts': '{n, plural, one {# restart} other {# restarts}}',
} as const;

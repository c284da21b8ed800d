// English messages of the commands area (see ../README.md): the words zonectl printed before it spoke Chinese.
// The help texts are long, so they live in their own file (commands-help.ts) and are merged here.
import { helpMessages } from './commands-help.js';

export const messages = {
  ...helpMessages,
  'commands.version.commit': 'commit:  {commit}',
  'commands.version.built': 'built:   {date}',
  'commands.version.runtime': 'runtime: node {node} {platform}{sea}',
  'commands.version.singleExecutable': ' (single executable)',
  'commands.usage.unknownCommand': "zonectl: unknown command \"{command}\" (see 'zonectl --help')",
} as const;

// XDG paths: config in $XDG_CONFIG_HOME/zonectl, state (audit log) in $XDG_STATE_HOME/zonectl.
import { homedir } from 'node:os';
import { join } from 'node:path';

export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CONFIG_HOME || join(env.HOME || homedir(), '.config'), 'zonectl');
}

export function stateDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_STATE_HOME || join(env.HOME || homedir(), '.local', 'state'), 'zonectl');
}

export function configFile(env: NodeJS.ProcessEnv = process.env): string {
  return env.ZONECTL_CONFIG || join(configDir(env), 'config.yaml');
}

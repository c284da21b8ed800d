// The entry reads the config for its language, then the command reads it again (start-up, issue 14):
// the same text is parsed once; each reader gets its own copy; a changed file is parsed again.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../source/config/config.js';

const dir = mkdtempSync(join(tmpdir(), 'zonectl-cfg-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('reading the config twice', () => {
  it('gives equal, separate copies of one text and reads a changed file anew', () => {
    const f = join(dir, 'config.yaml');
    writeFileSync(f, 'fleet: [a, b]\nlang: zh-CN\nwaves:\n  canary: "1,50%,100%"\n');
    const first = loadConfig(f);
    const second = loadConfig(f);
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
    first.fleet.push('changed by a caller');
    first.waves['x'] = 'y';
    expect(loadConfig(f).fleet).toEqual(['a', 'b']);
    expect(loadConfig(f).waves).toEqual({ canary: '1,50%,100%' });
    writeFileSync(f, 'fleet: [c]\n');
    expect(loadConfig(f).fleet).toEqual(['c']);
    expect(loadConfig(f).lang).toBeUndefined();
  });

  it('never keeps a refusal: a bad file is refused on every read', () => {
    const f = join(dir, 'bad.yaml');
    writeFileSync(f, 'fleet: 3\n');
    expect(() => loadConfig(f)).toThrow(ConfigError);
    expect(() => loadConfig(f)).toThrow(ConfigError);
  });
});

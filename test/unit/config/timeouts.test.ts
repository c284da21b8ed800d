// Timeouts from flags and the config file: anything a Node timer cannot hold (over 2^31-1 ms it fires at
// once), not a number, zero or negative is one usage / config line (exit 2), never a hang or a RangeError.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseTimeout } from '../../../commands/action-io.js';
import { parseFlags, UsageError } from '../../../commands/flags.js';
import { parseLogsArgs } from '../../../commands/logs.js';
import { ConfigError, loadConfig, MAX_REQUEST_TIMEOUT_MS, parseConfig } from '../../../source/config/config.js';
import { EXIT } from '../../../source/exit-codes.js';

const dir = mkdtempSync(join(tmpdir(), 'zonectl-timeouts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BAD = ['abc', '1e12', '2147483648', '-5', '0', '1.5', '', '600001'];

describe('--request-timeout MS', () => {
  it.each(BAD)('%j is a usage error naming the flag and the range (exit 2)', (v) => {
    for (const parse of [() => parseFlags(['--request-timeout', v], 'help'), () => parseLogsArgs(['pod/p', '--request-timeout', v])]) {
      let err: unknown;
      try {
        parse();
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(UsageError);
      expect((err as UsageError).exitCode).toBe(EXIT.USAGE);
      expect((err as Error).message).toMatch(
        /^--request-timeout .*: expected a whole number of milliseconds from 1 to 600000 \(10 minutes\)$/,
      );
    }
  });

  it('whole milliseconds up to 10 minutes pass as a number', () => {
    expect(parseFlags(['--request-timeout', '1'], 'help').flags.requestTimeout).toBe(1);
    expect(parseFlags(['--request-timeout', String(MAX_REQUEST_TIMEOUT_MS)], 'help').flags.requestTimeout).toBe(600_000);
    expect(parseFlags([], 'help').flags.requestTimeout).toBeUndefined();
    expect(parseLogsArgs(['pod/p', '--request-timeout', '2500']).fleet.requestTimeout).toBe(2500);
  });
});

describe('config requestTimeoutMs', () => {
  it.each([1e12, 2 ** 31, -5, 0, 1.5, '100', 600_001])('%j is a config error (exit 2)', (v) => {
    let err: unknown;
    try {
      parseConfig({ requestTimeoutMs: v }, 'c.yaml');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).exitCode).toBe(EXIT.USAGE);
    expect((err as Error).message).toBe(
      'config c.yaml: "requestTimeoutMs" must be a whole number of milliseconds from 1 to 600000 (10 minutes)',
    );
  });

  it('from the YAML file: requestTimeoutMs: 1e12', () => {
    const file = join(dir, 'config.yaml');
    writeFileSync(file, 'requestTimeoutMs: 1e12\n');
    expect(() => loadConfig(file)).toThrow(ConfigError);
    writeFileSync(file, 'requestTimeoutMs: 30000\n');
    expect(loadConfig(file).requestTimeoutMs).toBe(30_000);
  });
});

describe('--timeout DURATION (actions --wait, wave gates)', () => {
  it.each(['abc', '1e12', '2147483648', '-5', '0', '0s', '25h', '999999h', '86400001ms', ''])('%j is a usage error', (v) => {
    expect(() => parseTimeout(v, 300_000)).toThrow(UsageError);
    expect(() => parseTimeout(v, 300_000)).toThrow(/^--timeout .*: expected a duration from 1ms to 24h, such as 90s or 5m/);
  });

  it('durations up to a day; a bare number is seconds; not given is the default', () => {
    expect(parseTimeout('90s', 1)).toBe(90_000);
    expect(parseTimeout('5m', 1)).toBe(300_000);
    expect(parseTimeout('300', 1)).toBe(300_000);
    expect(parseTimeout('24h', 1)).toBe(86_400_000);
    expect(parseTimeout('250ms', 1)).toBe(250);
    expect(parseTimeout(undefined, 300_000)).toBe(300_000);
  });
});

// Saving a log from the console on `zonectl demo`: the session and the console's ports are wired as
// `zonectl` wires them (app/session.ts, app/console-ports.ts); `l` on a zone follows its pods and `s`
// saves what the view shows through the logs port, which writes a private file (the view does no I/O).
import { renderConsole } from './console-harness.js';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup } from 'ink-testing-library';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { consolePorts, type ConsolePorts } from '../../source/app/console-ports.js';
import { openSession, type Session } from '../../source/app/session.js';
import { startDemo, type Demo } from '../../source/sim/demo.js';

let dir: string;
let demo: Demo;
let session: Session;
let ports: ConsolePorts;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zonectl-log-save-'));
  demo = await startDemo({ zones: 3, podsPerService: 1, lineIntervalMs: 200, tls: false, kubeconfigPath: join(dir, 'kubeconfig') });
  session = openSession(
    { kubeconfig: demo.kubeconfigPath, context: ['shanghai'], allNamespaces: true },
    ['zones', 'rollouts', 'federation'],
    {
      intervalMs: 66,
    },
  );
  session.store.start();
  mkdirSync(join(dir, 'saved'));
  ports = await consolePorts(session, { logsDir: join(dir, 'saved') });
});
afterAll(async () => {
  cleanup();
  ports?.close();
  await session?.close();
  await demo?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('saving a log from the console', () => {
  test('s in a zone log view writes the lines in view to a new 0600 file through the logs port', async () => {
    const saved = join(dir, 'saved');
    const { r, waitFor, press } = renderConsole(session, ports);

    await waitFor((f) => /^> shanghai +\d+ /m.test(f), 'a shanghai zone selected in the Zones view');
    await press('l');
    const following = await waitFor((f) => /^shanghai\/[a-z0-9-]+\/[a-z0-9-]+ /m.test(f), 'log lines from the zone');
    const title = /^Logs following .* (zone\/\d+ in shanghai)$/m.exec(following)?.[1];
    expect(title).toBeDefined();
    await press('s');
    const f = await waitFor((x) => /saved [\d,]+ lines to /.test(x), 'the save message');
    const count = Number(/saved ([\d,]+) lines to /.exec(f)![1]!.replace(/,/g, ''));
    expect(count).toBeGreaterThan(0);

    const files = readdirSync(saved);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(new RegExp(`^zonectl-logs-${title!.replace(/[^A-Za-z0-9._-]+/g, '-')}-\\d{4}-\\d\\d-\\d\\dT[\\d-]+Z\\.log$`));
    const file = join(saved, files[0]!);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(count);
    // Each entry as the view shows it: stream lines with their cluster/pod/container prefix, or a marker.
    for (const l of lines) expect(l).toMatch(/^(shanghai\/[a-z0-9-]+\/[a-z0-9-]+ |[-+~!*] )/);
    expect(lines.some((l) => l.startsWith('shanghai/'))).toBe(true);
    r.unmount();
  }, 60_000);
});

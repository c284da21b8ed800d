// The selected object's story in the console, in process: the session and the console's ports wired as
// `zonectl` wires them (app/session.ts, app/console-ports.ts) on `zonectl demo`. On a zone, d shows the
// describe summary of its GameZone, y its YAML with the MySQL password masked and no managedFields, e the
// Events tab, and Esc closes the panel. (test/e2e/console-story.test.ts does the same through tmux.)
import { renderConsole } from './console-harness.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup } from 'ink-testing-library';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { consolePorts, type ConsolePorts } from '../../source/app/console-ports.js';
import { openSession, type Session } from '../../source/app/session.js';
import { T } from '../../source/sim/controllers/kinds.js';
import { startDemo, type Demo } from '../../source/sim/demo.js';

const SECRET = 'story-s3cret-pwd';
let dir: string;
let demo: Demo;
let session: Session;
let ports: ConsolePorts;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zonectl-story-'));
  demo = await startDemo({ zones: 3, podsPerService: 1, tls: false, kubeconfigPath: join(dir, 'kubeconfig') });
  // A password in every shanghai GameZone: the YAML tab must mask it.
  const store = demo.world.stores.get('shanghai')!;
  for (const z of store.list(T.gameZone).items) {
    const gz = z.spec.gameZone;
    store.update(T.gameZone, { ...z, spec: { ...z.spec, gameZone: { ...gz, mysqlConfig: { ...gz.mysqlConfig, password: SECRET } } } });
  }
  session = openSession({ kubeconfig: demo.kubeconfigPath, context: ['shanghai'], allNamespaces: true }, ['zones', 'rollouts'], {
    intervalMs: 50,
  });
  session.store.start();
  ports = await consolePorts(session, {});
});
afterAll(async () => {
  cleanup();
  ports?.close();
  await session?.close();
  await demo?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the story panel on a zone', () => {
  test('d describe, y masked YAML, e Events, Esc back to the list', async () => {
    const { r, frame, waitFor, press } = renderConsole(session, ports, { rows: 40 });

    await waitFor((f) => /^> shanghai +\d+ /m.test(f), 'a shanghai zone selected in the Zones view');
    await press('d');
    let f = await waitFor((x) => /^\[Describe\] YAML Events {2}zone\/\d+ on shanghai/m.test(x) && /^Kind: +GameZone/m.test(x), 'describe');
    expect(f).toMatch(/^Services \(GameZone serviceConfig\):$/m);
    expect(f).not.toContain(SECRET);

    await press('y');
    f = await waitFor((x) => /^Describe \[YAML\] Events/m.test(x) && /^apiVersion: apps\.example\.com\/v1alpha1$/m.test(x), 'yaml');
    expect(f).not.toContain('managedFields');
    // Scroll the whole YAML through: the password is never on screen, its key is, masked.
    let seenPassword = false;
    for (let i = 0; i < 10; i++) {
      const now = frame();
      expect(now).not.toContain(SECRET);
      if (/password: /.test(now)) {
        seenPassword = true;
        expect(now).toMatch(/password: .*\*\*\*/);
        break;
      }
      await press('\u001b[6~'); // page down
    }
    expect(seenPassword).toBe(true);

    await press('e');
    f = await waitFor((x) => /^Describe YAML \[Events\]/m.test(x), 'the Events tab');
    expect(f).not.toContain(SECRET);

    await press('\u001b');
    await waitFor((x) => /^Zones +\[\d+\]/m.test(x), 'the zones list again');
    r.unmount();
  }, 60_000);
});

// End to end, issue 12 in the real `zonectl demo` at 80x24 (tmux): on a zone, d / y / e open the
// describe, YAML and Events panel (tabs switch in place, Esc closes); in a rollout's detail, ctrl+k on
// a pod line shows the delete card and deletes it (the controller recreates it, the Events tab shows
// zonectl's Event), and S runs the configured shell with the console suspended, then redraws it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bin, expectFits, footer, hasTmux, Tmux } from './tmux.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

const COLS = 80;
const ROWS = 24;
const fits = (s: string): void => expectFits(s, COLS);
const lines = (s: string) => s.split('\n');
/** The selected line of a detail view starts with "- " (or "> " on a list). */
const selected = (s: string) => lines(s).find((l) => /^- /.test(l)) ?? '';

async function start(): Promise<{ t: Tmux; screen: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'zonectl-e2e-story-'));
  mkdirSync(join(dir, 'config', 'zonectl'), { recursive: true });
  // A shell that needs no exec support from the simulator: it prints where it is and exits.
  writeFileSync(
    join(dir, 'config', 'zonectl', 'config.yaml'),
    'shell: [sh, -c, "echo shell-in-{pod}-{container}-on-{context}; sleep 2"]\n',
  );
  const t = new Tmux(COLS, ROWS);
  cleanups.push(
    () => rmSync(dir, { recursive: true, force: true }),
    () => t.kill(),
  );
  t.start(`XDG_STATE_HOME=${dir}/state XDG_CONFIG_HOME=${dir}/config ${bin} demo --seed 1`);
  const screen = await t.waitFor((x) => /Zones\s+\[\d+\]/.test(x) && /zone101/.test(x), 'the zones view with data');
  return { t, screen };
}

describe.skipIf(!hasTmux())('the selected object story and pod actions in zonectl demo (tmux, 80x24)', () => {
  it('d / y / e on a zone; ctrl+k deletes a pod line; S runs the shell with the console suspended', async () => {
    const { t } = await start();

    // d on the selected zone: the describe summary of its GameZone.
    t.keys('d');
    let s = await t.waitFor((x) => /^\[Describe\] YAML Events {2}zone\/\d+ on \w+/m.test(x) && /^Kind: +GameZone/m.test(x), 'describe');
    fits(s);
    expect(lines(s)[1]).toMatch(/^Zones > story$/);
    expect(s).toMatch(/^Services \(GameZone serviceConfig\):$/m);
    expect(footer(s)).toBe('d/y/e tab  up/down scroll  r reload  esc close');
    // y: the YAML, masked, no managedFields; scrolling moves the window.
    t.keys('y');
    s = await t.waitFor((x) => /^Describe \[YAML\] Events/m.test(x) && /^apiVersion: apps\.example\.com\/v1alpha1$/m.test(x), 'yaml');
    fits(s);
    expect(s).not.toContain('managedFields');
    expect(s).toMatch(/ 1-\d+\/\d+$/m);
    t.keys('G');
    s = await t.waitFor((x) => !/^apiVersion:/m.test(x), 'the end of the YAML');
    // e: the Events tab (listed and watched).
    t.keys('e');
    s = await t.waitFor((x) => /^Describe YAML \[Events\]/m.test(x) && !/Listing events/.test(x), 'events');
    fits(s);
    t.keys('Escape');
    s = await t.waitFor((x) => /Zones\s+\[\d+\]/.test(x), 'the zones view again');

    // A rollout's detail, then a pod line.
    t.keys('2');
    await t.waitFor((x) => /^Rollouts/m.test(lines(x)[1] ?? ''), 'the rollouts view');
    t.keys('Enter');
    s = await t.waitFor((x) => /^ {2}Pods \(\d+\)$/m.test(x), 'a rollout detail with pods');
    t.keys('G');
    for (let i = 0; i < 30 && !/^- {3}\S+ rev /.test(selected(s)); i++) {
      t.keys('k');
      s = await t.waitFor(() => true, 'a key');
    }
    const pod = /^- {3}(\S+) rev /.exec(selected(s))?.[1];
    expect(pod).toBeDefined();

    // ctrl+k: the delete card (pod, controller, DELETE with the uid precondition); y deletes it.
    t.keys('C-k');
    s = await t.waitFor((x) => new RegExp(`^Delete Pod/${pod}$`, 'm').test(x), 'the delete card');
    fits(s);
    expect(s).toMatch(/^ {2}controller +Game(StatefulSet|Deployment)\/\S+$/m);
    expect(s).toMatch(/recreates it with the same name|replaces it with a new pod/);
    expect(s).toMatch(new RegExp(`^ {2}DELETE pods \\S+/${pod}: delete \\(precondition uid`, 'm'));
    t.keys('y');
    s = await t.waitFor((x) => new RegExp(`delete Pod \\S+/${pod} on \\w+: done`).test(x), 'the delete done');
    // The workload's Events (g: the detail's first line) now hold zonectl's Event on the deleted pod.
    t.keys('g', 'e');
    s = await t.waitFor((x) => new RegExp(`ZonectlDeletePod +Pod/${pod}`).test(x), 'the delete in the Events tab');
    fits(s);
    t.keys('Escape');
    s = await t.waitFor((x) => /^ {2}Pods \(\d+\)$/m.test(x) || /^ {2}Actions \(keys\)$/m.test(x), 'the detail again');
    t.keys('G');
    s = await t.waitFor(() => true, 'a key');

    // S on a pod line: the shell card, then the configured command on the plain screen, then the console.
    for (let i = 0; i < 30 && !/^- {3}\S+ rev /.test(selected(s)); i++) {
      t.keys('k');
      s = await t.waitFor(() => true, 'a key');
    }
    const shellPod = /^- {3}(\S+) rev /.exec(selected(s))?.[1];
    t.keys('S');
    s = await t.waitFor((x) => /^Open a shell in Pod\//m.test(x), 'the shell card');
    expect(s).toMatch(/^Runs \(the console is suspended until it exits\):$/m);
    t.keys('y');
    s = await t.waitFor((x) => new RegExp(`^shell-in-${shellPod}-\\w+-on-\\w+$`, 'm').test(x), 'the shell on the main screen', 10_000);
    expect(s).not.toMatch(/^zonectl {2}fleet/m);
    s = await t.waitFor(
      (x) => /^zonectl {2}fleet/m.test(x) && /shell closed: sh -c/.test(x),
      'the console redrawn after the shell',
      15_000,
    );
    fits(s);
    t.keys('q');
  });
});

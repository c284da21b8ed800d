// The built program on `zonectl demo` (child processes): describe / events of a workload, a zone found
// without -n and a pod; YAML without managedFields; the documented exit codes; restart / delete / shell
// through the same confirmation rules as every action (--force for a warning, forbidden for the viewer).
import { describe, expect, it } from 'vitest';
import { cliOnDemo } from './cli-fixture.js';

const f = cliOnDemo();
const zonectl = f.zonectl;

describe('zonectl describe / events', () => {
  it('describe a workload: kind-aware summary with its pods', async () => {
    const r = await zonectl(['describe', 'gsts/game-1', '-n', 'zone-101', '--context', 'shanghai']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Kind: {11}GameStatefulSet \(tkex\.tencent\.com\/v1alpha1\)$/m);
    expect(r.stdout).toMatch(/^Controlled By: {2}GameZone\/zone101$/m);
    expect(r.stdout).toMatch(/^Strategy: {7}\w+$/m);
    expect(r.stdout).toMatch(/^ {2}game-1-0 +1\/1 +Running +\d+ /m);
    expect(r.stdout).toMatch(/^Events:/m);
  });

  it('a zone id is found without -n; -o yaml is the object without managedFields', async () => {
    const z = await zonectl(['describe', 'zone/101', '--context', 'shanghai']);
    expect(z.code).toBe(0);
    expect(z.stdout).toMatch(/^Kind: {11}GameZone \(apps\.example\.com\/v1alpha1\)$/m);
    expect(z.stdout).toMatch(/^Workloads:$/m);
    const y = await zonectl(['describe', 'zone/101', '--context', 'shanghai', '-o', 'yaml']);
    expect(y.code).toBe(0);
    expect(y.stdout).toMatch(/^kind: GameZone$/m);
    expect(y.stdout).not.toContain('managedFields');
  });

  it('not found anywhere is exit 2; events -o json is an EventList', async () => {
    const r = await zonectl(['describe', 'gsts/nope', '-n', 'zone-101', '--context', 'shanghai']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: gamestatefulset\/nope not found in any selected cluster/m);
    const e = await zonectl(['events', 'zone/101', '--context', 'shanghai', '-o', 'json']);
    expect(e.code).toBe(0);
    const doc = JSON.parse(e.stdout) as { kind: string; items: unknown[] };
    expect(doc.kind).toBe('EventList');
  });
});

describe('zonectl restart / delete / shell', () => {
  it('restart of an InplaceUpdate GameStatefulSet: --yes alone is refused (the warning), --force runs it', async () => {
    const args = ['restart', 'gsts/game-2', '-n', 'zone-101', '--context', 'shanghai', '--yes'];
    const r = await zonectl(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/InplaceUpdate probably restarts no container.*add --force to confirm with --yes/);
    const ok = await zonectl([...args, '--force']);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^Done: restart GameStatefulSet zone-101\/game-2 on shanghai/m);
  });

  it('delete pod/NAME: the card names the controller; done, and the events show it', async () => {
    const r = await zonectl(['delete', 'pod/game-2-0', '-n', 'zone-101', '--context', 'shanghai', '--yes']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ {2}GameStatefulSet\/game-2 recreates it with the same name \(and its volumes\)$/m);
    expect(r.stdout).toMatch(/^Done: delete Pod zone-101\/game-2-0 on shanghai/m);
    const e = await zonectl(['events', 'gsts/game-2', '-n', 'zone-101', '--context', 'shanghai']);
    expect(e.stdout).toMatch(/ZonectlDeletePod +Pod\/game-2-0 /);
  });

  it('shell as the viewer: the pods/exec access review refuses it (exit 4); nothing runs', async () => {
    const r = await zonectl(['shell', 'pod/game-2-1', '-n', 'zone-101', '--context', 'shanghai-viewer', '--yes']);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/exec/);
  });
});

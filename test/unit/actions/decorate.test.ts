import { describe, expect, it } from 'vitest';
import { decorateBody, pointerEscape, writeOutcome } from '../../../source/actions/decorate.js';
import { auditStepIndex } from '../../../source/actions/execute.js';
import { describeBody } from '../../../source/kinds/plan/describe.js';
import type { Plan, PlanStep, PlanTarget } from '../../../source/kinds/plan/types.js';
import { KINDS } from '../../../source/kinds/registry.js';

const ann = { key: 'zonectl.io/last-action', value: '{"action":"approve"}' };

describe('decorateBody', () => {
  it('adds metadata.resourceVersion and the annotation to a merge patch without touching the plan body', () => {
    const body = { spec: { updateStrategy: { paused: false } }, metadata: { annotations: { 'zonectl.io/hold': '{"previous":2}' } } };
    const out = decorateBody('merge', body, { resourceVersion: '42', annotation: ann });
    expect(out).toEqual({
      spec: { updateStrategy: { paused: false } },
      metadata: { resourceVersion: '42', annotations: { 'zonectl.io/hold': '{"previous":2}', 'zonectl.io/last-action': ann.value } },
    });
    expect(body.metadata).toEqual({ annotations: { 'zonectl.io/hold': '{"previous":2}' } });
  });

  it('prepends a test op on the resourceVersion to a JSON patch and appends the annotation', () => {
    const ops = [{ op: 'replace', path: '/spec/template/spec/containers/0/image', value: 'v2' }];
    expect(decorateBody('json', ops, { resourceVersion: '7', annotation: ann, annotationsExist: true })).toEqual([
      { op: 'test', path: '/metadata/resourceVersion', value: '7' },
      ops[0],
      { op: 'add', path: '/metadata/annotations/zonectl.io~1last-action', value: ann.value },
    ]);
    expect(ops).toHaveLength(1);
  });

  it('creates the annotations map in a JSON patch when the object has none', () => {
    const out = decorateBody('json', [], { resourceVersion: '7', annotation: ann, annotationsExist: false }) as unknown[];
    expect(out.at(-1)).toEqual({ op: 'add', path: '/metadata/annotations', value: { [ann.key]: ann.value } });
  });

  it('leaves a body alone without a decoration (dry-run audit-free writes still carry the resourceVersion)', () => {
    expect(decorateBody('merge', { spec: { x: 1 } }, {})).toEqual({ spec: { x: 1 } });
    expect(decorateBody('merge', { spec: { x: 1 } }, { resourceVersion: '3' })).toEqual({
      spec: { x: 1 },
      metadata: { resourceVersion: '3' },
    });
  });

  it('refuses bodies of the wrong shape', () => {
    expect(() => decorateBody('merge', [], {})).toThrow(/merge patch body must be an object/);
    expect(() => decorateBody('json', {}, {})).toThrow(/list of operations/);
  });

  it('escapes JSON pointer segments', () => {
    expect(pointerEscape('a/b~c')).toBe('a~1b~0c');
  });
});

describe('auditStepIndex', () => {
  const t = (name: string, type = KINDS.Rollout): PlanTarget => ({ cluster: 'c', type, namespace: 'ns', name });
  const step = (target: PlanTarget, subresource?: string): PlanStep => ({
    target,
    subresource,
    patchType: 'merge',
    body: {},
    describe: '',
  });
  const plan = (steps: PlanStep[]): Plan => ({
    action: 'approve',
    primary: t('ro'),
    preconditions: { resourceVersion: '1' },
    steps,
    summary: '',
    details: [],
    card: { cluster: 'c', namespace: 'ns', kind: 'Rollout', name: 'ro' },
    warnings: [],
    access: [],
  });
  it('is the last main-resource write on the primary', () => {
    expect(auditStepIndex(plan([step(t('ro'), 'status'), step(t('ro'))]))).toBe(1);
  });
  it('is -1 for status-only plans and plans that write another object', () => {
    expect(auditStepIndex(plan([step(t('ro'), 'status')]))).toBe(-1);
    expect(auditStepIndex(plan([step(t('hr', KINDS.HookRun))]))).toBe(-1);
  });
  it('is -1 for a recordLast plan whose last write is another object: the record comes after the owner write', () => {
    // A partition on the workload, then the image in its owner (a GameZone): a record on the first write
    // would stand for a change a process killed in between never made.
    const owner = [step(t('ro')), step(t('zone1', KINDS.GameDeployment))];
    expect(auditStepIndex(plan(owner))).toBe(0);
    expect(auditStepIndex({ ...plan(owner), recordLast: true })).toBe(-1);
    expect(auditStepIndex({ ...plan([step(t('ro'), 'status'), step(t('ro'))]), recordLast: true })).toBe(1);
  });
});

describe('decorateBody with a planned resourceVersion', () => {
  it('keeps the planned precondition on a first write, replaces it on a later write to the same object', () => {
    const merge = { metadata: { resourceVersion: '5' }, spec: { paused: false } };
    expect(decorateBody('merge', merge, { resourceVersion: '5' })).toEqual(merge);
    expect(decorateBody('merge', merge, { resourceVersion: '9', overrideResourceVersion: true })).toEqual({
      metadata: { resourceVersion: '9' },
      spec: { paused: false },
    });
    const ops = [
      { op: 'test', path: '/metadata/resourceVersion', value: '5' },
      { op: 'replace', path: '/spec/x', value: 1 },
    ];
    expect(decorateBody('json', ops, { resourceVersion: '5' })).toEqual(ops);
    expect(decorateBody('json', ops, { resourceVersion: '9', overrideResourceVersion: true })).toEqual([
      { op: 'test', path: '/metadata/resourceVersion', value: '9' },
      ops[1],
    ]);
  });
});

describe('describeBody', () => {
  it('lists what a merge patch sets, without the resourceVersion, annotations by key', () => {
    expect(
      describeBody('merge', {
        metadata: { resourceVersion: '5', annotations: { 'zonectl.io/hold': '{"previous":0}' } },
        spec: { updateStrategy: { partition: 3 } },
      }),
    ).toBe('annotation zonectl.io/hold, spec.updateStrategy.partition = 3');
    expect(describeBody('merge', { status: { pauseConditions: null } })).toBe('status.pauseConditions = null');
  });
  it('lists JSON patch ops without tests, and never prints object values (a pod template)', () => {
    const ops = [
      { op: 'test', path: '/metadata/resourceVersion', value: '5' },
      { op: 'replace', path: '/spec/template', value: { spec: { containers: [{ env: [{ name: 'PASSWORD', value: 'hunter2' }] }] } } },
      { op: 'replace', path: '/spec/template/spec/containers/0/image', value: 'r/s:2' },
    ];
    const d = describeBody('json', ops);
    expect(d).toBe('replace /spec/template, replace /spec/template/spec/containers/0/image = "r/s:2"');
    expect(d).not.toContain('hunter2');
  });
});

describe('writeOutcome (a lost response: what does the re-read object say?)', () => {
  const obj = (rv: string, image: string, paused: boolean) => ({
    metadata: { resourceVersion: rv, annotations: { a: '1' } },
    spec: { paused, template: { spec: { containers: [{ name: 'c', image }] } } },
  });
  const json = [
    { op: 'test', path: '/metadata/resourceVersion', value: '5' },
    { op: 'test', path: '/spec/template/spec/containers/0/image', value: 'r:1' },
    { op: 'replace', path: '/spec/template/spec/containers/0/image', value: 'r:2' },
  ];
  it('a JSON patch: applied when its values are there, not applied when its tests still hold, else unknown', () => {
    expect(writeOutcome('json', json, obj('6', 'r:2', false))).toBe('applied');
    expect(writeOutcome('json', json, obj('5', 'r:1', false))).toBe('not-applied');
    expect(writeOutcome('json', json, obj('7', 'r:3', false))).toBe('unknown');
  });
  it('a merge patch: applied when its values are there (null = gone), not applied when the resourceVersion did not move', () => {
    const body = { metadata: { resourceVersion: '5', annotations: { a: null } }, spec: { paused: true } };
    expect(writeOutcome('merge', body, { metadata: { resourceVersion: '6' }, spec: { paused: true } })).toBe('applied');
    expect(writeOutcome('merge', body, obj('5', 'r:1', false))).toBe('not-applied');
    expect(writeOutcome('merge', body, obj('9', 'r:1', false))).toBe('unknown');
  });
});

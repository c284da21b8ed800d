// The client-side selectors the informer pool filters with must say what the apiserver's say. The expected
// results follow k8s.io/apimachinery/pkg/labels (Requirement.Matches) and pkg/fields (hasTerm / notHasTerm),
// quoted per case; the real apiserver agrees on the same objects in test/cluster/shared-wait.test.ts.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../source/kube/object.js';
import { compareResourceVersions } from '../../../source/kube/resource-version.js';
import { parseLabelSelector } from '../../../source/kube/label-selector.js';
import { fieldsMatch, labelsMatch, parseFieldSelector } from '../../../source/kube/selectors.js';

const matches = (sel: string, labels: Record<string, string> | undefined) => {
  const reqs = parseLabelSelector(sel);
  if (!reqs) throw new Error(`does not parse: ${sel}`);
  return labelsMatch(reqs, labels);
};

describe('label selectors (labels.Parse + Requirement.Matches)', () => {
  const game = { app: 'game', tier: 'x', 'zonectl.io/zone': '101', build: '42' };

  it('equality (=, ==): the label is present with that value', () => {
    expect(matches('app=game', game)).toBe(true);
    expect(matches('app==game', game)).toBe(true);
    expect(matches('app = game', game)).toBe(true);
    expect(matches('app=db', game)).toBe(false);
    expect(matches('app=game', {})).toBe(false); // "Equals / In: the label must exist"
    expect(matches('app=game', undefined)).toBe(false);
    expect(matches('zonectl.io/zone=101', game)).toBe(true); // a prefixed key
  });

  it('an empty value: "key=" matches the label present and empty only', () => {
    expect(matches('app=', { app: '' })).toBe(true);
    expect(matches('app=', {})).toBe(false);
    expect(matches('app=', game)).toBe(false);
  });

  it('inequality (!=): true when the label is absent ("NotEquals / NotIn: !ls.Has(key) -> true")', () => {
    expect(matches('app!=db', game)).toBe(true);
    expect(matches('app!=game', game)).toBe(false);
    expect(matches('app!=game', {})).toBe(true);
    expect(matches('app!=game', undefined)).toBe(true);
  });

  it('set-based in / notin', () => {
    expect(matches('app in (db,game)', game)).toBe(true);
    expect(matches('app in (db, gateway)', game)).toBe(false);
    expect(matches('app in (game)', {})).toBe(false);
    expect(matches('app notin (db,gateway)', game)).toBe(true);
    expect(matches('app notin (db,game)', game)).toBe(false);
    expect(matches('app notin (game)', {})).toBe(true); // absent is "not in"
    expect(matches('app in (,game)', { app: '' })).toBe(true); // an empty place is the empty value
  });

  it('exists and !exists', () => {
    expect(matches('tier', game)).toBe(true);
    expect(matches('tier', { tier: '' })).toBe(true); // present with an empty value still exists
    expect(matches('tier', {})).toBe(false);
    expect(matches('!tier', game)).toBe(false);
    expect(matches('!tier', {})).toBe(true);
    expect(matches('!tier', undefined)).toBe(true);
  });

  it('gt / lt: an int64 label value compared; a value that is not an integer never matches', () => {
    expect(matches('build>41', game)).toBe(true);
    expect(matches('build>42', game)).toBe(false);
    expect(matches('build<43', game)).toBe(true);
    expect(matches('build<42', game)).toBe(false);
    expect(matches('app>1', game)).toBe(false); // "game" does not parse as an integer
    expect(matches('build>1', {})).toBe(false); // absent: no match
  });

  it('a comma is AND; the empty selector matches everything', () => {
    expect(matches('app=game,tier=x', game)).toBe(true);
    expect(matches('app=game,tier=y', game)).toBe(false);
    expect(matches('app in (game,db),!gone,tier', game)).toBe(true);
    expect(matches('', game)).toBe(true);
    expect(matches('', undefined)).toBe(true);
  });

  it('what labels.Parse refuses does not parse here either (the pool then gives it a watch of its own)', () => {
    for (const bad of ['app=game,', ',app=game', 'app in game', 'app=a=b', 'App_/x=1', 'app=-x', 'build>x', 'a b'])
      expect(parseLabelSelector(bad), bad).toBeUndefined();
    expect(parseLabelSelector(undefined)).toEqual([]);
  });
});

describe('field selectors (fields.ParseSelector; metadata.name and metadata.namespace evaluated)', () => {
  const pod = { metadata: { name: 'game-1-0', namespace: 'games' } } as KubeObject;
  const node = { metadata: { name: 'n1' } } as KubeObject;
  const match = (sel: string, o: KubeObject) => fieldsMatch(parseFieldSelector(sel)!, o);

  it('=, == and != on the name and namespace; a comma is AND', () => {
    expect(match('metadata.name=game-1-0', pod)).toBe(true);
    expect(match('metadata.name==game-1-0', pod)).toBe(true);
    expect(match('metadata.name=game-1-1', pod)).toBe(false);
    expect(match('metadata.name!=game-1-1', pod)).toBe(true);
    expect(match('metadata.namespace=games,metadata.name=game-1-0', pod)).toBe(true);
    expect(match('metadata.namespace=other,metadata.name=game-1-0', pod)).toBe(false);
  });

  it('a field the object does not have reads as "" (a cluster-scoped object has no namespace)', () => {
    expect(match('metadata.namespace=', node)).toBe(true);
    expect(match('metadata.namespace!=games', node)).toBe(true);
  });

  it('escaped values; other fields are not evaluated here (undefined), bad syntax does not parse', () => {
    expect(parseFieldSelector('metadata.name=a\\,b')).toEqual([{ field: 'metadata.name', not: false, value: 'a,b' }]);
    expect(match('involvedObject.kind=Pod', pod)).toBeUndefined();
    expect(parseFieldSelector('metadata.name')).toBeUndefined();
    expect(parseFieldSelector('metadata.name=a=b')).toBeUndefined();
    expect(parseFieldSelector('')).toEqual([]);
  });
});

describe('resourceVersion order (KEP-5504, CompareResourceVersion)', () => {
  it('compares as integers of any length; zero, leading zeros and non-digits are not comparable', () => {
    expect(compareResourceVersions('9', '10')).toBe(-1);
    expect(compareResourceVersions('10', '9')).toBe(1);
    expect(compareResourceVersions('123456789012345678901234567890', '123456789012345678901234567890')).toBe(0);
    expect(compareResourceVersions('0', '1')).toBeUndefined();
    expect(compareResourceVersions('01', '1')).toBeUndefined();
    expect(compareResourceVersions('a1', '1')).toBeUndefined();
    expect(compareResourceVersions(undefined, '1')).toBeUndefined();
  });
});

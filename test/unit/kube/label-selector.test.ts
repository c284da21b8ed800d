// Label selector syntax, as the apiserver parses it (labels.Parse): the problem in its words, or the requirements.
import { describe, expect, it } from 'vitest';
import { labelSelectorProblem, parseLabelSelector } from '../../../source/kube/label-selector.js';

describe('labelSelectorProblem', () => {
  it.each([
    '',
    '  ',
    'app',
    '!app',
    'app=game',
    'app==game',
    'app!=game',
    'app=',
    'a=b,c!=d,!e,f',
    'zonectl.io/zone in (101, 102)',
    'x notin (a,,b)',
    'x notin ()',
    'x in (,a)',
    'in in (in, notin)',
    ' \tapp\r\n',
    'replicas>2',
    'replicas < 9223372036854775807',
    `${'a'.repeat(63)}=${'b'.repeat(63)}`,
    'example.com/a_b.c-d=X_y.z-1',
  ])('%j is a selector', (sel) => {
    expect(labelSelectorProblem(sel)).toBeUndefined();
    // One parser: what passes the check gives requirements to evaluate.
    expect(parseLabelSelector(sel)).toBeDefined();
  });

  it.each([
    ['a b c!!', "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"],
    ['app in (a,b', 'unable to parse requirement: found end of selector, expected: , or )'],
    ['app in a', "unable to parse requirement: found 'a', expected: ("],
    ['x notin (a b)', "unable to parse requirement: found 'b', expected: , or )"],
    ['zone=a=b', "unable to parse requirement: found '=', expected: ',' or end of selector"],
    ['app,', 'unable to parse requirement: found end of selector, expected: identifier'],
    [',app', "unable to parse requirement: found ',', expected: identifier"],
    ['!app=x', "unable to parse requirement: found '=', expected: ',' or end of selector"],
    ['n>x', "unable to parse requirement: found 'x', expected: an integer"],
    ['n>', 'unable to parse requirement: found end of selector, expected: an integer'],
    ['n<9223372036854775808', "unable to parse requirement: found '9223372036854775808', expected: an integer"],
    // The apiserver checks the integer as a label value too: no sign.
    ['n<-1', 'invalid label value "-1": [A-Za-z0-9._-], beginning and ending alphanumeric'],
    ['a\u00a0b=c', 'invalid label key "a\u00a0b": a name of at most 63 characters ([A-Za-z0-9._-], beginning and ending alphanumeric)'],
    ['-a=b', 'invalid label key "-a": a name of at most 63 characters ([A-Za-z0-9._-], beginning and ending alphanumeric)'],
    ['Example.com/a=b', "invalid label key \"Example.com/a\": the prefix must be a DNS subdomain (lowercase letters, digits, '-' and '.')"],
    [
      `${'a'.repeat(64)}`,
      `invalid label key "${'a'.repeat(64)}": a name of at most 63 characters ([A-Za-z0-9._-], beginning and ending alphanumeric)`,
    ],
    ['a=-b', 'invalid label value "-b": [A-Za-z0-9._-], beginning and ending alphanumeric'],
    [`a=${'b'.repeat(64)}`, `invalid label value "${'b'.repeat(64)}": at most 63 characters`],
  ])('%j: %s', (sel, problem) => {
    expect(labelSelectorProblem(sel)).toBe(problem);
    expect(parseLabelSelector(sel)).toBeUndefined();
  });

  it('gives the requirements labels.Parse gives', () => {
    expect(parseLabelSelector(' a = 1 , b==2 , c!=3 , d , ! e , f>7 , g<8 ')).toEqual([
      { key: 'a', op: 'in', values: ['1'] },
      { key: 'b', op: 'in', values: ['2'] },
      { key: 'c', op: 'notin', values: ['3'] },
      { key: 'd', op: 'exists' },
      { key: 'e', op: '!exists' },
      { key: 'f', op: 'gt', value: 7n },
      { key: 'g', op: 'lt', value: 8n },
    ]);
    expect(parseLabelSelector('a=')).toEqual([{ key: 'a', op: 'in', values: [''] }]);
    // '()' and the empty places of a list are the empty value; 'in' is a word only where an operator goes.
    expect(parseLabelSelector('x notin ()')).toEqual([{ key: 'x', op: 'notin', values: [''] }]);
    expect(parseLabelSelector('x in (,a)')).toEqual([{ key: 'x', op: 'in', values: ['', 'a'] }]);
    expect(parseLabelSelector('x in (a,,b)')).toEqual([{ key: 'x', op: 'in', values: ['a', '', 'b'] }]);
    expect(parseLabelSelector('in in (in, notin)')).toEqual([{ key: 'in', op: 'in', values: ['in', 'notin'] }]);
    expect(parseLabelSelector('')).toEqual([]);
  });
});

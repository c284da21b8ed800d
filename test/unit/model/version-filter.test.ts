// `--version FILTER`: prefix on dot boundaries, comparisons, errors as one sentence.
import { describe, expect, test } from 'vitest';
import { compareVersions, versionFilter, VersionFilterError } from '../../../source/model/version-filter.js';

const pick = (filter: string, versions: string[]) => versions.filter(versionFilter(filter));
const ALL = ['1.8', '1.8.2', '1.8.2-hotfix1', '1.80.0', '1.9.0', '1.9.0-rc1', 'v1.8.3', 'latest', 'sha256:ab12cd34', '2.0.0'];

describe('version filters', () => {
  test.each([
    ['1.8', ['1.8', '1.8.2', '1.8.2-hotfix1', 'v1.8.3']],
    ['1.8.x', ['1.8', '1.8.2', '1.8.2-hotfix1', 'v1.8.3']],
    ['1.8.*', ['1.8', '1.8.2', '1.8.2-hotfix1', 'v1.8.3']],
    ['v1.8.2', ['1.8.2', '1.8.2-hotfix1']],
    ['=1.8.2', ['1.8.2']],
    ['>=1.9', ['1.80.0', '1.9.0', '2.0.0']],
    ['>=1.9.0-rc1 <2', ['1.80.0', '1.9.0', '1.9.0-rc1']],
    // A pre-release of 1.9 is below 1.9 (semver).
    ['< 1.9', ['1.8', '1.8.2', '1.8.2-hotfix1', '1.9.0-rc1', 'v1.8.3']],
    // Comparisons take versions only: latest and a digest are neither below nor "not" 1.8.2.
    ['!=1.8.2', ['1.8', '1.8.2-hotfix1', '1.80.0', '1.9.0', '1.9.0-rc1', 'v1.8.3', '2.0.0']],
    ['latest', ['latest']],
  ])('%s', (filter, want) => {
    expect(pick(filter, ALL)).toEqual(want);
  });

  test('semver-like order: numbers part by part, a pre-release before the release, non-versions first', () => {
    const sorted = ['1.10.0', '1.9.0', '1.9.0-rc1', 'latest', '1.8.2'].sort(compareVersions);
    expect(sorted).toEqual(['latest', '1.8.2', '1.9.0-rc1', '1.9.0', '1.10.0']);
    expect(compareVersions('1.9', '1.9.0')).toBe(0);
    expect(compareVersions('1.10.0', '1.9.9')).toBeGreaterThan(0);
  });

  test.each([
    ['', 'empty version filter'],
    ['>=', 'a version is missing after >='],
    ['>=abc', 'abc is not a version'],
    ['~1.8', undefined],
    ['=>1.8', 'expected an operator'],
  ])('%j is refused with a reason', (filter, reason) => {
    if (reason === undefined) {
      // "~1.8" is no operator of ours: taken as a prefix (it matches nothing here), not refused.
      expect(pick(filter, ALL)).toEqual([]);
      return;
    }
    expect(() => versionFilter(filter)).toThrow(VersionFilterError);
    expect(() => versionFilter(filter)).toThrow(reason);
  });
});

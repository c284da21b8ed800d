// Image reference syntax, as the container runtimes parse it.
import { describe, expect, it } from 'vitest';
import { isImageReference } from '../../../source/model/image-ref.js';

describe('isImageReference', () => {
  it.each([
    'game',
    'game:1.9.1',
    'registry.example.com/project1/service:2.0.0',
    'registry.example.com:5000/a/b/c:v1',
    'localhost/a_b__c-d/e.f:v1',
    'Registry.Example.com/lower:TAG_1.x-y',
    '[::1]:5000/a:1',
    `x@sha256:${'a'.repeat(64)}`,
    `x:1@sha256:${'0'.repeat(64)}`,
  ])('%j is an image reference', (image) => expect(isImageReference(image)).toBe(true));

  it.each([
    '',
    'bad image!!',
    'Registry/UPPER:1',
    'UPPER',
    'a:',
    'a:-tag',
    `a:${'t'.repeat(129)}`,
    'a@sha256:abc',
    'a//b',
    '/a',
    'a/',
    ' a',
    `${'a'.repeat(256)}`,
  ])('%j is not', (image) => expect(isImageReference(image)).toBe(false));
});

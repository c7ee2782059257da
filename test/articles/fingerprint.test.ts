import { describe, expect, it } from 'vitest';
import { isNearDuplicate, nearDuplicateKeys } from '../../lambda/articles/fingerprint.js';
import { isRejection, parseArticleInput } from '../../lambda/articles/read-inputs.js';
import { fixtureInput } from './fixtures.js';

function bodyOf(file: string): string {
  const result = parseArticleInput(fixtureInput(file));
  if (isRejection(result)) throw new Error(result.reason);
  return result.body;
}

const original = bodyOf('ingest-duplicates/web-copy.txt');
const nearCopy = bodyOf('ingest-duplicates/near-copy.txt');
const otherStory = bodyOf('ingest-duplicates/other-story.txt');

describe('isNearDuplicate', () => {
  it('recognises a copy with its last paragraph cut and a sentence added', () => {
    expect(isNearDuplicate(original, nearCopy)).toBe(true);
  });

  it('tells apart two articles on the same negotiations that share a sentence', () => {
    expect(isNearDuplicate(original, otherStory)).toBe(false);
  });

  it('ignores case, quote marks and whitespace', () => {
    const retyped = original.replace(/"/g, '“').replace(/ /g, '  ').toUpperCase();
    expect(isNearDuplicate(original, retyped)).toBe(true);
  });

  it('does not count a short article quoted inside a long one as a copy of it', () => {
    const short = original.split('\n\n')[0] ?? '';
    expect(isNearDuplicate(short, original)).toBe(false);
  });
});

describe('nearDuplicateKeys', () => {
  it('gives 16 band keys, the same for the same text every time', () => {
    const keys = nearDuplicateKeys(original);
    expect(keys).toHaveLength(16);
    expect(new Set(keys).size).toBe(16);
    expect(nearDuplicateKeys(original)).toEqual(keys);
  });

  it('shares at least one key between near-duplicates', () => {
    const shared = nearDuplicateKeys(nearCopy).filter((key) => nearDuplicateKeys(original).includes(key));
    expect(shared.length).toBeGreaterThan(0);
  });

  it('shares no key between different articles', () => {
    const shared = nearDuplicateKeys(otherStory).filter((key) => nearDuplicateKeys(original).includes(key));
    expect(shared).toEqual([]);
  });

  it('gives no keys for a body without words', () => {
    expect(nearDuplicateKeys('— … —')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { closestWithin, editDistance } from '../../lambda/answers/edit-distance.js';

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('counts a swap of adjacent letters as one edit', () => {
    expect(editDistance('medinksy', 'medinsky')).toBe(1);
  });
});

describe('closestWithin', () => {
  it('suggests the nearest word within the tolerated edits', () => {
    expect(closestWithin('sumary', ['summary', 'sources'])).toBe('summary');
  });

  it('suggests nothing for a short word that is off', () => {
    expect(closestWithin('wo', ['who', 'help'])).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import type { FactGroup, FactLine } from '../../lambda/answers/answer.js';
import { shownLines } from '../../lambda/answers/shown-lines.js';

describe('shownLines', () => {
  // Prepare: a group holding three of its five lines (the store keeps a bounded number per group).
  const line = (text: string): FactLine => ({ text, quoted: false, citations: [{ articleId: 'a', evidence: text }] });
  const lines = [line('one'), line('two'), line('three')];
  const group: FactGroup = { title: 'Ukraine', lines, total: 5 };

  it('shows the first lines and counts the rest, those the group does not hold included', () => {
    expect(shownLines(group, 2, undefined)).toEqual({ lines: lines.slice(0, 2), hidden: 3, moreCommand: undefined });
  });

  it("names the group's own command before its part's", () => {
    expect(shownLines({ ...group, moreCommand: 'who Ukraine' }, 2, 'summary').moreCommand).toBe('who Ukraine');
    expect(shownLines(group, 2, 'summary').moreCommand).toBe('summary');
  });

  it('hides nothing when every line fits', () => {
    expect(shownLines({ ...group, total: 3 }, 10, 'summary').hidden).toBe(0);
  });
});

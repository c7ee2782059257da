import { describe, expect, it } from 'vitest';
import type { FactLine } from '../../lambda/answers/answer.js';
import { shownCitations } from '../../lambda/answers/shown-citations.js';

describe('shownCitations', () => {
  // Prepare: three articles, the first cited twice (two sentences of it), in the line's order.
  const line: FactLine = {
    text: 'Turkey',
    quoted: false,
    citations: [
      { articleId: 'b', evidence: 'Turkey could guarantee it, the envoy said.' },
      { articleId: 'a', evidence: 'Turkey was named first.' },
      { articleId: 'b', evidence: 'Turkey said it was ready.' },
      { articleId: 'c', evidence: 'Turkey and Poland were named.' },
    ],
  };

  it("keeps every citation of the first articles, in the line's order, and counts the other articles", () => {
    expect(shownCitations(line, 2)).toEqual({
      citations: [line.citations[0], line.citations[1], line.citations[2]],
      hidden: 1,
    });
    expect(shownCitations(line, 1)).toEqual({ citations: [line.citations[0], line.citations[2]], hidden: 2 });
  });

  it('hides nothing when the line has no more articles than it may show', () => {
    expect(shownCitations(line, Number.POSITIVE_INFINITY)).toEqual({ citations: line.citations, hidden: 0 });
  });
});

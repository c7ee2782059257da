import { describe, expect, it } from 'vitest';
import { MAX_FACTS_PER_ARTICLE } from '../../lambda/facts/article-fact-limits.js';
import { extractArticleFacts } from '../../lambda/facts/extract.js';
import { firstAtOrAfter } from '../../lambda/facts/offset-search.js';
import { articleOf } from './article-of.js';

/**
 * A quote-heavy article of about 2 MB (12,000 paragraphs), written for this test: one invented envoy quoted and reported in
 * every paragraph, each time in other words (a counter), so every paragraph is a statement of its own.
 */
function quoteHeavyArticle(paragraphs: number): string {
  const lines = ['Envoy Marta Quillfeather arrived for another round of talks on Monday.'];
  for (let i = 0; i < paragraphs; i++) {
    lines.push(
      `"The ${i}th draft keeps the corridor open for a week," Quillfeather said. She added that round ${i} ended late, ` +
        `and the deputy envoy told reporters the teams would meet again on day ${i + 1}.`,
    );
  }
  return lines.join('\n\n');
}

describe('extraction of a large article', () => {
  it('extracts a 2 MB quote-heavy article in seconds, each evidence a verbatim sentence', () => {
    // Before statements were indexed by offset this took minutes: every statement scanned every sentence.
    const article = articleOf(quoteHeavyArticle(12_000));
    expect(article.body.length).toBeGreaterThan(2_000_000);

    const facts = extractArticleFacts(article);

    // 24,000 statements found; the article contributes its first 500.
    expect(facts.statements).toHaveLength(MAX_FACTS_PER_ARTICLE);
    expect(facts.statements[0]?.text).toBe('The 0th draft keeps the corridor open for a week,');
    for (const statement of facts.statements) {
      for (const { evidence } of statement.citations) expect(article.body.includes(evidence)).toBe(true);
      expect(statement.citations[0]?.evidence).toContain(statement.text);
    }
  }, 30_000);
});

describe('firstAtOrAfter', () => {
  const spans = [{ at: 2 }, { at: 5 }, { at: 5 }, { at: 9 }];
  const at = (span: { at: number }) => span.at;

  it('finds the first span at or after an offset', () => {
    expect(firstAtOrAfter(spans, 5, at)).toBe(1);
    expect(firstAtOrAfter(spans, 6, at)).toBe(3);
    expect(firstAtOrAfter(spans, 0, at)).toBe(0);
  });

  it('answers the length when every span is before the offset, and 0 for no spans', () => {
    expect(firstAtOrAfter(spans, 10, at)).toBe(4);
    expect(firstAtOrAfter([], 3, at)).toBe(0);
  });
});

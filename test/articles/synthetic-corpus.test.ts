import { describe, expect, it } from 'vitest';
import type { Article } from '../../lambda/articles/article.js';
import { dedupeArticles } from '../../lambda/articles/dedupe.js';
import { isRejection, parseArticleInput } from '../../lambda/articles/read-inputs.js';
import { generateCorpus } from '../fixtures/synthetic/generate-corpus.js';
import { scorerForm } from './fixtures.js';

/*
 * Articles the cleaning rules were not written against: the seeded synthetic corpus (invented talks,
 * speakers and page furniture), so the rules are checked for generality, not for the seed files.
 */
const corpus = generateCorpus({ seed: 11, count: 300 });
const parsed = corpus.map((input) => parseArticleInput(input, input.metadata));
const articles = parsed.filter((p): p is Article => !isRejection(p));

describe('reading the synthetic corpus', () => {
  it('accepts every article', () => {
    expect(parsed.filter(isRejection)).toEqual([]);
  });

  it('keeps every planted statement and position sentence in the cleaned body', () => {
    const lost: string[] = [];
    corpus.forEach((input, i) => {
      const body = scorerForm(articles[i]?.body ?? '');
      const planted = [
        ...input.planted.statements.map((s) => s.text),
        ...input.planted.positions.map((p) => p.sentence),
      ];
      for (const text of planted) if (!body.includes(scorerForm(text))) lost.push(`${input.name}: ${text}`);
    });
    expect(lost).toEqual([]);
  });

  it.each(['newsletter', 'Privacy Policy', 'Read more', 'http://', 'https://', 'notifications'])(
    'leaves no "%s" in any body',
    (noise) => {
      expect(articles.filter((a) => a.body.includes(noise)).map((a) => a.files[0])).toEqual([]);
    },
  );

  it('merges exact and near-duplicates, and nothing else', () => {
    const originals = corpus.filter((a) => a.duplicateOf === null && a.nearDuplicateOf === null);
    const unique = dedupeArticles(articles);
    expect(unique).toHaveLength(originals.length);
    for (const input of corpus.filter((a) => a.duplicateOf ?? a.nearDuplicateOf)) {
      const merged = unique.find((a) => a.files.includes(input.name));
      expect(merged?.files).toContain(input.duplicateOf ?? input.nearDuplicateOf);
    }
  });
});

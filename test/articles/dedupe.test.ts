import { describe, expect, it } from 'vitest';
import type { Article } from '../../lambda/articles/article.js';
import { dedupeArticles, mergeArticleCopies } from '../../lambda/articles/dedupe.js';
import { readArticleInputs } from '../../lambda/articles/read-inputs.js';
import { fixtureInput } from './fixtures.js';

const article = (overrides: Partial<Article>): Article => ({
  id: '0000000000000001',
  title: null,
  outlet: null,
  url: null,
  author: null,
  date: null,
  urls: [],
  body: 'Northland and Southport met on Monday.',
  files: ['a.txt'],
  ...overrides,
});

describe('dedupeArticles', () => {
  const { articles } = readArticleInputs(
    ['wrapped-copy.txt', 'web-copy.txt', 'near-copy.txt', 'other-story.txt'].map((f) =>
      fixtureInput(`ingest-duplicates/${f}`),
    ),
  );

  it('gives a hard-wrapped copy and its web page the same id', () => {
    expect(articles[0]?.id).toBe(articles[1]?.id);
  });

  it('stores one article per story, remembering every file and URL, the richest copy first', () => {
    const unique = dedupeArticles(articles);
    expect(unique).toHaveLength(2);
    const [harbour, protest] = unique;
    expect(harbour?.files).toEqual(['web-copy.txt', 'wrapped-copy.txt', 'near-copy.txt']);
    expect(harbour?.id).toBe(articles[1]?.id);
    expect(harbour).toMatchObject({
      title: 'Northland and Southport agree to reopen the harbour',
      outlet: 'The Example Ledger',
      url: 'https://ledger.example.com/2023/06/06/harbour-reopens',
    });
    expect(harbour?.urls).toEqual([
      'https://ledger.example.com/2023/06/06/harbour-reopens',
      'https://wire.example.com/harbour-reopens',
    ]);
    expect(protest?.files).toEqual(['other-story.txt']);
  });

  it('changes nothing when run again on its own output', () => {
    const once = dedupeArticles(articles);
    expect(dedupeArticles(once)).toEqual(once);
  });

  it('keeps the first copy read when the copies say as much', () => {
    const first = article({ files: ['first.txt'], outlet: 'A' });
    const second = article({ files: ['second.txt'], outlet: 'B' });
    expect(dedupeArticles([first, second]).map((a) => [a.files, a.outlet])).toEqual([
      [['first.txt', 'second.txt'], 'A'],
    ]);
  });
});

describe('mergeArticleCopies', () => {
  it('fills unknown metadata from the copy and keeps known values', () => {
    const kept = article({ title: 'Kept', url: null });
    const copy = article({
      title: 'Copy',
      date: '2023-01-02',
      url: 'https://x.example.com/a',
      urls: ['https://x.example.com/a'],
      files: ['b.txt'],
    });
    expect(mergeArticleCopies(kept, copy)).toMatchObject({
      title: 'Kept',
      date: '2023-01-02',
      url: 'https://x.example.com/a',
      urls: ['https://x.example.com/a'],
      files: ['a.txt', 'b.txt'],
    });
  });
});

import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../bench/corpus.js';

describe('loadCorpus', () => {
  it('reads the seed corpus with its sources.json as one batch', async () => {
    const corpus = await loadCorpus(0, 1, 100);

    expect(corpus.batches).toHaveLength(1);
    expect(corpus.batches[0]?.map((input) => input.name)).toContain('sources.json');
    expect(corpus.articleCount).toBe((corpus.batches[0]?.length ?? 0) - 1);
    expect(corpus.articleCount).toBeGreaterThanOrEqual(5);
  });

  it('splits a synthetic corpus into batches that each carry the sources.json of their own files', async () => {
    const corpus = await loadCorpus(250, 7, 100);

    expect(corpus.articleCount).toBe(250);
    expect(corpus.batches.map((batch) => batch.length)).toEqual([101, 101, 51]);
    for (const batch of corpus.batches) {
      const [sources, ...articles] = batch;
      const listed = Object.keys(JSON.parse(new TextDecoder().decode(sources?.bytes)));
      expect(sources?.name).toBe('sources.json');
      expect(listed).toEqual(articles.map((a) => a.name));
    }
  });
});

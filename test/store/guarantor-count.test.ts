import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Article } from '../../lambda/articles/article.js';
import type { ArticleFacts } from '../../lambda/facts/fact.js';
import { countGuarantors, type GuarantorCount, guarantorKey } from '../../lambda/views/guarantor-count.js';
import { VIEW_LIMITS } from '../../lambda/views/limits.js';
import { type TestStore, withEmbeddedStore } from './backends.js';
import { factsOf, guarantor, makeArticle } from './fixtures.js';

/*
 * The summary's count of proposed guarantors past the guarantors item's cut (QA, session 35). The item keeps the top
 * 100; the total was what a round merged into that list, so a guarantor cut from it and named again counted as new,
 * and the cut ones no later article named were lost: 120 guarantors then a round naming one cut and one new counted
 * 102. Invented countries ("Country 7"), each proposed by one party in an article of its own.
 */

function reportNaming(n: number, countries: readonly string[]): { article: Article; facts: ArticleFacts } {
  const sentence = `Report ${n}: the delegation asked for guarantees from ${countries.join(' and ')}.`;
  const article = makeArticle(sentence, { files: [`report-${n}.txt`], date: '2026-02-01' });
  return {
    article,
    facts: factsOf(article, { guarantors: countries.map((c) => guarantor(article, c, sentence, 'Ukraine')) }),
  };
}

async function ingest(store: TestStore['store'], reports: { article: Article; facts: ArticleFacts }[]) {
  const articles = reports.map((r) => r.article);
  await store.storeArticles(articles);
  await store.applyFacts(
    reports.map((r) => r.facts),
    articles,
  );
}

describe('the count of proposed guarantors', () => {
  let t: TestStore;
  beforeEach(async () => {
    t = await withEmbeddedStore();
  });
  afterEach(async () => {
    await t.close();
  });

  it('stays exact past the guarantors item cut, when a round names a cut guarantor again and a new one', async () => {
    // Countries 0–99 named twice (ranked first), 100–119 once: the item keeps 0–99 and cuts 100–119.
    const countries = Array.from({ length: 120 }, (_, i) => `Country ${i}`);
    await ingest(t.store, [
      ...countries.map((c, i) => reportNaming(i, [c])),
      ...countries.slice(0, 100).map((c, i) => reportNaming(1000 + i, [c])),
    ]);
    expect((await t.store.getGuarantors()).guarantors).toHaveLength(VIEW_LIMITS.guarantors);
    expect((await t.store.getSummary())?.totalGuarantors).toBe(120);

    await ingest(t.store, [reportNaming(2000, ['Country 119', 'Country 120'])]);
    expect((await t.store.getSummary())?.totalGuarantors).toBe(121);
    // Applied again (a retried round): nothing new.
    await ingest(t.store, [reportNaming(2000, ['Country 119', 'Country 120'])]);
    expect((await t.store.getSummary())?.totalGuarantors).toBe(121);
  });
});

describe('countGuarantors', () => {
  const g = (country: string, proposedBy: string | null = 'Ukraine') => ({ country, proposedBy, citations: [] });

  it('counts each country and proposer once, the same however the rounds come', () => {
    const first = countGuarantors(null, [], undefined, [g('A'), g('B'), g('A', 'Russia')]);
    expect(first.total).toBe(3);
    const second = countGuarantors(first.count, [], first.total, [g('B'), g('C')]);
    expect(second.total).toBe(4);
    const together = countGuarantors(null, [], undefined, [g('C'), g('B'), g('A', 'Russia'), g('A')]);
    expect(together.count).toEqual(second.count);
  });

  it('on a table written before the count, counts the stored total past the listed ones as unkeyed', () => {
    // The summary said 130; the item lists 100 of them: 30 were cut before their keys were kept.
    const listed = Array.from({ length: 100 }, (_, i) => g(`Country ${i}`));
    const { count, total } = countGuarantors(null, listed, 130, [...listed, g('Country 500')]);
    expect(total).toBe(131);
    expect(count.unkeyed).toBe(30);
    expect(count.keys).toContain(guarantorKey(g('Country 500')));
  });

  it('counts past its byte budget as unkeyed rather than growing past it', () => {
    const full: GuarantorCount = { keys: [`${'x'.repeat(299_990)}`], unkeyed: 0 };
    const { count, total } = countGuarantors(full, [], 1, [g('Country 1'), g('Country 2')]);
    expect(count.keys).toHaveLength(1);
    expect(count.unkeyed).toBe(2);
    expect(total).toBe(3);
  });
});

import { describe, expect, it } from 'vitest';
import type { SourceRef } from '../../lambda/articles/article.js';
import type { Guarantor } from '../../lambda/facts/fact.js';
import { rankGuarantors } from '../../lambda/views/ranking.js';

/*
 * The order of the guarantors (the guarantors item, the summary's first ten): most-cited first, and on a tie not the
 * alphabet (Austria before Norway whatever the articles said) but the articles: more of them citing it, then the one
 * reported first, then the name.
 */

function ref(id: string, date: string | null): SourceRef {
  return { id, title: null, outlet: null, url: null, date, files: [`${id}.txt`] };
}

const REFS = new Map(
  [ref('a1', '2026-03-02'), ref('a2', '2026-03-05'), ref('a3', '2026-03-09'), ref('a4', null)].map((r) => [r.id, r]),
);

function guarantor(country: string, cited: string[][], proposedBy: string | null = 'Ukraine'): Guarantor {
  // `cited`: each citation's article, and (as a second element) a sentence of its own when one article cites twice.
  return {
    country,
    proposedBy,
    citations: cited.map(([articleId, n = '1']) => ({ articleId: articleId as string, evidence: `${country} ${n}.` })),
  };
}

const countries = (ranked: Guarantor[]) => ranked.map((g) => `${g.country}/${g.proposedBy ?? ''}`);

describe('rankGuarantors', () => {
  it('puts the most-cited first', () => {
    const ranked = rankGuarantors([guarantor('Austria', [['a1']]), guarantor('Norway', [['a1'], ['a2']])], REFS);
    expect(countries(ranked)).toEqual(['Norway/Ukraine', 'Austria/Ukraine']);
  });

  it('breaks a tie by the number of citing articles, not by the alphabet', () => {
    // Two citations each: Austria's from one article (two sentences), Norway's from two.
    const ranked = rankGuarantors(
      [
        guarantor('Austria', [
          ['a1', '1'],
          ['a1', '2'],
        ]),
        guarantor('Norway', [['a2'], ['a3']]),
      ],
      REFS,
    );
    expect(countries(ranked)).toEqual(['Norway/Ukraine', 'Austria/Ukraine']);
  });

  it('then by first appearance: the earliest dated citing article first, undated last', () => {
    const ranked = rankGuarantors(
      [guarantor('Austria', [['a3']]), guarantor('Norway', [['a1']]), guarantor('Belgium', [['a4']])],
      REFS,
    );
    expect(countries(ranked)).toEqual(['Norway/Ukraine', 'Austria/Ukraine', 'Belgium/Ukraine']);
  });

  it('then by name (country, then proposer), so the order never depends on arrival', () => {
    const list = [
      guarantor('Norway', [['a2']], 'Ukraine'),
      guarantor('Austria', [['a2']], 'Ukraine'),
      guarantor('Norway', [['a2']], null),
      guarantor('Norway', [['a2']], 'Russia'),
    ];
    const expected = ['Austria/Ukraine', 'Norway/', 'Norway/Russia', 'Norway/Ukraine'];
    expect(countries(rankGuarantors(list, REFS))).toEqual(expected);
    expect(countries(rankGuarantors(list.toReversed(), REFS))).toEqual(expected);
  });
});

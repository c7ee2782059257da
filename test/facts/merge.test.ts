import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../lambda/articles/article.js';
import { extractArticleFacts } from '../../lambda/facts/extract.js';
import type { ArticleFacts, Citation, CorpusFacts, Guarantor, Position, Statement } from '../../lambda/facts/fact.js';
import {
  mergeArticleFacts,
  mergeGuarantors,
  mergeMentions,
  mergePeople,
  mergePositions,
  mergeStatements,
} from '../../lambda/facts/merge.js';
import { sameWording } from '../../lambda/facts/merge-wording.js';
import { createRandom } from '../fixtures/synthetic/random.js';
import { fixtureDir, readArticles, SEED_DIR } from './fixture-articles.js';

const cite = (articleId: string, evidence: string, quote?: string): Citation =>
  quote ? { articleId, evidence, quote } : { articleId, evidence };

function statement(id: string, text: string, articleId: string, overrides: Partial<Statement> = {}): Statement {
  return {
    id,
    speakerKey: 'lavrov',
    speaker: 'Sergei Lavrov',
    affiliation: 'Russia',
    kind: 'direct',
    text,
    topics: [],
    citations: [cite(articleId, `"${text}" Lavrov said.`)],
    ...overrides,
  };
}

const same = sameWording;

describe('sameWording', () => {
  it('takes a reworded quote for the same words', () => {
    expect(same('We are ready to finish the work on the document', 'We are ready to finish work on the document')).toBe(
      true,
    );
  });

  it('takes a quote cut short by one outlet for the same words', () => {
    expect(
      same(
        'we have decided to cut back our operations around the two northern cities',
        'As the talks move forward, we have decided to cut back our operations around the two northern cities, he said',
      ),
    ).toBe(true);
  });

  it('keeps apart statements that disagree on a negation or a number', () => {
    expect(
      same('Russia will withdraw its troops from the Donbas', 'Russia will not withdraw its troops from the Donbas'),
    ).toBe(false);
    expect(same('talks over 15 years on the status of Crimea', 'talks over 10 years on the status of Crimea')).toBe(
      false,
    );
  });

  it('keeps apart different statements by the same speaker', () => {
    expect(same('The talks were constructive', 'Ukraine must not join NATO')).toBe(false);
  });
});

describe('mergeStatements', () => {
  it('makes one statement with a citation per outlet, keeping a differing wording as that citation’s quote', () => {
    const a = statement('b1', 'We are ready to finish the work on the document', 'article-a');
    const b = statement('a2', 'We are ready to finish work on the document', 'article-b');
    const c = statement('c3', 'We are ready to finish the work on the document', 'article-c');
    const [merged, ...rest] = mergeStatements([a], [b, c]);
    expect(rest).toEqual([]);
    expect(merged?.text).toBe('We are ready to finish the work on the document');
    expect(merged?.id).toBe('a2');
    expect(merged?.citations).toEqual([
      a.citations[0],
      c.citations[0],
      { ...b.citations[0], quote: 'We are ready to finish work on the document' },
    ]);
  });

  it('keeps statements by different speakers apart even with the same words', () => {
    const a = statement('s1', 'The talks were constructive', 'article-a');
    const b = statement('s2', 'The talks were constructive', 'article-b', {
      speakerKey: 'medinski',
      speaker: 'Medinsky',
    });
    expect(mergeStatements([a], [b])).toHaveLength(2);
  });

  it('keeps the fullest speaker name, a direct kind over reported, and the union of topics', () => {
    const a = statement('s1', 'Russia will not give up Crimea ever', 'article-a', {
      speaker: 'Lavrov',
      kind: 'reported',
      topics: ['crimea'],
    });
    const b = statement('s2', 'Russia will not give up Crimea ever', 'article-b', { topics: ['nato'] });
    expect(mergeStatements([a], [b])[0]).toMatchObject({
      speaker: 'Sergei Lavrov',
      kind: 'direct',
      topics: ['crimea', 'nato'],
    });
  });

  // Each statement below carries three wordings (its text and two citations' quotes), so that the nine
  // pairs of wordings are bounded by shared tokens before they are compared, as in real groups.
  const quoting = (id: string, text: string, quotes: string[]) =>
    statement(id, text, `article-${id}`, {
      citations: [
        cite(`article-${id}`, `${text}.`),
        ...quotes.map((quote, n) => cite(`article-${id}-${n}`, `${quote}.`, quote)),
      ],
    });

  it('merges two statements exactly when some wording of one (text or a citation’s quote) is sameWording as one of the other', () => {
    // A few words, so that pairs often sit right at the F1 and containment thresholds. One statement's
    // wordings have an odd number of words, the other's an even one: of two wordings as long as each other,
    // sameWording takes the first as the shorter, so the order of a pair would matter.
    const word = fc.constantFrom('talks', 'ceasefire', 'line', 'hold', 'spring', 'prisoners', 'the', 'will', 'grain');
    const wordings = (parity: 1 | 2) =>
      fc.array(
        fc
          .nat(9)
          .chain((n) => fc.array(word, { minLength: 2 * n + parity, maxLength: 2 * n + parity }))
          .map((words) => words.join(' ')),
        { minLength: 3, maxLength: 3 },
      );
    fc.assert(
      fc.property(wordings(1), wordings(2), ([textA = '', ...quotesA], [textB = '', ...quotesB]) => {
        const merged = mergeStatements([quoting('a', textA, quotesA)], [quoting('b', textB, quotesB)]);
        const anyPairSame = [textA, ...quotesA].some((x) => [textB, ...quotesB].some((y) => same(x, y)));
        expect(merged).toHaveLength(anyPairSame ? 1 : 2);
      }),
      { numRuns: 2000 },
    );
  });

  it('merges a short rewording whose token F1 with another statement’s text is just over 0.6', () => {
    // 4 words in common, 9 and 4 long: F1 = 8 / 13.
    const long = quoting('a', 'the envoys will meet again in Geneva next week', [
      'a draft is expected',
      'delegations disagree',
    ]);
    const short = quoting('b', 'envoys meet in Geneva', ['grain exports resume soon', 'prisoners return home']);
    expect(mergeStatements([long], [short])).toHaveLength(1);
  });

  it('merges a statement into one whose citation quotes it cut short, at exactly 9 words in 10', () => {
    const long =
      'after the third round in the lakeside town the delegations agreed that the ceasefire line must hold through spring and that prisoners will be exchanged';
    const cutShort = 'the ceasefire line must hold through spring and that winter';
    const other = ['grain exports resume next month', 'the envoy left early'];
    const withLong = quoting('a', 'The talks went well', [long, 'we expect a draft soon']);
    expect(mergeStatements([withLong], [quoting('b', cutShort, other)])).toHaveLength(1);
    const lessContained = cutShort.replace('and that', 'or so');
    expect(mergeStatements([withLong], [quoting('b', lessContained, other)])).toHaveLength(2);
  });

  it('clusters thousands of statements of one speaker, merging reworded copies, in well under a second', () => {
    const random = createRandom(7);
    // Letters only: words with digits would count as numbers, which must agree.
    const vocabulary = Array.from(
      { length: 3000 },
      (_, i) => `w${i.toString(26).replace(/\d/g, (d) => 'qrstuvwxyz'[Number(d)] ?? '')}`,
    );
    const many = Array.from({ length: 4000 }, (_, i) =>
      statement(`id${i}`, Array.from({ length: 14 }, () => random.pick(vocabulary)).join(' '), `article-${i}`),
    );
    // Another outlet's wording of 100 of them: one word replaced.
    const reworded = many.slice(0, 100).map((s, i) => {
      const words = s.text.split(' ');
      words[random.int(0, words.length - 1)] = 'changed';
      return statement(`again${i}`, words.join(' '), 'other-outlet');
    });
    const started = performance.now();
    const merged = mergeStatements(many, reworded);
    const elapsed = performance.now() - started;
    expect(merged).toHaveLength(4000);
    expect(merged.filter((s) => s.citations.length === 2)).toHaveLength(100);
    // Not a benchmark (bench/ measures speed): a generous bound that only an all-pairs comparison would break.
    expect(elapsed).toBeLessThan(5000);
  });
});

describe('mergeGuarantors', () => {
  const g = (country: string, proposedBy: string | null, articleId: string): Guarantor => ({
    country,
    proposedBy,
    citations: [cite(articleId, `${country} evidence`)],
  });

  it('merges one country proposed by one party across articles and keeps disagreeing proposers apart', () => {
    const merged = mergeGuarantors(
      [g('Turkey', 'Ukraine', 'a')],
      [g('Turkey', 'Ukraine', 'b'), g('Turkey', 'Russia', 'c')],
    );
    expect(merged.map((x) => `${x.country}/${x.proposedBy}/${x.citations.length}`)).toEqual([
      'Turkey/Russia/1',
      'Turkey/Ukraine/2',
    ]);
  });
});

describe('mergePositions', () => {
  const p = (id: string, stance: string, articleId: string): Position => ({
    id,
    topic: 'crimea',
    party: 'Russia',
    stance,
    citations: [cite(articleId, `${stance}.`)],
  });

  it('merges similar stances of one party on one topic and keeps different ones', () => {
    const merged = mergePositions(
      [p('p1', 'Russia wants Kyiv to recognize Crimea as part of Russia', 'a')],
      [
        p('p2', 'Russia wants Kyiv to recognise Crimea as part of Russia', 'b'),
        p('p3', 'Moscow offered talks on Sevastopol', 'c'),
      ],
    );
    expect(merged.map((x) => x.citations.length)).toEqual([2, 1]);
  });
});

describe("mergeStatements: the speaker's country", () => {
  it('is the one most records give, a tie to the alphabetically first, as mergePeople gives the person', () => {
    const text = 'We are ready to resume the talks next week';
    const countryOf = (...countries: (string | null)[]) =>
      mergeStatements(
        [],
        countries.map((affiliation, i) => statement(`s${i}`, text, `a${i}`, { affiliation })),
      ).map((s) => s.affiliation);
    expect(countryOf('Russia', 'Belarus', 'Russia', null)).toEqual(['Russia']);
    expect(countryOf('Russia', 'Belarus')).toEqual(['Belarus']);
    expect(countryOf(null, null)).toEqual([null]);
  });

  it('does not depend on the order of the records one merge is given', () => {
    const text = 'We are ready to resume the talks next week';
    const records = ['Russia', 'Belarus', 'Russia', 'Belarus', 'Russia'].map((affiliation, i) =>
      statement(`s${i}`, text, `a${i}`, { affiliation }),
    );
    const countryOf = (existing: Statement[], incoming: Statement[]) =>
      mergeStatements(existing, incoming).map((s) => s.affiliation);
    expect(countryOf(records.slice(0, 2), records.slice(2))).toEqual(['Russia']);
    expect(countryOf(records.slice(3), [...records.slice(0, 3)].reverse())).toEqual(['Russia']);
  });

  it('across merges, counts a merged record as one vote: articles batched otherwise may give another country', () => {
    // Prepare: four articles, one giving Belarus and three Russia; ingest merges a stored record with a batch's.
    const text = 'We are ready to resume the talks next week';
    const [a, b, c, d] = ['Belarus', 'Russia', 'Russia', 'Russia'].map((affiliation, i) =>
      statement(`s${i}`, text, `a${i}`, { affiliation }),
    ) as [Statement, Statement, Statement, Statement];
    const ingested = (...batches: Statement[][]) =>
      batches
        .reduce<Statement[]>((stored, batch) => mergeStatements(stored, mergeStatements([], batch)), [])
        .map((s) => s.affiliation);
    // Act and assess: one batch, or the Belarusian article in the larger batch, gives the majority of the articles;
    // that article alone in its batch ties its one record with the other batch's one, and the tie goes to Belarus.
    expect(ingested([a, b, c, d])).toEqual(['Russia']);
    expect(ingested([a, b, c], [d])).toEqual(['Russia']);
    expect(ingested([b, c, d], [a])).toEqual(['Belarus']);
    expect(ingested([a], [b, c, d])).toEqual(['Belarus']);
  });
});

describe('mergePeople', () => {
  it('keeps the fullest name and every other form as an alias', () => {
    const merged = mergePeople(
      [{ key: 'arahamia', name: 'Arahamia', aliases: [], affiliation: null }],
      [{ key: 'arahamia', name: 'David Arakhamia', aliases: ['Arakhamia'], affiliation: 'Ukraine' }],
    );
    expect(merged).toEqual([
      { key: 'arahamia', name: 'David Arakhamia', aliases: ['Arahamia', 'Arakhamia'], affiliation: 'Ukraine' },
    ]);
  });

  it('gives the country most records give, a tie to the alphabetically first', () => {
    const record = (affiliation: string | null) => ({
      key: 'varnholm',
      name: 'Ilse Varnholm',
      aliases: [],
      affiliation,
    });
    const countryOf = (...records: (string | null)[]) => mergePeople([], records.map(record))[0]?.affiliation;
    expect(countryOf('Norway', 'Denmark', 'Norway', null)).toBe('Norway');
    expect(countryOf('Norway', 'Denmark')).toBe('Denmark');
    expect(countryOf(null, null)).toBeNull();
  });
});

/** A fact set as a comparable value: facts and citations in a fixed order. */
function canonical(facts: CorpusFacts) {
  const byJson = <T>(items: T[]) => items.map((x) => JSON.stringify(x)).sort();
  return {
    people: byJson(facts.people),
    mentions: byJson(facts.mentions),
    statements: byJson(facts.statements),
    guarantors: byJson(facts.guarantors),
    positions: byJson(facts.positions),
  };
}

describe('mergeArticleFacts', () => {
  let perArticle: ArticleFacts[];
  beforeAll(async () => {
    const articles: Article[] = await readArticles(SEED_DIR, fixtureDir('facts-merge-across-outlets'));
    perArticle = articles.map((article) => extractArticleFacts(article));
  });

  it('merges the three outlets’ Lavrov quote into one statement and keeps the disagreeing reports apart', async () => {
    const articles = await readArticles(fixtureDir('facts-merge-across-outlets'));
    const facts = mergeArticleFacts(articles.map((article) => extractArticleFacts(article)));
    const quote = facts.statements.find((s) => s.text.startsWith('We are ready to meet again'));
    expect(quote?.citations).toHaveLength(3);
    expect(quote?.citations.filter((c) => c.quote)).toHaveLength(1);
    const withdraw = facts.statements.filter((s) => /withdraw its troops/.test(s.text));
    expect(withdraw).toHaveLength(2);
    expect(facts.guarantors.find((g) => g.country === 'Germany')?.citations).toHaveLength(2);
  });

  it('gives the same facts and citations whatever order articles are merged in, and in whatever batches', () => {
    const expected = canonical(mergeArticleFacts(perArticle));
    fc.assert(
      fc.property(fc.shuffledSubarray(perArticle, { minLength: perArticle.length }), fc.nat(), (order, cut) => {
        expect(canonical(mergeArticleFacts(order))).toEqual(expected);
        // Incrementally, as the store does: what is already merged, then the next batch.
        const at = cut % (order.length + 1);
        const first = mergeArticleFacts(order.slice(0, at));
        const next = mergeArticleFacts(order.slice(at));
        const incremental: CorpusFacts = {
          people: mergePeople(first.people, next.people),
          mentions: mergeMentions(first.mentions, next.mentions),
          statements: mergeStatements(first.statements, next.statements),
          guarantors: mergeGuarantors(first.guarantors, next.guarantors),
          positions: mergePositions(first.positions, next.positions),
        };
        expect(canonical(incremental)).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });

  it('is idempotent: merging facts that are already there changes nothing', () => {
    const merged = mergeArticleFacts(perArticle);
    const again = {
      people: mergePeople(merged.people, merged.people),
      mentions: mergeMentions(merged.mentions, merged.mentions),
      statements: mergeStatements(merged.statements, merged.statements),
      guarantors: mergeGuarantors(merged.guarantors, merged.guarantors),
      positions: mergePositions(merged.positions, merged.positions),
    };
    expect(canonical(again)).toEqual(canonical(merged));
  });
});

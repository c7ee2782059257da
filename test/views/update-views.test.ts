import { describe, expect, it } from 'vitest';
import type { ArticleFacts } from '../../lambda/facts/fact.js';
import { VIEW_LIMITS } from '../../lambda/views/limits.js';
import { utf8Bytes } from '../../lambda/views/ranking.js';
import { planViewsUpdate, prepareBatch, type StoredViews } from '../../lambda/views/update-views.js';
import { factsOf, guarantor, makeArticle, person, position, statement } from '../store/fixtures.js';

/*
 * The pure view planner at a scale the store suite cannot reach quickly: a batch as large as a
 * 10,000-article corpus's worth of speakers and facts must still give items within their budgets.
 */

function emptyStore(): StoredViews {
  return {
    summary: null,
    directory: null,
    guarantors: null,
    sources: null,
    speakers: new Map(),
    topics: new Map(),
    statements: new Map(),
    positions: new Map(),
    statementIndexes: new Map(),
    positionIndexes: new Map(),
    indexedArticleIds: new Set(),
    nameShards: new Map(),
    guarantorCount: null,
  };
}

const topics = new Map([
  ['crimea', 'Crimea'],
  ['donbas', 'Donbas'],
]);

describe('planViewsUpdate', () => {
  it('keeps every view within its byte budget for 3,000 speakers with 6,000 long statements', () => {
    const padding =
      'negotiators discussed corridors ceasefire guarantees and the status of the regions at length '.repeat(4);
    // Each statement its own sentence, with its own number: merge.ts keeps wordings with different numbers apart.
    const sentence = (a: number, i: number, k: number) => `Point ${a * 10 + i * 2 + k} was raised: ${padding}.`;
    const articles = Array.from({ length: 600 }, (_, a) =>
      makeArticle(Array.from({ length: 10 }, (_, n) => sentence(a, Math.floor(n / 2), n % 2)).join(' '), {
        files: [`synthetic-${a}.txt`],
        title: `Report ${a}`,
        outlet: 'Wire',
      }),
    );
    const facts: ArticleFacts[] = articles.map((article, a) => {
      const people = Array.from({ length: 5 }, (_, i) =>
        person(`p${(a * 5 + i) % 3000}`, `Person Number ${(a * 5 + i) % 3000}`, i % 2 ? 'Russia' : 'Ukraine'),
      );
      return factsOf(article, {
        people,
        statements: people.flatMap((p, i) =>
          [0, 1].map((k) => statement(article, p, sentence(a, i, k), { topics: [k ? 'crimea' : 'donbas'] })),
        ),
        guarantors: [guarantor(article, `Country ${a % 150}`, sentence(a, 0, 0), 'Ukraine')],
        positions: [position(article, 'crimea', a % 2 ? 'Russia' : 'Ukraine', sentence(a, 1, 1))],
      });
    });

    const update = planViewsUpdate(prepareBatch(facts, articles), emptyStore(), topics);

    expect(update.summary.totalSpeakers).toBe(3000);
    expect(update.summary.articleCount).toBe(600);
    expect(utf8Bytes(update.summary)).toBeLessThanOrEqual(VIEW_LIMITS.bytes.summary);
    expect(utf8Bytes(update.directory)).toBeLessThanOrEqual(VIEW_LIMITS.bytes.directory);
    expect(update.directory.speakers.length).toBeGreaterThan(1000);
    expect(utf8Bytes(update.guarantors)).toBeLessThanOrEqual(VIEW_LIMITS.bytes.guarantors);
    expect(utf8Bytes(update.sources)).toBeLessThanOrEqual(VIEW_LIMITS.bytes.sources);
    expect(update.sources.total).toBe(600);
    for (const { view } of [...update.speakers, ...update.topics]) {
      expect(utf8Bytes(view)).toBeLessThanOrEqual(VIEW_LIMITS.bytes.speaker);
    }
    const crimea = update.topics.find((t) => t.view.topic === 'crimea')?.view;
    expect(crimea?.totalStatements).toBe(3000);
    expect(crimea?.totalPositions).toBe(600);
    expect(crimea?.positions.length).toBeLessThanOrEqual(VIEW_LIMITS.positionsPerTopic);
    expect(update.summary.topics.map((t) => t.label)).toEqual(['Crimea', 'Donbas']);
  });

  it("ranks a speaker's most-cited statement first and lists configured topics even without facts", () => {
    const medinsky = person('medinsky', 'Vladimir Medinsky', 'Russia');
    const quote = 'We will reduce military activity';
    const aside = 'The talks were long';
    const one = makeArticle(`${aside}. ${quote}.`, { files: ['one.txt'] });
    const two = makeArticle(`${quote}, Medinsky said.`, { files: ['two.txt'] });
    const facts = [
      factsOf(one, {
        people: [medinsky],
        statements: [statement(one, medinsky, aside), statement(one, medinsky, quote)],
      }),
      factsOf(two, { people: [medinsky], statements: [statement(two, medinsky, quote)] }),
    ];

    const update = planViewsUpdate(prepareBatch(facts, [one, two]), emptyStore(), topics);

    const speaker = update.speakers[0]?.view;
    expect(speaker?.statements.map((s) => s.text)).toEqual([quote, aside]);
    expect(speaker?.person).toMatchObject({ statementCount: 2, articleCount: 2 });
    expect(update.summary.topics.map((t) => t.id)).toEqual(['crimea', 'donbas']);
    expect(update.summary.positions).toEqual([]);
  });
});

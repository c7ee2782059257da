import { describe, expect, it } from 'vitest';
import type { ArticleFacts } from '../../lambda/facts/fact.js';
import { corpusOffices } from '../../lambda/facts/people-identity.js';
import { addOfficeVotes } from '../../lambda/views/office-votes.js';

/** An article's facts that give people offices and nothing else (invented people). */
const giving = (articleId: string, ...offices: [key: string, name: string, office: string][]): ArticleFacts => ({
  articleId,
  people: [],
  mentions: [],
  statements: [],
  guarantors: [],
  positions: [],
  offices: offices.map(([key, name, office]) => ({ key, name, office })),
});

describe('addOfficeVotes: the office holders kept between ingests', () => {
  it('counts each new article once an office, and what it adds decides as the batch would', () => {
    const first = addOfficeVotes(
      null,
      [giving('a1', ['holm', 'Holm', 'Norway|president'], ['holm', 'Holm', 'Norway|president'])],
      new Set(['a1']),
    );
    const second = addOfficeVotes(first, [giving('a2', ['holm', 'Ivo Holm', 'Norway|president'])], new Set(['a2']));

    expect(second.votes).toEqual([
      { office: 'Norway|president', key: 'holm', name: 'Ivo Holm', votes: 2, articles: ['a1', 'a2'] },
    ]);
    expect(corpusOffices([], [], second.votes)['Norway|leader']).toEqual({ key: 'holm', name: 'Ivo Holm' });
  });

  it('counts nothing again for an article applied before, counted or remembered by the vote', () => {
    const once = addOfficeVotes(null, [giving('a1', ['holm', 'Ivo Holm', 'Norway|president'])], new Set(['a1']));

    expect(addOfficeVotes(once, [giving('a1', ['holm', 'Ivo Holm', 'Norway|president'])], new Set())).toEqual(once);
    // A round retried after it wrote the votes but before it marked its articles: the vote remembers the article.
    expect(addOfficeVotes(once, [giving('a1', ['holm', 'Ivo Holm', 'Norway|president'])], new Set(['a1']))).toEqual(
      once,
    );
  });

  it('keeps the most-voted offices within the byte budget', () => {
    // 3,000 articles, the first 1,000 offices named twice.
    const many = Array.from({ length: 3000 }, (_, i) =>
      giving(`a${i}`, [`p${i % 2000}`, `Person Number ${i % 2000}`, `Norway|envoy number ${i % 2000}`]),
    );
    const { votes } = addOfficeVotes(null, many, new Set(many.map((f) => f.articleId)));

    expect(JSON.stringify({ votes }).length).toBeLessThanOrEqual(300_000);
    expect(votes.length).toBeLessThan(3000);
    // The 1,000 offices two articles name come first.
    expect(votes[0]?.votes).toBe(2);
  });

  it('keeps the offices most articles asked for within the byte budget', () => {
    // 4,000 offices asked by one article each with long ids, past half the item's budget; one office asked by three.
    const asking = (articleId: string, office: string): ArticleFacts => ({
      ...giving(articleId),
      askedOffices: [office],
    });
    const filler = Array.from({ length: 4000 }, (_, i) =>
      asking(`article-number-${i}-of-a-long-batch`, `Borduria|envoy ${i}`),
    );
    const popular = ['x1', 'x2', 'x3'].map((id) => asking(id, 'Ruritania|president'));
    const { asked = [] } = addOfficeVotes(null, [...filler, ...popular], new Set());

    expect(asked.length).toBeLessThan(4001);
    expect(asked[0]).toEqual({ office: 'Ruritania|president', articles: ['x1', 'x2', 'x3'] });
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../lambda/articles/article.js';
import { createArticleReader, extractArticleFacts } from '../../lambda/facts/extract.js';
import type { Rejection } from '../../lambda/facts/rejection-trace.js';
import { DEV_SET_ARTICLES } from '../../scripts/dev-set.js';
import { articleOf } from './article-of.js';
import { readArticles } from './fixture-articles.js';

/** The facts of `body` and every rejection the extractor reported while reading it. */
function traced(body: string) {
  const rejections: Rejection[] = [];
  const facts = createArticleReader(undefined, (r) => rejections.push(r))(articleOf(body)).facts;
  return { facts, rejections };
}

const rules = (rejections: Rejection[]) =>
  rejections.map((r) => `${r.category === 'guarantors' ? r.country : `${r.topic}/${r.party ?? '-'}`}: ${r.rule}`);

describe('the rejection trace', () => {
  let devArticles: Article[];
  beforeAll(async () => {
    devArticles = await readArticles(DEV_SET_ARTICLES);
  });

  it('changes no fact: the dev set extracts the same with a sink as without', () => {
    const seen: Rejection[] = [];
    const read = createArticleReader(undefined, (r) => seen.push(r));
    for (const article of devArticles) expect(read(article).facts).toEqual(extractArticleFacts(article));
    expect(seen.length).toBeGreaterThan(0);
  });

  it('names the rule that drops the other side of a peace deal from a guarantee sentence', () => {
    const { facts, rejections } = traced(
      'Kyiv seeks security guarantees from Britain once a peace deal with Russia is signed.',
    );
    expect(facts.guarantors.map((g) => g.country)).toEqual(['United Kingdom']);
    expect(rules(rejections)).toEqual(['Russia: settlement-with-before']);
  });

  it('names the rule that drops a country of a sentence that provides no guarantees', () => {
    const { rejections } = traced('The envoy left Poland without providing security guarantees to anyone.');
    expect(rules(rejections)).toEqual(['Poland: no-guarantee-cue']);
  });

  it('tells no rejection for a country a later rule keeps from the same sentence', () => {
    const { facts, rejections } = traced('France and Britain offered security guarantees, and Britain would lead.');
    expect(facts.guarantors.map((g) => g.country).sort()).toEqual(['France', 'United Kingdom']);
    expect(rejections.filter((r) => r.category === 'guarantors')).toEqual([]);
  });

  it('names the position rules that leave a clause without a party', () => {
    expect(rules(traced('Russia annexed Crimea in 2014.').rejections)).toEqual(['crimea/-: no-want-offer-refusal']);
    expect(rules(traced('Analysts say Ukraine may have to give up Donbas.').rejections)).toEqual([
      'donbas/-: outsider-voice',
    ]);
    expect(rules(traced('Would Ukraine ever give up Crimea?').rejections)).toEqual(['crimea/-: question']);
  });

  it('names the rule that drops a position read from a transcript host’s question', () => {
    // A question in the host's own voice is any writer's question; one in the first person is the host's turn only.
    const body = [
      'MARA LENK, HOST: So Kyiv refuses to discuss Crimea at all?',
      'OLEH DANYLIV: We will not trade our land.',
      'MARA LENK, HOST: So we should take it that Kyiv will never give up Sevastopol?',
    ].join('\n');
    const { facts, rejections } = traced(body);
    expect(facts.positions).toEqual([]);
    expect(rules(rejections)).toContain('crimea/Ukraine: writers-question');
    expect(rules(rejections)).toContain('crimea/Ukraine: staff-question');
  });
});

import type { Article } from '../lambda/articles/article.js';
import { articleId } from '../lambda/articles/article-id.js';
import type { ArticleFacts, Person, Statement } from '../lambda/facts/fact.js';
import { personKey } from '../lambda/facts/speaker-key.js';
import { statementId } from '../lambda/facts/statements.js';
import { inventedPerson, inventedWord } from './invented-names.js';

/*
 * A corpus of many speakers, generated as facts (no extraction: what is measured is the store and `who`):
 * articles that each quote `perArticle` invented delegates once, everyone in exactly one article, the
 * issue-18 case of 30 articles quoting 400 delegates each, scaled up.
 */

export interface DelegatesRound {
  articles: Article[];
  facts: ArticleFacts[];
}

/** What the `n`th delegate says: words no other delegate says. */
export function delegateWords(n: number): string {
  return `we will reopen the ${inventedWord(n * 7 + 3)} corridor`;
}

function delegatesArticle(first: number, count: number): { article: Article; facts: ArticleFacts } {
  const people = Array.from({ length: count }, (_, i) => first + i);
  const lines = people.map((n) => `"${delegateWords(n)}," ${inventedPerson(n).fullName} said.`);
  const body = [`Delegates from ${count} committees spoke at the ${inventedWord(first)} session.`, ...lines].join('\n');
  const id = articleId(body);
  const article: Article = {
    id,
    body,
    files: [`delegates-${first}.txt`],
    urls: [],
    title: `The ${inventedWord(first)} session`,
    outlet: 'Invented Wire',
    url: null,
    author: null,
    date: '2026-01-01',
  };
  const persons: Person[] = people.map((n) => {
    const name = inventedPerson(n).fullName;
    return { key: personKey(name), name, aliases: [], affiliation: null };
  });
  const statements: Statement[] = people.map((n, i) => {
    const speaker = persons[i] as Person;
    const text = delegateWords(n);
    return {
      id: statementId(speaker.key, 'direct', text),
      speakerKey: speaker.key,
      speaker: speaker.name,
      affiliation: null,
      kind: 'direct',
      text,
      topics: [],
      citations: [{ articleId: id, evidence: lines[i] as string }],
    };
  });
  return {
    article,
    facts: { articleId: id, people: persons, mentions: [], statements, guarantors: [], positions: [] },
  };
}

/** `speakers` delegates, `perArticle` an article, in rounds of `articlesPerRound` articles. */
export function* delegatesCorpus(
  speakers: number,
  perArticle: number,
  articlesPerRound: number,
): Generator<DelegatesRound> {
  let round: DelegatesRound = { articles: [], facts: [] };
  for (let first = 0; first < speakers; first += perArticle) {
    const { article, facts } = delegatesArticle(first, Math.min(perArticle, speakers - first));
    round.articles.push(article);
    round.facts.push(facts);
    if (round.articles.length === articlesPerRound) {
      yield round;
      round = { articles: [], facts: [] };
    }
  }
  if (round.articles.length > 0) yield round;
}

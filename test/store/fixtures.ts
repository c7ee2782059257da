import { createHash } from 'node:crypto';
import type { Article } from '../../lambda/articles/article.js';
import type {
  ArticleFacts,
  Citation,
  Guarantor,
  MentionedPerson,
  Person,
  Position,
  Statement,
} from '../../lambda/facts/fact.js';

/*
 * Small hand-built articles and facts for the store's tests: enough structure to exercise storage,
 * merging and ranking, with no extraction involved. Evidence strings are substrings of the bodies.
 */

export function testArticleId(body: string): string {
  return createHash('sha256').update(body).digest('hex').slice(0, 16);
}

export function makeArticle(body: string, overrides: Partial<Omit<Article, 'body' | 'id'>> = {}): Article {
  const url = overrides.url ?? null;
  return {
    id: testArticleId(body),
    title: null,
    outlet: null,
    author: null,
    date: null,
    url,
    urls: url ? [url] : [],
    files: ['article.txt'],
    ...overrides,
    body,
  };
}

export function citation(article: Article, evidence: string): Citation {
  if (!article.body.includes(evidence))
    throw new Error(`fixture evidence is not in article ${article.id}: ${evidence}`);
  return { articleId: article.id, evidence };
}

export function person(key: string, name: string, affiliation: string | null = null, aliases: string[] = []): Person {
  return { key, name, aliases, affiliation };
}

/** A person named in an article, citing the given sentences of its body. */
export function mention(article: Article, named: Person, ...evidence: string[]): MentionedPerson {
  return { ...named, citations: evidence.map((sentence) => citation(article, sentence)) };
}

export function statement(
  article: Article,
  speaker: Person,
  text: string,
  opts: { kind?: Statement['kind']; topics?: string[]; evidence?: string } = {},
): Statement {
  return {
    id: `${speaker.key}:${testArticleId(text)}`,
    speakerKey: speaker.key,
    speaker: speaker.name,
    affiliation: speaker.affiliation,
    kind: opts.kind ?? 'direct',
    text,
    topics: opts.topics ?? [],
    citations: [citation(article, opts.evidence ?? text)],
  };
}

export function guarantor(
  article: Article,
  country: string,
  evidence: string,
  proposedBy: string | null = null,
): Guarantor {
  return { country, proposedBy, citations: [citation(article, evidence)] };
}

export function position(article: Article, topic: string, party: string, stance: string): Position {
  return {
    id: `${topic}:${party}:${testArticleId(stance)}`,
    topic,
    party,
    stance,
    citations: [citation(article, stance)],
  };
}

export function factsOf(article: Article, facts: Partial<Omit<ArticleFacts, 'articleId'>> = {}): ArticleFacts {
  return { articleId: article.id, people: [], mentions: [], statements: [], guarantors: [], positions: [], ...facts };
}

import type { ArticleFacts, Citation } from './fact.js';

/*
 * What one article may add to the precomputed answers. A news article has a few dozen statements; a
 * transcript a few hundred. A multi-megabyte upload could make tens of thousands, and each becomes a
 * stored record rewritten by the ingest round (51,000 statements took a minute to apply), so an article
 * contributes its first facts, in article order, up to these bounds. Answers rank and cut them anyway.
 */

/** Statements, positions, guarantors and mentioned people one article contributes, each. */
export const MAX_FACTS_PER_ARTICLE = 500;
/** Places one article may cite for one fact (the same words said again later in the article). */
const MAX_CITATIONS_PER_FACT = 5;
/**
 * Longest evidence taken: a "sentence" longer than this is a page without punctuation, not a sentence,
 * and its fact would make a record too large for DynamoDB's 400 KB items.
 */
export const MAX_EVIDENCE_LENGTH = 5000;

const withinBounds = (citations: Citation[]) => citations.every((c) => c.evidence.length <= MAX_EVIDENCE_LENGTH);

function bounded<F extends { citations: Citation[] }>(facts: F[]): F[] {
  return facts
    .filter((fact) => withinBounds(fact.citations))
    .slice(0, MAX_FACTS_PER_ARTICLE)
    .map((fact) =>
      fact.citations.length > MAX_CITATIONS_PER_FACT
        ? { ...fact, citations: fact.citations.slice(0, MAX_CITATIONS_PER_FACT) }
        : fact,
    );
}

/** One article's facts cut to what it may contribute; the people kept are those who still speak. */
export function boundArticleFacts(facts: ArticleFacts): ArticleFacts {
  const statements = bounded(facts.statements);
  const speaking = new Set(statements.map((s) => s.speakerKey));
  return {
    ...facts,
    people: facts.people.filter((p) => speaking.has(p.key)),
    mentions: bounded(facts.mentions),
    statements,
    guarantors: bounded(facts.guarantors),
    positions: bounded(facts.positions),
  };
}

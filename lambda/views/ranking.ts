import type { SourceRef } from '../articles/article.js';
import type { Citation, Guarantor, Position, Statement } from '../facts/fact.js';
import { compareStrings } from '../facts/group-by.js';
import type { SpeakerEntry } from '../facts/views.js';

/*
 * Ranking and bounding, pure. Every comparator ends on a unique id, so a ranking never depends on the
 * order facts arrived in: applying A then B gives the same views as A and B together.
 */

/** Most-cited first, direct quotes before reported speech on a tie. */
export function rankStatements<S extends Statement>(statements: S[], scores: Record<string, number>): S[] {
  return [...statements].sort(
    (a, b) =>
      (scores[b.id] ?? b.citations.length) - (scores[a.id] ?? a.citations.length) ||
      Number(b.kind === 'direct') - Number(a.kind === 'direct') ||
      compareStrings(a.id, b.id),
  );
}

export function rankPositions<P extends Position>(positions: P[], scores: Record<string, number>): P[] {
  return [...positions].sort(
    (a, b) => (scores[b.id] ?? b.citations.length) - (scores[a.id] ?? a.citations.length) || compareStrings(a.id, b.id),
  );
}

/**
 * Speakers who said most first: what `/talks summary` leads with. People who said nothing come after
 * every speaker, the most-mentioned first.
 */
export function rankSpeakers<E extends SpeakerEntry>(entries: E[]): E[] {
  return [...entries].sort(
    (a, b) =>
      b.statementCount - a.statementCount ||
      b.articleCount - a.articleCount ||
      b.directCount - a.directCount ||
      b.mentionCount - a.mentionCount ||
      compareStrings(a.key, b.key),
  );
}

/**
 * One sentence per article naming a person, from the newest articles (undated last, then by article
 * id): the order does not depend on when articles arrived. An article's first sentence is kept: it
 * usually introduces the person with their role.
 */
export function rankMentions(citations: Citation[], refs: Map<string, SourceRef>): Citation[] {
  const firstPerArticle = [...new Map(citations.toReversed().map((c) => [c.articleId, c])).values()];
  const dateOf = (c: Citation) => refs.get(c.articleId)?.date ?? null;
  return firstPerArticle.sort(
    (a, b) =>
      // Undated sorts as '', after every date.
      (dateOf(b) ?? '').localeCompare(dateOf(a) ?? '') || compareStrings(a.articleId, b.articleId),
  );
}

/**
 * Most-cited first; on a tie, cited by more articles (one article may cite a country in two sentences), then reported
 * first (the earliest date of a citing article, by `refs`; undated after every date, then by article id), then by
 * name: country, then proposer. Each key is a property of the merged fact, so the order does not depend on arrival.
 */
export function rankGuarantors(guarantors: Guarantor[], refs: ReadonlyMap<string, SourceRef>): Guarantor[] {
  const keyed = guarantors.map((g) => {
    const articles = [...new Set(g.citations.map((c) => c.articleId))];
    // Undated sorts as the highest string, after every date; the article id breaks a tie of dates.
    const appearances = articles.map((id) => `${refs.get(id)?.date ?? '\uffff'}\u0000${id}`).sort(compareStrings);
    return { g, articles: articles.length, first: appearances[0] ?? '\uffff' };
  });
  return keyed
    .sort(
      (a, b) =>
        b.g.citations.length - a.g.citations.length ||
        b.articles - a.articles ||
        compareStrings(a.first, b.first) ||
        compareStrings(a.g.country, b.g.country) ||
        compareStrings(a.g.proposedBy ?? '', b.g.proposedBy ?? ''),
    )
    .map(({ g }) => g);
}

/** Newest first; undated last; then by id so the order is total. */
export function rankSourcesNewestFirst<S extends SourceRef>(sources: S[]): S[] {
  return [...sources].sort(
    (a, b) =>
      (b.date ?? '').localeCompare(a.date ?? '') ||
      Number(b.date !== null) - Number(a.date !== null) ||
      compareStrings(a.id, b.id),
  );
}

export function utf8Bytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

/** The longest prefix of a ranked list whose JSON stays within `maxBytes`. */
export function takeWithinBytes<T>(ranked: T[], maxBytes: number): T[] {
  let used = 2;
  const kept: T[] = [];
  for (const item of ranked) {
    used += utf8Bytes(item) + 1;
    if (used > maxBytes) break;
    kept.push(item);
  }
  return kept;
}

/** A fact with at most `max` citations, the earliest kept, so re-merging a dropped one drops it again. */
export function capCitations<F extends { citations: Citation[] }>(fact: F, max: number): F {
  return fact.citations.length > max ? { ...fact, citations: fact.citations.slice(0, max) } : fact;
}

/** The SourceRefs that the citations of `facts` point at, in first-cited order. */
export function sourcesFor(facts: { citations: Citation[] }[], refs: Map<string, SourceRef>): SourceRef[] {
  const out = new Map<string, SourceRef>();
  for (const fact of facts) {
    for (const { articleId } of fact.citations) {
      const ref = refs.get(articleId);
      if (ref && !out.has(articleId)) out.set(articleId, ref);
    }
  }
  return [...out.values()];
}

import * as z from 'zod/mini';
import type { ArticleFacts } from '../facts/fact.js';
import { compareStrings } from '../facts/group-by.js';
import { OfficeVoteSchema, officesOf } from '../facts/office-vote.js';
import { VIEW_LIMITS } from './limits.js';
import { takeWithinBytes } from './ranking.js';

/*
 * The office holders the corpus has learnt, kept between ingests as people's countries are (in the directory and the
 * name index): how many stored articles give each person each office (`corpusOffices` counts them, people-identity.ts),
 * so that an office holder learnt from an article ingested yesterday fills "the Ruritanian foreign minister said" in
 * today's. One item, changed only by applyFacts under the writer lease, like every precomputed item.
 */

/** A stored vote, with the last articles that cast it: re-applying one of them (a round retried) counts nothing. */
export const StoredOfficeVoteSchema = z.extend(OfficeVoteSchema, { articles: z.array(z.string()) });

/** The last stored articles that named an office by its title alone: those a new holder of it may change. */
export const AskedOfficeSchema = z.object({ office: z.string(), articles: z.array(z.string()) });

export const OfficeVotesSchema = z.object({
  votes: z.array(StoredOfficeVoteSchema),
  asked: z.optional(z.array(AskedOfficeSchema)),
});
export type OfficeVotes = z.infer<typeof OfficeVotesSchema>;

/**
 * Articles remembered a vote. A round stopped between writing the views and marking its articles is applied again,
 * and its articles are the vote's latest: five is plenty for them at ~20 bytes an id.
 */
const ARTICLES_PER_VOTE = 5;

/** Stored articles listed an office they asked for: what re-settling reads again when the office's holder changes. */
export const ARTICLES_PER_ASKED_OFFICE = 20;

/**
 * The stored votes with those of the batch's articles not counted before (`newlyIndexed`, as applyFacts decides for
 * every count), most votes first, and the offices the batch's articles asked for (every article of the batch: one
 * read again keeps its place), each half of the item's byte budget: past it the offices fewest articles name go
 * first. Pure; the same batch applied again changes nothing.
 */
export function addOfficeVotes(
  stored: OfficeVotes | null,
  facts: readonly ArticleFacts[],
  newlyIndexed: ReadonlySet<string>,
): OfficeVotes {
  const byHolder = new Map((stored?.votes ?? []).map((v) => [`${v.office}\u0000${v.key}`, v]));
  for (const article of facts) {
    if (!newlyIndexed.has(article.articleId)) continue;
    for (const { key, name, office } of officesOf(article)) {
      const id = `${office}\u0000${key}`;
      const before = byHolder.get(id);
      if (before?.articles.includes(article.articleId)) continue;
      byHolder.set(id, {
        office,
        key,
        name: before && before.name.length >= name.length ? before.name : name,
        votes: (before?.votes ?? 0) + 1,
        articles: [...(before?.articles ?? []), article.articleId].slice(-ARTICLES_PER_VOTE),
      });
    }
  }
  const asked = new Map((stored?.asked ?? []).map((a) => [a.office, a.articles]));
  for (const article of facts) {
    for (const office of new Set(article.askedOffices)) {
      const before = asked.get(office) ?? [];
      if (!before.includes(article.articleId))
        asked.set(office, [...before, article.articleId].slice(-ARTICLES_PER_ASKED_OFFICE));
    }
  }
  const ranked = [...byHolder.values()].sort(
    (a, b) => b.votes - a.votes || compareStrings(a.office, b.office) || compareStrings(a.key, b.key),
  );
  const votes = takeWithinBytes(ranked, VIEW_LIMITS.bytes.officeVotes / 2);
  const askedList = [...asked]
    .sort(([a, byA], [b, byB]) => byB.length - byA.length || compareStrings(a, b))
    .map(([office, articles]) => ({ office, articles }));
  return { votes, asked: takeWithinBytes(askedList, VIEW_LIMITS.bytes.officeVotes / 2) };
}

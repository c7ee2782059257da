import { type FactRef, factKey } from '../facts/fact-ref.js';
import type { FactSnapshot, Flag, FlagBook, FlaggedFact, Review } from '../store/flag-book-schema.js';

/*
 * What flags on facts do: when a fact is hidden or disputed, adding a flag, reviewing one. The book itself
 * (its schema, one item in the store) is lambda/store/flag-book-schema.ts.
 */

/** When a flag hides a fact (deploy configuration; `lib/config.ts`, and the environment locally). */
export interface FlagPolicy {
  /** Slack user ids whose one flag hides a fact, and who confirm or restore flagged facts. */
  reviewers: readonly string[];
  /** People whose flags hide a fact. */
  threshold: number;
}

export type FactStatus = { state: 'hidden' | 'disputed' | 'clear'; flaggedBy: number };

/** Flags since the last review: a restored fact starts again from no flags. */
function openFlags(fact: FlaggedFact): Flag[] {
  const since = fact.review?.at;
  return since ? fact.flags.filter((f) => f.at > since) : fact.flags;
}

/** Whether a fact is hidden, shown as disputed, or clear, under the policy. */
export function factStatus(fact: FlaggedFact, policy: FlagPolicy): FactStatus {
  const people = new Set(openFlags(fact).map((f) => f.userId));
  if (fact.review?.decision === 'confirmed')
    return { state: 'hidden', flaggedBy: new Set(fact.flags.map((f) => f.userId)).size };
  const byReviewer = [...people].some((user) => policy.reviewers.includes(user));
  if (byReviewer || people.size >= policy.threshold) return { state: 'hidden', flaggedBy: people.size };
  return { state: people.size ? 'disputed' : 'clear', flaggedBy: people.size };
}

/** The status of every flagged fact by key, for filtering answers. */
export function statusByKey(book: FlagBook, policy: FlagPolicy): Map<string, FactStatus> {
  return new Map(book.facts.map((fact) => [factKey(fact.ref), factStatus(fact, policy)]));
}

/** Past this many facts, the oldest restored (then oldest) leave the book, so the item stays far under 400 KB. */
export const MAX_FLAGGED_FACTS = 300;

/** The book with one more flag: a person's second flag on a fact replaces their first. */
export function addFlag(book: FlagBook, ref: FactRef, fact: FactSnapshot, flag: Flag): FlagBook {
  const key = factKey(ref);
  const existing = book.facts.find((f) => factKey(f.ref) === key);
  const others = book.facts.filter((f) => f !== existing);
  const flags = [...(existing?.flags ?? []).filter((f) => f.userId !== flag.userId), flag];
  const updated: FlaggedFact = { ...(existing ?? {}), ref, fact, flags };
  const facts = [updated, ...others];
  if (facts.length <= MAX_FLAGGED_FACTS) return { facts };
  const restored = facts.findLastIndex((f) => f.review?.decision === 'restored');
  facts.splice(restored > 0 ? restored : facts.length - 1, 1);
  return { facts };
}

/** Thrown when a review names a fact the book does not hold, or comes from someone who is no reviewer. */
export class FlagReviewError extends Error {
  override name = 'FlagReviewError';
}

/** Who may confirm or restore: the configured reviewers, or anyone when none is configured. */
export function mayReview(userId: string, policy: FlagPolicy): boolean {
  return policy.reviewers.length === 0 || policy.reviewers.includes(userId);
}

/** The book with a fact confirmed (kept hidden) or restored (shown again). */
export function reviewFact(book: FlagBook, key: string, review: Review, policy: FlagPolicy): FlagBook {
  if (!mayReview(review.userId, policy))
    throw new FlagReviewError('Only the configured reviewers can confirm or restore a flagged fact.');
  if (!book.facts.some((f) => factKey(f.ref) === key)) throw new FlagReviewError('That fact is no longer flagged.');
  return { facts: book.facts.map((f) => (factKey(f.ref) === key ? { ...f, review } : f)) };
}

import * as z from 'zod/mini';
import { SourceRefSchema } from '../articles/article.js';
import { CitationSchema } from '../facts/fact.js';
import { type FactRef, FactRefSchema, factKey } from './fact-ref.js';

/*
 * Flags on facts, and what they do. The whole book is one small item, so that every command reads it in
 * the same request budget (one GetItem beside the view it answers from) and hides or marks facts from it.
 */

export const FLAG_REASONS = {
  'wrong-speaker': 'wrong speaker',
  misquoted: 'misquoted',
  'not-a-position': 'not a position',
  'not-a-guarantor': 'not a guarantor',
  'wrong-party': 'wrong party or country',
  other: 'other',
} as const;
export type FlagReason = keyof typeof FLAG_REASONS;

export const FlagReasonSchema = z.enum(Object.keys(FLAG_REASONS) as [FlagReason, ...FlagReason[]]);

/** Notes are cut to this: they are read in a list of flags, not a report. */
export const MAX_NOTE_CHARS = 500;

export const FlagSchema = z.object({
  userId: z.string().check(z.minLength(1)),
  reason: FlagReasonSchema,
  note: z.optional(z.string().check(z.maxLength(MAX_NOTE_CHARS))),
  /** ISO 8601 */
  at: z.string(),
});
export type Flag = z.infer<typeof FlagSchema>;

export const ReviewSchema = z.object({
  /** `confirmed`: the fact is wrong and stays hidden. `restored`: it is right; earlier flags no longer count. */
  decision: z.enum(['confirmed', 'restored']),
  userId: z.string(),
  at: z.string(),
});
export type Review = z.infer<typeof ReviewSchema>;

/** What a reviewer needs to judge a fact without opening the answer it was flagged in. */
export const FactSnapshotSchema = z.object({
  /** Whose statement, which party's stance, who proposed the guarantor. */
  lead: z.nullable(z.string()),
  text: z.string(),
  quoted: z.boolean(),
  citations: z.array(CitationSchema),
  sources: z.array(SourceRefSchema),
});
export type FactSnapshot = z.infer<typeof FactSnapshotSchema>;

export const FlaggedFactSchema = z.object({
  ref: FactRefSchema,
  fact: FactSnapshotSchema,
  flags: z.array(FlagSchema),
  review: z.optional(ReviewSchema),
});
export type FlaggedFact = z.infer<typeof FlaggedFactSchema>;

export const FlagBookSchema = z.object({ facts: z.array(FlaggedFactSchema) });
export type FlagBook = z.infer<typeof FlagBookSchema>;

export const EMPTY_FLAG_BOOK: FlagBook = { facts: [] };

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

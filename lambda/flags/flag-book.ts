import * as z from 'zod/mini';
import { SourceRefSchema } from '../articles/article.js';
import { CitationSchema } from '../facts/fact.js';
import { type FactRef, FactRefSchema, factKey } from '../facts/fact-ref.js';

/*
 * Flags on facts, and what they do. Each flagged fact is a document of its own (its snapshot, every flag
 * with its note, the last review), so no number of flags or size of fact makes an item outgrow DynamoDB's
 * 400 KB. What every command needs, each flagged fact's state, is one index bounded by bytes, read in
 * the same request budget beside the view it answers from. The index never drops a hidden fact.
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

/** Notes are at most this long: they are read in a list of flags, not a report. */
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

/** What a reviewer needs to judge a fact without opening the answer it was flagged in (bounded: `snapshotOf`). */
export const FactSnapshotSchema = z.object({
  /** Whose statement, which party's stance, who proposed the guarantor. */
  lead: z.nullable(z.string()),
  text: z.string(),
  quoted: z.boolean(),
  citations: z.array(CitationSchema),
  sources: z.array(SourceRefSchema),
});
export type FactSnapshot = z.infer<typeof FactSnapshotSchema>;

/** One flagged fact's document. */
export const FlaggedFactSchema = z.object({
  ref: FactRefSchema,
  fact: FactSnapshotSchema,
  /** What finds the fact after a merge changes its id (fact-anchor.ts). */
  anchors: z.optional(z.array(z.string())),
  flags: z.array(FlagSchema),
  review: z.optional(ReviewSchema),
  /**
   * Counts the document's changes (a flag, a review, a migration): its index entry carries it, so that a
   * writer that wrote an earlier change but indexes it later does not put the earlier state back. Absent
   * in documents written before it: 0.
   */
  revision: z.optional(z.number()),
});
export type FlaggedFact = z.infer<typeof FlaggedFactSchema>;

/** A flagged fact as commands need it: enough to hide or mark it under any policy. */
export const FlagIndexEntrySchema = z.object({
  key: z.string(),
  anchors: z.array(z.string()),
  /** People whose flags count: flagged since the last review. */
  openBy: z.array(z.string()),
  /** Everyone who ever flagged it. */
  flaggedBy: z.number(),
  review: z.optional(z.enum(['confirmed', 'restored'])),
  /** The last flag or review, ISO 8601: the index lists newest first. */
  at: z.string(),
  /** The fact document's `revision` this entry was derived from. */
  revision: z.optional(z.number()),
});
export type FlagIndexEntry = z.infer<typeof FlagIndexEntrySchema>;

export const FlagIndexSchema = z.object({
  facts: z.array(FlagIndexEntrySchema),
  /**
   * Set once the flag book of a table from before the index (legacy-flag-book.ts) was found to hold nothing
   * left to move (none, or migrated), and never unset: a flag or review then writes without reading the book.
   * Absent in indexes written before the marker: the next flag or review looks at the book once and sets it.
   */
  bookMigrated: z.optional(z.literal(true)),
});
export type FlagIndex = z.infer<typeof FlagIndexSchema>;

export const EMPTY_FLAG_INDEX: FlagIndex = { facts: [] };

/** When a flag hides a fact (deploy configuration; `lib/config.ts`, and the environment locally). */
export interface FlagPolicy {
  /** Slack user ids whose one flag hides a fact, and who confirm or restore flagged facts. */
  reviewers: readonly string[];
  /** People whose flags hide a fact. */
  threshold: number;
}

export type FactStatus = { state: 'hidden' | 'disputed' | 'clear'; flaggedBy: number };

/**
 * A fact keeps the latest flag of this many people (one each): past it, under any threshold a deploy
 * would set, the fact is long hidden; the document stays far under 400 KB (notes ≤ 500 characters).
 */
export const MAX_FLAGS_PER_FACT = 100;

/**
 * The index's budget, in bytes of JSON (stored deflated, so well under DynamoDB's 400 KB): ~250 bytes a
 * fact, room for ~1,200 flagged facts. Past it, facts that are not hidden leave it (restored first, then the
 * oldest disputed); a hidden one never does.
 */
export const MAX_FLAG_INDEX_BYTES = 300_000;

/** Flags since the last review: a restored fact starts again from no flags. */
function openFlags(fact: FlaggedFact): Flag[] {
  const since = fact.review?.at;
  return since ? fact.flags.filter((f) => f.at > since) : fact.flags;
}

/** Whether a fact is hidden, shown as disputed, or clear, under the policy. */
export function factStatus(entry: FlagIndexEntry, policy: FlagPolicy): FactStatus {
  if (entry.review === 'confirmed') return { state: 'hidden', flaggedBy: entry.flaggedBy };
  const people = entry.openBy.length;
  const byReviewer = entry.openBy.some((user) => policy.reviewers.includes(user));
  if (byReviewer || people >= policy.threshold) return { state: 'hidden', flaggedBy: people };
  return { state: people ? 'disputed' : 'clear', flaggedBy: people };
}

/** Whether a fact is up for review: not restored, or flagged again since. */
export const isOpenEntry = (entry: FlagIndexEntry) => entry.review !== 'restored' || entry.openBy.length > 0;

/** The index entry a flagged fact's document gives: the index can always be rebuilt from the documents. */
export function indexEntry(fact: FlaggedFact): FlagIndexEntry {
  const last = [...fact.flags.map((f) => f.at), fact.review?.at ?? ''].sort().at(-1) ?? '';
  return {
    key: factKey(fact.ref),
    anchors: fact.anchors ?? [],
    openBy: [...new Set(openFlags(fact).map((f) => f.userId))],
    flaggedBy: new Set(fact.flags.map((f) => f.userId)).size,
    ...(fact.review ? { review: fact.review.decision } : {}),
    at: last,
    ...(fact.revision !== undefined ? { revision: fact.revision } : {}),
  };
}

/** The next revision of a fact's document. */
export const nextRevision = (existing: FlaggedFact | null) => (existing?.revision ?? 0) + 1;

/**
 * The entry to index of two for one fact: the one derived from the later revision of its document. Two
 * writers of one fact write its document in turn (conditional writes) but may write the index in the other
 * order; the later entry stands whichever arrives last.
 */
function newerEntry(indexed: FlagIndexEntry | undefined, entry: FlagIndexEntry): FlagIndexEntry {
  return indexed && (indexed.revision ?? 0) > (entry.revision ?? 0) ? indexed : entry;
}

/** Thrown when the index has no room left but for hidden facts, which it never drops. */
export class FlagIndexFullError extends Error {
  override name = 'FlagIndexFullError';
}

const jsonBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');

/**
 * The index with a fact's entry in first place (newest first), cut to its byte budget: restored facts leave
 * first, then the oldest disputed ones; hidden facts stay, so that no volume of flags shows one again.
 */
export function withIndexEntry(index: FlagIndex, entry: FlagIndexEntry, policy: FlagPolicy): FlagIndex {
  const indexed = index.facts.find((f) => f.key === entry.key);
  const facts = cutToBudget([newerEntry(indexed, entry), ...index.facts.filter((f) => f.key !== entry.key)], policy);
  return { ...index, facts };
}

/**
 * The index with these entries in it (each replacing the entry of its key), newest first by their last flag
 * or review, cut to its byte budget as `withIndexEntry` cuts it: for entries that arrive together and out
 * of order (a migration), so that adding them again changes nothing.
 */
export function withIndexEntries(index: FlagIndex, entries: readonly FlagIndexEntry[], policy: FlagPolicy): FlagIndex {
  const indexed = new Map(index.facts.map((f) => [f.key, f]));
  const added = new Set(entries.map((e) => e.key));
  const facts = [
    ...entries.map((e) => newerEntry(indexed.get(e.key), e)),
    ...index.facts.filter((f) => !added.has(f.key)),
  ];
  facts.sort((a, b) => (a.at === b.at ? 0 : a.at < b.at ? 1 : -1));
  return { ...index, facts: cutToBudget(facts, policy) };
}

/** Cuts entries (newest first) to the index's budget; the first entry, the one just written, always stays. */
function cutToBudget(facts: FlagIndexEntry[], policy: FlagPolicy): FlagIndexEntry[] {
  let bytes = jsonBytes({ facts });
  const leaving = (state: FactStatus['state']) =>
    facts.findLastIndex((f, i) => i > 0 && factStatus(f, policy).state === state);
  while (bytes > MAX_FLAG_INDEX_BYTES) {
    const at = [leaving('clear'), leaving('disputed')].find((i) => i > 0);
    if (at === undefined)
      throw new FlagIndexFullError(
        'So many facts are hidden by flags that no other can be flagged: review them with /talks flags (restore the right ones).',
      );
    bytes -= jsonBytes(facts[at]) + 1;
    facts.splice(at, 1);
  }
  return facts;
}

/** The fact's document with one more flag: a person's second flag on a fact replaces their first. */
export function addFlag(
  existing: FlaggedFact | null,
  ref: FactRef,
  fact: FactSnapshot,
  anchors: readonly string[],
  flag: Flag,
): FlaggedFact {
  // A person's latest flag by when they made it, not by which write lands last: two of their flags in flight at once
  // then leave the same one whatever order the writes take (the legacy book's merge keeps the same one).
  const theirs = existing?.flags.find((f) => f.userId === flag.userId);
  const flags =
    theirs && theirs.at > flag.at
      ? [...(existing?.flags ?? [])]
      : [...(existing?.flags ?? []).filter((f) => f.userId !== flag.userId), flag].slice(-MAX_FLAGS_PER_FACT);
  const known = existing?.anchors ?? [];
  return {
    ...(existing ?? {}),
    ref,
    fact,
    anchors: [...new Set([...known, ...anchors])],
    flags,
    revision: nextRevision(existing),
  };
}

/** Thrown when a review names a fact the book does not hold, or comes from someone who is no reviewer. */
export class FlagReviewError extends Error {
  override name = 'FlagReviewError';
}

/** A review of a fact that has no flagged-fact document (never flagged, or flagged only in an old flag book). */
export class FactNotFlaggedError extends FlagReviewError {
  override name = 'FactNotFlaggedError';
}

/** Who may confirm or restore: the configured reviewers, or anyone when none is configured. */
export function mayReview(userId: string, policy: FlagPolicy): boolean {
  return policy.reviewers.length === 0 || policy.reviewers.includes(userId);
}

/** The fact's document confirmed (kept hidden) or restored (shown again). */
export function reviewFact(existing: FlaggedFact | null, review: Review, policy: FlagPolicy): FlaggedFact {
  if (!mayReview(review.userId, policy))
    throw new FlagReviewError('Only the configured reviewers can confirm or restore a flagged fact.');
  if (!existing) throw new FactNotFlaggedError('That fact is no longer flagged.');
  return { ...existing, review, revision: nextRevision(existing) };
}

/** Every flagged fact's status, by key and by anchor, for filtering answers. */
export interface FlagStatuses {
  byKey: ReadonlyMap<string, FactStatus>;
  byAnchor: ReadonlyMap<string, FactStatus>;
}

export function flagStatuses(index: FlagIndex, policy: FlagPolicy): FlagStatuses {
  const byKey = new Map<string, FactStatus>();
  const byAnchor = new Map<string, FactStatus>();
  for (const entry of index.facts) {
    const status = factStatus(entry, policy);
    byKey.set(entry.key, status);
    for (const anchor of entry.anchors) byAnchor.set(anchor, status);
  }
  return { byKey, byAnchor };
}

import * as z from 'zod/mini';
import { SourceRefSchema } from '../articles/article.js';
import { CitationSchema } from '../facts/fact.js';
import { FactRefSchema } from '../facts/fact-ref.js';

/*
 * The flag book as the store keeps it: one small item, so that every command reads it in the same request
 * budget (one GetItem beside the view it answers from). What flags do is lambda/flags/flag-book.ts.
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

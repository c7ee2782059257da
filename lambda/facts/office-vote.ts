import * as z from 'zod/mini';
import type { ArticleFacts } from './fact.js';

/*
 * An office holder as the corpus counts them (people-identity.ts, `corpusOffices`), apart from the extraction code: the
 * store keeps the votes of stored articles (lambda/views/office-votes.ts), and its read side must not bundle extraction.
 */

/** How many articles give one person one office (`corpusOffices` counts them), and the longest name they give. */
export const OfficeVoteSchema = z.object({
  office: z.string().check(z.minLength(1)),
  key: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
  votes: z.number().check(z.int(), z.positive()),
});
export type OfficeVote = z.infer<typeof OfficeVoteSchema>;

/** Each office an article gives a person, once: one article's word on an office is one record of the corpus. */
export const officesOf = (facts: ArticleFacts): { key: string; name: string; office: string }[] => [
  ...new Map((facts.offices ?? []).map((o) => [`${o.key} ${o.office}`, o])).values(),
];

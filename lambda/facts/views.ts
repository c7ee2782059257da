import { z } from 'zod';
import { SourceRefSchema } from '../articles/article.js';
import { GuarantorSchema, PersonSchema, PositionSchema, StatementSchema } from './fact.js';

/*
 * The precomputed answers. Ingest writes them; a /talks command reads one or two of them and renders,
 * so no command ever scans or merges at request time. Every view carries the SourceRefs its citations
 * point at, so rendering a citation needs no further read. Lists are ranked and bounded at ingest
 * (see `limits`), and `total*` fields say how much was left out, so a renderer can write "… and N more".
 */

export const SpeakerEntrySchema = PersonSchema.extend({
  statementCount: z.number().int().nonnegative(),
  directCount: z.number().int().nonnegative(),
  articleCount: z.number().int().nonnegative(),
});
export type SpeakerEntry = z.infer<typeof SpeakerEntrySchema>;

/** Every known speaker, ranked by how much they said; what `who <name>` resolves names against. */
export const SpeakerDirectorySchema = z.object({
  speakers: z.array(SpeakerEntrySchema),
});
export type SpeakerDirectory = z.infer<typeof SpeakerDirectorySchema>;

export const SummaryViewSchema = z.object({
  articleCount: z.number().int().nonnegative(),
  /** Top speakers, ranked; `totalSpeakers` counts all of them. */
  speakers: z.array(
    SpeakerEntrySchema.extend({
      /** Their key statements, best first (direct quotes and most-cited first). */
      statements: z.array(StatementSchema),
    }),
  ),
  totalSpeakers: z.number().int().nonnegative(),
  guarantors: z.array(GuarantorSchema),
  /** Positions on every configured topic, bounded per topic and party. */
  positions: z.array(PositionSchema),
  /** The configured topics, in display order, with their labels. */
  topics: z.array(z.object({ id: z.string(), label: z.string() })),
  sources: z.array(SourceRefSchema),
});
export type SummaryView = z.infer<typeof SummaryViewSchema>;

export const SpeakerViewSchema = z.object({
  person: SpeakerEntrySchema,
  /** Ranked; may be the first page only: `person.statementCount` is the total. */
  statements: z.array(StatementSchema),
  sources: z.array(SourceRefSchema),
});
export type SpeakerView = z.infer<typeof SpeakerViewSchema>;

export const TopicViewSchema = z.object({
  topic: z.string(),
  label: z.string(),
  positions: z.array(PositionSchema),
  totalPositions: z.number().int().nonnegative(),
  /** Statements that mention the topic, ranked. */
  statements: z.array(StatementSchema),
  totalStatements: z.number().int().nonnegative(),
  sources: z.array(SourceRefSchema),
});
export type TopicView = z.infer<typeof TopicViewSchema>;

export const GuarantorsViewSchema = z.object({
  guarantors: z.array(GuarantorSchema),
  sources: z.array(SourceRefSchema),
});
export type GuarantorsView = z.infer<typeof GuarantorsViewSchema>;

export const SourcesViewSchema = z.object({
  total: z.number().int().nonnegative(),
  /** Newest first; bounded, `total` counts all. */
  sources: z.array(SourceRefSchema.extend({ urls: z.array(z.string()) })),
});
export type SourcesView = z.infer<typeof SourcesViewSchema>;

import * as z from 'zod/mini';
import { SourceRefSchema } from '../articles/article.js';
import { SpellingSchema } from './display-names.js';
import { CitationSchema, GuarantorSchema, PersonSchema, PositionSchema, StatementSchema } from './fact.js';
import { CountryCountSchema } from './person-countries.js';

/*
 * The precomputed answers. Ingest writes them; a /talks command reads one or two of them and renders,
 * so no command ever scans or merges at request time. Every view carries the SourceRefs its citations
 * point at, so rendering a citation needs no further read. Lists are ranked and bounded at ingest
 * (see `limits`), and `total*` fields say how much was left out, so a renderer can write "… and N more".
 */

const Count = z.number().check(z.int(), z.nonnegative());

export const SpeakerEntrySchema = z.extend(PersonSchema, {
  statementCount: Count,
  directCount: Count,
  /** Articles citing a statement of the person. */
  articleCount: Count,
  /** Articles naming the person, whether they speak in them or not. 0 on items written before mentions were counted. */
  mentionCount: z._default(Count, 0),
});
export type SpeakerEntry = z.infer<typeof SpeakerEntrySchema>;

/** Whether a person said anything, or is only mentioned: summaries and speaker lists are about speakers. */
export const hasSpoken = (entry: SpeakerEntry) => entry.statementCount > 0;

/**
 * Every known person, ranked by how much they said; people who said nothing (only mentioned) come after
 * every speaker, ranked by how many articles name them. What `who <name>` resolves names against.
 */
export const SpeakerDirectorySchema = z.object({
  speakers: z.array(SpeakerEntrySchema),
  /** Everyone who said something, listed or not (the list stops at its byte budget); absent on older items. */
  totalSpeakers: z.optional(Count),
});
export type SpeakerDirectory = z.infer<typeof SpeakerDirectorySchema>;

export const SummaryViewSchema = z.object({
  articleCount: Count,
  /** Top speakers, ranked; `totalSpeakers` counts all of them. */
  speakers: z.array(
    z.extend(SpeakerEntrySchema, {
      /** Their key statements, best first (direct quotes and most-cited first). */
      statements: z.array(StatementSchema),
    }),
  ),
  totalSpeakers: Count,
  /** The first guarantors of the guarantors item, ranked; the summary shows as many as it holds. */
  guarantors: z.array(GuarantorSchema),
  /**
   * Every guarantor the guarantors item knows (a country and who proposed it), listed here or not, so the summary can
   * count them and say how many more `/talks guarantors` has. Absent on items written before it was kept.
   */
  totalGuarantors: z.optional(Count),
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
  /** A few sentences naming the person, one per article, newest article first; empty on older items. */
  mentions: z._default(z.array(CitationSchema), []),
  /** Each written form of the name with how many articles write it: what chooses `person.name`. */
  spellings: z._default(z.array(SpellingSchema), []),
  /** Each country given to the person with how many articles give it: what chooses `person.affiliation`. */
  countries: z._default(z.array(CountryCountSchema), []),
  sources: z.array(SourceRefSchema),
});
export type SpeakerView = z.infer<typeof SpeakerViewSchema>;

export const TopicViewSchema = z.object({
  topic: z.string(),
  label: z.string(),
  positions: z.array(PositionSchema),
  totalPositions: Count,
  /** Statements that mention the topic, ranked. */
  statements: z.array(StatementSchema),
  totalStatements: Count,
  sources: z.array(SourceRefSchema),
});
export type TopicView = z.infer<typeof TopicViewSchema>;

export const GuarantorsViewSchema = z.object({
  guarantors: z.array(GuarantorSchema),
  sources: z.array(SourceRefSchema),
});
export type GuarantorsView = z.infer<typeof GuarantorsViewSchema>;

export const SourcesViewSchema = z.object({
  total: Count,
  /** Newest first; bounded, `total` counts all. */
  sources: z.array(z.extend(SourceRefSchema, { urls: z.array(z.string()) })),
});
export type SourcesView = z.infer<typeof SourcesViewSchema>;

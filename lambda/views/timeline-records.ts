import * as z from 'zod/mini';
import { IsoDateSchema, SourceRefSchema } from '../articles/article.js';
import { CitationSchema } from '../facts/fact.js';
import { STANCE_KINDS } from '../facts/stance-kind.js';

/*
 * The precomputed items behind `timeline` and `since`: one timeline item per topic (and one for the
 * guarantors), and one "first reported" item per calendar day. Ingest writes them beside the other views
 * (lambda/views/update-timeline.ts); a command reads one timeline item, or one Query of day items.
 */

const Count = z.number().check(z.int(), z.nonnegative());
const MaybeDate = z.nullable(IsoDateSchema);

/** The subject of the guarantors' timeline, beside the topic ids. */
export const GUARANTORS_TIMELINE = 'guarantors';

/** One fact on a timeline: a party's position on the topic, or a country a party proposed as guarantor. */
export const TimelineEntrySchema = z.object({
  /** The fact's id (a position's; `guarantor:<country>:<proposer>` for a guarantor). */
  id: z.string(),
  /** The party that took the position or proposed the guarantor; "" when no party is known. */
  party: z.string(),
  /** The stance, or the guarantor country. */
  text: z.string(),
  /** What kind of move the stance is (config/stance-kinds.json); null for a guarantor or an uncued stance. */
  kind: z.nullable(z.enum(STANCE_KINDS)),
  /** The date the sentence gives the act ("on Monday"), resolved against the first report; else null. */
  saidOn: MaybeDate,
  /** The earliest and latest dates of the articles citing it; null when none is dated. */
  firstReported: MaybeDate,
  lastReported: MaybeDate,
  /** How many articles cite it. */
  articleCount: Count,
  /** The citation from the first report. */
  citation: CitationSchema,
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

export const TimelineViewSchema = z.object({
  /** A topic id, or `GUARANTORS_TIMELINE`. */
  subject: z.string(),
  label: z.string(),
  /** Per party, in date order; past the bound only the oldest and the newest are kept. */
  entries: z.array(TimelineEntrySchema),
  /** Facts per party in all, kept or not: the answer counts the middle it does not show. */
  totalByParty: z.record(z.string(), Count),
  sources: z.array(SourceRefSchema),
});
export type TimelineView = z.infer<typeof TimelineViewSchema>;

export const NEWS_CATEGORIES = ['statement', 'guarantor', 'position'] as const;

/** A fact first reported on a given day. */
export const NewsEntrySchema = z.object({
  id: z.string(),
  category: z.enum(NEWS_CATEGORIES),
  /** The speaker (a statement), the proposing party (a guarantor), the party (a position); "" when unknown. */
  subject: z.string(),
  /** The speaker's key, for `who`; the topic id of a position. */
  key: z.string(),
  /** The topic's label, for a position; "" otherwise. */
  label: z.string(),
  text: z.string(),
  quoted: z.boolean(),
  saidOn: MaybeDate,
  /** For a position: its kind, and the kind of the party's stance on the topic before it when that differed. */
  kind: z.nullable(z.enum(STANCE_KINDS)),
  changedFrom: z.nullable(z.enum(STANCE_KINDS)),
  citation: CitationSchema,
});
export type NewsEntry = z.infer<typeof NewsEntrySchema>;

/** What was first reported on one day (by its articles' dates). */
export const DayNewsSchema = z.object({
  day: IsoDateSchema,
  entries: z.array(NewsEntrySchema),
  /** Facts first reported that day in all, listed or not. */
  total: Count,
  sources: z.array(SourceRefSchema),
});
export type DayNews = z.infer<typeof DayNewsSchema>;

import * as z from 'zod/mini';
import { SourceRefSchema } from '../articles/article.js';
import { PositionSchema, StatementSchema } from '../facts/fact.js';

/*
 * What ingest keeps besides the views: one record per statement and per position, the full merged fact,
 * so that a later batch merges into it without re-reading the corpus. `citedBy` lists every article that
 * cites the fact (ids only: compact, and exact even when displayed citations are capped), which makes
 * counts derivable from content and re-applying an article a no-op.
 */

const ArticleIds = z.array(z.string());

export const StatementRecordSchema = z.extend(StatementSchema, {
  citedBy: ArticleIds,
  sources: z.array(SourceRefSchema),
});
export type StatementRecord = z.infer<typeof StatementRecordSchema>;

export const PositionRecordSchema = z.extend(PositionSchema, {
  citedBy: ArticleIds,
  sources: z.array(SourceRefSchema),
});
export type PositionRecord = z.infer<typeof PositionRecordSchema>;

/** A ranked view plus the rank score (citing-article count) of each fact it lists, kept for the next merge. */
export interface Scored<V> {
  view: V;
  scores: Record<string, number>;
}

export const ScoresSchema = z.record(z.string(), z.number());

/**
 * The wordings of every stored fact of one group (a speaker's statements, or one party's positions on a
 * topic), as normalised tokens: what a new batch is compared against to find the stored facts that
 * merge.ts would merge it with, without reading every record of the group.
 */
export const WordingIndexSchema = z.object({
  entries: z.array(
    z.object({
      id: z.string(),
      /** Citing articles, so that the least-cited entries go first when the index reaches its budget. */
      citedBy: z.number(),
      /** Each wording's tokens joined by spaces. */
      wordings: z.array(z.string()),
    }),
  ),
});
export type WordingIndex = z.infer<typeof WordingIndexSchema>;

import { z } from 'zod/mini';
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

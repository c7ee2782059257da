import type { ArticleFacts, CorpusFacts } from './fact.js';

/**
 * Merges facts from several articles: the same statement, guarantor or position becomes one fact with
 * several citations. Placeholder until the extraction lands: concatenates.
 */
export function mergeArticleFacts(all: ArticleFacts[]): CorpusFacts {
  return {
    people: all.flatMap((f) => f.people),
    statements: all.flatMap((f) => f.statements),
    guarantors: all.flatMap((f) => f.guarantors),
    positions: all.flatMap((f) => f.positions),
  };
}

import * as z from 'zod/mini';

/**
 * The generation of the corpus: raised by every round that changes a precomputed item (apply-facts.ts), which may
 * have taught the corpus something or applied articles a round settled meanwhile by another writer would teach.
 */
export const GenerationSchema = z.object({ generation: z.number().check(z.int(), z.nonnegative()) });

/**
 * Thrown by applyFacts, before it writes anything, when another writer has applied a round since the writer read the
 * corpus's knowledge (people's countries, office holders, guarantors): a round settled with what that writer has since
 * taught would miss it, and the articles that writer applied would miss this round's lessons. The writer settles the round
 * again with what the store knows now (lambda/ingest/ingest.ts).
 */
export class CorpusChangedError extends Error {
  constructor(readAt: number, now: number) {
    super(`the corpus's knowledge changed while the round was settled (generation ${readAt}, now ${now})`);
    this.name = 'CorpusChangedError';
  }
}

export function isCorpusChanged(error: unknown): error is CorpusChangedError {
  return error instanceof CorpusChangedError;
}

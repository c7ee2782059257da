import * as z from 'zod/mini';

/** The generation of the corpus's knowledge: raised by every round that teaches it something (apply-facts.ts). */
export const GenerationSchema = z.object({ generation: z.number().check(z.int(), z.nonnegative()) });

/**
 * Thrown by applyFacts, before it writes anything, when the corpus's knowledge (people's countries, office holders,
 * guarantors) changed since the writer read it: a round settled with what another writer has since taught would miss
 * it, and the articles that writer stored before would miss this round's lessons. The writer settles the round
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

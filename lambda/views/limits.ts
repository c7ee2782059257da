/*
 * Bounds on every precomputed item. DynamoDB's hard limit is 400 KB an item; command latency wants far
 * less (a GetItem of ~100 KB is a few ms, and the summary is read on every `/talks summary`). Lists are
 * ranked first, then cut to these counts and byte budgets; totals keep counting what was cut.
 */
export const VIEW_LIMITS = {
  /** Citations kept on a stored fact record (all citing article ids are kept in `citedBy`). */
  citationsPerRecord: 20,
  /** Citations shown on a fact inside a view. */
  citationsPerViewFact: 5,
  /** Ranked statements on a speaker's view item; more are read from the statement records. */
  statementsPerSpeaker: 50,
  /** Sentences naming a person kept on their view, from as many articles: what `who` shows for the never-quoted. */
  mentionsPerPerson: 3,
  statementsPerTopic: 30,
  positionsPerTopic: 30,
  guarantors: 100,
  /** Wordings kept per fact in a wording index (its text and the other outlets' wordings). */
  wordingsPerFact: 4,
  sources: 200,
  /**
   * What the summary answer shows (lambda/answers/summary-answer.ts reads these), and so what the summary item
   * holds: the item every `/talks summary` reads and decodes, a cold start's included, is no bigger than the
   * answer needs at any corpus size. Positions: one more a party than the answer shows, so it can say that
   * a party said more (the item counts no positions); speakers carry their own statement counts.
   */
  summary: { speakers: 6, statementsPerSpeaker: 2, guarantors: 10, positionsPerParty: 3 },
  /** UTF-8 bytes of an item's payload. */
  bytes: {
    /**
     * Read and decoded by every `/talks summary`, a cold start's first answer included: a few times what one
     * Slack message holds (~11,000 characters), so a large corpus keeps fewer citations a fact, not more
     * decoding. 96 KB held five citations a fact at 10,000 articles, shown by no answer at that size.
     */
    summary: 32_000,
    directory: 300_000,
    /** People filed under one surname (name-index.ts): ~2,000 namesakes. */
    nameShard: 300_000,
    speaker: 200_000,
    topic: 200_000,
    guarantors: 200_000,
    sources: 150_000,
    wordingIndex: 300_000,
    /** Who the corpus says holds each office (office-votes.ts): ~1,500 office holders at ~200 bytes each. */
    officeVotes: 300_000,
  },
} as const;

/*
 * Key builders: the one place that spells partition and sort keys (docs/table-design.md lists them).
 * Every key gets a type prefix, so no key is ever an empty string (DynamoDB rejects those; dynalite does not).
 */

export interface ItemKey {
  pk: string;
  sk: string;
}

export const keys = {
  articleMeta: (id: string): ItemKey => ({ pk: `ARTICLE#${id}`, sk: 'META' }),
  articleBody: (id: string, index: number): ItemKey => ({
    pk: `ARTICLE#${id}`,
    sk: `BODY#${String(index).padStart(5, '0')}`,
  }),
  /**
   * Written once the article's facts are in every view: marks the article as counted. Only for an article
   * applied without being stored; a stored article is marked in its round's item (`ingestRound`).
   */
  articleIndexed: (id: string): ItemKey => ({ pk: `ARTICLE#${id}`, sk: 'INDEXED' }),
  /** The stored articles of one storeArticles round whose facts are in every view: one item a round. */
  ingestRound: (roundId: string): ItemKey => ({ pk: `ROUND#${roundId}`, sk: 'INDEXED' }),
  articlePartition: (id: string): string => `ARTICLE#${id}`,
  nearDuplicateBand: (bandKey: string): ItemKey => ({ pk: `NEARDUP#${bandKey}`, sk: 'NEARDUP' }),
  summary: (): ItemKey => ({ pk: 'VIEW#SUMMARY', sk: 'VIEW' }),
  speakerDirectory: (): ItemKey => ({ pk: 'VIEW#SPEAKERS', sk: 'VIEW' }),
  /** The people filed under one folded surname (lambda/views/name-index.ts): what `who <name>` reads. */
  nameShard: (surnameKey: string): ItemKey => ({ pk: `NAME#${surnameKey}`, sk: 'NAMES' }),
  guarantors: (): ItemKey => ({ pk: 'VIEW#GUARANTORS', sk: 'VIEW' }),
  sources: (): ItemKey => ({ pk: 'VIEW#SOURCES', sk: 'VIEW' }),
  speaker: (speakerKey: string): ItemKey => ({ pk: `SPEAKER#${speakerKey}`, sk: 'VIEW' }),
  speakerStatement: (speakerKey: string, statementId: string): ItemKey => ({
    pk: `SPEAKER#${speakerKey}`,
    sk: `STATEMENT#${statementId}`,
  }),
  speakerPartition: (speakerKey: string): string => `SPEAKER#${speakerKey}`,
  /** The wordings of the speaker's statements, for cross-batch merging (lambda/views/merge-records.ts). */
  speakerWordings: (speakerKey: string): ItemKey => ({ pk: `SPEAKER#${speakerKey}`, sk: 'WORDINGS' }),
  topic: (topic: string): ItemKey => ({ pk: `TOPIC#${topic}`, sk: 'VIEW' }),
  topicPosition: (topic: string, positionId: string): ItemKey => ({
    pk: `TOPIC#${topic}`,
    sk: `POSITION#${positionId}`,
  }),
  positionWordings: (topic: string, party: string): ItemKey => ({ pk: `TOPIC#${topic}`, sk: `WORDINGS#${party}` }),
  /**
   * What every command needs of the flags, in one item bounded by bytes: each flagged fact's state and the
   * anchors that find it after a merge (lambda/flags/). Commands read it beside their view.
   */
  flagIndex: (): ItemKey => ({ pk: 'FLAGS', sk: 'INDEX' }),
  /** One flagged fact: its snapshot, every flag with its note, the last review. */
  flaggedFact: (factKey: string): ItemKey => ({ pk: 'FLAGS', sk: `FACT#${factKey}` }),
  /**
   * Every flag on every fact in one item, as tables written before the flag index kept them: read only to
   * migrate its flags into the items above, then marked migrated (lambda/flags/legacy-flag-book.ts).
   */
  legacyFlagBook: (): ItemKey => ({ pk: 'FLAGS', sk: 'BOOK' }),
  /** A topic's positions (or the guarantors) per party in date order: what `timeline` reads. */
  timeline: (subject: string): ItemKey => ({ pk: `TIMELINE#${subject}`, sk: 'VIEW' }),
  /** What was first reported on one day: `since` queries the partition from a day on. */
  dayNews: (day: string): ItemKey => ({ pk: NEWS_PARTITION, sk: `${DAY_SK_PREFIX}${day}` }),
  /** Held by the one writer of the precomputed items at a time (writer-lease.ts). */
  writerLease: (): ItemKey => ({ pk: 'LEASE#WRITER', sk: 'LEASE' }),
};

export const NEWS_PARTITION = 'NEWS';
export const DAY_SK_PREFIX = 'DAY#';

export const STATEMENT_SK_PREFIX = 'STATEMENT#';

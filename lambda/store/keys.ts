import { STORE_FORMAT } from './store-format.js';

/*
 * Key builders: the one place that spells partition and sort keys (docs/table-design.md lists them).
 * Every key gets a type prefix, so no key is ever an empty string (DynamoDB rejects those; dynalite does not).
 *
 * Two kinds of items. The articles (and their near-duplicate bands), the flags and the lease are what every
 * store format shares. Everything precomputed from the articles (views, fact records, wordings, the name index,
 * timelines, days, and the markers of which articles they hold) is derived, and its shape is what a store format
 * changes: those keys start with `VIEWS_PREFIX`, the format that wrote them. A deployed table that a new format
 * meets keeps answering from the old format's items while the new format's are rebuilt beside them from the
 * articles (lambda/ingest/rebuild-views.ts). A format that changed the shared items themselves (the article
 * items, the band keys, the flags) would need a migration of its own.
 */

/** The prefix of every precomputed item this format writes and reads. */
export const VIEWS_PREFIX = `F${STORE_FORMAT}#`;

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
  articleIndexed: (id: string): ItemKey => ({ pk: `ARTICLE#${id}`, sk: `${VIEWS_PREFIX}INDEXED` }),
  /** The stored articles of one storeArticles round whose facts are in every view: one item a round. */
  ingestRound: (roundId: string): ItemKey => ({ pk: `${VIEWS_PREFIX}ROUND#${roundId}`, sk: 'INDEXED' }),
  articlePartition: (id: string): string => `ARTICLE#${id}`,
  nearDuplicateBand: (bandKey: string): ItemKey => ({ pk: `NEARDUP#${bandKey}`, sk: 'NEARDUP' }),
  summary: (): ItemKey => ({ pk: `${VIEWS_PREFIX}VIEW#SUMMARY`, sk: 'VIEW' }),
  speakerDirectory: (): ItemKey => ({ pk: `${VIEWS_PREFIX}VIEW#SPEAKERS`, sk: 'VIEW' }),
  /** The people filed under one folded surname (lambda/views/name-index.ts): what `who <name>` reads. */
  nameShard: (surnameKey: string): ItemKey => ({ pk: `${VIEWS_PREFIX}NAME#${surnameKey}`, sk: 'NAMES' }),
  guarantors: (): ItemKey => ({ pk: `${VIEWS_PREFIX}VIEW#GUARANTORS`, sk: 'VIEW' }),
  sources: (): ItemKey => ({ pk: `${VIEWS_PREFIX}VIEW#SOURCES`, sk: 'VIEW' }),
  speaker: (speakerKey: string): ItemKey => ({ pk: `${VIEWS_PREFIX}SPEAKER#${speakerKey}`, sk: 'VIEW' }),
  speakerStatement: (speakerKey: string, statementId: string): ItemKey => ({
    pk: `${VIEWS_PREFIX}SPEAKER#${speakerKey}`,
    sk: `STATEMENT#${statementId}`,
  }),
  speakerPartition: (speakerKey: string): string => `${VIEWS_PREFIX}SPEAKER#${speakerKey}`,
  /** The wordings of the speaker's statements, for cross-batch merging (lambda/views/merge-records.ts). */
  speakerWordings: (speakerKey: string): ItemKey => ({ pk: `${VIEWS_PREFIX}SPEAKER#${speakerKey}`, sk: 'WORDINGS' }),
  topic: (topic: string): ItemKey => ({ pk: `${VIEWS_PREFIX}TOPIC#${topic}`, sk: 'VIEW' }),
  topicPosition: (topic: string, positionId: string): ItemKey => ({
    pk: `${VIEWS_PREFIX}TOPIC#${topic}`,
    sk: `POSITION#${positionId}`,
  }),
  positionWordings: (topic: string, party: string): ItemKey => ({
    pk: `${VIEWS_PREFIX}TOPIC#${topic}`,
    sk: `WORDINGS#${party}`,
  }),
  /**
   * What every command needs of the flags, in one item bounded by bytes: each flagged fact's state and the
   * anchors that find it after a merge (lambda/flags/). Commands read it beside their view.
   */
  flagIndex: (): ItemKey => ({ pk: 'FLAGS', sk: 'INDEX' }),
  /** One flagged fact: its snapshot, every flag with its note, the last review. */
  flaggedFact: (factKey: string): ItemKey => ({ pk: 'FLAGS', sk: `${FLAGGED_FACT_SK_PREFIX}${factKey}` }),
  /**
   * Every flag on every fact in one item, as tables written before the flag index kept them: read only to
   * migrate its flags into the items above, then marked migrated (lambda/flags/legacy-flag-book.ts).
   */
  legacyFlagBook: (): ItemKey => ({ pk: 'FLAGS', sk: 'BOOK' }),
  /** How many stored articles give each person each office: the office holders the next ingest knows. */
  officeVotes: (): ItemKey => ({ pk: `${VIEWS_PREFIX}CORPUS#OFFICES`, sk: 'VOTES' }),
  /** The key of every guarantor known: what the summary's total counts past the guarantors item's cut. */
  guarantorCount: (): ItemKey => ({ pk: `${VIEWS_PREFIX}CORPUS#GUARANTORS`, sk: 'COUNT' }),
  /** The generation of the corpus's knowledge, raised by each round that teaches it: what a writer settled with. */
  corpusGeneration: (): ItemKey => ({ pk: `${VIEWS_PREFIX}CORPUS#GENERATION`, sk: 'GENERATION' }),
  /** A topic's positions (or the guarantors) per party in date order: what `timeline` reads. */
  timeline: (subject: string): ItemKey => ({ pk: `${VIEWS_PREFIX}TIMELINE#${subject}`, sk: 'VIEW' }),
  /** What was first reported on one day: `since` queries the partition from a day on. */
  dayNews: (day: string): ItemKey => ({ pk: NEWS_PARTITION, sk: `${DAY_SK_PREFIX}${day}` }),
  /** Held by the one writer of the precomputed items at a time (writer-lease.ts). */
  writerLease: (): ItemKey => ({ pk: 'LEASE#WRITER', sk: 'LEASE' }),
  /**
   * The table's store format: the format whose precomputed items are complete, and the rebuild of this code's
   * format while it runs (its owner, its place in the articles). Shared by every format (store-rebuild.ts).
   */
  storeFormat: (): ItemKey => ({ pk: 'STORE', sk: 'FORMAT' }),
};

/** The sort keys of the flagged facts' items in the `FLAGS` partition: one Query finds them all. */
export const FLAGGED_FACT_SK_PREFIX = 'FACT#';

export const NEWS_PARTITION = `${VIEWS_PREFIX}NEWS`;
export const DAY_SK_PREFIX = 'DAY#';

export const STATEMENT_SK_PREFIX = 'STATEMENT#';

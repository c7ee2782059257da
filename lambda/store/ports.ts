import type * as z from 'zod/mini';
import type { Article } from '../articles/article.js';
import type { FingerprintOf } from '../articles/fingerprint.js';
import type { ArticleFacts } from '../facts/fact.js';
import type {
  GuarantorsView,
  SourcesView,
  SpeakerDirectory,
  SpeakerEntry,
  SpeakerView,
  SummaryView,
  TopicView,
} from '../facts/views.js';
import type { OfficeVotes } from '../views/office-votes.js';
import type { PositionRecord, StatementRecord } from '../views/records.js';
import type { DayNews, TimelineView } from '../views/timeline-records.js';

/*
 * The ports between the pure core and DynamoDB. The core (ingest pipeline, answers) depends on these
 * interfaces only; `lambda/store/` implements them and is the only code that imports the AWS SDK.
 */

/** Outcome of storing a batch of articles. */
export interface StoreArticlesResult {
  /** Ids written for the first time. */
  stored: string[];
  /** Ids already present (same body, or a near-duplicate): their files and URLs were added to the stored one. */
  duplicates: { id: string; duplicateOf: string }[];
}

export interface ArticleRepository {
  getArticle(id: string): Promise<Article | null>;
  /**
   * Stores articles idempotently. An article whose id, or whose near-duplicate fingerprint, is already
   * stored is merged into the stored one (files and URLs remembered) instead of stored again.
   * `fingerprintOf` gives the fingerprints already made for the batch (by `dedupeArticles`), so that
   * none is made twice; without it the store makes them.
   */
  storeArticles(articles: Article[], fingerprintOf?: FingerprintOf): Promise<StoreArticlesResult>;
}

/** Writes facts and keeps every precomputed view up to date, incrementally (cost per article stays flat). */
export interface FactWriter {
  /**
   * Merges the facts of newly stored articles into the precomputed items. Idempotent per article. Given `knowledgeAt`
   * (`corpusGeneration()` read before the facts were settled), throws CorpusChangedError, having written nothing, when
   * another writer has applied a round since.
   */
  applyFacts(facts: ArticleFacts[], articles: Article[], knowledgeAt?: number): Promise<void>;
  /** The generation of the corpus, read consistently: raised by every round that changes a precomputed item. */
  corpusGeneration(): Promise<number>;
  /**
   * Everyone the name index files under these folded surnames (`speakerKey`), read consistently: who a bare
   * surname of the batch may stand for, at any corpus size (the directory lists only the top ~2,000).
   */
  peopleFiledUnder(surnameKeys: string[]): Promise<SpeakerEntry[]>;
  /**
   * How many stored articles give each person each office, and which named an office by its title alone, read
   * consistently: the office holders the corpus knows (`corpusOffices`) before the batch. One GetItem.
   */
  officeVotes(): Promise<OfficeVotes>;
}

/** What commands read: each method is one or two DynamoDB requests, never a scan. */
export interface ViewReader {
  getSummary(): Promise<SummaryView | null>;
  /** The top of the speaker list (bounded), for a bare `who` and for resolving the batch's bare surnames. */
  getSpeakerDirectory(): Promise<SpeakerDirectory>;
  /**
   * Everyone a typed name may stand for, ranked as the directory is: the people filed under each of its words'
   * surname keys (any corpus size), and the directory's top list (for given names and near misses). One request.
   */
  findPeople(name: string): Promise<SpeakerEntry[]>;
  /** `limit`: how many statements to return at most (ranked). */
  getSpeaker(key: string, limit: number): Promise<SpeakerView | null>;
  getTopic(topic: string): Promise<TopicView | null>;
  getGuarantors(): Promise<GuarantorsView>;
  listSources(limit: number): Promise<SourcesView>;
}

/**
 * Documents the features above the store keep (flags), each a small item read and written whole. The
 * store spells their keys; the features give their schemas. `legacy-flag-book` is the one item that held
 * every flag before flags became a document a fact: read only to migrate it (lambda/flags/legacy-flag-book.ts).
 */
export type DocumentName =
  | { kind: 'flag-index' }
  | { kind: 'flagged-fact'; factKey: string }
  | { kind: 'legacy-flag-book' };

export interface VersionedDocuments {
  /** One GetItem, eventually consistent; null when the document was never written. */
  read<S extends z.ZodMiniType>(name: DocumentName, schema: S): Promise<z.infer<S> | null>;
  /** One BatchGetItem a hundred names, in the order asked. */
  readMany<S extends z.ZodMiniType>(names: readonly DocumentName[], schema: S): Promise<(z.infer<S> | null)[]>;
  /**
   * Every document of a kind, read consistently: a Query of its partition, a page a MB. Not for commands:
   * what rebuilds the flag index from the flagged facts' own documents (lambda/flags/legacy-flag-book.ts).
   */
  readAll<S extends z.ZodMiniType>(kind: 'flagged-fact', schema: S): Promise<z.infer<S>[]>;
  /**
   * Applies a change to the document and writes it only if nobody wrote it since it was read (retried
   * from a fresh read otherwise), so two concurrent changes both count. Returns the document written.
   */
  update<S extends z.ZodMiniType>(
    name: DocumentName,
    schema: S,
    change: (current: z.infer<S> | null) => z.infer<S>,
  ): Promise<z.infer<S>>;
}

/** The stored record of one fact, each one GetItem: what a feature shows of a fact someone points at. */
export interface FactRecords {
  getStatementRecord(speakerKey: string, id: string): Promise<StatementRecord | null>;
  getPositionRecord(topic: string, id: string): Promise<PositionRecord | null>;
  getGuarantors(): Promise<GuarantorsView | null>;
}

/** Days of news read by one `since`, at most. */
export interface NewsSince {
  /** Newest first. */
  days: DayNews[];
  /** Whether days on or after the date exist beyond those returned (older than the oldest returned). */
  more: boolean;
}

/** What `timeline` and `since` read: one request each, whatever the corpus size. */
export interface TimelineReader {
  /** A topic's timeline, or the guarantors' (`GUARANTORS_TIMELINE`). */
  getTimeline(subject: string): Promise<TimelineView | null>;
  /** The days from `day` on (inclusive) with something first reported, newest first, at most `maxDays`. */
  getNewsSince(day: string, maxDays: number): Promise<NewsSince>;
}

export type TalksStore = ArticleRepository & FactWriter & ViewReader & TimelineReader;

/** Where the table stands with this code's store format (lambda/store/store-rebuild.ts). */
export interface RebuildStatus {
  /** The format whose precomputed items are complete; null on a table that records none (new, or older than 9). */
  format: number | null;
  /** Whether this format's items hold every stored article, and no pass over them is pending. */
  complete: boolean;
  /** Stored articles the pending pass has gone over. */
  articlesDone: number;
  /** Whether a process holds the pass now. */
  running: boolean;
}

/** A pass over the stored articles, held by one process: where it is. */
export interface RebuildPass {
  owner: string;
  /** Where the scan of the table goes on from (the last item it read); absent at the start. */
  after?: { pk: string; sk: string };
  articlesDone: number;
}

/** The next stored articles of a pass. */
export interface ArticlesToRebuild {
  /** Those whose facts are not in this format's items yet, read whole. */
  articles: Article[];
  /** Every stored article the scan went over, held already or not. */
  articlesGoneOver: number;
  /** Articles whose items are damaged: they cannot be rebuilt and are passed over. */
  damaged: { id: string; reason: string }[];
  /** Where the next call goes on from; absent when the scan reached the end of the table. */
  next?: { pk: string; sk: string };
}

/** What one call deleting the items of superseded formats did (lambda/store/superseded-items.ts). */
export interface SupersededDeletion {
  /**
   * not-complete: this format's items are not complete (or a pass is pending): nothing may go; waiting: the grace
   * period since completion is not over; busy: another process holds the claim; continuing: the bound was reached,
   * the next call goes on; done: no superseded item is left.
   */
  state: 'not-complete' | 'waiting' | 'busy' | 'continuing' | 'done';
  /** Items this call deleted. */
  deleted: number;
  /** Superseded items this call left because they changed after the scan read them. */
  changed: number;
}

/**
 * Rebuilding this format's precomputed items from the stored articles of a table another format wrote, by one
 * process at a time, from a checkpoint. The facts go in through the ordinary ingest pipeline (lambda/ingest/).
 */
export interface ViewsRebuild {
  status(): Promise<RebuildStatus>;
  /**
   * Starts a new pass from the first article (a deploy), taking it from whoever held one; it may be claimed once
   * `settleMs` have passed (on a table that holds anything), when writers of the previous version are done.
   */
  begin(settleMs: number): Promise<void>;
  /**
   * The pass, held for `holdMs` unless renewed by `checkpoint`; null while another process holds it, before it may
   * start, or once it is complete.
   */
  claim(owner: string, holdMs: number): Promise<RebuildPass | null>;
  articlesToRebuild(after: RebuildPass['after'], limit: number): Promise<ArticlesToRebuild>;
  /** Records the pass's place and renews the hold; throws RebuildClaimLostError when it is no longer this owner's. */
  checkpoint(pass: RebuildPass, holdMs: number): Promise<void>;
  /**
   * One bounded call deleting the precomputed items of the formats before this one, once this one has been complete
   * for a grace period; `remainingMs`: the time the call has left.
   */
  deleteSuperseded(owner: string, remainingMs: () => number): Promise<SupersededDeletion>;
  /** Records this format as complete (only its owner can): from now on nothing rebuilds it again. */
  complete(pass: RebuildPass): Promise<void>;
  release(pass: RebuildPass): Promise<void>;
}

import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { nearDuplicateDetector } from '../articles/fingerprint.js';
import { defaultTopicsConfig } from '../facts/topics.js';
import type { SummaryView } from '../facts/views.js';
import type { TopicLabels } from '../views/update-views.js';
import { applyFacts } from './apply-facts.js';
import { getArticle } from './article-items.js';
import type { RetryOptions } from './batch.js';
import type { RoundsStored } from './ingest-rounds.js';
import type { NearDuplicateDetector } from './near-duplicates.js';
import type { TalksStore } from './ports.js';
import { storeArticles } from './store-articles.js';
import type { StoreContext } from './store-context.js';
import { viewReads } from './view-reads.js';
import { createWriterLease, type WriterLeaseOptions } from './writer-lease.js';

export interface DynamoTalksStoreOptions {
  client: DynamoDBClient;
  tableName: string;
  /** Backoff between retries of unprocessed batch items; injected so tests need not wait. */
  sleep?: (ms: number) => Promise<void>;
  /** Attempts and delays of batch retries. */
  retry?: Omit<RetryOptions, 'sleep'>;
  /** Topics (id and label) in display order, for the summary. @default the topics of config/topics.json */
  topics?: { id: string; label: string }[];
  /** Cross-batch near-duplicate detection. @default the bottom-k keys and sketch of lambda/articles/fingerprint.ts */
  nearDuplicates?: NearDuplicateDetector;
  /** How long a round may hold the writer lease unrenewed, and how long a writer waits for it. @default writer-lease.ts */
  writerLease?: Pick<WriterLeaseOptions, 'leaseMs' | 'waitMs'>;
}

/**
 * The DynamoDB implementation of the store ports (docs/table-design.md). Every storeArticles and applyFacts
 * round runs while holding the table's writer lease (writer-lease.ts): the views are read-merged-written, and
 * DynamoDB offers no multi-item atomicity without transactions, so writers take turns, whichever process
 * they run in.
 */
export function createDynamoTalksStore(opts: DynamoTalksStoreOptions): TalksStore {
  const { client, tableName } = opts;
  const retry: RetryOptions = { ...opts.retry, ...(opts.sleep ? { sleep: opts.sleep } : {}) };
  const topicLabels: TopicLabels = new Map((opts.topics ?? defaultTopicsConfig.topics).map((t) => [t.id, t.label]));
  const ctx: StoreContext = { client, tableName, retry };
  const roundsStored: RoundsStored = new Map();
  const detector = opts.nearDuplicates ?? nearDuplicateDetector;
  const lease = createWriterLease({
    client,
    tableName,
    ...opts.writerLease,
    ...(opts.sleep ? { sleep: opts.sleep } : {}),
  });

  return {
    getArticle: (id) => getArticle(ctx, id),
    storeArticles: (articles, fingerprintOf) =>
      lease.hold((confirmHeld) =>
        storeArticles({ ...ctx, detector, roundsStored }, articles, fingerprintOf, confirmHeld),
      ),
    applyFacts: async (facts, articles, knowledgeAt) => {
      if (facts.length === 0 && articles.length === 0) return;
      await lease.hold((confirmHeld) =>
        applyFacts({ ...ctx, topicLabels, roundsStored }, facts, articles, confirmHeld, knowledgeAt),
      );
    },
    ...viewReads(ctx),
  } satisfies TalksStore & { getSummary(): Promise<SummaryView | null> };
}

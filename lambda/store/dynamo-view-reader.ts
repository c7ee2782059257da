import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { RetryOptions } from './batch.js';
import type { TimelineReader, ViewReader } from './ports.js';
import { viewReads } from './view-reads.js';

/*
 * The read side of the DynamoDB talks store alone, for the Slack function: it answers commands and never
 * writes articles or facts. Importing createDynamoTalksStore instead would load the whole write side with it
 * (the writer lease, merging, view updates, near-duplicate fingerprints, the topics configuration parsed
 * on import), code a cold start would load and never run.
 */

export interface DynamoViewReaderOptions {
  client: DynamoDBClient;
  tableName: string;
  /** Attempts and delays of batch retries (a BatchGetItem's unprocessed keys). */
  retry?: RetryOptions;
}

/** The precomputed views and the timeline of one table, read as createDynamoTalksStore reads them. */
export function createDynamoViewReader(opts: DynamoViewReaderOptions): ViewReader & TimelineReader {
  return viewReads({ client: opts.client, tableName: opts.tableName, retry: opts.retry ?? {} });
}

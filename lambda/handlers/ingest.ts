import { posix } from 'node:path';
import type { Context } from 'aws-lambda';
import * as z from 'zod/mini';
import { nearDuplicateDetector } from '../articles/fingerprint.js';
import type { ArticleInput } from '../articles/read-inputs.js';
import { isSourcesFile, SOURCES_FILE_NAME } from '../articles/sources-file.js';
import { defaultFactExtraction, type FactExtraction, workersFailedLogger } from '../ingest/fact-extraction.js';
import { type IngestReport, ingestInputs } from '../ingest/ingest.js';
import {
  notAnArticle,
  partsBySize,
  SqsEventSchema,
  type SqsMessage,
  type Upload,
  uploadsOf,
} from '../ingest/upload-notifications.js';
import { FACT_CATEGORIES, FACT_CATEGORY_DIMENSION, METRICS, SERVICES } from '../observability/metric-names.js';
import { createTelemetry, type Metrics, MetricUnit, type Telemetry } from '../observability/telemetry.js';
import { mapConcurrently } from '../shared/map-concurrently.js';
import { storeConfig } from '../store/config.js';
import { createDynamoClient } from '../store/dynamo-client.js';
import { createDynamoTalksStore } from '../store/dynamo-talks-store.js';
import { type DynamoUsageMeter, meterDynamoUsage } from '../store/dynamo-usage.js';
import type { TalksStore } from '../store/ports.js';
import {
  type ArticleObjects,
  createS3ArticleObjects,
  ObjectNotFoundError,
  type ObjectRef,
} from '../store/s3-objects.js';

/*
 * SQS → ingest Lambda. S3 queues a notification for each upload under articles/, and Lambda hands this function
 * a batch of them (up to 1,000, lib/constructs/article-ingestion.ts). It reads every uploaded object of the batch,
 * with the sources.json of its folder (if any) so metadata given for the file applies as it does for
 * `talks ingest`, and hands them all to the pipeline in one call: the precomputed items are rewritten once per
 * round of articles, not once per upload. A file the pipeline rejects is logged with the reason and moved under
 * REJECTED_PREFIX, so the uploader can find it and nothing is lost.
 *
 * Failures. A message whose upload could not be read or set aside, or that is not an S3 notification, is named
 * in `batchItemFailures`: SQS delivers it again, the rest of the batch is done. A store failure is thrown, so the
 * whole batch is delivered again: ingest is idempotent. After 5 deliveries a message goes to the dead-letter queue.
 */

const IngestEnvSchema = z.object({
  REJECTED_PREFIX: z.string().check(z.regex(/^[^/].*\/$/, 'REJECTED_PREFIX must be a key prefix ending in "/"')),
});

/** S3 requests in flight at once: the reads of a 1,000-upload batch overlap instead of queueing one by one. */
const S3_CONCURRENCY = 16;

/**
 * Upload bytes held at once. A batch of 1,000 uploads could be 1,000 files at the 5 MB limit; read and
 * ingested in parts of at most this much, it stays within the function's memory (3,538 MB: lib/), since
 * text, its cleaned copies and facts take several times the bytes read.
 */
const DEFAULT_BYTES_PER_PART = 64 * 1024 * 1024;

/** Thrown when the event is not an SQS event: nothing in it can be ingested or handed back. */
export class IngestEventError extends Error {
  override name = 'IngestEventError';
}

export interface IngestHandlerDeps {
  objects: ArticleObjects;
  store: TalksStore;
  /** Where rejected uploads go, e.g. `rejected/`. */
  rejectedPrefix: string;
  /** One log record (in production a Powertools Logger record: JSON, with the request id and cold start). */
  log: (level: 'info' | 'warn' | 'error', message: string, fields: Record<string, unknown>) => void;
  /** Upload bytes read and ingested at once. @default DEFAULT_BYTES_PER_PART */
  bytesPerPart?: number;
  /** Where each invocation's metrics go (lambda/observability/metric-names.ts). @default - none */
  metrics?: Metrics;
  /** Meters the store's DynamoDB client, for the capacity metrics. @default - none */
  dynamoUsage?: DynamoUsageMeter;
  /** @default Date.now */
  now?: () => number;
  /** Where facts are extracted. @default the ingest thread (lambda/ingest/fact-extraction.ts) */
  extraction?: FactExtraction;
}

/** What one invocation did, by object key (and message id for failures): logged for operators. */
export interface IngestOutcome {
  /** Stored as new articles, or merged into an article already stored (duplicates). */
  ingested: string[];
  rejected: { key: string; reason: string; movedTo: string }[];
  /** Not articles to ingest: folder markers, sources.json files, objects gone before they were read. */
  skipped: { key: string; reason: string }[];
  /** Messages handed back to SQS for another delivery, and why. */
  failed: { messageId: string; reason: string }[];
}

/** The partial batch response of an SQS event source with ReportBatchItemFailures (Lambda docs). */
export interface SqsBatchResponse {
  batchItemFailures: { itemIdentifier: string }[];
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** An object's bytes, or why there are none: gone since the event (skipped), or unreadable (retried). */
type ReadResult = { bytes: Uint8Array } | { missing: string } | { unreadable: string };

async function readObject(objects: ArticleObjects, ref: ObjectRef): Promise<ReadResult> {
  try {
    return { bytes: await objects.read(ref) };
  } catch (error) {
    if (error instanceof ObjectNotFoundError) return { missing: error.message };
    return { unreadable: `could not read ${ref.key}: ${describeError(error)}` };
  }
}

/**
 * Reads the uploads and the sources.json of their folders, S3_CONCURRENCY at once. An upload that cannot be read
 * fails its messages, and so does one whose folder's sources.json cannot be read: ingested without it, its
 * article would be stored without the metadata given for it. Objects gone since the event are skipped.
 */
async function readUploads(
  uploads: Upload[],
  objects: ArticleObjects,
  outcome: IngestOutcome,
  /** sources.json reads of this invocation by bucket/key, so a batch read in parts reads each folder's once. */
  sourcesReads: Map<string, Promise<ReadResult>>,
): Promise<{ sourcesFiles: ArticleInput[]; articles: { upload: Upload; bytes: Uint8Array }[] }> {
  const folderOf = ({ bucket, key }: ObjectRef) => `${bucket}/${posix.dirname(key)}`;
  const sourcesRefs = [...new Map(uploads.map(({ ref }) => [folderOf(ref), ref])).values()].map((ref) => ({
    bucket: ref.bucket,
    key: posix.join(posix.dirname(ref.key), SOURCES_FILE_NAME),
  }));
  const refs = [...sourcesRefs, ...uploads.map(({ ref }) => ref)];
  const readSources = (ref: ObjectRef) => {
    const id = `${ref.bucket}/${ref.key}`;
    const read = sourcesReads.get(id) ?? readObject(objects, ref);
    sourcesReads.set(id, read);
    return read;
  };
  // An upload is never a sources.json (those are skipped before reading), so the key tells them apart.
  const results = await mapConcurrently(refs, S3_CONCURRENCY, (ref) =>
    isSourcesFile(ref.key) ? readSources(ref) : readObject(objects, ref),
  );

  const sourcesFiles: ArticleInput[] = [];
  const unreadableFolders = new Map<string, string>();
  sourcesRefs.forEach((ref, index) => {
    const result = results[index] as ReadResult;
    if ('bytes' in result) sourcesFiles.push({ name: ref.key, bytes: result.bytes });
    else if ('unreadable' in result) unreadableFolders.set(folderOf(ref), result.unreadable);
  });
  const articles: { upload: Upload; bytes: Uint8Array }[] = [];
  uploads.forEach((upload, index) => {
    const result = results[sourcesRefs.length + index] as ReadResult;
    const unreadable = unreadableFolders.get(folderOf(upload.ref)) ?? ('unreadable' in result && result.unreadable);
    if (unreadable) failMessages(outcome, upload.messageIds, unreadable);
    else if ('bytes' in result) articles.push({ upload, bytes: result.bytes });
    else if ('missing' in result) outcome.skipped.push({ key: upload.ref.key, reason: result.missing });
  });
  return { sourcesFiles, articles };
}

function failMessages(outcome: IngestOutcome, messageIds: string[], reason: string): void {
  outcome.failed.push(...messageIds.map((messageId) => ({ messageId, reason })));
}

/**
 * Moves rejected uploads under `rejectedPrefix`, S3_CONCURRENCY at once. One that cannot be moved fails its
 * messages: delivered again, it is rejected again and moved then.
 */
async function setAside(
  rejections: { upload: Upload; reason: string }[],
  deps: IngestHandlerDeps,
  outcome: IngestOutcome,
): Promise<void> {
  const { objects, rejectedPrefix, log } = deps;
  const moves = await mapConcurrently(rejections, S3_CONCURRENCY, async ({ upload }) => {
    try {
      return { movedTo: await objects.moveUnder(upload.ref, rejectedPrefix) };
    } catch (error) {
      return { unmoved: `could not move ${upload.ref.key} under ${rejectedPrefix}: ${describeError(error)}` };
    }
  });
  rejections.forEach(({ upload, reason }, index) => {
    const move = moves[index] as { movedTo: string } | { unmoved: string };
    const { bucket, key } = upload.ref;
    if ('unmoved' in move) {
      failMessages(outcome, upload.messageIds, move.unmoved);
    } else {
      outcome.rejected.push({ key, reason, movedTo: move.movedTo });
      log('warn', 'Rejected an uploaded file', { bucket, key, reason, movedTo: move.movedTo });
    }
  });
}

/** What the pipeline did over an invocation's parts, for its metrics. */
interface PipelineTotals {
  articles: number;
  ms: number;
  stored: number;
  merged: number;
  facts: IngestReport['factsExtracted'];
}

/** The invocation's metrics (names in lambda/observability/metric-names.ts), published as one EMF record. */
function publishMetrics(
  deps: IngestHandlerDeps,
  records: SqsMessage[],
  outcome: IngestOutcome,
  totals: PipelineTotals,
): void {
  const { metrics, dynamoUsage } = deps;
  if (!metrics) return;
  metrics.addMetric(METRICS.articlesStored, MetricUnit.Count, totals.stored);
  metrics.addMetric(METRICS.articlesMerged, MetricUnit.Count, totals.merged);
  metrics.addMetric(METRICS.articlesRejected, MetricUnit.Count, outcome.rejected.length);
  if (totals.articles > 0) {
    metrics.addMetric(METRICS.ingestTimePerArticle, MetricUnit.Milliseconds, totals.ms / totals.articles);
  }
  const sentAt = records.flatMap((r) => (r.attributes?.SentTimestamp ? [Number(r.attributes.SentTimestamp)] : []));
  if (sentAt.length > 0) {
    const now = (deps.now ?? Date.now)();
    metrics.addMetric(METRICS.uploadAge, MetricUnit.Seconds, Math.max(0, now - Math.min(...sentAt)) / 1000);
  }
  const usage = dynamoUsage?.usage();
  if (usage) {
    metrics.addMetric(METRICS.ingestReadUnits, MetricUnit.Count, usage.readUnits);
    metrics.addMetric(METRICS.ingestWriteUnits, MetricUnit.Count, usage.writeUnits);
  }
  metrics.publishStoredMetrics();
  // Facts by category: one record each, as a metric has one set of dimensions a record.
  for (const category of FACT_CATEGORIES) {
    const byCategory = metrics.singleMetric();
    byCategory.addDimension(FACT_CATEGORY_DIMENSION, category);
    byCategory.addMetric(METRICS.factsExtracted, MetricUnit.Count, totals.facts[category]);
  }
}

/** Builds the handler from its dependencies; `deps` is called once, on the first event. */
export function createIngestHandler(deps: () => IngestHandlerDeps): (event: unknown) => Promise<SqsBatchResponse> {
  let resolved: IngestHandlerDeps | undefined;
  return async (event) => {
    resolved ??= deps();
    const { objects, store, rejectedPrefix, log } = resolved;
    const parsed = SqsEventSchema.safeParse(event);
    if (!parsed.success) throw new IngestEventError(`Not an SQS event:\n${z.prettifyError(parsed.error)}`);
    const outcome: IngestOutcome = { ingested: [], rejected: [], skipped: [], failed: [] };
    const totals: PipelineTotals = {
      articles: 0,
      ms: 0,
      stored: 0,
      merged: 0,
      facts: { statements: 0, guarantors: 0, positions: 0, mentions: 0 },
    };
    resolved.dynamoUsage?.reset();

    const rejections: { upload: Upload; reason: string }[] = [];
    const toRead: Upload[] = [];
    const { uploads, malformed, testMessageIds } = uploadsOf(parsed.data.Records);
    outcome.failed.push(...malformed);
    for (const messageId of testMessageIds) {
      log('info', 'Skipped the test message S3 sends when a notification is set up', { messageId });
    }
    for (const upload of uploads) {
      const verdict = notAnArticle(upload, rejectedPrefix);
      if (verdict === null) toRead.push(upload);
      else if ('skip' in verdict) outcome.skipped.push({ key: upload.ref.key, reason: verdict.skip });
      else rejections.push({ upload, reason: verdict.reject });
    }

    // One pipeline call per part (the whole batch, unless it is large), so rounds are as large as the pipeline
    // makes them. A store failure is thrown: SQS delivers the whole batch again, and ingest is idempotent.
    const sourcesReads = new Map<string, Promise<ReadResult>>();
    for (const part of partsBySize(toRead, resolved.bytesPerPart ?? DEFAULT_BYTES_PER_PART)) {
      const { sourcesFiles, articles } = await readUploads(part, objects, outcome, sourcesReads);
      if (articles.length === 0) continue;
      const inputs = [...sourcesFiles, ...articles.map(({ upload, bytes }) => ({ name: upload.ref.key, bytes }))];
      const start = performance.now();
      const report = await ingestInputs(inputs, store, resolved.extraction ? { extraction: resolved.extraction } : {});
      totals.ms += performance.now() - start;
      totals.articles += articles.length;
      totals.stored += report.stored.length;
      totals.merged += report.duplicates.length;
      for (const category of FACT_CATEGORIES) totals.facts[category] += report.factsExtracted[category];
      const rejectedReasons = new Map<string, string>();
      for (const { file, reason } of report.rejected) {
        if (isSourcesFile(file)) log('warn', 'Problem in a sources.json file', { key: file, reason });
        else rejectedReasons.set(file, reason);
      }
      for (const { upload } of articles) {
        const reason = rejectedReasons.get(upload.ref.key);
        if (reason === undefined) outcome.ingested.push(upload.ref.key);
        else rejections.push({ upload, reason });
      }
    }
    await setAside(rejections, resolved, outcome);

    for (const failure of outcome.failed) log('error', 'A message will be delivered again', failure);
    log('info', 'Ingest finished', { ...outcome });
    publishMetrics(resolved, parsed.data.Records, outcome, totals);
    const failedIds = new Set(outcome.failed.map(({ messageId }) => messageId));
    return { batchItemFailures: [...failedIds].map((itemIdentifier) => ({ itemIdentifier })) };
  };
}

function productionDeps({ logger, metrics }: Telemetry): IngestHandlerDeps {
  const { tableName, endpoint, region } = storeConfig();
  const { REJECTED_PREFIX } = IngestEnvSchema.parse(process.env);
  const client = createDynamoClient({ endpoint, region });
  return {
    objects: createS3ArticleObjects(),
    store: createDynamoTalksStore({
      client,
      tableName,
      // As the CLI's store does (lambda/cli/local-store.ts): a re-worded copy of a stored article is merged.
      nearDuplicates: nearDuplicateDetector,
    }),
    rejectedPrefix: REJECTED_PREFIX,
    log: (level, message, fields) => logger[level](message, fields),
    metrics,
    dynamoUsage: meterDynamoUsage(client),
    // Worker threads on the function's second vCPU (lib/constructs/article-ingestion.ts sizes it for two).
    extraction: defaultFactExtraction({ onWorkersFailed: workersFailedLogger(logger) }),
  };
}

const telemetry = createTelemetry(SERVICES.ingest);
const ingest = createIngestHandler(() => productionDeps(telemetry));

/** The Lambda entry point. Clients are created on the first event and reused for the container's life. */
export async function handler(event: unknown, context: Context): Promise<SqsBatchResponse> {
  telemetry.logger.addContext(context);
  telemetry.metrics.captureColdStartMetric();
  return ingest(event);
}

import {
  type AttributeValue,
  BatchGetItemCommand,
  BatchWriteItemCommand,
  type BatchWriteItemCommandOutput,
  type DynamoDBClient,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { mapConcurrently } from '../shared/map-concurrently.js';

/*
 * Batch reads and writes with DynamoDB's limits (100 keys / 16 MB per BatchGetItem, 25 requests per
 * BatchWriteItem) and its partial-success contract: a batch call may succeed while leaving some items
 * unprocessed (throttling, size), which must be retried, with backoff, or reported: never dropped.
 */

export type Key = Record<string, AttributeValue>;
export type Item = Record<string, AttributeValue>;

/** Thrown when items stay unprocessed after every retry; names what was not written. */
export class StoreWriteError extends Error {
  override name = 'StoreWriteError';
  constructor(
    message: string,
    /** `pk/sk` of every item that was not written. */
    readonly unwrittenKeys: string[],
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Thrown when keys stay unprocessed after every retry of a batch read. */
export class StoreReadError extends Error {
  override name = 'StoreReadError';
}

export interface RetryOptions {
  /** How many times one batch is sent at most. @default 8 */
  maxAttempts?: number;
  /** First backoff in ms, doubled each attempt, with full jitter. @default 50 */
  baseDelayMs?: number;
  /** Batch requests in flight at once. @default 8 */
  concurrency?: number;
  /** Injected so tests need not wait. @default setTimeout */
  sleep?: (ms: number) => Promise<void>;
  /** Injected so tests can pin the jitter. @default Math.random */
  random?: () => number;
}

const MAX_WRITES_PER_REQUEST = 25;
const MAX_KEYS_PER_REQUEST = 100;
/**
 * A round trip to DynamoDB takes milliseconds whatever the batch, so an ingest round of a few hundred
 * items is bound by latency if its batches go one after another. Eight at once keeps a single writer far
 * below a table's throughput while hiding most of that latency.
 */
const DEFAULT_CONCURRENCY = 8;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function backoff(attempt: number, opts: RetryOptions): number {
  const base = opts.baseDelayMs ?? 50;
  // "Full jitter" (AWS Architecture Blog, Exponential Backoff and Jitter): spreads retries of parallel writers.
  return Math.round((opts.random ?? Math.random)() * base * 2 ** attempt);
}

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

function describeKey(item: Item | undefined): string {
  return `${item?.pk?.S ?? '?'}/${item?.sk?.S ?? '?'}`;
}

function keyOfRequest(request: WriteRequest): string {
  return describeKey(request.PutRequest?.Item ?? request.DeleteRequest?.Key);
}

/** One batch that could not be written: what is left of it, and why. */
class BatchWriteFailure extends Error {
  constructor(
    readonly pending: WriteRequest[],
    readonly reason: string,
    options?: ErrorOptions,
  ) {
    super(reason, options);
  }
}

/**
 * Writes every request, 25 per BatchWriteItem and several BatchWriteItems at once, retrying unprocessed
 * items with exponential backoff and jitter; throws a `StoreWriteError` naming every item not written
 * (those left by a failed batch and those of batches never sent). Of two requests for one key, the later
 * is sent. A caller that needs one write to land before another makes two calls.
 */
export async function batchWriteAll(
  client: DynamoDBClient,
  tableName: string,
  requests: WriteRequest[],
  opts: RetryOptions = {},
): Promise<void> {
  const maxAttempts = opts.maxAttempts ?? 8;
  const sleep = opts.sleep ?? defaultSleep;
  // DynamoDB rejects a whole BatchWriteItem that names one key twice; the later request wins, as in order.
  const unique = [...new Map(requests.map((r) => [keyOfRequest(r), r])).values()];

  const writeBatch = async (batch: WriteRequest[]) => {
    let pending = batch;
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= maxAttempts) {
        throw new BatchWriteFailure(
          pending,
          `${pending.length} item(s) still unprocessed after ${maxAttempts} attempts`,
        );
      }
      if (attempt > 0) await sleep(backoff(attempt, opts));
      let response: BatchWriteItemCommandOutput;
      try {
        response = await client.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: pending } }));
      } catch (error) {
        // The SDK has already retried throttling with its own backoff; past that, say what was not written.
        const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        throw new BatchWriteFailure(pending, `BatchWriteItem failed (${reason})`, { cause: error });
      }
      pending = response.UnprocessedItems?.[tableName] ?? [];
    }
  };

  const failures: unknown[] = [];
  // After a failure no further batch is sent: the caller learns of it sooner, with fewer writes left to redo.
  const notSent = await mapConcurrently(
    chunk(unique, MAX_WRITES_PER_REQUEST),
    opts.concurrency ?? DEFAULT_CONCURRENCY,
    async (batch) => {
      if (failures.length > 0) return batch;
      await writeBatch(batch).catch((error: unknown) => failures.push(error));
      return [];
    },
  );
  const [first] = failures;
  if (first === undefined) return;
  if (!(first instanceof BatchWriteFailure)) throw first;
  const keys = [...failures.flatMap((f) => (f instanceof BatchWriteFailure ? f.pending : [])), ...notSent.flat()].map(
    keyOfRequest,
  );
  throw new StoreWriteError(`${first.reason}; not written: ${keys.join(', ')}`, keys, { cause: first.cause });
}

/**
 * Reads every key, 100 per BatchGetItem and several BatchGetItems at once, retrying unprocessed keys
 * (DynamoDB returns them when a response would pass 16 MB or the table is throttled). Returns the items
 * found, keyed by `pk/sk`. Reads are strongly consistent, as a writer's must be, unless `consistent` is false
 * (a command: half the read units).
 */
export async function batchGetAll(
  client: DynamoDBClient,
  tableName: string,
  keys: Key[],
  opts: RetryOptions & { consistent?: boolean } = {},
): Promise<Map<string, Item>> {
  const maxAttempts = opts.maxAttempts ?? 8;
  const sleep = opts.sleep ?? defaultSleep;
  const found = new Map<string, Item>();
  const unique = [...new Map(keys.map((k) => [describeKey(k), k])).values()];

  const readBatch = async (batch: Key[]) => {
    let pending = batch;
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= maxAttempts) {
        throw new StoreReadError(`${pending.length} key(s) still unprocessed after ${maxAttempts} attempts`);
      }
      if (attempt > 0) await sleep(backoff(attempt, opts));
      const { Responses, UnprocessedKeys } = await client.send(
        new BatchGetItemCommand({
          RequestItems: { [tableName]: { Keys: pending, ConsistentRead: opts.consistent ?? true } },
        }),
      );
      for (const item of Responses?.[tableName] ?? []) found.set(describeKey(item), item);
      pending = UnprocessedKeys?.[tableName]?.Keys ?? [];
    }
  };

  let failure: unknown;
  await mapConcurrently(chunk(unique, MAX_KEYS_PER_REQUEST), opts.concurrency ?? DEFAULT_CONCURRENCY, async (batch) => {
    if (failure === undefined) await readBatch(batch).catch((error: unknown) => (failure ??= error));
  });
  if (failure !== undefined) throw failure;
  return found;
}

/** `pk/sk` of a key or item, the form `batchGetAll` indexes its results by. */
export function keyId(pk: string, sk: string): string {
  return `${pk}/${sk}`;
}

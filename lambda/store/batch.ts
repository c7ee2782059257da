import {
  type AttributeValue,
  BatchGetItemCommand,
  BatchWriteItemCommand,
  type BatchWriteItemCommandOutput,
  type DynamoDBClient,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';

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
  /** Injected so tests need not wait. @default setTimeout */
  sleep?: (ms: number) => Promise<void>;
  /** Injected so tests can pin the jitter. @default Math.random */
  random?: () => number;
}

const MAX_WRITES_PER_REQUEST = 25;
const MAX_KEYS_PER_REQUEST = 100;

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

/**
 * Writes every request, 25 per BatchWriteItem, retrying unprocessed items with exponential backoff and
 * jitter; throws a `StoreWriteError` naming the items still unwritten after `maxAttempts`. Of two
 * requests for one key, the later is sent.
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
  const batches = chunk(unique, MAX_WRITES_PER_REQUEST);
  for (const [n, batch] of batches.entries()) {
    let pending = batch;
    const unwritten = () => [...pending, ...batches.slice(n + 1).flat()].map(keyOfRequest);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= maxAttempts) {
        const keys = unwritten();
        throw new StoreWriteError(
          `${pending.length} item(s) still unprocessed after ${maxAttempts} attempts; not written: ${keys.join(', ')}`,
          keys,
        );
      }
      if (attempt > 0) await sleep(backoff(attempt, opts));
      let response: BatchWriteItemCommandOutput;
      try {
        response = await client.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: pending } }));
      } catch (error) {
        // The SDK has already retried throttling with its own backoff; past that, say what was not written.
        const keys = unwritten();
        const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        throw new StoreWriteError(`BatchWriteItem failed (${reason}); not written: ${keys.join(', ')}`, keys, {
          cause: error,
        });
      }
      pending = response.UnprocessedItems?.[tableName] ?? [];
    }
  }
}

/**
 * Reads every key, 100 per BatchGetItem, retrying unprocessed keys (DynamoDB returns them when a
 * response would pass 16 MB or the table is throttled). Returns the items found, keyed by `pk/sk`.
 */
export async function batchGetAll(
  client: DynamoDBClient,
  tableName: string,
  keys: Key[],
  opts: RetryOptions = {},
): Promise<Map<string, Item>> {
  const maxAttempts = opts.maxAttempts ?? 8;
  const sleep = opts.sleep ?? defaultSleep;
  const found = new Map<string, Item>();
  const unique = [...new Map(keys.map((k) => [describeKey(k), k])).values()];
  for (const batch of chunk(unique, MAX_KEYS_PER_REQUEST)) {
    let pending = batch;
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= maxAttempts) {
        throw new StoreReadError(`${pending.length} key(s) still unprocessed after ${maxAttempts} attempts`);
      }
      if (attempt > 0) await sleep(backoff(attempt, opts));
      const { Responses, UnprocessedKeys } = await client.send(
        new BatchGetItemCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: true } } }),
      );
      for (const item of Responses?.[tableName] ?? []) found.set(describeKey(item), item);
      pending = UnprocessedKeys?.[tableName]?.Keys ?? [];
    }
  }
  return found;
}

/** `pk/sk` of a key or item, the form `batchGetAll` indexes its results by. */
export function keyId(pk: string, sk: string): string {
  return `${pk}/${sk}`;
}

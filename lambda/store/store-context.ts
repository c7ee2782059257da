import { type DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import type * as z from 'zod/mini';
import { batchWriteAll, keyId, type RetryOptions } from './batch.js';
import { decodePayload, type Item, toKey } from './items.js';
import type { ItemKey } from './keys.js';

/*
 * What every part of the DynamoDB talks store shares: the table it speaks to, the retries of its batches, and
 * the single-item reads and batched puts the read and write sides both use.
 */

export interface StoreContext {
  client: DynamoDBClient;
  tableName: string;
  retry: RetryOptions;
}

/** `consistent` for a writer's reads: the writer before it may have written a second ago. */
export async function getItem(
  { client, tableName }: StoreContext,
  key: ItemKey,
  consistent = false,
): Promise<Item | null> {
  const { Item } = await client.send(
    new GetItemCommand({ TableName: tableName, Key: toKey(key), ...(consistent ? { ConsistentRead: true } : {}) }),
  );
  return Item ?? null;
}

export async function readView<S extends z.ZodMiniType>(
  ctx: StoreContext,
  key: ItemKey,
  schema: S,
  consistent = false,
): Promise<z.infer<S> | null> {
  const item = await getItem(ctx, key, consistent);
  return item ? decodePayload(item, schema) : null;
}

export function putAll({ client, tableName, retry }: StoreContext, items: Item[]): Promise<void> {
  return batchWriteAll(
    client,
    tableName,
    items.map((Item) => ({ PutRequest: { Item } })),
    retry,
  );
}

export function keyOf({ pk, sk }: ItemKey): string {
  return keyId(pk, sk);
}

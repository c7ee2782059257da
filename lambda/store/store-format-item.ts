import {
  type AttributeValue,
  ConditionalCheckFailedException,
  type DynamoDBClient,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { type Item, toKey } from './items.js';
import { keys } from './keys.js';

/*
 * The writes of the table's `STORE`/`FORMAT` item, shared by the rebuild of a new format (store-rebuild.ts) and the
 * deletion of earlier formats' items (superseded-items.ts): both hold it by the same claim, its `owner` and
 * `expiresAt`, so that one process at a time scans the table.
 */

/** A claim that may be taken: never held, or its holder stopped renewing it. Needs `:now`. */
export const CLAIM_IS_FREE = '(attribute_not_exists(#owner) OR expiresAt < :now)';

/** The item's reserved-word attributes, named as the expressions above and below spell them. */
const NAMES = { '#owner': 'owner', '#format': 'format' };

/**
 * An UpdateItem of `STORE`/`FORMAT` under a condition: the item as it was before (empty when it did not exist), or
 * null when the condition failed.
 */
export async function updateStoreFormatItem(
  client: DynamoDBClient,
  tableName: string,
  update: { expression: string; condition: string; values: Record<string, AttributeValue> },
): Promise<Item | null> {
  const used = Object.entries(NAMES).filter(([name]) => `${update.expression} ${update.condition}`.includes(name));
  try {
    const { Attributes } = await client.send(
      new UpdateItemCommand({
        TableName: tableName,
        Key: toKey(keys.storeFormat()),
        UpdateExpression: update.expression,
        ConditionExpression: update.condition,
        ...(used.length ? { ExpressionAttributeNames: Object.fromEntries(used) } : {}),
        ExpressionAttributeValues: update.values,
        ReturnValues: 'ALL_OLD',
      }),
    );
    return Attributes ?? {};
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return null;
    throw error;
  }
}

/**
 * An update of `STORE`/`FORMAT` only the claim's holder may make (a checkpoint, a release, the end); throws
 * `lost()` when another process holds it now, or nobody does (a deploy began a new pass, which takes it).
 */
export async function updateAsHolder(
  client: DynamoDBClient,
  tableName: string,
  owner: string,
  update: { expression: string; values: Record<string, AttributeValue>; lost: () => Error },
): Promise<void> {
  const held = await updateStoreFormatItem(client, tableName, {
    expression: update.expression,
    condition: '#owner = :owner',
    values: { ':owner': { S: owner }, ...update.values },
  });
  if (!held) throw update.lost();
}

import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { z } from 'zod/mini';
import type { ItemKey } from './keys.js';

/*
 * Item encoding. Every item is `pk`, `sk` and a JSON `payload` string (body chunks: a `body` string).
 * JSON in one attribute instead of a native map: no marshalling library in the bundle, the stored size
 * is the string's size (so byte budgets are exact), and one zod parse validates the whole item on read.
 */

export type Item = Record<string, AttributeValue>;

/** Thrown when a stored item does not match its schema: named, instead of a crash deep in rendering. */
export class StoreItemError extends Error {
  override name = 'StoreItemError';
}

export function toKey({ pk, sk }: ItemKey): Item {
  return { pk: { S: pk }, sk: { S: sk } };
}

export function payloadItem(key: ItemKey, payload: unknown, extra: Record<string, string> = {}): Item {
  const item: Item = { ...toKey(key), payload: { S: JSON.stringify(payload) } };
  for (const [name, value] of Object.entries(extra)) item[name] = { S: value };
  return item;
}

function describe(item: Item): string {
  return `${item.pk?.S ?? '?'}/${item.sk?.S ?? '?'}`;
}

/** Parses a JSON string attribute and validates it; throws a `StoreItemError` naming the item. */
export function decodeAttribute<S extends z.ZodMiniType>(item: Item, attribute: string, schema: S): z.infer<S> {
  const raw = item[attribute]?.S;
  if (raw === undefined) throw new StoreItemError(`Corrupt item ${describe(item)}: no "${attribute}" string`);
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new StoreItemError(`Corrupt item ${describe(item)}: "${attribute}" is not JSON`, { cause: error });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new StoreItemError(`Corrupt item ${describe(item)}:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

export function decodePayload<S extends z.ZodMiniType>(item: Item, schema: S): z.infer<S> {
  return decodeAttribute(item, 'payload', schema);
}

import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import * as z from 'zod/mini';
import type { ItemKey } from './keys.js';

/*
 * Item encoding. Every item is `pk`, `sk` and a `payload`: JSON, deflated, as a binary attribute (body
 * chunks: a plain `body` string). One attribute instead of a native map: no marshalling library in the
 * bundle, and one zod parse validates the whole item on read. Deflated because the views are repetitive
 * text (~5x smaller): a command's GetItem moves less, and a binary attribute travels base64-encoded
 * instead of JSON-escaped inside DynamoDB's JSON protocol, which costs more to write than to inflate.
 */

export type Item = Record<string, AttributeValue>;

/** Thrown when a stored item does not match its schema: named, instead of a crash deep in rendering. */
export class StoreItemError extends Error {
  override name = 'StoreItemError';
}

/**
 * Thrown when stored items are missing or unreadable where others say they should be (an article's body
 * chunk): damage, not another version's format.
 */
export class DamagedItemError extends StoreItemError {
  override name = 'DamagedItemError';
}

export function toKey({ pk, sk }: ItemKey): Item {
  return { pk: { S: pk }, sk: { S: sk } };
}

/** Deflated JSON. Level 1: ingest writes far more bytes than it saves by compressing harder. */
export function encodePayload(payload: unknown): Uint8Array {
  return deflateJson(JSON.stringify(payload));
}

function deflateJson(json: string): Uint8Array {
  return deflateRawSync(json, { level: 1 });
}

export function payloadItem(key: ItemKey, payload: unknown, extra: Record<string, string> = {}): Item {
  return jsonPayloadItem(key, JSON.stringify(payload), extra);
}

/** `payloadItem` of a payload already serialised: a caller that compares JSON before writing serialises once. */
export function jsonPayloadItem(key: ItemKey, json: string, extra: Record<string, string> = {}): Item {
  const item: Item = { ...toKey(key), payload: { B: deflateJson(json) } };
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
  return parseJson(item, attribute, raw, schema);
}

/** Inflates, parses and validates an item's payload; throws a `StoreItemError` naming the item. */
export function decodePayload<S extends z.ZodMiniType>(item: Item, schema: S): z.infer<S> {
  return decodePayloadJson(item, payloadJson(item), schema);
}

/** Parses and validates the JSON that `payloadJson` gave for `item`. */
export function decodePayloadJson<S extends z.ZodMiniType>(item: Item, json: string, schema: S): z.infer<S> {
  return parseJson(item, 'payload', json, schema);
}

/** An item's payload as the JSON text it was written from; throws a `StoreItemError` naming the item. */
export function payloadJson(item: Item): string {
  const raw = item.payload?.B;
  if (raw === undefined) throw new StoreItemError(`Corrupt item ${describe(item)}: no binary "payload"`);
  try {
    return inflateRawSync(raw).toString('utf8');
  } catch (error) {
    throw new StoreItemError(`Corrupt item ${describe(item)}: "payload" does not inflate`, { cause: error });
  }
}

function parseJson<S extends z.ZodMiniType>(item: Item, attribute: string, raw: string, schema: S): z.infer<S> {
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

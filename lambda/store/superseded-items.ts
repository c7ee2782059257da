import {
  type AttributeValue,
  ConditionalCheckFailedException,
  DeleteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  ScanCommand,
} from '@aws-sdk/client-dynamodb';
import * as z from 'zod/mini';
import { mapConcurrently } from '../shared/map-concurrently.js';
import { type Item, toKey } from './items.js';
import { keys, VIEWS_PREFIX } from './keys.js';
import type { SupersededDeletion } from './ports.js';
import { STORE_FORMAT } from './store-format.js';
import { CLAIM_IS_FREE, updateAsHolder, updateStoreFormatItem } from './store-format-item.js';

/*
 * Deleting the precomputed items of the formats before this one, once this format's are complete
 * (docs/table-design.md, "Deleting a superseded format's items"). A rebuild (store-rebuild.ts) leaves the previous
 * format's items in place, because the previous version reads them until the deploy has updated every reader, and
 * again if the deploy rolls back. So the clean-up waits a grace period after the format was recorded complete, and:
 * - deletes only items whose key names another format: `F<n>#…` keys of formats from 9 on, and the unprefixed
 *   precomputed keys of formats up to 8 (`VIEW#…`, `SPEAKER#…`, an article's `INDEXED` marker). Articles, their
 *   near-duplicate bands, flags, the lease and `STORE`/`FORMAT` are shared by every format and never match;
 * - deletes each with a condition that the key is not this format's and that the item is still the one the scan
 *   read (its payload): an item rewritten since is left, and no request can delete a current-format item;
 * - runs as one holder at a time, by the same claim as the rebuild (`owner`, `expiresAt`), only while no pass is
 *   pending, so a deploy that begins a new pass takes the claim away and the clean-up stops at its next step;
 * - is bounded per call (items deleted, time left) and checkpointed in `STORE`/`FORMAT` (`cleanup`: where the scan
 *   stopped), so the next call goes on; the end of the scan records `cleanedFormat`, after which calls read one item.
 */

/** The last store format whose precomputed items had no format prefix (store-format.ts: 9 introduced it). */
const LAST_UNPREFIXED_FORMAT = 8;

/** The partitions formats up to 8 kept their precomputed items in: today's keys without the prefix. */
const UNPREFIXED_PRECOMPUTED = ['VIEW#', 'SPEAKER#', 'TOPIC#', 'NAME#', 'TIMELINE#', 'ROUND#'];
const UNPREFIXED_NEWS_PARTITION = 'NEWS';

const FORMAT_PREFIX = /^F(\d+)#/u;

/**
 * The store format whose precomputed item has this key, or null for an item every format shares (an article, its
 * body, a near-duplicate band, the flags, the lease, the store format). Formats up to 8 answer 8.
 */
export function formatOfKey(pk: string, sk: string): number | null {
  const prefixed = FORMAT_PREFIX.exec(pk) ?? (pk.startsWith('ARTICLE#') ? FORMAT_PREFIX.exec(sk) : null);
  if (prefixed) return Number(prefixed[1]);
  if (pk.startsWith('ARTICLE#')) return sk === 'INDEXED' ? LAST_UNPREFIXED_FORMAT : null;
  if (pk === UNPREFIXED_NEWS_PARTITION || UNPREFIXED_PRECOMPUTED.some((prefix) => pk.startsWith(prefix)))
    return LAST_UNPREFIXED_FORMAT;
  return null;
}

/**
 * Whether an item is a precomputed item of a format before this one. A later format's items are never: they may be
 * a pass a newer version is running, or will run again after a rollback to this one.
 */
export function isSupersededKey(pk: string, sk: string): boolean {
  const format = formatOfKey(pk, sk);
  return format !== null && format < STORE_FORMAT;
}

const CleanUpProgressSchema = z.object({
  format: z.number(),
  /** Where the scan stopped: the key of the last item it went over. */
  after: z.optional(z.object({ pk: z.string(), sk: z.string() })),
  deleted: z.number(),
});
type CleanUpProgress = z.infer<typeof CleanUpProgressSchema>;

/** Thrown when a deploy began a new pass (or another process took the deletion over): this one stops, its work is kept. */
export class DeletionClaimLostError extends Error {
  override name = 'DeletionClaimLostError';
}

export interface CleanUpOptions {
  client: DynamoDBClient;
  tableName: string;
  owner: string;
  /** How long after the format was recorded complete the previous format's items stay. */
  graceMs: number;
  /** Items a call deletes at most. */
  maxDeletes: number;
  /** Milliseconds the call has left; no scan page is begun with less than `reserveMs`. */
  remainingMs: () => number;
  reserveMs: number;
  /** How long the claim holds without a checkpoint. */
  holdMs: number;
  /** @default Date.now */
  now?: () => number;
}

/** Items a Scan page evaluates at most (its 1 MB cap may stop it first). */
const SCAN_PAGE_ITEMS = 1000;
/** Deletes in flight at once: one conditional DeleteItem an item, since BatchWriteItem takes no condition. */
const DELETES_AT_ONCE = 8;

/** One call of the clean-up: see the module header. */
export async function cleanUpSupersededItems(opts: CleanUpOptions): Promise<SupersededDeletion> {
  const { client, tableName, owner } = opts;
  const now = opts.now ?? Date.now;
  const Key = toKey(keys.storeFormat());
  const result: SupersededDeletion = { state: 'not-complete', deleted: 0, changed: 0 };
  const current = { N: String(STORE_FORMAT) };

  const { Item } = await client.send(new GetItemCommand({ TableName: tableName, Key, ConsistentRead: true }));
  if (Item?.format?.N !== current.N || Item.passFormat !== undefined) return result;
  if (Item.cleanedFormat?.N === current.N) return { ...result, state: 'done' };
  if (Item.completedAt?.N === undefined) {
    // Completed by a version that did not record when: the grace period starts now.
    await updateStoreFormatItem(client, tableName, {
      expression: 'SET completedAt = if_not_exists(completedAt, :now)',
      condition: '#format = :format AND attribute_not_exists(passFormat)',
      values: { ':format': current, ':now': { N: String(now()) } },
    });
    return { ...result, state: 'waiting' };
  }
  if (Number(Item.completedAt.N) + opts.graceMs > now()) return { ...result, state: 'waiting' };

  const claimed = await claim();
  if (!claimed) return { ...result, state: 'busy' };
  const progress = claimed;
  let start: Item | undefined = progress.after ? toKey(progress.after) : undefined;
  let finished = false;
  while (!finished && opts.remainingMs() >= opts.reserveMs && result.deleted < opts.maxDeletes) {
    const page = await client.send(
      new ScanCommand({
        TableName: tableName,
        ConsistentRead: true,
        Limit: SCAN_PAGE_ITEMS,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    start = page.LastEvaluatedKey;
    let superseded = (page.Items ?? []).filter((item) => isSupersededKey(item.pk?.S ?? '', item.sk?.S ?? ''));
    const room = opts.maxDeletes - result.deleted;
    if (superseded.length > room) {
      // A Scan goes on after any key: the page is cut after the last item this call may delete.
      superseded = superseded.slice(0, room);
      const last = superseded.at(-1) as Item;
      start = { pk: last.pk ?? { S: '' }, sk: last.sk ?? { S: '' } };
    }
    const deleted = await mapConcurrently(superseded, DELETES_AT_ONCE, deleteUnchanged);
    const count = deleted.filter(Boolean).length;
    result.deleted += count;
    result.changed += deleted.length - count;
    progress.deleted += count;
    finished = start === undefined;
    progress.after = start ? { pk: start.pk?.S ?? '', sk: start.sk?.S ?? '' } : undefined;
    await owned('SET cleanup = :progress, expiresAt = :until', {
      ':progress': { S: JSON.stringify(progress) },
      ':until': { N: String(now() + opts.holdMs) },
    });
  }

  if (!finished) {
    await owned('REMOVE #owner, expiresAt', {});
    return { ...result, state: 'continuing' };
  }
  await owned('SET cleanedFormat = :format REMOVE cleanup, #owner, expiresAt', { ':format': current });
  return { ...result, state: 'done' };

  /** The claim, as the rebuild's, on a complete format past its grace period; null when held or no longer so. */
  async function claim(): Promise<CleanUpProgress | null> {
    const at = now();
    const held = await updateStoreFormatItem(client, tableName, {
      expression: 'SET #owner = :owner, expiresAt = :until',
      condition: `${CLAIM_IS_FREE} AND #format = :format AND attribute_not_exists(passFormat) AND completedAt <= :cutoff`,
      values: {
        ':owner': { S: owner },
        ':until': { N: String(at + opts.holdMs) },
        ':now': { N: String(at) },
        ':format': current,
        ':cutoff': { N: String(at - opts.graceMs) },
      },
    });
    if (!held) return null;
    const raw = held.cleanup?.S;
    const parsed = raw === undefined ? undefined : CleanUpProgressSchema.safeParse(JSON.parse(raw));
    return parsed?.success && parsed.data.format === STORE_FORMAT ? parsed.data : { format: STORE_FORMAT, deleted: 0 };
  }

  /** Deletes an item unless it is this format's or changed since the scan read it; false when left. */
  async function deleteUnchanged(item: Item): Promise<boolean> {
    const unchanged = item.payload ? 'payload = :payload' : 'attribute_not_exists(payload)';
    try {
      await client.send(
        new DeleteItemCommand({
          TableName: tableName,
          Key: { pk: item.pk ?? { S: '' }, sk: item.sk ?? { S: '' } },
          ConditionExpression: `NOT begins_with(pk, :current) AND NOT begins_with(sk, :current) AND ${unchanged}`,
          ExpressionAttributeValues: {
            ':current': { S: VIEWS_PREFIX },
            ...(item.payload ? { ':payload': item.payload } : {}),
          },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  /** An update only the claim's owner may make: a deploy that began a new pass took it, and the deletion stops. */
  async function owned(expression: string, values: Record<string, AttributeValue>) {
    await updateAsHolder(client, tableName, owner, {
      expression,
      values,
      lost: () =>
        new DeletionClaimLostError(
          'A deploy began a new pass (or another process took the deletion over); this one stopped.',
        ),
    });
  }
}

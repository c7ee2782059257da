import {
  type AttributeValue,
  type DynamoDBClient,
  GetItemCommand,
  ScanCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import * as z from 'zod/mini';
import type { Article } from '../articles/article.js';
import { mapConcurrently } from '../shared/map-concurrently.js';
import { ArticleMetaSchema, getArticle } from './article-items.js';
import { batchGetAll, type RetryOptions } from './batch.js';
import { BODY_CHUNK_UNITS } from './body-chunks.js';
import { readRounds } from './ingest-rounds.js';
import { DamagedItemError, decodePayload, type Item, StoreItemError, toKey } from './items.js';
import { keys } from './keys.js';
import type { ArticlesToRebuild, RebuildPass, RebuildStatus, ViewsRebuild } from './ports.js';
import { keyOf, type StoreContext } from './store-context.js';
import { STORE_FORMAT } from './store-format.js';
import { CLAIM_IS_FREE, updateAsHolder, updateStoreFormatItem } from './store-format-item.js';
import { cleanUpSupersededItems } from './superseded-items.js';

/*
 * The rebuild of this format's precomputed items from the stored articles, on a table another format wrote
 * (docs/table-design.md, "A new store format on a deployed table"). What the table records of it, in its one
 * `STORE`/`FORMAT` item, as plain attributes so that conditions can read them:
 * - `format` (N): the format whose precomputed items are complete. Written only when a pass has gone over
 *   every stored article, never before, so nothing reads this format's items as complete while they are not;
 * - `passFormat` (N): the format a pass is under way for (begun by a deploy, or by the first claim of a table
 *   that records no format), removed when the pass completes;
 * - `owner` (S), `expiresAt` (N, ms): the one process running the pass now, the way the writer lease holds a
 *   round (writer-lease.ts), but for as long as a Lambda invocation: two processes never scan at once;
 * - `startsAt` (N, ms): when a pass a deploy began may start: once the previous version's running writers are done;
 * - `progress` (S, JSON): the pass's format, where its scan of the table stopped (the Scan's last key), and the
 *   articles it has gone over. A pass that stops (a timeout, a throttle, a lost claim) continues from there;
 * - `completedAt` (N, ms), `cleanedFormat` (N), `cleanup` (S, JSON): when the format was recorded complete, and the
 *   deletion of the formats before it, which waits a grace period after that (superseded-items.ts).
 * The articles themselves go through the writer lease round by round (the ingest pipeline), so a rebuild takes
 * turns with ordinary ingest and the link worker and never writes beside them.
 */

/** Thrown when another process took the pass over (its claim had expired): this one stops, its work is kept. */
export class RebuildClaimLostError extends Error {
  override name = 'RebuildClaimLostError';
}

const ProgressSchema = z.object({
  format: z.number(),
  /** The Scan's LastEvaluatedKey (pk and sk of an item), absent at the start of a pass. */
  after: z.optional(z.object({ pk: z.string(), sk: z.string() })),
  articlesDone: z.number(),
});
type Progress = z.infer<typeof ProgressSchema>;

/**
 * Items a Scan page evaluates at most (its 1 MB cap may stop it first). Articles are a fraction of a table's
 * items, so a call reads pages until it has `limit` articles.
 */
const SCAN_PAGE_ITEMS = 1000;

/**
 * Body text a call reads at most, in UTF-16 units (~64 MB as UTF-8 at worst): a round of 1,000 articles near the
 * 5 MB limit would not fit the function's memory, as the ingest function reads its batches in parts of 64 MB.
 */
const BODY_UNITS_PER_CALL = 32 * 1024 * 1024;

/** Long bodies are read one Query each (article-items.ts): this many at once. */
const ARTICLE_READS_AT_ONCE = 16;

export interface StoreRebuildOptions {
  client: DynamoDBClient;
  tableName: string;
  retry?: RetryOptions;
  /** @default Date.now */
  now?: () => number;
  /** How long the previous formats' items stay once this one is complete. @default SUPERSEDED_GRACE_MS */
  supersededGraceMs?: number;
  /** Superseded items one call deletes at most. @default SUPERSEDED_DELETES_PER_CALL */
  supersededDeletesPerCall?: number;
  /** Body text one round reads at most, in UTF-16 units. @default BODY_UNITS_PER_CALL */
  bodyUnitsPerCall?: number;
}

/**
 * How long the previous format's items stay after this one is complete: past the deploy that completed it (the
 * previous version answers from them until its readers are updated) and any rollback of that deploy.
 */
const SUPERSEDED_GRACE_MS = 24 * 60 * 60_000;

/** Superseded items one call deletes at most: a minute or two of conditional deletes, 8 at a time. */
const SUPERSEDED_DELETES_PER_CALL = 50_000;

/** No scan page of the deletion is begun with less time left; a page of 1,000 deletes takes seconds. */
const SUPERSEDED_RESERVE_MS = 60_000;

/** How long the deletion's claim holds without a checkpoint (one each page): what a dead holder costs the next. */
const SUPERSEDED_HOLD_MS = 5 * 60_000;

export function createViewsRebuild(opts: StoreRebuildOptions): ViewsRebuild {
  const ctx: StoreContext = { client: opts.client, tableName: opts.tableName, retry: opts.retry ?? {} };
  const now = opts.now ?? Date.now;
  const Key = toKey(keys.storeFormat());
  const { client, tableName } = ctx;

  const progressOf = (item: Item | undefined): Progress => {
    const raw = item?.progress?.S;
    const parsed = raw === undefined ? undefined : ProgressSchema.safeParse(JSON.parse(raw));
    // Another format's place in the scan says nothing of this format's items: start over.
    return parsed?.success && parsed.data.format === STORE_FORMAT
      ? parsed.data
      : { format: STORE_FORMAT, articlesDone: 0 };
  };

  return {
    async status(): Promise<RebuildStatus> {
      const { Item } = await client.send(new GetItemCommand({ TableName: tableName, Key, ConsistentRead: true }));
      const format = Item?.format?.N === undefined ? null : Number(Item.format.N);
      const passFormat = Item?.passFormat?.N === undefined ? null : Number(Item.passFormat.N);
      const expiresAt = Number(Item?.expiresAt?.N ?? 0);
      return {
        format,
        complete: format === STORE_FORMAT && passFormat !== STORE_FORMAT,
        articlesDone: passFormat === STORE_FORMAT ? progressOf(Item).articlesDone : 0,
        running: Item?.owner?.S !== undefined && expiresAt >= now(),
      };
    },

    async begin(settleMs: number): Promise<void> {
      // Taken from any holder: a pass that was under way when this deploy began may have missed articles an
      // older version stored meanwhile (a rolled-back deploy), so the new pass goes over every article again.
      // An article already in this format's items costs its read only (articlesToRebuild skips it).
      // An invocation of the previous version that was running when its code was replaced may still store an article
      // the scan would already have passed: the pass starts once such invocations are over. A table with no item at
      // all (a new stack) has no previous version to wait for.
      const { Items = [] } = await client.send(new ScanCommand({ TableName: tableName, Limit: 1 }));
      await client.send(
        new UpdateItemCommand({
          TableName: tableName,
          Key,
          UpdateExpression:
            'SET passFormat = :format, progress = :start, startsAt = :startsAt REMOVE #owner, expiresAt',
          ExpressionAttributeNames: { '#owner': 'owner' },
          ExpressionAttributeValues: {
            ':format': { N: String(STORE_FORMAT) },
            ':start': { S: JSON.stringify({ format: STORE_FORMAT, articlesDone: 0 } satisfies Progress) },
            ':startsAt': { N: String(now() + (Items.length > 0 ? settleMs : 0)) },
          },
        }),
      );
    },

    async claim(owner: string, holdMs: number): Promise<RebuildPass | null> {
      const at = now();
      const held = await updateStoreFormatItem(client, tableName, {
        expression: 'SET #owner = :owner, expiresAt = :until, passFormat = :format',
        // Free, this format not yet complete, and begun.
        condition:
          `${CLAIM_IS_FREE} AND ` +
          '(attribute_not_exists(#format) OR #format <> :format OR passFormat = :format) AND ' +
          '(attribute_not_exists(startsAt) OR startsAt <= :now)',
        values: {
          ':owner': { S: owner },
          ':until': { N: String(at + holdMs) },
          ':now': { N: String(at) },
          ':format': { N: String(STORE_FORMAT) },
        },
      });
      if (!held) return null;
      const progress = progressOf(held);
      return { owner, ...(progress.after ? { after: progress.after } : {}), articlesDone: progress.articlesDone };
    },

    articlesToRebuild: (after, limit) =>
      articlesToRebuild(ctx, after, limit, opts.bodyUnitsPerCall ?? BODY_UNITS_PER_CALL),

    async checkpoint(pass: RebuildPass, holdMs: number): Promise<void> {
      const progress: Progress = {
        format: STORE_FORMAT,
        ...(pass.after ? { after: pass.after } : {}),
        articlesDone: pass.articlesDone,
      };
      await ownedUpdate(pass.owner, 'SET progress = :progress, expiresAt = :until', {
        ':progress': { S: JSON.stringify(progress) },
        ':until': { N: String(now() + holdMs) },
      });
    },

    async complete(pass: RebuildPass): Promise<void> {
      // When, so that the previous format's items are deleted only a grace period later (superseded-items.ts), and
      // from scratch: a format completed again (a deploy after a rollback) may meet older items written meanwhile.
      await ownedUpdate(
        pass.owner,
        'SET #format = :format, completedAt = :now REMOVE passFormat, progress, startsAt, #owner, expiresAt, cleanedFormat, cleanup',
        { ':format': { N: String(STORE_FORMAT) }, ':now': { N: String(now()) } },
      );
    },

    deleteSuperseded: (owner, remainingMs) =>
      cleanUpSupersededItems({
        client,
        tableName,
        owner,
        graceMs: opts.supersededGraceMs ?? SUPERSEDED_GRACE_MS,
        maxDeletes: opts.supersededDeletesPerCall ?? SUPERSEDED_DELETES_PER_CALL,
        remainingMs,
        reserveMs: SUPERSEDED_RESERVE_MS,
        holdMs: SUPERSEDED_HOLD_MS,
        now,
      }),

    async release(pass: RebuildPass): Promise<void> {
      try {
        await ownedUpdate(pass.owner, 'REMOVE #owner, expiresAt', {});
      } catch (error) {
        // Taken over after it expired, or begun again by a deploy: not ours to release.
        if (!(error instanceof RebuildClaimLostError)) throw error;
      }
    },
  };

  /** An update only the pass's owner may make; another owner (or none) is a lost claim. */
  async function ownedUpdate(owner: string, expression: string, values: Record<string, AttributeValue>): Promise<void> {
    await updateAsHolder(client, tableName, owner, {
      expression,
      values,
      lost: () =>
        new RebuildClaimLostError(
          'Another process took the rebuild of the store over (or a deploy began it again); this one stopped.',
        ),
    });
  }
}

/**
 * The next stored articles of the table, in Scan order from `after`, that this format's items do not hold yet:
 * pages until it has gone over `limit` articles or `bodyUnitsLimit` of body (or the table ends). The META items come
 * with the Scan, and a short body is in its META item, so only a long body costs a read of its own.
 */
async function articlesToRebuild(
  ctx: StoreContext,
  after: RebuildPass['after'],
  limit: number,
  bodyUnitsLimit: number,
): Promise<ArticlesToRebuild> {
  const { client, tableName } = ctx;
  const metas: { id: string; meta: z.infer<typeof ArticleMetaSchema> }[] = [];
  const damaged: ArticlesToRebuild['damaged'] = [];
  let start: Item | undefined = after ? toKey(after) : undefined;
  let metaItems = 0;
  let bodyUnits = 0;
  const full = () => metaItems >= limit || bodyUnits >= bodyUnitsLimit;
  do {
    const page = await client.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: 'sk = :meta AND begins_with(pk, :article)',
        ExpressionAttributeValues: { ':meta': { S: 'META' }, ':article': { S: keys.articlePartition('') } },
        ConsistentRead: true,
        Limit: SCAN_PAGE_ITEMS,
        ExclusiveStartKey: start,
      }),
    );
    start = page.LastEvaluatedKey;
    for (const item of page.Items ?? []) {
      metaItems++;
      const id = (item.pk?.S ?? '').slice(keys.articlePartition('').length);
      try {
        const meta = decodePayload(item, ArticleMetaSchema);
        metas.push({ id, meta });
        bodyUnits += meta.body?.length ?? meta.bodyChunks * BODY_CHUNK_UNITS;
      } catch (error) {
        if (!(error instanceof StoreItemError)) throw error;
        damaged.push({ id, reason: error.message });
      }
      if (full()) {
        // A Scan goes on after any key of the table, so a page is cut after the article that filled the call.
        start = toKey(keys.articleMeta(id));
        break;
      }
    }
  } while (start && !full());

  // Already in this format's items: stored or applied by ingest since the new format went live, or by an
  // earlier pass. Their round items (this format's) say so; an article applied without a round has a marker.
  const rounds = await readRounds(
    ctx,
    metas.flatMap(({ meta }) => meta.round ?? []),
  );
  const markers = await batchMarkers(
    ctx,
    metas.filter(({ meta }) => meta.round === undefined).map(({ id }) => id),
  );
  const due = metas.filter(
    ({ id, meta }) => !markers.has(id) && !(meta.round !== undefined && rounds.get(meta.round)?.has(id)),
  );
  const read = await mapConcurrently(due, ARTICLE_READS_AT_ONCE, async ({ id, meta }) => {
    if (meta.body !== undefined) return { ...meta.article, body: meta.body };
    try {
      return await getArticle(ctx, id);
    } catch (error) {
      if (!(error instanceof DamagedItemError)) throw error;
      damaged.push({ id, reason: error.message });
      return null;
    }
  });
  const articles = read.filter((a): a is Article => a !== null);
  const next = start ? { pk: start.pk?.S ?? '', sk: start.sk?.S ?? '' } : undefined;
  return { articles, articlesGoneOver: metaItems, damaged, ...(next ? { next } : {}) };
}

/** Which of these articles carry this format's `INDEXED` marker (applied without a round). */
async function batchMarkers(ctx: StoreContext, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const found = await batchGetAll(
    ctx.client,
    ctx.tableName,
    ids.map((id) => toKey(keys.articleIndexed(id))),
    ctx.retry,
  );
  return new Set(ids.filter((id) => found.has(keyOf(keys.articleIndexed(id)))));
}

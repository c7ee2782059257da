import { QueryCommand } from '@aws-sdk/client-dynamodb';
import * as z from 'zod/mini';
import { type Article, ArticleSchema } from '../articles/article.js';
import { boundedOrigins } from '../articles/article-limits.js';
import { splitBody } from './body-chunks.js';
import { DamagedItemError, decodePayload, type Item, payloadItem, StoreItemError, toKey } from './items.js';
import { keys } from './keys.js';
import { getItem, type StoreContext } from './store-context.js';

/*
 * An article as the table holds it: its META item (metadata, and the body when short) and its body chunks,
 * written and read back whole, and the merging of a copy's files and URLs into the stored article.
 */

/**
 * An article's metadata item. A body of up to INLINE_BODY_UNITS is kept in it (`body`, deflated with the
 * payload): one item of ~2-3 KB costs fewer write units than metadata and body apart, each rounded up to
 * 1 KB. A longer body lives in `bodyChunks` chunk items beside it.
 */
export const ArticleMetaSchema = z.object({
  article: z.omit(ArticleSchema, { body: true }),
  body: z.optional(z.string()),
  bodyChunks: z.number().check(z.int(), z.nonnegative()),
  nearDuplicateKeys: z.array(z.string()),
  /** The storeArticles round that stored it: its `ingestRound` item says whether its facts are applied. */
  round: z.optional(z.string()),
});
export type ArticleMeta = z.infer<typeof ArticleMetaSchema>;

/**
 * The longest body kept in its META item, in UTF-16 units: news articles are 2-10 K. Escaped as JSON (at
 * most 6 bytes a unit) and beside metadata at its limits (article-limits.ts, ~150 KB), it stays below
 * DynamoDB's 400 KB item limit before deflating.
 */
const INLINE_BODY_UNITS = 16 * 1024;

export async function getArticle({ client, tableName }: StoreContext, id: string): Promise<Article | null> {
  const items: Item[] = [];
  let startKey: Item | undefined;
  do {
    // A 5 MB body spans several 1 MB Query pages.
    const page = await client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: keys.articlePartition(id) } },
        ConsistentRead: true,
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  const metaItem = items.find((i) => i.sk?.S === 'META');
  if (!metaItem) return null;
  const meta = decodePayload(metaItem, ArticleMetaSchema);
  const chunks = items.filter((i) => i.sk?.S?.startsWith('BODY#')).map((i) => i.body?.S);
  if (chunks.length !== meta.bodyChunks || chunks.some((c) => c === undefined)) {
    throw new DamagedItemError(
      `The stored article ${id} is damaged: ${chunks.length} of its ${meta.bodyChunks} body chunks could be read`,
    );
  }
  return { ...meta.article, body: meta.body ?? chunks.join('') };
}

export function articleItems(
  article: Article,
  nearDuplicateKeys: string[],
  round: string,
): { body: Item[]; meta: Item } {
  const { body, ...rest } = article;
  if (body.length <= INLINE_BODY_UNITS) {
    const meta: ArticleMeta = { article: rest, body, bodyChunks: 0, nearDuplicateKeys, round };
    return { body: [], meta: payloadItem(keys.articleMeta(article.id), meta) };
  }
  const chunks = splitBody(body);
  const meta: ArticleMeta = { article: rest, bodyChunks: chunks.length, nearDuplicateKeys, round };
  return {
    body: chunks.map((chunk, i) => ({ ...toKey(keys.articleBody(article.id, i)), body: { S: chunk } })),
    meta: payloadItem(keys.articleMeta(article.id), meta),
  };
}

export async function metaFor(ctx: StoreContext, article: Article): Promise<ArticleMeta> {
  const item = await getItem(ctx, keys.articleMeta(article.id), true);
  if (!item) throw new StoreItemError(`Article ${article.id} vanished while merging a near-duplicate into it`);
  return decodePayload(item, ArticleMetaSchema);
}

/**
 * `into` with the files and URLs of `from` added (first ones kept first, up to the article limits, so an
 * article found under ever more names never outgrows its item); `into` itself when nothing is new.
 */
export function mergeOrigins<A extends Omit<Article, 'body'>>(into: A, from: Omit<Article, 'body'>): A {
  const { files, urls } = boundedOrigins(
    [...new Set([...into.files, ...from.files])],
    [...new Set([...into.urls, ...from.urls, ...(from.url ? [from.url] : [])])],
  );
  if (files.length === into.files.length && urls.length === into.urls.length && (into.url || !from.url)) return into;
  return {
    ...into,
    files,
    urls,
    url: into.url ?? from.url,
    title: into.title ?? from.title,
    outlet: into.outlet ?? from.outlet,
    author: into.author ?? from.author,
    date: into.date ?? from.date,
  };
}

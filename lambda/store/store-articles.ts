import { randomUUID } from 'node:crypto';
import type { Article } from '../articles/article.js';
import type { FingerprintOf } from '../articles/fingerprint.js';
import { SourcesViewSchema } from '../facts/views.js';
import { type ArticleMeta, ArticleMetaSchema, articleItems, mergeOrigins } from './article-items.js';
import { batchGetAll } from './batch.js';
import { ARTICLES_PER_ROUND, type RoundsStored, readRounds } from './ingest-rounds.js';
import { decodePayload, type Item, payloadItem, toKey } from './items.js';
import { keys } from './keys.js';
import { type NearDuplicateDetector, resolveNearDuplicates } from './near-duplicates.js';
import type { StoreArticlesResult } from './ports.js';
import { keyOf, putAll, readView, type StoreContext } from './store-context.js';

/*
 * The write side of articles: a storeArticles round (run under the writer lease) stores the new articles with
 * their bodies and band items, merges the files and URLs of copies into the stored ones, and tells which
 * articles are stored and which are duplicates.
 */

/** What a storeArticles round needs beside the table: the detector, and the rounds it hands on to applyFacts. */
interface ArticleWriterContext extends StoreContext {
  detector: NearDuplicateDetector;
  roundsStored: RoundsStored;
}

export async function storeArticles(
  ctx: ArticleWriterContext,
  input: Article[],
  fingerprintOf: FingerprintOf | undefined,
  confirmHeld: () => Promise<void>,
): Promise<StoreArticlesResult> {
  const { client, tableName, retry, detector, roundsStored } = ctx;
  const result: StoreArticlesResult = { stored: [], duplicates: [] };
  const batch = dedupeById(input, result);
  const found = await batchGetAll(
    client,
    tableName,
    batch.flatMap((a) => [toKey(keys.articleMeta(a.id)), toKey(keys.articleIndexed(a.id))]),
    retry,
  );
  const metaOf = (id: string) => {
    const item = found.get(keyOf(keys.articleMeta(id)));
    return item ? decodePayload(item, ArticleMetaSchema) : null;
  };
  const storedRounds = await readRounds(
    ctx,
    batch.flatMap((a) => metaOf(a.id)?.round ?? []),
  );

  /** Stored metadata changed by this batch (files and URLs of duplicates merged in), by id. */
  const updatedMetas = new Map<string, ArticleMeta>();
  const fresh: Article[] = [];
  for (const article of batch) {
    const meta = metaOf(article.id);
    if (!meta) {
      fresh.push(article);
      continue;
    }
    const merged = mergeOrigins(meta.article, article);
    if (merged !== meta.article) updatedMetas.set(article.id, { ...meta, article: merged });
    // Stored but never indexed: an earlier ingest stopped before applyFacts, so its facts are still due.
    const indexed =
      found.has(keyOf(keys.articleIndexed(article.id))) ||
      (meta.round !== undefined && storedRounds.get(meta.round)?.has(article.id) === true);
    if (indexed) {
      result.duplicates.push({ id: article.id, duplicateOf: article.id });
    } else {
      result.stored.push(article.id);
      if (meta.round !== undefined) roundsStored.set(article.id, meta.round);
    }
  }

  const { toStore, bands } = await resolveNearDuplicates(ctx, detector, fresh, result, updatedMetas, fingerprintOf);
  const writesFirst: Item[] = [];
  const metaWrites: Item[] = [];
  const roundId = randomUUID();
  for (const [index, { article, nearDuplicateKeys }] of toStore.entries()) {
    const round = `${roundId}-${Math.floor(index / ARTICLES_PER_ROUND)}`;
    const items = articleItems(article, nearDuplicateKeys, round);
    roundsStored.set(article.id, round);
    writesFirst.push(...items.body);
    metaWrites.push(items.meta);
    result.stored.push(article.id);
  }
  for (const [bandKey, articles] of bands) {
    writesFirst.push(payloadItem(keys.nearDuplicateBand(bandKey), { articles }));
  }
  for (const [id, meta] of updatedMetas) metaWrites.push(payloadItem(keys.articleMeta(id), meta));
  // Bodies before metadata: a META item is the article's commit point, never present without its body.
  await confirmHeld();
  await putAll(ctx, writesFirst);
  await putAll(ctx, metaWrites);
  if (updatedMetas.size > 0)
    await refreshListedSources(
      ctx,
      [...updatedMetas.values()].map((m) => m.article),
    );
  return result;
}

/** Keeps the sources list in step when a stored article gains files or URLs. */
async function refreshListedSources(ctx: StoreContext, changed: Omit<Article, 'body'>[]): Promise<void> {
  const view = await readView(ctx, keys.sources(), SourcesViewSchema, true);
  if (!view) return;
  const byId = new Map(changed.map((a) => [a.id, a]));
  if (!view.sources.some((s) => byId.has(s.id))) return;
  const sources = view.sources.map((s) => {
    const a = byId.get(s.id);
    return a ? { ...s, url: a.url, files: a.files, urls: a.urls } : s;
  });
  await putAll(ctx, [payloadItem(keys.sources(), { ...view, sources })]);
}

/** One article per id; files and URLs of same-id copies within the batch merged into the first. */
function dedupeById(articles: Article[], result: StoreArticlesResult): Article[] {
  const byId = new Map<string, Article>();
  for (const article of articles) {
    const first = byId.get(article.id);
    if (first) {
      byId.set(article.id, mergeOrigins(first, article));
      result.duplicates.push({ id: article.id, duplicateOf: article.id });
    } else {
      byId.set(article.id, article);
    }
  }
  return [...byId.values()];
}

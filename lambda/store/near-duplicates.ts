import * as z from 'zod/mini';
import type { Article } from '../articles/article.js';
import {
  type FingerprintOf,
  MAX_LISTED_PER_KEY,
  type NearDuplicateFingerprint,
  NearDuplicateIndex,
  STORED_ROWS,
} from '../articles/fingerprint.js';
import { type ArticleMeta, getArticle, mergeOrigins, metaFor } from './article-items.js';
import { batchGetAll } from './batch.js';
import { decodePayload, toKey } from './items.js';
import { keys } from './keys.js';
import type { StoreArticlesResult } from './ports.js';
import { keyOf, type StoreContext } from './store-context.js';

/*
 * Near-duplicate resolution for storeArticles: which fresh articles are near-duplicates of a stored one or of
 * one earlier in the batch, and the band items (fingerprint.ts) the articles to store are indexed under.
 */

/**
 * Finds near-duplicate bodies: a fingerprint's keys are the LSH band keys (MinHash rows) a body is stored
 * under, its probe keys those it is looked up under (a near-duplicate's probe keys include one of the stored body's keys, with
 * high probability), its sketch weeds out candidates before their bodies are read (`sketchesMayMatch`),
 * `isNearDuplicate` confirms on the two fingerprints' shingles.
 */
export interface NearDuplicateDetector {
  fingerprint(body: string): NearDuplicateFingerprint;
  sketchesMayMatch(a: string, b: string): boolean;
  isNearDuplicate(a: NearDuplicateFingerprint, b: NearDuplicateFingerprint): boolean;
}

/** A band item: the articles indexed under one key (fingerprint.ts), each as [article id, sketch]. */
const NearDuplicateBandSchema = z.object({ articles: z.array(z.tuple([z.string(), z.string()])) });
type BandEntry = [id: string, sketch: string];

/**
 * Splits fresh articles into ones to store and near-duplicates of a stored (or earlier fresh) article,
 * whose files and URLs are merged into that article. Returns the band items to write: each article to
 * store is indexed under its band keys, and looked up under its probe keys (fingerprint.ts).
 */
export async function resolveNearDuplicates(
  ctx: StoreContext,
  detector: NearDuplicateDetector,
  fresh: Article[],
  result: StoreArticlesResult,
  updatedMetas: Map<string, ArticleMeta>,
  fingerprintOf: FingerprintOf = (article) => detector.fingerprint(article.body),
): Promise<{ toStore: { article: Article; nearDuplicateKeys: string[] }[]; bands: Map<string, BandEntry[]> }> {
  const { client, tableName, retry } = ctx;
  const bands = new Map<string, BandEntry[]>();
  const fingerprints = new Map(fresh.map((a) => [a.id, fingerprintOf(a)]));
  const allBandKeys = [...new Set([...fingerprints.values()].flatMap((f) => f.probeKeys))];
  const bandItems = await batchGetAll(
    client,
    tableName,
    allBandKeys.map((k) => toKey(keys.nearDuplicateBand(k))),
    retry,
  );
  const storedBands = new Map(
    allBandKeys.map((k) => {
      const item = bandItems.get(keyOf(keys.nearDuplicateBand(k)));
      return [k, item ? (decodePayload(item, NearDuplicateBandSchema).articles as BandEntry[]) : []];
    }),
  );
  const storedFingerprints = new Map<string, { article: Article; fingerprint: NearDuplicateFingerprint } | null>();
  const loadStored = async (id: string) => {
    if (!storedFingerprints.has(id)) {
      const article = await getArticle(ctx, id);
      storedFingerprints.set(id, article && { article, fingerprint: detector.fingerprint(article.body) });
    }
    return storedFingerprints.get(id) ?? null;
  };

  type ToStore = { article: Article; nearDuplicateKeys: string[]; fingerprint: NearDuplicateFingerprint };
  const toStore: ToStore[] = [];
  /** The articles to store so far, by all their band keys (in memory, no one costs a write). */
  const toStoreByKey = new NearDuplicateIndex<ToStore>();
  for (const article of fresh) {
    const fingerprint = fingerprints.get(article.id) ?? detector.fingerprint(article.body);
    const mayMatch = (sketch: string) => detector.sketchesMayMatch(sketch, fingerprint.sketch);
    const batchCandidate = toStoreByKey
      .candidates(fingerprint.probeKeys)
      .find((s) => mayMatch(s.fingerprint.sketch) && detector.isNearDuplicate(s.fingerprint, fingerprint));
    if (batchCandidate) {
      batchCandidate.article = mergeOrigins(batchCandidate.article, article);
      result.duplicates.push({ id: article.id, duplicateOf: batchCandidate.article.id });
      continue;
    }
    // One shared key and a matching sketch make a candidate, whose body is read and compared.
    const storedCandidates = new Set(
      fingerprint.probeKeys
        .flatMap((k) => storedBands.get(k) ?? [])
        .filter(([, sketch]) => mayMatch(sketch))
        .map(([id]) => id),
    );
    let duplicateOf: Article | null = null;
    for (const id of storedCandidates) {
      const candidate = await loadStored(id);
      if (candidate && detector.isNearDuplicate(candidate.fingerprint, fingerprint)) {
        duplicateOf = candidate.article;
        break;
      }
    }
    if (duplicateOf) {
      const base = updatedMetas.get(duplicateOf.id) ?? (await metaFor(ctx, duplicateOf));
      const merged = mergeOrigins(base.article, article);
      updatedMetas.set(duplicateOf.id, { ...base, article: merged });
      result.duplicates.push({ id: article.id, duplicateOf: duplicateOf.id });
      continue;
    }
    const entry: ToStore = { article, nearDuplicateKeys: [], fingerprint };
    toStore.push(entry);
    for (const k of fingerprint.keys) {
      if (entry.nearDuplicateKeys.length === STORED_ROWS) break;
      const entries = bands.get(k) ?? storedBands.get(k) ?? [];
      const listed = entries.some(([id]) => id === article.id);
      // A full band is a stock phrase: the article takes its next row instead (fingerprint.ts STORED_ROWS).
      if (!listed && entries.length >= MAX_LISTED_PER_KEY) continue;
      if (!listed) bands.set(k, [...entries, [article.id, fingerprint.sketch]]);
      entry.nearDuplicateKeys.push(k);
    }
    toStoreByKey.add(fingerprint.keys, entry);
  }
  return { toStore, bands };
}

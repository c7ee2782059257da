import { randomUUID } from 'node:crypto';
import { type DynamoDBClient, GetItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import * as z from 'zod/mini';
import { type Article, ArticleSchema, type SourceRef } from '../articles/article.js';
import { boundedOrigins } from '../articles/article-limits.js';
import {
  type FingerprintOf,
  MAX_LISTED_PER_KEY,
  type NearDuplicateFingerprint,
  NearDuplicateIndex,
  nearDuplicateDetector,
  STORED_ROWS,
} from '../articles/fingerprint.js';
import type { ArticleFacts } from '../facts/fact.js';
import { defaultTopicsConfig } from '../facts/topics.js';
import {
  type GuarantorsView,
  GuarantorsViewSchema,
  type SourcesView,
  SourcesViewSchema,
  type SpeakerDirectory,
  SpeakerDirectorySchema,
  type SpeakerView,
  SpeakerViewSchema,
  type SummaryView,
  SummaryViewSchema,
  type TopicView,
  TopicViewSchema,
} from '../facts/views.js';
import { positionGroup } from '../views/merge-records.js';
import { rankStatements, sourcesFor } from '../views/ranking.js';
import {
  type PositionRecord,
  PositionRecordSchema,
  type Scored,
  ScoresSchema,
  type StatementRecord,
  StatementRecordSchema,
  WordingIndexSchema,
} from '../views/records.js';
import { type DayNews, DayNewsSchema, type TimelineView, TimelineViewSchema } from '../views/timeline-records.js';
import { newsDaysToRead, planTimelineUpdate, timelineSubjects } from '../views/update-timeline.js';
import {
  candidateRecords,
  planViewsUpdate,
  prepareBatch,
  type StoredViews,
  type TopicLabels,
} from '../views/update-views.js';
import { batchGetAll, batchWriteAll, keyId, type RetryOptions } from './batch.js';
import { splitBody } from './body-chunks.js';
import {
  DamagedItemError,
  decodeAttribute,
  decodePayload,
  decodePayloadJson,
  type Item,
  jsonPayloadItem,
  payloadItem,
  payloadJson,
  StoreItemError,
  toKey,
} from './items.js';
import { DAY_SK_PREFIX, type ItemKey, keys, NEWS_PARTITION, STATEMENT_SK_PREFIX } from './keys.js';
import type { NewsSince, StoreArticlesResult, TalksStore } from './ports.js';

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

export interface DynamoTalksStoreOptions {
  client: DynamoDBClient;
  tableName: string;
  /** Backoff between retries of unprocessed batch items; injected so tests need not wait. */
  sleep?: (ms: number) => Promise<void>;
  /** Attempts and delays of batch retries. */
  retry?: Omit<RetryOptions, 'sleep'>;
  /** Topics (id and label) in display order, for the summary. @default the topics of config/topics.json */
  topics?: { id: string; label: string }[];
  /** Cross-batch near-duplicate detection. @default the bottom-k keys and sketch of lambda/articles/fingerprint.ts */
  nearDuplicates?: NearDuplicateDetector;
}

/**
 * An article's metadata item. A body of up to INLINE_BODY_UNITS is kept in it (`body`, deflated with the
 * payload): one item of ~2-3 KB costs fewer write units than metadata and body apart, each rounded up to
 * 1 KB. A longer body lives in `bodyChunks` chunk items beside it.
 */
const ArticleMetaSchema = z.object({
  article: z.omit(ArticleSchema, { body: true }),
  body: z.optional(z.string()),
  bodyChunks: z.number().check(z.int(), z.nonnegative()),
  nearDuplicateKeys: z.array(z.string()),
  /** The storeArticles round that stored it: its `ingestRound` item says whether its facts are applied. */
  round: z.optional(z.string()),
});
type ArticleMeta = z.infer<typeof ArticleMetaSchema>;

/**
 * The longest body kept in its META item, in UTF-16 units: news articles are 2-10 K. Escaped as JSON (at
 * most 6 bytes a unit) and beside metadata at its limits (article-limits.ts, ~150 KB), it stays below
 * DynamoDB's 400 KB item limit before deflating.
 */
const INLINE_BODY_UNITS = 16 * 1024;

/** A band item: the articles indexed under one key (fingerprint.ts), each as [article id, sketch]. */
const NearDuplicateBandSchema = z.object({ articles: z.array(z.tuple([z.string(), z.string()])) });
type BandEntry = [id: string, sketch: string];

/** A round's indexed article ids: what marks articles as counted, one item a round instead of one an article. */
const IngestRoundSchema = z.object({ articleIds: z.array(z.string()) });

/** Articles a round id stands for at most, so its item stays far below DynamoDB's 400 KB (17 bytes an id). */
const ARTICLES_PER_ROUND = 1000;

/**
 * The DynamoDB implementation of the store ports (docs/table-design.md). Ingest (storeArticles,
 * applyFacts) must run as a single writer at a time, as the ingest Lambda does: the views are
 * read-merged-written, and DynamoDB offers no multi-item atomicity without transactions.
 */
export function createDynamoTalksStore(opts: DynamoTalksStoreOptions): TalksStore {
  const { client, tableName } = opts;
  const retry: RetryOptions = { ...opts.retry, ...(opts.sleep ? { sleep: opts.sleep } : {}) };
  const topicLabels: TopicLabels = new Map((opts.topics ?? defaultTopicsConfig.topics).map((t) => [t.id, t.label]));
  /**
   * The round of each article storeArticles found not yet indexed, until applyFacts has applied it: a round of
   * applyFacts would otherwise read its 1,000 META items (~5 MB with their bodies) only to learn their round.
   */
  const roundsStored = new Map<string, string>();
  const detector = opts.nearDuplicates ?? nearDuplicateDetector;

  async function getItem(key: ItemKey): Promise<Item | null> {
    const { Item } = await client.send(new GetItemCommand({ TableName: tableName, Key: toKey(key) }));
    return Item ?? null;
  }

  async function readView<S extends z.ZodMiniType>(key: ItemKey, schema: S): Promise<z.infer<S> | null> {
    const item = await getItem(key);
    return item ? decodePayload(item, schema) : null;
  }

  async function getArticle(id: string): Promise<Article | null> {
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

  function articleItems(article: Article, nearDuplicateKeys: string[], round: string): { body: Item[]; meta: Item } {
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

  async function storeArticles(input: Article[], fingerprintOf?: FingerprintOf): Promise<StoreArticlesResult> {
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
    const storedRounds = await readRounds(batch.flatMap((a) => metaOf(a.id)?.round ?? []));

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

    const { toStore, bands } = await resolveNearDuplicates(fresh, result, updatedMetas, fingerprintOf);
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
    await putAll(writesFirst);
    await putAll(metaWrites);
    if (updatedMetas.size > 0) await refreshListedSources([...updatedMetas.values()].map((m) => m.article));
    return result;
  }

  /**
   * Splits fresh articles into ones to store and near-duplicates of a stored (or earlier fresh) article,
   * whose files and URLs are merged into that article. Returns the band items to write: each article to
   * store is indexed under its band keys, and looked up under its probe keys (fingerprint.ts).
   */
  async function resolveNearDuplicates(
    fresh: Article[],
    result: StoreArticlesResult,
    updatedMetas: Map<string, ArticleMeta>,
    fingerprintOf: FingerprintOf = (article) => detector.fingerprint(article.body),
  ): Promise<{ toStore: { article: Article; nearDuplicateKeys: string[] }[]; bands: Map<string, BandEntry[]> }> {
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
        const article = await getArticle(id);
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
        const base = updatedMetas.get(duplicateOf.id) ?? (await metaFor(duplicateOf));
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

  async function metaFor(article: Article): Promise<ArticleMeta> {
    const item = await getItem(keys.articleMeta(article.id));
    if (!item) throw new StoreItemError(`Article ${article.id} vanished while merging a near-duplicate into it`);
    return decodePayload(item, ArticleMetaSchema);
  }

  /** Keeps the sources list in step when a stored article gains files or URLs. */
  async function refreshListedSources(changed: Omit<Article, 'body'>[]): Promise<void> {
    const view = await readView(keys.sources(), SourcesViewSchema);
    if (!view) return;
    const byId = new Map(changed.map((a) => [a.id, a]));
    if (!view.sources.some((s) => byId.has(s.id))) return;
    const sources = view.sources.map((s) => {
      const a = byId.get(s.id);
      return a ? { ...s, url: a.url, files: a.files, urls: a.urls } : s;
    });
    await putAll([payloadItem(keys.sources(), { ...view, sources })]);
  }

  /** The article ids each round item lists, for the rounds given (none read when there are none). */
  async function readRounds(roundIds: string[]): Promise<Map<string, Set<string>>> {
    const unique = [...new Set(roundIds)];
    if (unique.length === 0) return new Map();
    const items = await batchGetAll(
      client,
      tableName,
      unique.map((r) => toKey(keys.ingestRound(r))),
      retry,
    );
    return roundsIn(items, unique);
  }

  function roundsIn(items: Map<string, Item>, roundIds: string[]): Map<string, Set<string>> {
    return new Map(
      roundIds.map((r) => {
        const item = items.get(keyOf(keys.ingestRound(r)));
        return [r, new Set(item ? decodePayload(item, IngestRoundSchema).articleIds : [])];
      }),
    );
  }

  function putAll(items: Item[]): Promise<void> {
    return batchWriteAll(
      client,
      tableName,
      items.map((Item) => ({ PutRequest: { Item } })),
      retry,
    );
  }

  /** Of a batch's `META` items applyFacts needs only the round: validating (and copying) the rest costs. */
  const ArticleRoundSchema = z.pick(ArticleMetaSchema, { round: true });

  async function applyFacts(facts: ArticleFacts[], articles: Article[]): Promise<void> {
    if (facts.length === 0 && articles.length === 0) return;
    const batch = prepareBatch(facts, articles);
    const statementKey = (s: { speakerKey: string; id: string }) => keys.speakerStatement(s.speakerKey, s.id);
    const positionKey = (p: { topic: string; id: string }) => keys.topicPosition(p.topic, p.id);

    // Read 1: the views, the wording indexes and the markers of everything the batch touches. The round of an
    // article this store has just stored is known, and it was not indexed then: only other articles' markers are read.
    const unknownRounds = articles.filter((a) => !roundsStored.has(a.id));
    // A fact is news on the day of its first report, which is one of the batch's dates.
    const batchDays = [...new Set(articles.flatMap((a) => (a.date === null ? [] : [a.date])))];
    const found = await batchGetAll(
      client,
      tableName,
      [
        keys.summary(),
        keys.speakerDirectory(),
        keys.guarantors(),
        keys.sources(),
        ...batch.personKeys.map(keys.speaker),
        ...batch.speakerKeys.map(keys.speakerWordings),
        ...batch.topicIds.map(keys.topic),
        ...batch.positionGroups.map((g) => keys.positionWordings(g.topic, g.party)),
        ...unknownRounds.map((a) => keys.articleIndexed(a.id)),
        ...unknownRounds.map((a) => keys.articleMeta(a.id)),
        ...timelineSubjects(batch).map(keys.timeline),
        ...batchDays.map(keys.dayNews),
      ].map(toKey),
      retry,
    );
    // The JSON of every stored item decoded, by key: an item the batch leaves as it was is then recognised
    // by its JSON, without deflating it again.
    const storedJson = new Map<string, string>();
    const decodeStored = <S extends z.ZodMiniType>(item: Item, schema: S): z.infer<S> => {
      const json = payloadJson(item);
      storedJson.set(keyOfItem(item), json);
      return decodePayloadJson(item, json, schema);
    };
    const decoded = <S extends z.ZodMiniType>(key: ItemKey, schema: S): z.infer<S> | null => {
      const item = found.get(keyOf(key));
      return item ? decodeStored(item, schema) : null;
    };
    const scored = <S extends z.ZodMiniType>(key: ItemKey, schema: S): Scored<z.infer<S>> | null => {
      const item = found.get(keyOf(key));
      return item ? { view: decodeStored(item, schema), scores: decodeAttribute(item, 'scores', ScoresSchema) } : null;
    };
    const statementIndexes = present(
      batch.speakerKeys.map((k) => [k, decoded(keys.speakerWordings(k), WordingIndexSchema)]),
    );
    const positionIndexes = present(
      batch.positionGroups.map((g) => [
        positionGroup(g),
        decoded(keys.positionWordings(g.topic, g.party), WordingIndexSchema),
      ]),
    );

    const roundOf = new Map(
      articles.flatMap((a) => {
        const round = roundsStored.get(a.id) ?? decoded(keys.articleMeta(a.id), ArticleRoundSchema)?.round;
        return round === undefined ? [] : [[a.id, round] as const];
      }),
    );
    const roundIds = [...new Set(roundOf.values())];

    // Read 2: the stored records the batch may merge with (same id, or a wording the index matched), and the
    // items of the rounds that stored the batch's articles.
    const candidates = candidateRecords(batch, statementIndexes, positionIndexes);
    const records = await batchGetAll(
      client,
      tableName,
      [
        ...candidates.statements.map(statementKey),
        ...candidates.positions.map(positionKey),
        ...roundIds.map(keys.ingestRound),
      ].map(toKey),
      retry,
    );
    const rounds = roundsIn(records, roundIds);
    const isIndexed = (id: string) =>
      found.has(keyOf(keys.articleIndexed(id))) || rounds.get(roundOf.get(id) ?? '')?.has(id) === true;
    const storedRecords = (wanted: ItemKey[]) =>
      wanted.flatMap((key) => {
        const item = records.get(keyOf(key));
        return item ? [item] : [];
      });
    const byId = <R extends { id: string }>(list: R[]) => new Map(list.map((r) => [r.id, r]));

    const stored: StoredViews = {
      summary: decoded(keys.summary(), SummaryViewSchema),
      directory: decoded(keys.speakerDirectory(), SpeakerDirectorySchema),
      guarantors: decoded(keys.guarantors(), GuarantorsViewSchema),
      sources: decoded(keys.sources(), SourcesViewSchema),
      speakers: present(batch.personKeys.map((k) => [k, scored(keys.speaker(k), SpeakerViewSchema)])),
      topics: present(batch.topicIds.map((t) => [t, scored(keys.topic(t), TopicViewSchema)])),
      statements: byId(
        storedRecords(candidates.statements.map(statementKey)).map((i) => decodeStored(i, StatementRecordSchema)),
      ),
      positions: byId(
        storedRecords(candidates.positions.map(positionKey)).map((i) => decodeStored(i, PositionRecordSchema)),
      ),
      statementIndexes,
      positionIndexes,
      indexedArticleIds: new Set(articles.filter((a) => isIndexed(a.id)).map((a) => a.id)),
    };

    const update = planViewsUpdate(batch, stored, topicLabels);
    // Read 3, rarely: the earlier day items of facts an article dated before their first report moves.
    const laterDays = newsDaysToRead(batch, stored, update).filter((day) => !batchDays.includes(day));
    const dayItems = laterDays.length
      ? new Map([...found, ...(await batchGetAll(client, tableName, laterDays.map(keys.dayNews).map(toKey), retry))])
      : found;
    const timeline = planTimelineUpdate(
      batch,
      stored,
      update,
      {
        timelines: present(timelineSubjects(batch).map((t) => [t, decoded(keys.timeline(t), TimelineViewSchema)])),
        days: present(
          [...batchDays, ...laterDays].map((day): [string, DayNews | null] => {
            const item = dayItems.get(keyOf(keys.dayNews(day)));
            return [day, item ? decodeStored(item, DayNewsSchema) : null];
          }),
        ),
      },
      topicLabels,
    );
    const put = (key: ItemKey, payload: unknown): ViewPut => ({ key, json: JSON.stringify(payload) });
    const scoredPut = (key: ItemKey, { view, scores }: Scored<unknown>): ViewPut => ({
      ...put(key, view),
      scores: JSON.stringify(scores),
    });
    const puts = [
      ...update.statements.map((r: StatementRecord) => put(statementKey(r), r)),
      ...update.positions.map((r: PositionRecord) => put(positionKey(r), r)),
      ...update.statementIndexes.map(([k, index]) => put(keys.speakerWordings(k), index)),
      ...update.positionIndexes.map(([g, index]) => put(keys.positionWordings(g.topic, g.party), index)),
      ...update.speakers.map((s) => scoredPut(keys.speaker(s.view.person.key), s)),
      ...update.topics.map((t) => scoredPut(keys.topic(t.view.topic), t)),
      put(keys.speakerDirectory(), update.directory),
      put(keys.guarantors(), update.guarantors),
      put(keys.sources(), update.sources),
      put(keys.summary(), update.summary),
      ...timeline.timelines.map((t) => put(keys.timeline(t.subject), t)),
      ...timeline.days.map((d) => put(keys.dayNews(d.day), d)),
    ];
    const deletes = [...update.removedStatements.map(statementKey), ...update.removedPositions.map(positionKey)].map(
      (key) => ({ DeleteRequest: { Key: toKey(key) } }),
    );
    // Items the batch left as they were are not written again: re-applying an article writes nothing.
    // (Every stored item a put can replace was decoded above; one that was not is written.)
    const changed = puts.filter(({ key, json, scores }) => {
      const id = keyOf(key);
      const before = found.get(id) ?? records.get(id) ?? dayItems.get(id);
      return !before || storedJson.get(id) !== json || before.scores?.S !== scores;
    });
    const written = changed.map(({ key, json, scores }) =>
      jsonPayloadItem(key, json, scores === undefined ? {} : { scores }),
    );
    await batchWriteAll(client, tableName, [...written.map((Item) => ({ PutRequest: { Item } })), ...deletes], retry);
    // Marked last: an article is counted once its facts are in every view, so a retry after a failure
    // above re-applies it (merges are idempotent) instead of skipping it. A stored article is added to its
    // round's item (one write a round, where a marker an article cost a write unit each).
    const markedRounds = new Map<string, Set<string>>();
    const unstored: string[] = [];
    for (const id of update.newlyIndexedArticleIds) {
      const round = roundOf.get(id);
      if (round === undefined) {
        unstored.push(id);
        continue;
      }
      const ids = markedRounds.get(round) ?? new Set(rounds.get(round));
      markedRounds.set(round, ids.add(id));
    }
    await putAll([
      ...[...markedRounds].map(([round, ids]) => payloadItem(keys.ingestRound(round), { articleIds: [...ids] })),
      ...unstored.map((id) => toKey(keys.articleIndexed(id))),
    ]);
    for (const article of articles) roundsStored.delete(article.id);
  }

  async function getSpeaker(key: string, limit: number): Promise<SpeakerView | null> {
    const item = await getItem(keys.speaker(key));
    if (!item) return null;
    const head = decodePayload(item, SpeakerViewSchema);
    const wanted = Math.max(0, limit);
    const statements = head.statements.slice(0, wanted);
    // The sources of the statements returned and of the sentences naming the person.
    const citedIn = (list: typeof statements, refs: Map<string, SourceRef>) =>
      sourcesFor([...list, { citations: head.mentions }], refs);
    if (wanted <= head.statements.length || head.person.statementCount <= head.statements.length) {
      return { ...head, statements, sources: citedIn(statements, new Map(head.sources.map((s) => [s.id, s]))) };
    }
    // Past the ranked head: a second request reads statement records, in id order, ranked here.
    const { Items = [] } = await client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: {
          ':pk': { S: keys.speakerPartition(key) },
          ':prefix': { S: STATEMENT_SK_PREFIX },
        },
        Limit: wanted + head.statements.length,
      }),
    );
    const inHead = new Set(head.statements.map((s) => s.id));
    const records = Items.map((i) => decodePayload(i, StatementRecordSchema)).filter((r) => !inHead.has(r.id));
    const scores = Object.fromEntries(records.map((r) => [r.id, r.citedBy.length]));
    const more = rankStatements(records, scores)
      .slice(0, wanted - head.statements.length)
      .map(({ citedBy: _citedBy, sources: _sources, ...statement }) => statement);
    const refs = new Map([...head.sources, ...records.flatMap((r) => r.sources)].map((s) => [s.id, s]));
    const all = [...head.statements, ...more];
    return { ...head, statements: all, sources: citedIn(all, refs) };
  }

  async function getNewsSince(day: string, maxDays: number): Promise<NewsSince> {
    // Newest first, so that past `maxDays` the days left out are the oldest: `since` is about what is new.
    const { Items = [] } = await client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND sk >= :from',
        ExpressionAttributeValues: { ':pk': { S: NEWS_PARTITION }, ':from': { S: `${DAY_SK_PREFIX}${day}` } },
        ScanIndexForward: false,
        // One more than wanted: whether older days exist (a LastEvaluatedKey alone may come with none left).
        Limit: maxDays + 1,
      }),
    );
    const days = Items.map((i) => decodePayload(i, DayNewsSchema));
    return { days: days.slice(0, maxDays).filter((d) => d.total > 0), more: days.length > maxDays };
  }

  return {
    getArticle,
    storeArticles,
    applyFacts,
    getSummary: () => readView(keys.summary(), SummaryViewSchema),
    getSpeakerDirectory: async (): Promise<SpeakerDirectory> =>
      (await readView(keys.speakerDirectory(), SpeakerDirectorySchema)) ?? { speakers: [] },
    getSpeaker,
    getTopic: (topic: string): Promise<TopicView | null> =>
      topic === '' ? Promise.resolve(null) : readView(keys.topic(topic), TopicViewSchema),
    getGuarantors: async (): Promise<GuarantorsView> =>
      (await readView(keys.guarantors(), GuarantorsViewSchema)) ?? { guarantors: [], sources: [] },
    listSources: async (limit: number): Promise<SourcesView> => {
      const view = await readView(keys.sources(), SourcesViewSchema);
      return view ? { ...view, sources: view.sources.slice(0, Math.max(0, limit)) } : { total: 0, sources: [] };
    },
    getTimeline: (subject: string): Promise<TimelineView | null> =>
      subject === '' ? Promise.resolve(null) : readView(keys.timeline(subject), TimelineViewSchema),
    getNewsSince,
  } satisfies TalksStore & { getSummary(): Promise<SummaryView | null> };
}

/** An item applyFacts may write: its payload as JSON, and a scored view's scores. */
interface ViewPut {
  key: ItemKey;
  json: string;
  scores?: string;
}

function present<T>(entries: [string, T | null][]): Map<string, T> {
  return new Map(entries.filter((e): e is [string, T] => e[1] !== null));
}

function keyOf({ pk, sk }: ItemKey): string {
  return keyId(pk, sk);
}

function keyOfItem(item: Item): string {
  return keyId(item.pk?.S ?? '', item.sk?.S ?? '');
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

/**
 * `into` with the files and URLs of `from` added (first ones kept first, up to the article limits, so an
 * article found under ever more names never outgrows its item); `into` itself when nothing is new.
 */
function mergeOrigins<A extends Omit<Article, 'body'>>(into: A, from: Omit<Article, 'body'>): A {
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

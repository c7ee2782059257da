import * as z from 'zod/mini';
import type { Article } from '../articles/article.js';
import type { ArticleFacts } from '../facts/fact.js';
import {
  GuarantorsViewSchema,
  SourcesViewSchema,
  SpeakerDirectorySchema,
  SpeakerViewSchema,
  SummaryViewSchema,
  TopicViewSchema,
} from '../facts/views.js';
import { GuarantorCountSchema } from '../views/guarantor-count.js';
import { positionGroup } from '../views/merge-records.js';
import { NameShardSchema } from '../views/name-index.js';
import { addOfficeVotes, OfficeVotesSchema } from '../views/office-votes.js';
import {
  type PositionRecord,
  PositionRecordSchema,
  type Scored,
  ScoresSchema,
  type StatementRecord,
  StatementRecordSchema,
  WordingIndexSchema,
} from '../views/records.js';
import { type DayNews, DayNewsSchema, TimelineViewSchema } from '../views/timeline-records.js';
import { newsDaysToRead, planTimelineUpdate, timelineSubjects } from '../views/update-timeline.js';
import {
  candidateRecords,
  nameKeysTouched,
  planViewsUpdate,
  prepareBatch,
  type StoredViews,
  type TopicLabels,
} from '../views/update-views.js';
import { ArticleMetaSchema } from './article-items.js';
import { batchGetAll, batchWriteAll, keyId } from './batch.js';
import { CorpusChangedError, GenerationSchema } from './corpus-generation.js';
import { type RoundsStored, roundsIn } from './ingest-rounds.js';
import {
  decodeAttribute,
  decodePayloadJson,
  type Item,
  jsonPayloadItem,
  payloadItem,
  payloadJson,
  toKey,
} from './items.js';
import { type ItemKey, keys } from './keys.js';
import { keyOf, putAll, type StoreContext } from './store-context.js';

/*
 * An applyFacts round (run under the writer lease): it reads the precomputed views, timelines, name index items and
 * office votes a batch of facts touches, merges the facts in (lambda/views/), writes back what changed, and marks the
 * batch's articles as applied in their ingest rounds.
 */

/** What an applyFacts round needs beside the table: the topics' labels, and the rounds storeArticles stored. */
interface FactsWriterContext extends StoreContext {
  topicLabels: TopicLabels;
  roundsStored: RoundsStored;
}

/** Of a batch's `META` items applyFacts needs only the round: validating (and copying) the rest costs. */
const ArticleRoundSchema = z.pick(ArticleMetaSchema, { round: true });

export async function applyFacts(
  ctx: FactsWriterContext,
  facts: ArticleFacts[],
  articles: Article[],
  confirmHeld: () => Promise<void>,
  /** The generation of the knowledge the facts were settled with: CorpusChangedError if it is no longer the store's. */
  knowledgeAt?: number,
): Promise<void> {
  const { client, tableName, retry, topicLabels, roundsStored } = ctx;
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
      keys.officeVotes(),
      keys.guarantorCount(),
      keys.corpusGeneration(),
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
  const generation = decoded(keys.corpusGeneration(), GenerationSchema)?.generation ?? 0;
  if (knowledgeAt !== undefined && knowledgeAt !== generation) throw new CorpusChangedError(knowledgeAt, generation);
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

  // Read 2: the stored records the batch may merge with (same id, or a wording the index matched), the
  // items of the rounds that stored the batch's articles, and the name index items of every name touched.
  const candidates = candidateRecords(batch, statementIndexes, positionIndexes);
  const storedSpeakers = present(batch.personKeys.map((k) => [k, scored(keys.speaker(k), SpeakerViewSchema)]));
  const nameKeys = nameKeysTouched(batch, storedSpeakers);
  const records = await batchGetAll(
    client,
    tableName,
    [
      ...candidates.statements.map(statementKey),
      ...candidates.positions.map(positionKey),
      ...roundIds.map(keys.ingestRound),
      ...nameKeys.map(keys.nameShard),
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
    speakers: storedSpeakers,
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
    nameShards: new Map(
      nameKeys.map((k) => {
        const item = records.get(keyOf(keys.nameShard(k)));
        return [k, item ? decodeStored(item, NameShardSchema) : { people: [] }];
      }),
    ),
    guarantorCount: decoded(keys.guarantorCount(), GuarantorCountSchema),
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
    ...update.nameShards.map(([k, shard]) => put(keys.nameShard(k), shard)),
    put(keys.speakerDirectory(), update.directory),
    put(keys.guarantors(), update.guarantors),
    put(keys.guarantorCount(), update.guarantorCount),
    put(keys.sources(), update.sources),
    put(keys.summary(), update.summary),
    ...timeline.timelines.map((t) => put(keys.timeline(t.subject), t)),
    ...timeline.days.map((d) => put(keys.dayNews(d.day), d)),
  ];
  const votes = addOfficeVotes(
    decoded(keys.officeVotes(), OfficeVotesSchema),
    facts,
    new Set(update.newlyIndexedArticleIds),
  );
  puts.push(put(keys.officeVotes(), votes));

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
  // Whoever settled facts with what was read before a round that changed anything must settle them again
  // (CorpusChangedError): the round may have taught them something, or applied articles their lessons change.
  if (changed.length > 0) changed.push(put(keys.corpusGeneration(), { generation: generation + 1 }));
  const written = changed.map(({ key, json, scores }) =>
    jsonPayloadItem(key, json, scores === undefined ? {} : { scores }),
  );
  await confirmHeld();
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
  await putAll(ctx, [
    ...[...markedRounds].map(([round, ids]) => payloadItem(keys.ingestRound(round), { articleIds: [...ids] })),
    ...unstored.map((id) => toKey(keys.articleIndexed(id))),
  ]);
  for (const article of articles) roundsStored.delete(article.id);
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

function keyOfItem(item: Item): string {
  return keyId(item.pk?.S ?? '', item.sk?.S ?? '');
}

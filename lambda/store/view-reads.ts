import { QueryCommand } from '@aws-sdk/client-dynamodb';
import type { SourceRef } from '../articles/article.js';
import {
  type GuarantorsView,
  GuarantorsViewSchema,
  type SourcesView,
  SourcesViewSchema,
  type SpeakerDirectory,
  SpeakerDirectorySchema,
  type SpeakerEntry,
  type SpeakerView,
  SpeakerViewSchema,
  type SummaryView,
  SummaryViewSchema,
  type TopicView,
  TopicViewSchema,
} from '../facts/views.js';
import { lookupKeysOf, NameShardSchema } from '../views/name-index.js';
import { OfficeVotesSchema } from '../views/office-votes.js';
import { rankSpeakers, rankStatements, sourcesFor } from '../views/ranking.js';
import { StatementRecordSchema } from '../views/records.js';
import { DayNewsSchema, type TimelineView, TimelineViewSchema } from '../views/timeline-records.js';
import { batchGetAll } from './batch.js';
import { GenerationSchema } from './corpus-generation.js';
import { decodePayload, type Item, toKey } from './items.js';
import { DAY_SK_PREFIX, keys, NEWS_PARTITION, STATEMENT_SK_PREFIX } from './keys.js';
import type { NewsSince, TalksStore } from './ports.js';
import { getItem, keyOf, readView, type StoreContext } from './store-context.js';

/*
 * The command path's reads: the precomputed views, people found by name, a speaker past the ranked head, the
 * news since a day. Eventually consistent, they take no lease: a round writes each view whole.
 */

/** The reads of the store's ports, on one table. */
export function viewReads(
  ctx: StoreContext,
): Omit<TalksStore, 'getArticle' | 'storeArticles' | 'applyFacts'> & { getSummary(): Promise<SummaryView | null> } {
  return {
    peopleFiledUnder: (surnameKeys) => peopleFiledUnder(ctx, surnameKeys),
    corpusGeneration: async () =>
      (await readView(ctx, keys.corpusGeneration(), GenerationSchema, true))?.generation ?? 0,
    officeVotes: async () => (await readView(ctx, keys.officeVotes(), OfficeVotesSchema, true)) ?? { votes: [] },
    getSummary: () => readView(ctx, keys.summary(), SummaryViewSchema),
    getSpeakerDirectory: async (): Promise<SpeakerDirectory> =>
      (await readView(ctx, keys.speakerDirectory(), SpeakerDirectorySchema)) ?? { speakers: [] },
    findPeople: (name) => findPeople(ctx, name),
    getSpeaker: (key, limit) => getSpeaker(ctx, key, limit),
    getTopic: (topic: string): Promise<TopicView | null> =>
      topic === '' ? Promise.resolve(null) : readView(ctx, keys.topic(topic), TopicViewSchema),
    getGuarantors: async (): Promise<GuarantorsView> =>
      (await readView(ctx, keys.guarantors(), GuarantorsViewSchema)) ?? { guarantors: [], sources: [] },
    listSources: async (limit: number): Promise<SourcesView> => {
      const view = await readView(ctx, keys.sources(), SourcesViewSchema);
      return view ? { ...view, sources: view.sources.slice(0, Math.max(0, limit)) } : { total: 0, sources: [] };
    },
    getTimeline: (subject: string): Promise<TimelineView | null> =>
      subject === '' ? Promise.resolve(null) : readView(ctx, keys.timeline(subject), TimelineViewSchema),
    getNewsSince: (day, maxDays) => getNewsSince(ctx, day, maxDays),
  };
}

/**
 * One BatchGetItem, eventually consistent: the directory (given names, suggestions) and the name index items
 * of the typed name's surname keys, everyone in them once (the name index's entry is as fresh as the
 * directory's: a round writes both).
 */
async function findPeople({ client, tableName, retry }: StoreContext, name: string): Promise<SpeakerEntry[]> {
  const nameKeys = lookupKeysOf(name);
  const found = await batchGetAll(
    client,
    tableName,
    [keys.speakerDirectory(), ...nameKeys.map(keys.nameShard)].map(toKey),
    { ...retry, consistent: false },
  );
  const directoryItem = found.get(keyOf(keys.speakerDirectory()));
  const listed = directoryItem ? decodePayload(directoryItem, SpeakerDirectorySchema).speakers : [];
  return rankSpeakers(uniquePeople([...listed, ...filedIn(found, nameKeys)]));
}

function filedIn(found: Map<string, Item>, nameKeys: string[]): SpeakerEntry[] {
  return nameKeys.flatMap((nameKey) => {
    const item = found.get(keyOf(keys.nameShard(nameKey)));
    return item ? decodePayload(item, NameShardSchema).people : [];
  });
}

async function peopleFiledUnder(
  { client, tableName, retry }: StoreContext,
  surnameKeys: string[],
): Promise<SpeakerEntry[]> {
  if (surnameKeys.length === 0) return [];
  const found = await batchGetAll(client, tableName, surnameKeys.map(keys.nameShard).map(toKey), retry);
  return uniquePeople(filedIn(found, surnameKeys));
}

async function getSpeaker(ctx: StoreContext, key: string, limit: number): Promise<SpeakerView | null> {
  const { client, tableName } = ctx;
  const item = await getItem(ctx, keys.speaker(key));
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

async function getNewsSince({ client, tableName }: StoreContext, day: string, maxDays: number): Promise<NewsSince> {
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

/** One entry a person: the later wins (a name item's entry is as fresh as the directory's, a round writes both). */
function uniquePeople(people: SpeakerEntry[]): SpeakerEntry[] {
  return [...new Map(people.map((p) => [p.key, p])).values()];
}

import { inflateRawSync } from 'node:zlib';
import {
  type AttributeValue,
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
} from '@aws-sdk/client-dynamodb';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Article } from '../../lambda/articles/article.js';
import { nearDuplicateFingerprint } from '../../lambda/articles/fingerprint.js';
import type { ArticleFacts } from '../../lambda/facts/fact.js';
import { meterDynamoUsage } from '../../lambda/store/dynamo-usage.js';
import { encodePayload, payloadItem, StoreItemError, toKey } from '../../lambda/store/items.js';
import { keys } from '../../lambda/store/keys.js';
import type { TalksStore } from '../../lambda/store/ports.js';
import { VIEW_LIMITS } from '../../lambda/views/limits.js';
import { backends, openStoreOn, type RunningServer, type StoreOptions, type TestStore } from './backends.js';
import { factsOf, guarantor, makeArticle, mention, person, position, statement } from './fixtures.js';

/*
 * The store's integration suite: every test runs unchanged against dynalite and DynamoDB Local.
 * Fixture: two articles on the same talks. They share one quote (same speaker, same words: one
 * statement with two citations) and one guarantor, and add facts of their own.
 */

const medinsky = person('medinsky', 'Vladimir Medinsky', 'Russia');
const arakhamia = person('arakhamia', 'David Arakhamia', 'Ukraine', ['Arahamia']);
const sharedQuote = 'We have agreed to reduce military activity near Kyiv';

const articleA = makeArticle(
  `Talks in Istanbul ended on Tuesday. "${sharedQuote}," Medinsky told reporters. Ukraine proposed Turkey as a guarantor of its security. Ukraine wants to settle the status of Crimea over 15 years.`,
  { title: 'Talks end in Istanbul', outlet: 'Outlet A', date: '2022-03-29', files: ['a.txt'] },
);
const articleB = makeArticle(
  `Medinsky said: "${sharedQuote}." Arahamia said Ukraine wants guarantors such as Turkey and Poland. Russia insists Crimea is Russian.`,
  {
    title: 'Russia to scale down',
    outlet: 'Outlet B',
    date: '2022-03-30',
    url: 'https://b.example/talks',
    files: ['b.html'],
  },
);

function factsA(): ArticleFacts {
  return factsOf(articleA, {
    people: [medinsky],
    statements: [
      statement(articleA, medinsky, sharedQuote, {
        evidence: `"${sharedQuote}," Medinsky told reporters.`,
        topics: [],
      }),
    ],
    guarantors: [guarantor(articleA, 'Turkey', 'Ukraine proposed Turkey as a guarantor of its security.', 'Ukraine')],
    positions: [position(articleA, 'crimea', 'Ukraine', 'Ukraine wants to settle the status of Crimea over 15 years.')],
  });
}

function factsB(): ArticleFacts {
  return factsOf(articleB, {
    people: [medinsky, arakhamia],
    statements: [
      statement(articleB, medinsky, sharedQuote, { evidence: `Medinsky said: "${sharedQuote}."` }),
      statement(articleB, arakhamia, 'Ukraine wants guarantors such as Turkey and Poland', {
        kind: 'reported',
        evidence: 'Arahamia said Ukraine wants guarantors such as Turkey and Poland.',
      }),
    ],
    guarantors: [
      guarantor(articleB, 'Turkey', 'Arahamia said Ukraine wants guarantors such as Turkey and Poland.', 'Ukraine'),
      guarantor(articleB, 'Poland', 'Arahamia said Ukraine wants guarantors such as Turkey and Poland.', 'Ukraine'),
    ],
    positions: [position(articleB, 'crimea', 'Russia', 'Russia insists Crimea is Russian.')],
  });
}

/*
 * Mentions: Zelensky is named in four articles (under two spellings) and never quoted; Medinsky speaks in
 * the first. Dates differ, so which three sentences the person's view keeps (newest first) is defined.
 */
const zelensky = person('zelenski', 'Volodymyr Zelensky', 'Ukraine');
const zelenskyy = person('zelenski', 'Volodymyr Zelenskyy', 'Ukraine', ['Zelenskyy']);
const namingArticles = [
  ['Ukrainian President Volodymyr Zelensky met the delegations in Kyiv.', '2022-03-28', zelensky],
  ['President Volodymyr Zelenskyy spoke to parliament.', '2022-03-30', zelenskyy],
  ['President Volodymyr Zelensky addressed the nation.', '2022-03-31', zelensky],
  ['Ukrainian President Volodymyr Zelenskyy thanked the mediators.', '2022-04-01', zelenskyy],
] as const;
const [articleC, articleD, articleE, articleF] = namingArticles.map(([sentence, date]) =>
  makeArticle(`${sentence} Medinsky said the talks were useful.`, { date, outlet: `Outlet ${date}` }),
) as [Article, Article, Article, Article];

function namingFacts(article: Article, index: number): ArticleFacts {
  const [sentence, , named] = namingArticles[index] as (typeof namingArticles)[number];
  const facts = factsOf(article, { mentions: [mention(article, named, sentence)] });
  if (index > 0) return facts;
  // Only the first article counts Medinsky's words as a statement: a speaker is mentioned too.
  const said = 'Medinsky said the talks were useful.';
  return {
    ...facts,
    people: [medinsky],
    statements: [statement(article, medinsky, 'the talks were useful', { kind: 'reported', evidence: said })],
    mentions: [...facts.mentions, mention(article, medinsky, said)],
  };
}
const namingFactsOf = (articles: Article[]) =>
  articles.map((a) => namingFacts(a, [articleC, articleD, articleE, articleF].indexOf(a)));

/** What `who` reads for the mentioned person and the speaker. */
async function readPeople(store: TalksStore) {
  return {
    directory: await store.getSpeakerDirectory(),
    zelensky: await store.getSpeaker('zelenski', 25),
    medinsky: await store.getSpeaker('medinsky', 25),
    summary: await store.getSummary(),
  };
}

/** Everything a command can read, for comparing two stores. */
async function readAllViews(store: TalksStore) {
  return {
    summary: await store.getSummary(),
    directory: await store.getSpeakerDirectory(),
    medinsky: await store.getSpeaker('medinsky', 50),
    arakhamia: await store.getSpeaker('arakhamia', 50),
    crimea: await store.getTopic('crimea'),
    guarantors: await store.getGuarantors(),
    sources: await store.listSources(50),
  };
}

async function ingest(store: TalksStore, articles: Article[], facts: ArticleFacts[]) {
  const result = await store.storeArticles(articles);
  await store.applyFacts(facts, articles);
  return result;
}

/** The storeArticles round that stored an article, as its META item records it. */
async function roundOf(t: TestStore, article: Article): Promise<string> {
  const { Item } = await t.client.send(
    new GetItemCommand({ TableName: t.tableName, Key: toKey(keys.articleMeta(article.id)) }),
  );
  const meta = JSON.parse(inflateRawSync(Item?.payload?.B ?? new Uint8Array()).toString('utf8'));
  return meta.round;
}

/** A long body whose copies differ only in a sentence and page furniture: a near-duplicate. */
function storyBody(variant: string): string {
  const sentences = Array.from(
    { length: 30 },
    (_, i) => `Negotiators met for round ${i + 1} of talks and discussed corridor number ${i * 7} in detail.`,
  );
  sentences.splice(12, 1, variant);
  return sentences.join(' ');
}

const noWait: StoreOptions = { sleep: async () => {} };

describe.each(backends)('DynamoTalksStore on $name', (backend) => {
  let server: RunningServer;
  let t: TestStore;

  beforeAll(async () => {
    server = await backend.start();
  });
  afterAll(async () => {
    await server?.close();
  });
  beforeEach(async () => {
    t = await openStoreOn(server, noWait);
  });
  afterEach(async () => {
    await t.close();
  });

  describe('articles', () => {
    it('stores an article and reads it back unchanged', async () => {
      const result = await t.store.storeArticles([articleA]);

      expect(result).toEqual({ stored: [articleA.id], duplicates: [] });
      expect(await t.store.getArticle(articleA.id)).toEqual(articleA);
      expect(await t.store.getArticle('0000000000000000')).toBeNull();
    });

    it('keeps a body of one chunk in the article item, and indexes it under 4 band keys with its sketch', async () => {
      // Prepare: one item for metadata and body costs 3 write units for a 5 KB article; apart they cost 1 + 5.
      const body = storyBody('The delegations agreed to meet again next week.');

      const article = makeArticle(body, { files: ['story.txt'] });
      await t.store.storeArticles([article]);

      // Assess: the partition holds the META item only, and every band item lists the article with a sketch.
      const { Items = [] } = await t.client.send(
        new QueryCommand({
          TableName: t.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': { S: `ARTICLE#${article.id}` } },
        }),
      );
      expect(Items.map((i) => i.sk?.S)).toEqual(['META']);
      const meta = JSON.parse(inflateRawSync(Items[0]?.payload?.B ?? new Uint8Array()).toString('utf8'));
      expect(meta).toMatchObject({ body, bodyChunks: 0 });
      expect(meta.nearDuplicateKeys).toEqual(nearDuplicateFingerprint(body).keys.slice(0, 4));
      for (const bandKey of meta.nearDuplicateKeys) {
        const { Item } = await t.client.send(
          new GetItemCommand({ TableName: t.tableName, Key: toKey(keys.nearDuplicateBand(bandKey)) }),
        );
        const band = JSON.parse(inflateRawSync(Item?.payload?.B ?? new Uint8Array()).toString('utf8'));
        expect(band.articles).toEqual([[article.id, expect.stringMatching(/^[0-9a-f]{64}$/)]]);
      }
    });

    it('indexes an article whose first band is full under its fifth, and still finds its copy', async () => {
      // Prepare: the first band item of a story already lists 20 other articles (stock phrases, not evidence).
      const body = storyBody('The delegations agreed to meet again next week.');
      const [firstBand = '', , , , fifthBand = ''] = nearDuplicateFingerprint(body).keys;
      const others = Array.from({ length: 20 }, (_, i) => [`${i}`.padStart(16, 'f'), '00'.repeat(32)]);
      await t.client.send(
        new PutItemCommand({
          TableName: t.tableName,
          Item: payloadItem(keys.nearDuplicateBand(firstBand), { articles: others }),
        }),
      );

      // Act
      const article = makeArticle(body, { files: ['story.txt'] });
      await t.store.storeArticles([article]);
      const copy = makeArticle(storyBody('The delegations agreed to meet again on Monday.'), { files: ['copy.txt'] });
      const result = await t.store.storeArticles([copy]);

      // Assess: bands 2 to 5 list the article; the full band is left as it was; the copy is found.
      const { Item } = await t.client.send(
        new GetItemCommand({ TableName: t.tableName, Key: toKey(keys.articleMeta(article.id)) }),
      );
      const meta = JSON.parse(inflateRawSync(Item?.payload?.B ?? new Uint8Array()).toString('utf8'));
      expect(meta.nearDuplicateKeys).toEqual(nearDuplicateFingerprint(body).keys.slice(1, 5));
      expect(meta.nearDuplicateKeys).toContain(fifthBand);
      const full = await t.client.send(
        new GetItemCommand({ TableName: t.tableName, Key: toKey(keys.nearDuplicateBand(firstBand)) }),
      );
      expect(JSON.parse(inflateRawSync(full.Item?.payload?.B ?? new Uint8Array()).toString('utf8'))).toEqual({
        articles: others,
      });
      expect(result.duplicates).toEqual([{ id: copy.id, duplicateOf: article.id }]);
    });

    it('marks the articles of a round indexed in one item, not in an item for each article', async () => {
      // Prepare: a marker item an article cost a write unit each; the round's item costs one for the batch.
      const articles = [articleA, articleB, articleC];

      await ingest(t.store, articles, [factsA(), factsB(), ...namingFactsOf([articleC])]);

      // Assess: no article partition holds a marker, and the round item lists all three.
      for (const article of articles) {
        const { Item } = await t.client.send(
          new GetItemCommand({ TableName: t.tableName, Key: toKey(keys.articleIndexed(article.id)) }),
        );
        expect(Item).toBeUndefined();
      }
      const rounds = new Set(await Promise.all(articles.map((a) => roundOf(t, a))));
      expect(rounds.size).toBe(1);
      const { Item } = await t.client.send(
        new GetItemCommand({ TableName: t.tableName, Key: toKey(keys.ingestRound([...rounds][0] ?? '')) }),
      );
      const round = JSON.parse(inflateRawSync(Item?.payload?.B ?? new Uint8Array()).toString('utf8'));
      expect(round.articleIds.sort()).toEqual(articles.map((a) => a.id).sort());
      expect((await t.store.storeArticles(articles)).stored).toEqual([]);
    });

    it('chunks a 5 MB body with multi-byte text into items under the 400 KB limit and joins it back', async () => {
      // A surrogate pair straddles the first chunk boundary; Cyrillic is 2 bytes a character in UTF-8.
      const filler = 'Переговоры в Стамбуле продолжились. 😀 ';
      const body = `${'x'.repeat(64 * 1024 - 1)}😀${filler.repeat(Math.ceil((5 * 1024 * 1024) / 70))}`;
      const big = makeArticle(body, { files: ['big.txt'] });
      expect(Buffer.byteLength(body)).toBeGreaterThan(5 * 1024 * 1024);

      await t.store.storeArticles([big]);

      expect(await t.store.getArticle(big.id)).toEqual(big);
      let chunks = 0;
      let startKey: Record<string, AttributeValue> | undefined;
      do {
        const page = await t.client.send(
          new QueryCommand({
            TableName: t.tableName,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :body)',
            ExpressionAttributeValues: { ':pk': { S: `ARTICLE#${big.id}` }, ':body': { S: 'BODY#' } },
            Select: 'COUNT',
            ExclusiveStartKey: startKey,
          }),
        );
        chunks += page.Count ?? 0;
        startKey = page.LastEvaluatedKey;
      } while (startKey);
      // Each chunk is at most 192 KiB of UTF-8, so 5 MB needs more than 26 of them.
      expect(chunks).toBeGreaterThan(26);
    });

    it('reports an article stored and indexed before as a duplicate of itself and writes nothing new', async () => {
      await ingest(t.store, [articleA], [factsA()]);
      const before = await readAllViews(t.store);

      const again = await t.store.storeArticles([articleA]);

      expect(again).toEqual({ stored: [], duplicates: [{ id: articleA.id, duplicateOf: articleA.id }] });
      expect(await readAllViews(t.store)).toEqual(before);
    });

    it('reports an article stored but never indexed as stored again, so facts lost to a crash are applied', async () => {
      await t.store.storeArticles([articleA]);

      const retried = await t.store.storeArticles([articleA]);

      expect(retried.stored).toEqual([articleA.id]);
    });

    it('merges the files and URL of an exact duplicate from a later batch into the stored article', async () => {
      await ingest(t.store, [articleA], [factsA()]);
      const copy = {
        ...articleA,
        files: ['a-copy.html'],
        url: 'https://a.example/talks',
        urls: ['https://a.example/talks'],
      };

      const result = await t.store.storeArticles([copy]);

      expect(result.duplicates).toEqual([{ id: articleA.id, duplicateOf: articleA.id }]);
      const stored = await t.store.getArticle(articleA.id);
      expect(stored?.files).toEqual(['a.txt', 'a-copy.html']);
      expect(stored?.url).toBe('https://a.example/talks');
      const { sources } = await t.store.listSources(10);
      expect(sources[0]).toMatchObject({
        id: articleA.id,
        urls: ['https://a.example/talks'],
        files: ['a.txt', 'a-copy.html'],
      });
    });

    it('merges a near-duplicate from a later batch into the stored article instead of storing it', async () => {
      const original = makeArticle(storyBody('Medinsky called the meeting constructive.'), { files: ['story.txt'] });
      const copy = makeArticle(storyBody('Medinsky described the meeting as constructive.'), {
        files: ['story.html'],
        url: 'https://c.example/story',
      });
      expect(copy.id).not.toBe(original.id);
      await ingest(t.store, [original], [factsOf(original)]);

      const result = await t.store.storeArticles([copy]);

      expect(result).toEqual({ stored: [], duplicates: [{ id: copy.id, duplicateOf: original.id }] });
      expect(await t.store.getArticle(copy.id)).toBeNull();
      const merged = await t.store.getArticle(original.id);
      expect(merged?.files).toEqual(['story.txt', 'story.html']);
      expect(merged?.urls).toEqual(['https://c.example/story']);
    });

    it('merges near-duplicates within one batch and keeps a different article on the same talks apart', async () => {
      const original = makeArticle(storyBody('Medinsky called the meeting constructive.'), { files: ['one.txt'] });
      const copy = makeArticle(storyBody('Medinsky described the meeting as constructive.'), { files: ['two.txt'] });

      const result = await t.store.storeArticles([original, copy, articleA]);

      expect(result.stored).toEqual([original.id, articleA.id]);
      expect(result.duplicates).toEqual([{ id: copy.id, duplicateOf: original.id }]);
      expect((await t.store.getArticle(original.id))?.files).toEqual(['one.txt', 'two.txt']);
    });
  });

  describe('applyFacts', () => {
    it('merges the same quote from two articles into one statement with two citations', async () => {
      await ingest(t.store, [articleA, articleB], [factsA(), factsB()]);

      const speaker = await t.store.getSpeaker('medinsky', 10);
      expect(speaker?.person).toMatchObject({ statementCount: 1, directCount: 1, articleCount: 2 });
      expect(speaker?.statements[0]?.citations.map((c) => c.articleId)).toEqual([articleA.id, articleB.id]);
      expect(speaker?.sources.map((s) => s.id)).toEqual([articleA.id, articleB.id]);

      const guarantors = await t.store.getGuarantors();
      expect(guarantors.guarantors.map((g) => [g.country, g.citations.length])).toEqual([
        ['Turkey', 2],
        ['Poland', 1],
      ]);
      const crimea = await t.store.getTopic('crimea');
      expect(crimea).toMatchObject({ label: 'Crimea', totalPositions: 2 });
      expect(crimea?.positions.map((p) => p.party).sort()).toEqual(['Russia', 'Ukraine']);

      const summary = await t.store.getSummary();
      expect(summary?.articleCount).toBe(2);
      expect(summary?.totalSpeakers).toBe(2);
      expect(summary?.speakers.map((s) => s.key)).toEqual(['medinsky', 'arakhamia']);
      expect(summary?.topics.map((topic) => topic.id)).toEqual(expect.arrayContaining(['crimea', 'donbas']));
      expect(summary?.sources.map((s) => s.id).sort()).toEqual([articleA.id, articleB.id].sort());
    });

    it('changes nothing when the same article is applied twice', async () => {
      await ingest(t.store, [articleA], [factsA()]);
      const once = await readAllViews(t.store);

      await t.store.applyFacts([factsA()], [articleA]);

      expect(await readAllViews(t.store)).toEqual(once);
    });

    it('gives the same views for article A then article B as for both in one batch', async () => {
      await ingest(t.store, [articleA], [factsA()]);
      await ingest(t.store, [articleB], [factsB()]);
      const together = await openStoreOn(server, noWait);
      try {
        await ingest(together.store, [articleA, articleB], [factsA(), factsB()]);

        expect(await readAllViews(t.store)).toEqual(await readAllViews(together.store));
      } finally {
        await together.close();
      }
    });

    it('merges a reworded quote from a later batch into the stored statement, as one batch would', async () => {
      const reworded = 'We agreed to reduce military activity near Kyiv';
      const articleC = makeArticle(`"${reworded}," Vladimir Medinsky said after the talks.`, { files: ['c.txt'] });
      const factsC = factsOf(articleC, {
        people: [medinsky],
        statements: [
          statement(articleC, medinsky, reworded, {
            evidence: `"${reworded}," Vladimir Medinsky said after the talks.`,
          }),
        ],
      });
      await ingest(t.store, [articleA], [factsA()]);
      await ingest(t.store, [articleC], [factsC]);
      const together = await openStoreOn(server, noWait);
      try {
        await ingest(together.store, [articleA, articleC], [factsA(), factsC]);

        const speaker = await t.store.getSpeaker('medinsky', 10);
        expect(speaker?.person).toMatchObject({ statementCount: 1, articleCount: 2 });
        expect(speaker?.statements[0]?.citations.map((c) => c.articleId).sort()).toEqual(
          [articleA.id, articleC.id].sort(),
        );
        expect(await readAllViews(t.store)).toEqual(await readAllViews(together.store));
      } finally {
        await together.close();
      }
    });

    it('lists sources newest first with their URLs and counts them once', async () => {
      await ingest(t.store, [articleA], [factsA()]);
      await ingest(t.store, [articleB], [factsB()]);
      await t.store.applyFacts([factsB()], [articleB]);

      const sources = await t.store.listSources(10);

      expect(sources.total).toBe(2);
      expect(sources.sources.map((s) => [s.id, s.urls])).toEqual([
        [articleB.id, ['https://b.example/talks']],
        [articleA.id, []],
      ]);
      expect((await t.store.listSources(1)).sources).toHaveLength(1);
    });

    it('never writes an empty key: a fact with an empty topic id is kept out of topic items', async () => {
      const facts = factsOf(articleA, {
        people: [medinsky],
        statements: [statement(articleA, medinsky, sharedQuote, { topics: [''] })],
        positions: [
          {
            ...position(articleA, 'crimea', 'Ukraine', 'Ukraine wants to settle the status of Crimea over 15 years.'),
            topic: '',
          },
        ],
      });

      await ingest(t.store, [articleA], [facts]);

      expect((await t.store.getSpeaker('medinsky', 5))?.statements).toHaveLength(1);
      expect(await t.store.getTopic('')).toBeNull();
    });
  });

  describe('people who are only mentioned', () => {
    it('counts the articles naming them, keeps the newest three sentences, and lists them after every speaker', async () => {
      await ingest(t.store, [articleC, articleD], namingFactsOf([articleC, articleD]));
      await ingest(t.store, [articleE, articleF], namingFactsOf([articleE, articleF]));

      const { directory, zelensky: view, summary } = await readPeople(t.store);
      expect(directory.speakers.map((e) => [e.key, e.statementCount, e.mentionCount])).toEqual([
        ['medinsky', 1, 1],
        ['zelenski', 0, 4],
      ]);
      // Two articles write each spelling: the tie goes to the shorter.
      expect(view?.person).toMatchObject({ name: 'Volodymyr Zelensky', affiliation: 'Ukraine', mentionCount: 4 });
      expect(view?.person.aliases).toContain('Volodymyr Zelenskyy');
      expect(view?.spellings).toEqual([
        { name: 'Volodymyr Zelensky', articles: 2 },
        { name: 'Volodymyr Zelenskyy', articles: 2 },
        { name: 'Zelenskyy', articles: 2 },
      ]);
      expect(view?.statements).toEqual([]);
      expect(view?.mentions.map((c) => c.articleId)).toEqual([articleF.id, articleE.id, articleD.id]);
      for (const c of view?.mentions ?? []) {
        expect([articleC, articleD, articleE, articleF].find((a) => a.id === c.articleId)?.body).toContain(c.evidence);
      }
      expect(view?.sources.map((s) => s.id)).toEqual([articleF.id, articleE.id, articleD.id]);
      expect(summary?.totalSpeakers).toBe(1);
      expect(summary?.speakers.map((s) => s.key)).toEqual(['medinsky']);
    });

    it('keeps counts exact when articles are applied again, alone or with others', async () => {
      const all = [articleC, articleD, articleE, articleF];
      await ingest(t.store, [articleC, articleD], namingFactsOf([articleC, articleD]));
      await ingest(t.store, [articleE, articleF], namingFactsOf([articleE, articleF]));
      const once = await readPeople(t.store);

      await t.store.applyFacts(namingFactsOf([articleD]), [articleD]);
      await t.store.applyFacts(namingFactsOf(all), all);

      expect(await readPeople(t.store)).toEqual(once);
      expect(once.zelensky?.person.mentionCount).toBe(4);
    });

    it('does not count an article twice when an apply stopped before marking it indexed', async () => {
      await ingest(t.store, [articleC], namingFactsOf([articleC]));
      await t.client.send(
        new DeleteItemCommand({ TableName: t.tableName, Key: toKey(keys.ingestRound(await roundOf(t, articleC))) }),
      );

      await t.store.applyFacts(namingFactsOf([articleC]), [articleC]);
      await ingest(t.store, [articleD], namingFactsOf([articleD]));

      expect((await t.store.getSpeaker('zelenski', 25))?.person.mentionCount).toBe(2);
    });

    it('gives the same people whatever batches the articles arrive in', async () => {
      await ingest(t.store, [articleF, articleD], namingFactsOf([articleF, articleD]));
      await ingest(t.store, [articleC], namingFactsOf([articleC]));
      await ingest(t.store, [articleE], namingFactsOf([articleE]));
      const together = await openStoreOn(server, noWait);
      try {
        const all = [articleC, articleD, articleE, articleF];
        await ingest(together.store, all, namingFactsOf(all));

        expect(await readPeople(t.store)).toEqual(await readPeople(together.store));
      } finally {
        await together.close();
      }
    });

    it('answers a mentioned person with one GetItem and writes no wording index for them', async () => {
      await ingest(t.store, [articleD], namingFactsOf([articleD]));
      const meter = meterDynamoUsage(t.client);
      expect(await t.store.getSpeaker('zelenski', 25)).not.toBeNull();
      expect(meter.usage().requestsByOperation).toEqual({ GetItem: 1 });
      const { Item } = await t.client.send(
        new GetItemCommand({ TableName: t.tableName, Key: toKey(keys.speakerWordings('zelenski')) }),
      );
      expect(Item).toBeUndefined();
    });
  });

  describe('reads', () => {
    it('answers every view with one GetItem, and a long speaker page with one more Query', async () => {
      const prolific = person('podolyak', 'Mykhailo Podolyak', 'Ukraine');
      const lines = Array.from({ length: 60 }, (_, i) => `Podolyak said point ${i + 1} matters.`);
      const long = makeArticle(lines.join(' '), { files: ['long.txt'] });
      await ingest(
        t.store,
        [articleA, long],
        [
          factsA(),
          factsOf(long, {
            people: [prolific],
            statements: lines.map((line) => statement(long, prolific, line, { kind: 'reported' })),
          }),
        ],
      );
      const meter = meterDynamoUsage(t.client);
      const reads: [string, () => Promise<unknown>, number][] = [
        ['summary', () => t.store.getSummary(), 1],
        ['directory', () => t.store.getSpeakerDirectory(), 1],
        ['people a name may stand for', () => t.store.findPeople('Vladimir Medinsky'), 1],
        ['speaker', () => t.store.getSpeaker('medinsky', 10), 1],
        ['topic', () => t.store.getTopic('crimea'), 1],
        ['guarantors', () => t.store.getGuarantors(), 1],
        ['sources', () => t.store.listSources(20), 1],
        ['long speaker page', () => t.store.getSpeaker('podolyak', 100), 2],
      ];

      for (const [name, read, expected] of reads) {
        meter.reset();
        const view = await read();
        expect(view, name).not.toBeNull();
        const { requests, requestsByOperation } = meter.usage();
        expect(requests, name).toBe(expected);
        expect(
          Object.keys(requestsByOperation).every((op) => ['GetItem', 'BatchGetItem', 'Query'].includes(op)),
          name,
        ).toBe(true);
      }
      const page = await t.store.getSpeaker('podolyak', 100);
      expect(page?.statements).toHaveLength(60);
      expect(new Set(page?.statements.map((s) => s.id)).size).toBe(60);
      expect(page?.person.statementCount).toBe(60);
    });

    it('keeps the summary far under 400 KB when many speakers say much with long evidence', async () => {
      const padding = 'The delegations spoke at length about the corridors, the ceasefire and the guarantees. '.repeat(
        8,
      );
      const articles: Article[] = [];
      const facts: ArticleFacts[] = [];
      for (let a = 0; a < 12; a++) {
        // One distinct number per speaker and quote: merge.ts keeps wordings with different numbers apart.
        const people = Array.from({ length: 25 }, (_, i) =>
          person(`speaker-${a * 100 + i}`, `Speaker ${a * 100 + i}`, 'Russia'),
        );
        const quotes = people.map((p) => `${p.name} said ${padding} in this statement.`);
        const article = makeArticle(quotes.join(' '), {
          files: [`many-${a}.txt`],
          date: `2022-04-${String(a + 1).padStart(2, '0')}`,
        });
        articles.push(article);
        facts.push(
          factsOf(article, {
            people,
            statements: people.map((p, i) =>
              statement(article, p, quotes[i] as string, { topics: ['crimea'], kind: i % 2 ? 'direct' : 'reported' }),
            ),
            guarantors: people.slice(0, 10).map((_, i) => guarantor(article, `Country ${i}`, quotes[i] as string)),
            positions: people.map((_, i) =>
              position(article, 'crimea', i % 2 ? 'Russia' : 'Ukraine', quotes[i] as string),
            ),
          }),
        );
      }

      await ingest(t.store, articles.slice(0, 6), facts.slice(0, 6));
      await ingest(t.store, articles.slice(6), facts.slice(6));

      const { Item } = await t.client.send(new GetItemCommand({ TableName: t.tableName, Key: toKey(keys.summary()) }));
      const stored = Item?.payload?.B;
      expect(stored?.length).toBeLessThan(400 * 1024);
      const bytes = stored ? inflateRawSync(stored).length : 0;
      expect(bytes).toBeGreaterThan(0);
      expect(bytes).toBeLessThanOrEqual(VIEW_LIMITS.bytes.summary);
      const summary = await t.store.getSummary();
      expect(summary?.totalSpeakers).toBe(300);
      expect(summary?.speakers.length).toBeLessThanOrEqual(VIEW_LIMITS.summary.speakers);
      expect((await t.store.getSpeakerDirectory()).speakers).toHaveLength(300);
      const crimea = await t.store.getTopic('crimea');
      expect(crimea?.totalStatements).toBe(300);
      expect(crimea?.totalPositions).toBe(300);
      expect(crimea?.statements.length).toBeLessThanOrEqual(VIEW_LIMITS.statementsPerTopic);
    });

    it('rejects a corrupt view item with a StoreItemError that names it', async () => {
      await t.client.send(
        new PutItemCommand({
          TableName: t.tableName,
          Item: { ...toKey(keys.summary()), payload: { B: encodePayload({ articleCount: -1 }) } },
        }),
      );

      await expect(t.store.getSummary()).rejects.toThrow(StoreItemError);
      await expect(t.store.getSummary()).rejects.toThrow(/VIEW#SUMMARY\/VIEW/);
    });

    it('answers an empty table with empty views rather than errors', async () => {
      expect(await t.store.getSummary()).toBeNull();
      expect(await t.store.getSpeaker('nobody', 5)).toBeNull();
      expect(await t.store.getTopic('crimea')).toBeNull();
      expect(await t.store.getSpeakerDirectory()).toEqual({ speakers: [] });
      expect(await t.store.getGuarantors()).toEqual({ guarantors: [], sources: [] });
      expect(await t.store.listSources(5)).toEqual({ total: 0, sources: [] });
    });
  });
});

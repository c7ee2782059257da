import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { answerCommand } from '../../lambda/answers/answer-command.js';
import { parseCommand } from '../../lambda/answers/command.js';
import type { Article } from '../../lambda/articles/article.js';
import { readArticleInputs } from '../../lambda/articles/read-inputs.js';
import { extractArticleFacts, extractCorpusFacts } from '../../lambda/facts/extract.js';
import { ingestInputs } from '../../lambda/ingest/ingest.js';
import { CorpusChangedError } from '../../lambda/store/corpus-generation.js';
import { createDynamoTalksStore } from '../../lambda/store/dynamo-talks-store.js';
import { keys } from '../../lambda/store/keys.js';
import type { TalksStore } from '../../lambda/store/ports.js';
import { textInput } from '../articles/fixtures.js';
import { openAnotherStoreOn, serverPerSuite } from '../store/backends.js';

/*
 * Written for these tests (invented people; the parties of config/topics.json, since a position needs one):
 * - NO_COUNTRY names a negotiator in full with no country while he states terms on Crimea: alone, no party's position;
 * - GIVES_COUNTRY, stored later, gives him his country: the corpus now makes the terms Russia's (a person's country);
 * - ASKS_OFFICE names two people, then speaks as "the Danish foreign minister" (an office by its title alone), and
 *   NAMES_HOLDER, stored later, gives the office to the second of them (an office holder);
 * - BARE_SURNAME names the negotiator by surname alone: the corpus would move his words to the full name, which the
 *   views cannot do to a stored article (they only merge), so it is left and reported.
 */
const NO_COUNTRY = text('Terms at the harbour', 'Coast Times', [
  'Mikhail Darvo said on Tuesday that Crimea would never be handed back, whatever the envoys proposed.',
]);
const GIVES_COUNTRY = text('Envoys named', 'Inland Review', [
  'Russian Deputy Foreign Minister Mikhail Darvo led the delegation to the harbour city on Monday.',
]);
const ASKS_OFFICE = text('Crossings stay closed', 'Upland Courier', [
  'Tomas Brill and Ilse Marrow met the mediators in Tarsk on the second day of talks.',
  'The Danish foreign minister told reporters that the river crossings would stay closed until spring.',
]);
const NAMES_HOLDER = text('Ministers gather in Tarsk', 'Harbour Gazette', [
  'Danish Foreign Minister Ilse Marrow landed in Tarsk on Sunday evening. Marrow said the agenda was settled.',
]);
const BARE_SURNAME = text('Terms restated', 'Valley Daily', [
  'Darvo said again on Friday that the prisoner lists were nearly complete.',
]);

function text(title: string, source: string, sentences: string[]): string {
  return [`Title: ${title}`, `Source: ${source}`, '', ...sentences].join('\n');
}

const suite = serverPerSuite();
const freshStore = async () => (await suite.open()).store;
/** Each text under a name of its own, whatever the order it is given in. */
const inputs = (...texts: string[]) => texts.map((t) => textInput(`report-${t.length}.txt`, t));

/** What users are answered: the summary, the negotiator, the topic, the directory. */
const answers = async (store: TalksStore) =>
  Object.fromEntries(
    await Promise.all(
      ['summary', 'who Darvo', 'topic crimea', 'who'].map(
        async (command) => [command, await answerCommand(parseCommand(command), store)] as const,
      ),
    ),
  );

/** Each text in its own ingest, in order. */
async function oneByOne(...texts: string[]): Promise<TalksStore> {
  const store = await freshStore();
  for (const input of inputs(...texts)) await ingestInputs([input], store);
  return store;
}

async function together(...texts: string[]): Promise<TalksStore> {
  const store = await freshStore();
  await ingestInputs(inputs(...texts), store);
  return store;
}

describe('re-settling stored articles when the corpus learns', () => {
  it("gives a stored article's terms the country a later article teaches, as ingesting both together does", async () => {
    // Act
    const [aThenB, bThenA, both] = [
      await oneByOne(NO_COUNTRY, GIVES_COUNTRY),
      await oneByOne(GIVES_COUNTRY, NO_COUNTRY),
      await together(NO_COUNTRY, GIVES_COUNTRY),
    ];

    // Assess: the same answers every way, and the one batch extraction gives (not vacuous: a Russian position exists).
    expect(await answers(aThenB)).toEqual(await answers(both));
    expect(await answers(bThenA)).toEqual(await answers(both));
    const batch = extractCorpusFacts(readArticleInputs(inputs(NO_COUNTRY, GIVES_COUNTRY)).articles);
    const stored = (await aThenB.getTopic('crimea'))?.positions ?? [];
    expect(stored.map((p) => [p.party, p.stance])).toEqual(batch.positions.map((p) => [p.party, p.stance]));
    expect(stored.map((p) => p.party)).toEqual(['Russia']);
  });

  it('reads again a stored article that asked for an office a later article fills, and reports it when the words move', async () => {
    // Read alone, ASKS_OFFICE gives the minister's words to the first person it names; the corpus gives them to the
    // holder, another person: a fact taken from one person, which the views cannot unmerge.
    const store = await freshStore();
    const [asking] = (await ingestInputs(inputs(ASKS_OFFICE), store)).stored;
    const report = await ingestInputs(inputs(NAMES_HOLDER), store);

    expect(report.notResettled).toEqual([{ id: asking, reason: expect.stringMatching(/take facts away/) }]);
    expect((await store.officeVotes()).asked).toEqual([{ office: 'Denmark|foreign minister', articles: [asking] }]);
  });

  it('reports which stored articles it read again, and re-settles nothing when the same article comes again', async () => {
    const store = await freshStore();
    const [noCountry, givesCountry] = inputs(NO_COUNTRY, GIVES_COUNTRY) as [never, never];
    const first = await ingestInputs([noCountry], store);
    const second = await ingestInputs([givesCountry], store);
    const before = await answers(store);
    const again = await ingestInputs([textInput('copy.txt', GIVES_COUNTRY)], store);

    expect(second.resettled).toEqual(first.stored);
    expect(second.notResettled).toEqual([]);
    expect(again.resettled).toEqual([]);
    expect(await answers(store)).toEqual(before);
  });

  it('leaves, and reports, a stored article whose words the corpus would move to another person', async () => {
    const store = await freshStore();
    const [bare] = (await ingestInputs(inputs(BARE_SURNAME), store)).stored;
    const report = await ingestInputs(inputs(GIVES_COUNTRY), store);

    expect(report.resettled).toEqual([]);
    expect(report.notResettled).toEqual([{ id: bare, reason: expect.stringMatching(/take facts away/) }]);
  });

  it('ends as one ingest of both when two ingests run at once, whichever applies first', async () => {
    const shared = await suite.open();
    const other = openAnotherStoreOn(suite.server, shared.tableName);
    suite.keep(other);
    const [noCountry, givesCountry] = inputs(NO_COUNTRY, GIVES_COUNTRY) as [never, never];

    await Promise.all([ingestInputs([noCountry], shared.store), ingestInputs([givesCountry], other.store)]);

    expect(await answers(shared.store)).toEqual(await answers(await together(NO_COUNTRY, GIVES_COUNTRY)));
  });

  it('has applyFacts refuse, writing nothing, a round settled before another writer applied one', async () => {
    const store = await freshStore();
    const settledAt = await store.corpusGeneration();
    await ingestInputs(inputs(GIVES_COUNTRY), store);
    const before = await answers(store);
    const [article] = readArticleInputs(inputs(NO_COUNTRY)).articles as [Article];
    await store.storeArticles([article]);

    const stale = store.applyFacts([extractArticleFacts(article)], [article], settledAt);

    await expect(stale).rejects.toBeInstanceOf(CorpusChangedError);
    expect(await store.corpusGeneration()).toBe(settledAt + 1);
    expect(await answers(store)).toEqual(before);
  });

  it('fails the round when a re-settled fact cannot be written, and the same upload again ends as one ingest', async () => {
    // Prepare: once armed, every write of the Crimea topic's items fails, as throttling past the retries would: only
    // the stored article's re-settled position writes there.
    const healthy = await suite.open();
    let armed = false;
    const throttled = failingWrites(healthy.client, () => armed, keys.topic('crimea').pk);
    const store = createDynamoTalksStore({ client: throttled, tableName: healthy.tableName });
    const [noCountry, givesCountry] = inputs(NO_COUNTRY, GIVES_COUNTRY) as [never, never];
    await ingestInputs([noCountry], store);

    // Act
    armed = true;
    const failed = ingestInputs([givesCountry], store);
    await expect(failed).rejects.toThrow(/injected/);
    armed = false;
    const redelivered = await ingestInputs([givesCountry], store);

    // Assess: the round was applied whole the second time, the stored article with it.
    expect(redelivered.stored).toHaveLength(1);
    expect(redelivered.resettled).toHaveLength(1);
    expect(await answers(store)).toEqual(await answers(await together(NO_COUNTRY, GIVES_COUNTRY)));
  });
});

/** The client, with every BatchWriteItem that writes an item of `partition` failing while `armed()`. */
function failingWrites(client: DynamoDBClient, armed: () => boolean, partition: string): DynamoDBClient {
  const send = (command: {
    input?: { RequestItems?: Record<string, { PutRequest?: { Item?: { pk?: { S?: string } } } }[]> };
  }) => {
    const requests = Object.values(command.input?.RequestItems ?? {}).flat();
    if (armed() && requests.some((r) => r.PutRequest?.Item?.pk?.S === partition))
      return Promise.reject(
        Object.assign(new Error('throughput exceeded (injected)'), { name: 'ThrottlingException' }),
      );
    return (client.send as (c: unknown) => Promise<unknown>)(command);
  };
  return new Proxy(client, {
    get: (target, prop, receiver) => (prop === 'send' ? send : Reflect.get(target, prop, receiver)),
  });
}

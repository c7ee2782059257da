import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  DynamoDBClient,
  ProvisionedThroughputExceededException,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { batchGetAll, batchWriteAll, StoreWriteError } from '../../lambda/store/batch.js';
import { createDynamoTalksStore } from '../../lambda/store/dynamo-talks-store.js';
import { keys } from '../../lambda/store/keys.js';
import { factsOf, makeArticle, person, statement } from './fixtures.js';

/*
 * Failure injection for what a real DynamoDB-API server will not produce on demand: partial batch
 * results (UnprocessedItems / UnprocessedKeys) and throttling. Everything else is tested on real servers.
 */

const table = 'talks';
const client = new DynamoDBClient({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
const dynamo = mockClient(client);

afterEach(() => {
  dynamo.reset();
});

function puts(n: number): WriteRequest[] {
  return Array.from({ length: n }, (_, i) => ({
    PutRequest: { Item: { pk: { S: `ITEM#${i}` }, sk: { S: 'V' } } },
  }));
}

function sentKeys(): string[] {
  return dynamo
    .commandCalls(BatchWriteItemCommand)
    .flatMap((call) => call.args[0].input.RequestItems?.[table] ?? [])
    .map((r) => r.PutRequest?.Item?.pk?.S ?? r.DeleteRequest?.Key?.pk?.S ?? '?');
}

function recordSleeps() {
  const delays: number[] = [];
  return { delays, sleep: async (ms: number) => void delays.push(ms) };
}

describe('batchWriteAll', () => {
  it('retries items left unprocessed, with growing backoff, until every item is written', async () => {
    const requests = puts(25);
    dynamo
      .on(BatchWriteItemCommand)
      .resolvesOnce({ UnprocessedItems: { [table]: requests.slice(0, 3) } })
      .resolvesOnce({ UnprocessedItems: { [table]: requests.slice(1, 2) } })
      .resolves({});
    const { delays, sleep } = recordSleeps();

    await batchWriteAll(client, table, requests, { sleep, random: () => 1, baseDelayMs: 50 });

    expect(dynamo.commandCalls(BatchWriteItemCommand)).toHaveLength(3);
    expect(new Set(sentKeys())).toEqual(new Set(requests.map((r) => r.PutRequest?.Item?.pk?.S)));
    expect(sentKeys().slice(25)).toEqual(['ITEM#0', 'ITEM#1', 'ITEM#2', 'ITEM#1']);
    expect(delays).toEqual([100, 200]);
  });

  it('sends at most 25 requests per call', async () => {
    dynamo.on(BatchWriteItemCommand).resolves({});

    await batchWriteAll(client, table, puts(60), { sleep: async () => {} });

    const sizes = dynamo.commandCalls(BatchWriteItemCommand).map((c) => c.args[0].input.RequestItems?.[table]?.length);
    expect(sizes).toEqual([25, 25, 10]);
  });

  it('sends one request per key, the later one, so DynamoDB does not reject the batch', async () => {
    dynamo.on(BatchWriteItemCommand).resolves({});
    const first = { PutRequest: { Item: { pk: { S: 'ITEM#0' }, sk: { S: 'V' }, n: { S: 'first' } } } };
    const later = { PutRequest: { Item: { pk: { S: 'ITEM#0' }, sk: { S: 'V' }, n: { S: 'later' } } } };

    await batchWriteAll(client, table, [first, ...puts(3).slice(1), later], { sleep: async () => {} });

    const sent = dynamo.commandCalls(BatchWriteItemCommand)[0]?.args[0].input.RequestItems?.[table] ?? [];
    expect(sent).toHaveLength(3);
    expect(sent.find((r) => r.PutRequest?.Item?.pk?.S === 'ITEM#0')?.PutRequest?.Item?.n?.S).toBe('later');
  });

  it('throws a StoreWriteError naming every unwritten item when items stay unprocessed', async () => {
    const requests = puts(30);
    dynamo.on(BatchWriteItemCommand).callsFake((input) => ({ UnprocessedItems: input.RequestItems }));

    const failure = batchWriteAll(client, table, requests, { sleep: async () => {}, maxAttempts: 4, concurrency: 1 });

    await expect(failure).rejects.toThrow(StoreWriteError);
    const error = (await failure.catch((e: unknown) => e)) as StoreWriteError;
    expect(error.message).toMatch(/after 4 attempts/);
    // The first 25 were never written, nor the 5 of the next batch that was never sent.
    expect(error.unwrittenKeys).toHaveLength(30);
    expect(error.unwrittenKeys).toContain('ITEM#29/V');
    expect(dynamo.commandCalls(BatchWriteItemCommand)).toHaveLength(4);
  });

  it('keeps several batches in flight, never more than its concurrency', async () => {
    let inFlight = 0;
    let mostInFlight = 0;
    dynamo.on(BatchWriteItemCommand).callsFake(async () => {
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
      return {};
    });

    await batchWriteAll(client, table, puts(250), { sleep: async () => {}, concurrency: 4 });

    expect(mostInFlight).toBe(4);
    expect(new Set(sentKeys())).toHaveLength(250);
  });

  it('names the items of every failed batch and of batches never sent when one of several in flight fails', async () => {
    const throttled = new ProvisionedThroughputExceededException({ message: 'Rate exceeded', $metadata: {} });
    dynamo.on(BatchWriteItemCommand).callsFake(async (input: { RequestItems: Record<string, WriteRequest[]> }) => {
      // The second batch fails at once, while the first is still in flight.
      if (input.RequestItems[table]?.[0]?.PutRequest?.Item?.pk?.S === 'ITEM#25') throw throttled;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return {};
    });

    const failure = batchWriteAll(client, table, puts(100), { sleep: async () => {}, concurrency: 2 });

    const error = (await failure.catch((e: unknown) => e)) as StoreWriteError;
    expect(error).toBeInstanceOf(StoreWriteError);
    expect(error.cause).toBe(throttled);
    // Batch 1 (ITEM#0-24) landed; batch 2 failed; batches 3 and 4 were never sent.
    expect(error.unwrittenKeys).toHaveLength(75);
    expect(error.unwrittenKeys).not.toContain('ITEM#0/V');
    expect(error.unwrittenKeys).toContain('ITEM#25/V');
    expect(error.unwrittenKeys).toContain('ITEM#99/V');
    expect(dynamo.commandCalls(BatchWriteItemCommand)).toHaveLength(2);
  });

  it('surfaces throttling as a StoreWriteError with the SDK error as its cause', async () => {
    const throttled = new ProvisionedThroughputExceededException({ message: 'Rate exceeded', $metadata: {} });
    dynamo.on(BatchWriteItemCommand).rejects(throttled);

    const failure = batchWriteAll(client, table, puts(3), { sleep: async () => {} });

    const error = (await failure.catch((e: unknown) => e)) as StoreWriteError;
    expect(error).toBeInstanceOf(StoreWriteError);
    expect(error.message).toMatch(/ProvisionedThroughputExceededException: Rate exceeded/);
    expect(error.unwrittenKeys).toEqual(['ITEM#0/V', 'ITEM#1/V', 'ITEM#2/V']);
    expect(error.cause).toBe(throttled);
  });
});

describe('batchGetAll', () => {
  it('retries unprocessed keys and returns every item found', async () => {
    const keyOf = (i: number) => ({ pk: { S: `ITEM#${i}` }, sk: { S: 'V' } });
    dynamo
      .on(BatchGetItemCommand)
      .resolvesOnce({ Responses: { [table]: [keyOf(0)] }, UnprocessedKeys: { [table]: { Keys: [keyOf(1)] } } })
      .resolves({ Responses: { [table]: [keyOf(1)] } });

    const found = await batchGetAll(client, table, [keyOf(0), keyOf(1), keyOf(2)], { sleep: async () => {} });

    expect([...found.keys()]).toEqual(['ITEM#0/V', 'ITEM#1/V']);
    expect(dynamo.commandCalls(BatchGetItemCommand)).toHaveLength(2);
  });
});

describe('DynamoTalksStore under write failures', () => {
  const article = makeArticle('Medinsky said the talks were constructive.', { files: ['a.txt'] });
  const medinsky = person('medinsky', 'Vladimir Medinsky', 'Russia');
  const facts = factsOf(article, {
    people: [medinsky],
    statements: [statement(article, medinsky, 'the talks were constructive', { kind: 'reported' })],
  });

  it('loses nothing when DynamoDB leaves view writes unprocessed twice', async () => {
    dynamo.on(BatchGetItemCommand).resolves({ Responses: { [table]: [] } });
    let calls = 0;
    dynamo.on(BatchWriteItemCommand).callsFake((input) => {
      calls += 1;
      const sent = input.RequestItems[table] as WriteRequest[];
      return calls <= 2 ? { UnprocessedItems: { [table]: sent.slice(0, 2) } } : {};
    });
    const store = createDynamoTalksStore({ client, tableName: table, sleep: async () => {} });

    await store.applyFacts([facts], [article]);

    const written = sentKeys();
    for (const key of [
      keys.summary().pk,
      keys.speakerDirectory().pk,
      keys.speaker('medinsky').pk,
      `ARTICLE#${article.id}`,
    ]) {
      expect(written).toContain(key);
    }
    const firstBatch = dynamo.commandCalls(BatchWriteItemCommand)[0]?.args[0].input.RequestItems?.[table] ?? [];
    const retried = firstBatch.slice(0, 2).map((r) => r.PutRequest?.Item?.pk?.S);
    expect(written.filter((k) => retried.includes(k)).length).toBeGreaterThanOrEqual(3);
  });

  it('rejects storeArticles with a StoreWriteError when writes are throttled past the SDK retries', async () => {
    dynamo.on(BatchGetItemCommand).resolves({ Responses: { [table]: [] } });
    dynamo
      .on(BatchWriteItemCommand)
      .rejects(new ProvisionedThroughputExceededException({ message: 'Rate exceeded', $metadata: {} }));
    const store = createDynamoTalksStore({ client, tableName: table, sleep: async () => {} });

    await expect(store.storeArticles([article])).rejects.toThrow(StoreWriteError);
    // Band items go first (the article's META, with its body, is the commit point): the first unwritten is one.
    await expect(store.storeArticles([article])).rejects.toThrow(/NEARDUP#r00-[0-9a-f]{8}\/NEARDUP/);
  });
});

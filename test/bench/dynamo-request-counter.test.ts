import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countDynamoRequests } from '../../bench/dynamo-request-counter.js';
import { createDynamoClient } from '../../lambda/store/dynamo-client.js';
import { type EmbeddedDynamo, startEmbeddedDynamo } from '../../lambda/store/embedded-dynamodb.js';
import { ensureTable, PARTITION_KEY, SORT_KEY } from '../../lambda/store/table.js';

describe('countDynamoRequests', () => {
  let dynamo: EmbeddedDynamo;
  beforeAll(async () => {
    dynamo = await startEmbeddedDynamo();
  });
  afterAll(async () => {
    await dynamo.close();
  });

  it('counts every request the client sends, by operation, until reset', async () => {
    const client = createDynamoClient({ endpoint: dynamo.endpoint });
    await ensureTable(client, 'bench-counter');
    const counter = countDynamoRequests(client);
    const key = { [PARTITION_KEY]: { S: 'a' }, [SORT_KEY]: { S: 'b' } };

    await client.send(new PutItemCommand({ TableName: 'bench-counter', Item: key }));
    await client.send(new GetItemCommand({ TableName: 'bench-counter', Key: key }));
    await client.send(new GetItemCommand({ TableName: 'bench-counter', Key: key }));

    expect(counter.total()).toBe(3);
    expect(counter.byOperation()).toEqual({ PutItem: 1, GetItem: 2 });
    counter.reset();
    expect(counter.total()).toBe(0);
    client.destroy();
  });
});

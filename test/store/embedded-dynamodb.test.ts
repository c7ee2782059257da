import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, DescribeTableCommand, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { createDynamoClient } from '../../lambda/store/dynamo-client.js';
import { startEmbeddedDynamo } from '../../lambda/store/embedded-dynamodb.js';
import { ensureTable, PARTITION_KEY, SORT_KEY } from '../../lambda/store/table.js';

describe('startEmbeddedDynamo', () => {
  it('serves the DynamoDB API on a free loopback port and stops on close', async () => {
    const server = await startEmbeddedDynamo();
    const client = createDynamoClient({ endpoint: server.endpoint });
    try {
      expect(server.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const { TableNames } = await client.send(new ListTablesCommand({}));
      expect(TableNames).toEqual([]);
    } finally {
      await server.close();
    }
    await expect(client.send(new ListTablesCommand({}))).rejects.toThrow();
    client.destroy();
  });

  it('keeps tables in a folder across restarts when given a path', async () => {
    const path = await mkdtemp(join(tmpdir(), 'talks-dynalite-'));
    try {
      const first = await startEmbeddedDynamo({ path });
      const client = createDynamoClient({ endpoint: first.endpoint });
      await ensureTable(client, 'persisted');
      client.destroy();
      await first.close();

      const second = await startEmbeddedDynamo({ path });
      const again = createDynamoClient({ endpoint: second.endpoint });
      const { TableNames } = await again.send(new ListTablesCommand({}));
      again.destroy();
      await second.close();
      expect(TableNames).toEqual(['persisted']);
    } finally {
      await rm(path, { recursive: true, force: true });
    }
  });
});

describe('ensureTable', () => {
  it('creates the table with the shared key schema, on demand, and is a no-op the second time', async () => {
    const server = await startEmbeddedDynamo();
    const client = createDynamoClient({ endpoint: server.endpoint });
    try {
      await ensureTable(client, 'talks');
      await ensureTable(client, 'talks');
      const { Table } = await client.send(new DescribeTableCommand({ TableName: 'talks' }));
      expect(Table?.TableStatus).toBe('ACTIVE');
      expect(Table?.KeySchema).toEqual([
        { AttributeName: PARTITION_KEY, KeyType: 'HASH' },
        { AttributeName: SORT_KEY, KeyType: 'RANGE' },
      ]);
      expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
      expect(Table?.GlobalSecondaryIndexes).toBeUndefined();
    } finally {
      client.destroy();
      await server.close();
    }
  });

  it('waits for a table another process is creating', async () => {
    const server = await startEmbeddedDynamo();
    const client = createDynamoClient({ endpoint: server.endpoint });
    try {
      await client.send(
        new CreateTableCommand({
          TableName: 'racing',
          AttributeDefinitions: [
            { AttributeName: 'pk', AttributeType: 'S' },
            { AttributeName: 'sk', AttributeType: 'S' },
          ],
          KeySchema: [
            { AttributeName: 'pk', KeyType: 'HASH' },
            { AttributeName: 'sk', KeyType: 'RANGE' },
          ],
          BillingMode: 'PAY_PER_REQUEST',
        }),
      );
      await expect(ensureTable(client, 'racing')).resolves.toBeUndefined();
    } finally {
      client.destroy();
      await server.close();
    }
  });
});

import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceNotFoundException,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';

/*
 * Single-table design (docs/table-design.md). Every item has a string partition key `pk` and a string
 * sort key `sk`; every access pattern the bot has is a GetItem, BatchGetItem or a Query on one
 * partition, so the table needs no secondary index. These constants are the one definition of the
 * table: the CDK stack (lib/) builds the same key schema from them.
 */

/** Partition key attribute name (string). */
export const PARTITION_KEY = 'pk';
/** Sort key attribute name (string). */
export const SORT_KEY = 'sk';
/** The key schema and billing mode, shared by `ensureTable` and the CDK stack. */
export const TABLE_DEFINITION = {
  partitionKey: { name: PARTITION_KEY, type: 'S' },
  sortKey: { name: SORT_KEY, type: 'S' },
  billingMode: 'PAY_PER_REQUEST',
} as const;

function createTableInput(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    AttributeDefinitions: [
      { AttributeName: PARTITION_KEY, AttributeType: 'S' },
      { AttributeName: SORT_KEY, AttributeType: 'S' },
    ],
    KeySchema: [
      { AttributeName: PARTITION_KEY, KeyType: 'HASH' },
      { AttributeName: SORT_KEY, KeyType: 'RANGE' },
    ],
    BillingMode: TABLE_DEFINITION.billingMode,
  };
}

/**
 * Creates the table if it is missing and waits until it is ACTIVE. For local servers and tests; on AWS
 * the CDK stack owns the table.
 */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (Table?.TableStatus === 'ACTIVE') return;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
    try {
      await client.send(new CreateTableCommand(createTableInput(tableName)));
    } catch (createError) {
      // Another process created it between our describe and create: fine, wait for it below.
      if (!(createError instanceof Error && createError.name === 'ResourceInUseException')) throw createError;
    }
  }
  await waitUntilTableExists({ client, maxWaitTime: 60, minDelay: 0.05, maxDelay: 1 }, { TableName: tableName });
}

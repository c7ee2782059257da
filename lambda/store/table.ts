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
/** Global secondary indexes: none, because no access pattern needs one (see docs/table-design.md). */
export const GLOBAL_SECONDARY_INDEXES: readonly string[] = [];

/**
 * The shape of the items the store writes. Bump it when items change so that data written before would
 * answer wrongly or not at all (a view gained a field, a key changed): a local store of another format is
 * then set aside and rebuilt (lambda/cli/local-store.ts) instead of answering from stale items.
 * 2: people mentioned but never quoted are indexed.
 * 3: near-duplicate band keys of 8 bands of 2 rows; a body of one chunk kept in its article's META item;
 *    stored articles marked indexed in one item a round.
 * 4: people are keyed by surname and given-name initial (`personKey`), so namesakes stay apart.
 * 5: near-duplicate band keys of 4 (of 12) MinHash rows found by multi-probe lookups, and a one-permutation
 *    MinHash sketch (lambda/articles/fingerprint.ts).
 * 6: a speaker view counts the articles writing each spelling of the name (`spellings`), which chooses the
 *    name shown; háček letters and "tch" fold in person keys.
 * 7: a name index (`NAME#<surname key>` items) that `who` reads beside the bounded directory, and the
 *    directory's count of every speaker.
 * 8: person keys carry the given name's consonants, not its initial alone (`ionson.mk`, `ionson.mrk`), so
 *    namesakes who share an initial stay apart.
 */
export const STORE_FORMAT = 8;

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

import { BatchWriteItemCommand, type DynamoDBClient, ScanCommand, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { ingestInputs } from '../../lambda/ingest/ingest.js';
import type { Item } from '../../lambda/store/items.js';
import { VIEWS_PREFIX } from '../../lambda/store/keys.js';
import { openStoreOn, type RunningServer, type TestStore } from '../store/backends.js';
import { articleQuoting } from '../store/invented-people.js';

/*
 * A table as store format 8 left it, for the rebuild's tests. Format 9 changed only where the precomputed items
 * are keyed (under `F9#`), not what they hold, so a table this code wrote is turned into a format-8 one by moving
 * every precomputed item back to its format-8 key: `VIEW#SUMMARY`, `SPEAKER#<key>`, `ROUND#<id>`, and an
 * article's `INDEXED` marker. The articles, bands and flags stay where they are, as every format keeps them.
 */

/** Every item of the table, Scan page by Scan page. */
export async function allItems(client: DynamoDBClient, tableName: string): Promise<Item[]> {
  const items: Item[] = [];
  let start: Item | undefined;
  do {
    const page = await client.send(
      new ScanCommand({ TableName: tableName, ExclusiveStartKey: start, ConsistentRead: true }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/** The format-8 key of a format-9 item, or null for an item both formats share. */
function format8Key(item: Item): { pk: string; sk: string } | null {
  const pk = item.pk?.S ?? '';
  const sk = item.sk?.S ?? '';
  if (pk.startsWith(VIEWS_PREFIX)) return { pk: pk.slice(VIEWS_PREFIX.length), sk };
  if (sk.startsWith(VIEWS_PREFIX)) return { pk, sk: sk.slice(VIEWS_PREFIX.length) };
  return null;
}

async function writeAll(client: DynamoDBClient, tableName: string, requests: WriteRequest[]): Promise<void> {
  for (let i = 0; i < requests.length; i += 25) {
    let batch: WriteRequest[] = requests.slice(i, i + 25);
    while (batch.length > 0) {
      const { UnprocessedItems } = await client.send(
        new BatchWriteItemCommand({ RequestItems: { [tableName]: batch } }),
      );
      batch = UnprocessedItems?.[tableName] ?? [];
    }
  }
}

/** Moves this format's precomputed items to format 8's keys; returns how many moved. */
export async function rewriteAsFormat8(client: DynamoDBClient, tableName: string): Promise<number> {
  const moves = (await allItems(client, tableName)).flatMap((item) => {
    const old = format8Key(item);
    return old ? [{ item, old }] : [];
  });
  await writeAll(
    client,
    tableName,
    moves.map(({ item, old }) => ({ PutRequest: { Item: { ...item, pk: { S: old.pk }, sk: { S: old.sk } } } })),
  );
  await writeAll(
    client,
    tableName,
    moves.map(({ item }) => ({ DeleteRequest: { Key: { pk: item.pk ?? { S: '' }, sk: item.sk ?? { S: '' } } } })),
  );
  return moves.length;
}

/** A new table on `server` holding the articles of invented people `people`, as format 8 left it. */
export async function openFormat8Table(server: RunningServer, people: number[]): Promise<TestStore> {
  const t = await openStoreOn(server);
  await ingestInputs(
    people.map((n) => articleQuoting(n)),
    t.store,
  );
  await rewriteAsFormat8(t.client, t.tableName);
  return t;
}

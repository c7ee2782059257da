import {
  BatchGetItemCommand,
  ConditionalCheckFailedException,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
} from '@aws-sdk/client-dynamodb';
import type * as z from 'zod/mini';
import { type GuarantorsView, GuarantorsViewSchema } from '../facts/views.js';
import {
  type PositionRecord,
  PositionRecordSchema,
  type StatementRecord,
  StatementRecordSchema,
} from '../views/records.js';
import { decodePayload, type Item, payloadItem, toKey } from './items.js';
import { FLAGGED_FACT_SK_PREFIX, type ItemKey, keys } from './keys.js';
import type { DocumentName, FactRecords, VersionedDocuments } from './ports.js';

/** Concurrent writers of one document are rare; five fresh reads settle any realistic race. */
const WRITE_ATTEMPTS = 5;

/** BatchGetItem takes at most 100 keys a request. */
const BATCH_GET_KEYS = 100;

/** Thrown when a document changed under every attempt to write it. */
export class DocumentContentionError extends Error {
  override name = 'DocumentContentionError';
}

function documentKey(name: DocumentName): ItemKey {
  switch (name.kind) {
    case 'flag-index':
      return keys.flagIndex();
    case 'flagged-fact':
      return keys.flaggedFact(name.factKey);
    case 'legacy-flag-book':
      return keys.legacyFlagBook();
  }
}

/**
 * Documents and fact records in DynamoDB: a document is one item with a `version` number for optimistic
 * writes (a conditional PutItem on the version read, retried from a fresh consistent read).
 */
export function createDynamoDocuments({
  client,
  tableName,
}: {
  client: DynamoDBClient;
  tableName: string;
}): VersionedDocuments & FactRecords {
  async function getItem(key: ItemKey, consistent = false): Promise<Item | null> {
    const { Item } = await client.send(
      new GetItemCommand({ TableName: tableName, Key: toKey(key), ConsistentRead: consistent }),
    );
    return Item ?? null;
  }

  async function readVersioned<S extends z.ZodMiniType>(
    name: DocumentName,
    schema: S,
  ): Promise<{ value: z.infer<S> | null; version: number }> {
    const item = await getItem(documentKey(name), true);
    if (!item) return { value: null, version: 0 };
    return { value: decodePayload(item, schema), version: Number(item.version?.N ?? 0) };
  }

  async function readMany<S extends z.ZodMiniType>(
    names: readonly DocumentName[],
    schema: S,
  ): Promise<(z.infer<S> | null)[]> {
    const found = new Map<string, z.infer<S>>();
    const idOf = (key: ItemKey) => `${key.pk}\u0000${key.sk}`;
    for (let start = 0; start < names.length; start += BATCH_GET_KEYS) {
      let pending: Item[] = names.slice(start, start + BATCH_GET_KEYS).map((name) => toKey(documentKey(name)));
      // A page of small documents comes back whole; unprocessed keys (throttling) are asked again.
      for (let attempt = 0; pending.length > 0 && attempt < WRITE_ATTEMPTS; attempt += 1) {
        const { Responses, UnprocessedKeys } = await client.send(
          new BatchGetItemCommand({ RequestItems: { [tableName]: { Keys: pending } } }),
        );
        for (const item of Responses?.[tableName] ?? [])
          found.set(idOf({ pk: item.pk?.S ?? '', sk: item.sk?.S ?? '' }), decodePayload(item, schema));
        pending = UnprocessedKeys?.[tableName]?.Keys ?? [];
      }
    }
    return names.map((name) => found.get(idOf(documentKey(name))) ?? null);
  }

  return {
    async read(name, schema) {
      const item = await getItem(documentKey(name));
      return item ? decodePayload(item, schema) : null;
    },
    readMany,
    async readAll(_kind, schema) {
      const documents: z.infer<typeof schema>[] = [];
      let startKey: Item | undefined;
      do {
        const page = await client.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
            ExpressionAttributeValues: {
              ':pk': { S: keys.flagIndex().pk },
              ':prefix': { S: FLAGGED_FACT_SK_PREFIX },
            },
            ConsistentRead: true,
            ExclusiveStartKey: startKey,
          }),
        );
        for (const item of page.Items ?? []) documents.push(decodePayload(item, schema));
        startKey = page.LastEvaluatedKey;
      } while (startKey);
      return documents;
    },
    async update(name, schema, change) {
      for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt += 1) {
        const { value, version } = await readVersioned(name, schema);
        const next = schema.parse(change(value));
        const item = payloadItem(documentKey(name), next);
        item.version = { N: String(version + 1) };
        try {
          await client.send(
            new PutItemCommand({
              TableName: tableName,
              Item: item,
              ConditionExpression: version === 0 ? 'attribute_not_exists(pk)' : 'version = :read',
              ...(version === 0 ? {} : { ExpressionAttributeValues: { ':read': { N: String(version) } } }),
            }),
          );
          return next;
        } catch (error) {
          if (!(error instanceof ConditionalCheckFailedException)) throw error;
        }
      }
      throw new DocumentContentionError(`it changed under ${WRITE_ATTEMPTS} attempts in a row`);
    },
    async getStatementRecord(speakerKey: string, id: string): Promise<StatementRecord | null> {
      const item = await getItem(keys.speakerStatement(speakerKey, id));
      return item ? decodePayload(item, StatementRecordSchema) : null;
    },
    async getPositionRecord(topic: string, id: string): Promise<PositionRecord | null> {
      const item = await getItem(keys.topicPosition(topic, id));
      return item ? decodePayload(item, PositionRecordSchema) : null;
    },
    async getGuarantors(): Promise<GuarantorsView | null> {
      const item = await getItem(keys.guarantors());
      return item ? decodePayload(item, GuarantorsViewSchema) : null;
    },
  };
}

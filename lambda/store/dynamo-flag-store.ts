import {
  ConditionalCheckFailedException,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import type { SourceRef } from '../articles/article.js';
import type { Citation } from '../facts/fact.js';
import type { FactRef } from '../facts/fact-ref.js';
import { GuarantorsViewSchema } from '../facts/views.js';
import { PositionRecordSchema, StatementRecordSchema } from '../views/records.js';
import { EMPTY_FLAG_BOOK, type FactSnapshot, type FlagBook, FlagBookSchema } from './flag-book-schema.js';
import type { FlagStore } from './flag-store.js';
import { decodePayload, type Item, payloadItem, toKey } from './items.js';
import { type ItemKey, keys } from './keys.js';

/** Concurrent flaggers are rare; five fresh reads settle any realistic race. */
const WRITE_ATTEMPTS = 5;

export class FlagBookContentionError extends Error {
  override name = 'FlagBookContentionError';
}

function sourcesOf(citations: readonly Citation[], sources: readonly SourceRef[]): SourceRef[] {
  const cited = new Set(citations.map((c) => c.articleId));
  return sources.filter((s) => cited.has(s.id));
}

/**
 * Flags in DynamoDB: the book is one item (`FLAGS`/`BOOK`) with a `version` number for optimistic
 * writes; a fact's evidence is read from the record ingest keeps of it.
 */
export function createDynamoFlagStore({ client, tableName }: { client: DynamoDBClient; tableName: string }): FlagStore {
  async function getItem(key: ItemKey): Promise<Item | null> {
    const { Item } = await client.send(new GetItemCommand({ TableName: tableName, Key: toKey(key) }));
    return Item ?? null;
  }

  async function readBook(consistent: boolean): Promise<{ book: FlagBook; version: number }> {
    const { Item } = await client.send(
      new GetItemCommand({ TableName: tableName, Key: toKey(keys.flagBook()), ConsistentRead: consistent }),
    );
    if (!Item) return { book: EMPTY_FLAG_BOOK, version: 0 };
    return { book: decodePayload(Item, FlagBookSchema), version: Number(Item.version?.N ?? 0) };
  }

  async function describeFact(ref: FactRef): Promise<FactSnapshot | null> {
    switch (ref.kind) {
      case 'statement': {
        const item = await getItem(keys.speakerStatement(ref.speakerKey, ref.id));
        if (!item) return null;
        const s = decodePayload(item, StatementRecordSchema);
        return {
          lead: s.speaker,
          text: s.text,
          quoted: s.kind === 'direct',
          citations: s.citations,
          sources: sourcesOf(s.citations, s.sources),
        };
      }
      case 'position': {
        const item = await getItem(keys.topicPosition(ref.topic, ref.id));
        if (!item) return null;
        const p = decodePayload(item, PositionRecordSchema);
        return {
          lead: p.party,
          text: p.stance,
          quoted: false,
          citations: p.citations,
          sources: sourcesOf(p.citations, p.sources),
        };
      }
      case 'guarantor': {
        const item = await getItem(keys.guarantors());
        const view = item ? decodePayload(item, GuarantorsViewSchema) : null;
        const g = view?.guarantors.find((x) => x.country === ref.country && x.proposedBy === ref.proposedBy);
        if (!view || !g) return null;
        return {
          lead: g.proposedBy ? `Proposed by ${g.proposedBy}` : 'Proposer not stated',
          text: g.country,
          quoted: false,
          citations: g.citations,
          sources: sourcesOf(g.citations, view.sources),
        };
      }
    }
  }

  return {
    getFlagBook: async () => (await readBook(false)).book,
    describeFact,
    async updateFlagBook(change) {
      for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt += 1) {
        const { book, version } = await readBook(true);
        const next = FlagBookSchema.parse(change(book));
        const item = payloadItem(keys.flagBook(), next);
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
      throw new FlagBookContentionError(`the flags changed under ${WRITE_ATTEMPTS} attempts in a row`);
    },
  };
}

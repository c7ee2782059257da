import * as z from 'zod/mini';
import { batchGetAll } from './batch.js';
import { decodePayload, type Item, toKey } from './items.js';
import { keys } from './keys.js';
import { keyOf, type StoreContext } from './store-context.js';

/*
 * Ingest rounds: which stored articles have their facts applied. storeArticles names the round that stores an
 * article; applyFacts lists the article in its round's item once its facts are in every view.
 */

/** A round's indexed article ids: what marks articles as counted, one item a round instead of one an article. */
const IngestRoundSchema = z.object({ articleIds: z.array(z.string()) });

/** Articles a round id stands for at most, so its item stays far below DynamoDB's 400 KB (17 bytes an id). */
export const ARTICLES_PER_ROUND = 1000;

/**
 * The round of each article storeArticles found not yet indexed, until applyFacts has applied it: a round of
 * applyFacts would otherwise read its 1,000 META items (~5 MB with their bodies) only to learn their round.
 */
export type RoundsStored = Map<string, string>;

/** The article ids each round item lists, for the rounds given (none read when there are none). */
export async function readRounds(
  { client, tableName, retry }: StoreContext,
  roundIds: string[],
): Promise<Map<string, Set<string>>> {
  const unique = [...new Set(roundIds)];
  if (unique.length === 0) return new Map();
  const items = await batchGetAll(
    client,
    tableName,
    unique.map((r) => toKey(keys.ingestRound(r))),
    retry,
  );
  return roundsIn(items, unique);
}

export function roundsIn(items: Map<string, Item>, roundIds: string[]): Map<string, Set<string>> {
  return new Map(
    roundIds.map((r) => {
      const item = items.get(keyOf(keys.ingestRound(r)));
      return [r, new Set(item ? decodePayload(item, IngestRoundSchema).articleIds : [])];
    }),
  );
}

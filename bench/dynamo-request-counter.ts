import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

export interface DynamoRequestCounter {
  /** Requests sent since the last reset, retries included. */
  total(): number;
  /** The same, by operation ("GetItem", "BatchGetItem", "Query", …). */
  byOperation(): Record<string, number>;
  reset(): void;
}

/**
 * Counts the HTTP requests a DynamoDB client sends, with SDK middleware rather than by reading code.
 * It sits in the finalizeRequest step below the retry middleware, so a retried call counts once per
 * attempt: what DynamoDB bills and what the latency pays for.
 */
export function countDynamoRequests(client: DynamoDBClient): DynamoRequestCounter {
  let counts: Record<string, number> = {};
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const operation = (context.commandName ?? 'Unknown').replace(/Command$/, '');
      counts[operation] = (counts[operation] ?? 0) + 1;
      return next(args);
    },
    { step: 'finalizeRequest', priority: 'low', name: 'benchDynamoRequestCounter' },
  );
  return {
    total: () => Object.values(counts).reduce((sum, n) => sum + n, 0),
    byOperation: () => ({ ...counts }),
    reset: () => {
      counts = {};
    },
  };
}

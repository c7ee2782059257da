import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/*
 * What a DynamoDB client costs: requests sent and the capacity units DynamoDB reports consuming. On-demand
 * tables bill by those units (a read unit per 4 KB read strongly, half for an eventually consistent read; a
 * write unit per 1 KB written), so the bench prices ingest and commands from them, and the Lambda functions
 * report them as metrics. Measured with SDK middleware on the client, not by reading the store's code.
 */

/** Requests and consumed capacity units since the last reset. */
export interface DynamoUsage {
  /** HTTP requests sent, retries included: what the latency pays for. */
  requests: number;
  /** The same, by operation ("GetItem", "BatchGetItem", "Query", …). */
  requestsByOperation: Record<string, number>;
  readUnits: number;
  writeUnits: number;
}

export interface DynamoUsageMeter {
  usage(): DynamoUsage;
  reset(): void;
}

/** Operations that read: their consumed capacity is read units, every other operation's is write units. */
const READ_OPERATIONS = new Set(['GetItem', 'BatchGetItem', 'Query', 'Scan', 'TransactGetItems']);

/** Operations that accept `ReturnConsumedCapacity` (table management calls reject it). */
const METERED_OPERATIONS = new Set([
  ...READ_OPERATIONS,
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'BatchWriteItem',
  'TransactWriteItems',
]);

interface ConsumedCapacity {
  CapacityUnits?: number;
}

function unitsOf(consumed: ConsumedCapacity | ConsumedCapacity[] | undefined): number {
  const list = Array.isArray(consumed) ? consumed : consumed ? [consumed] : [];
  return list.reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0);
}

/**
 * Meters a client: asks DynamoDB for the consumed capacity (`ReturnConsumedCapacity: TOTAL`, free of charge)
 * of every data operation the client sends and adds it up, and counts requests. Metering one client twice
 * would count twice: call it once per client.
 */
export function meterDynamoUsage(client: DynamoDBClient): DynamoUsageMeter {
  let usage: DynamoUsage = emptyUsage();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const operation = operationOf(context.commandName);
      if (!METERED_OPERATIONS.has(operation)) return next(args);
      const input = args.input as { ReturnConsumedCapacity?: string };
      input.ReturnConsumedCapacity ??= 'TOTAL';
      const result = await next(args);
      const units = unitsOf(
        (result.output as { ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[] }).ConsumedCapacity,
      );
      if (READ_OPERATIONS.has(operation)) usage.readUnits += units;
      else usage.writeUnits += units;
      return result;
    },
    { step: 'initialize', name: 'talksDynamoCapacityMeter' },
  );
  // Below the retry middleware, so a retried call counts once per attempt.
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const operation = operationOf(context.commandName);
      usage.requests++;
      usage.requestsByOperation[operation] = (usage.requestsByOperation[operation] ?? 0) + 1;
      return next(args);
    },
    { step: 'finalizeRequest', priority: 'low', name: 'talksDynamoRequestCounter' },
  );
  return {
    usage: () => ({ ...usage, requestsByOperation: { ...usage.requestsByOperation } }),
    reset: () => {
      usage = emptyUsage();
    },
  };
}

function operationOf(commandName: string | undefined): string {
  return (commandName ?? 'Unknown').replace(/Command$/, '');
}

function emptyUsage(): DynamoUsage {
  return { requests: 0, requestsByOperation: {}, readUnits: 0, writeUnits: 0 };
}

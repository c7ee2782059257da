import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** Counts the commands a client sends (SDK middleware, so nothing is guessed): `counter.count`, `counter.commands`. */
export function countRequests(client: DynamoDBClient): { readonly count: number; commands: string[]; reset(): void } {
  const commands: string[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      commands.push(context.commandName ?? 'unknown');
      return next(args);
    },
    { step: 'initialize', name: 'talksRequestCounter' },
  );
  return {
    get count() {
      return commands.length;
    },
    commands,
    reset() {
      commands.length = 0;
    },
  };
}

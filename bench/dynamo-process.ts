import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface DynamoProcess {
  endpoint: string;
  /** Stops the server; resolves to its peak RSS in MB. */
  close(): Promise<number>;
}

/**
 * Starts bench/dynamo-server.ts: the embedded DynamoDB in its own process, as a Lambda's table is remote. In memory,
 * or persisted in the LevelDB folder `path`.
 */
export async function startDynamoProcess(opts: { path?: string } = {}): Promise<DynamoProcess> {
  const args = ['--import', 'tsx', join(import.meta.dirname, 'dynamo-server.ts'), ...(opts.path ? [opts.path] : [])];
  const server = spawn(process.execPath, args, {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: server.stdout });
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) throw new Error('the embedded DynamoDB server exited before printing its endpoint');
  return {
    endpoint: first.value,
    close: async () => {
      server.stdin.end();
      const last = await iterator.next();
      return last.done ? 0 : Number(last.value);
    },
  };
}

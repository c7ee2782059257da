import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import dynalite from 'dynalite';

export interface EmbeddedDynamo {
  /** `http://127.0.0.1:<port>`, for `createDynamoClient({ endpoint })`. */
  endpoint: string;
  close(): Promise<void>;
}

/**
 * Starts dynalite (a DynamoDB-API server) inside this process on a free loopback port: in memory, or
 * persisted in `path` (a LevelDB folder) for local runs. For tests and the CLI, never for Lambda.
 */
export async function startEmbeddedDynamo(opts: { path?: string } = {}): Promise<EmbeddedDynamo> {
  if (opts.path) await mkdir(opts.path, { recursive: true });
  // Tables become ACTIVE at once: dynalite otherwise simulates AWS's creation delay (500 ms by default).
  const server = dynalite({
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
    ...(opts.path ? { path: opts.path } : {}),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Clients keep connections alive; without this, close() waits for them to time out.
        server.closeAllConnections();
      }),
  };
}

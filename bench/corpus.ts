import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArticleInput } from '../lambda/articles/read-inputs.js';
import { generateCorpus, sourcesFile } from '../test/fixtures/synthetic/generate-corpus.js';

/** The default corpus the README's first command ingests: the real seed articles. */
export const seedCorpusDir = join(import.meta.dirname, '..', 'data', 'articles');

/** A corpus to ingest: batches of inputs, each with its own sources.json so metadata travels with the batch. */
export interface BenchCorpus {
  label: string;
  /** Article files (sources.json excluded). */
  articleCount: number;
  /** Bytes of the article files. */
  bytes: number;
  batches: ArticleInput[][];
}

/** `size` 0 is the seed corpus (data/articles); any other size a synthetic corpus of that many articles. */
export async function loadCorpus(size: number, seed: number, batchSize: number): Promise<BenchCorpus> {
  if (size === 0) {
    const names = (await readdir(seedCorpusDir)).sort();
    const inputs = await Promise.all(
      names.map(async (name) => ({ name, bytes: new Uint8Array(await readFile(join(seedCorpusDir, name))) })),
    );
    const articles = inputs.filter((input) => input.name !== 'sources.json');
    return {
      label: `seed (${articles.length})`,
      articleCount: articles.length,
      bytes: articles.reduce((sum, a) => sum + a.bytes.length, 0),
      batches: [inputs],
    };
  }
  const articles = generateCorpus({ seed, count: size });
  const batches: ArticleInput[][] = [];
  for (let start = 0; start < articles.length; start += batchSize) {
    const batch = articles.slice(start, start + batchSize);
    batches.push([sourcesFile(batch), ...batch.map(({ name, bytes }) => ({ name, bytes }))]);
  }
  return {
    label: size.toLocaleString('en-US'),
    articleCount: articles.length,
    bytes: articles.reduce((sum, a) => sum + a.bytes.length, 0),
    batches,
  };
}

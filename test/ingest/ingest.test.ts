import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../lambda/articles/article.js';
import { nearDuplicateDetector } from '../../lambda/articles/fingerprint.js';
import type { ArticleInput } from '../../lambda/articles/read-inputs.js';
import type { ArticleFacts } from '../../lambda/facts/fact.js';
import { type FileOutcome, ingestInputs, ingestPaths } from '../../lambda/ingest/ingest.js';
import type { TalksStore } from '../../lambda/store/ports.js';
import { fixtureInput, fixturePath, SEED_DIR, textInput } from '../articles/fixtures.js';
import { freshStoresOnEmbeddedDynamo } from '../store/backends.js';

const nearDuplicates = nearDuplicateDetector;

/** The real store, with a record of which articles each applyFacts call was given. */
function recordingFacts(store: TalksStore): { store: TalksStore; applied: string[][] } {
  const applied: string[][] = [];
  return {
    applied,
    store: {
      ...store,
      applyFacts: (facts: ArticleFacts[], articles: Article[]) => {
        applied.push(articles.map((a) => a.id));
        return store.applyFacts(facts, articles);
      },
    },
  };
}

const counts = (files: FileOutcome[]) => ({
  stored: files.filter((f) => f.outcome === 'stored').length,
  duplicate: files.filter((f) => f.outcome === 'duplicate').length,
  rejected: files.filter((f) => f.outcome === 'rejected').length,
});

const freshStore = freshStoresOnEmbeddedDynamo({ nearDuplicates });

describe('ingestPaths', () => {
  it('stores the seed corpus as four articles, the duplicate file remembered, and applies their facts', async () => {
    const { store, applied } = recordingFacts(await freshStore());
    const progress: FileOutcome[] = [];

    const report = await ingestPaths([SEED_DIR], store, { onProgress: (o) => progress.push(o) });

    expect(counts(report.files)).toEqual({ stored: 4, duplicate: 1, rejected: 0 });
    expect(progress).toEqual(report.files);
    const original = report.files.find((f) => f.file === '001_709e6c175c848506.txt');
    if (original?.outcome !== 'stored') throw new Error('001 was not stored');
    expect(report.duplicates).toEqual([{ file: '000_62788a2fda1a184c.txt', duplicateOf: original.articleId }]);
    expect(applied.flat().sort()).toEqual([...report.stored].sort());
    const { total, sources } = await store.listSources(10);
    expect(total).toBe(4);
    expect(sources.find((s) => s.id === original.articleId)?.files).toEqual([
      '001_709e6c175c848506.txt',
      '000_62788a2fda1a184c.txt',
    ]);
  });

  it('stores nothing new when the same files are ingested again', async () => {
    const { store, applied } = recordingFacts(await freshStore());
    const first = await ingestPaths([SEED_DIR], store);

    const again = await ingestPaths([SEED_DIR], store);

    expect(counts(again.files)).toEqual({ stored: 0, duplicate: 5, rejected: 0 });
    expect(again.stored).toEqual([]);
    expect(applied).toHaveLength(1);
    expect(new Set(again.duplicates.map((d) => d.duplicateOf))).toEqual(new Set(first.stored));
    expect((await store.listSources(10)).total).toBe(4);
  });

  it('rejects bad files with their reasons and stores the rest of the batch', async () => {
    const store = await freshStore();
    const report = await ingestPaths(
      [
        fixturePath('ingest-bad/empty.txt'),
        fixturePath('ingest-formats/header-block.txt'),
        fixturePath('ingest-bad/bad-date-header.txt'),
        fixturePath('ingest-bad/missing.txt'),
        fixturePath('ingest-formats/article.json'),
      ],
      store,
    );
    expect(counts(report.files)).toEqual({ stored: 2, duplicate: 0, rejected: 3 });
    expect(report.rejected.map((r) => r.reason)).toEqual([
      'no such file or directory',
      'empty file',
      'header block: Date "next Tuesday" is not a date (expected e.g. 2022-03-29)',
    ]);
    expect((await store.listSources(10)).total).toBe(2);
  });
});

describe('ingestInputs', () => {
  const harbour = ['web-copy.txt', 'near-copy.txt'].map((f) => fixtureInput(`ingest-duplicates/${f}`));

  it('merges a near-duplicate uploaded in a later batch into the stored article', async () => {
    const store = await freshStore();
    const first = await ingestInputs([harbour[0] as ArticleInput], store);
    const second = await ingestInputs([harbour[1] as ArticleInput], store);

    const [storedId] = first.stored;
    expect(second.files).toEqual([
      {
        file: 'near-copy.txt',
        outcome: 'duplicate',
        articleId: expect.any(String),
        duplicateOf: storedId,
        title: null,
        outlet: null,
      },
    ]);
    const article = await store.getArticle(storedId ?? '');
    expect(article?.files).toEqual(['web-copy.txt', 'near-copy.txt']);
    expect(article?.urls).toEqual([
      'https://ledger.example.com/2023/06/06/harbour-reopens',
      'https://wire.example.com/harbour-reopens',
    ]);
  });

  it('reports S3 keys as they were given', async () => {
    const store = await freshStore();
    const report = await ingestInputs(
      [
        textInput('incoming/2023/a.txt', 'Northland and Southport met on Monday in Valletta.'),
        textInput('incoming/b.bin', 'x'),
      ],
      store,
    );
    expect(report.files.map((f) => [f.file, f.outcome])).toEqual([
      ['incoming/b.bin', 'rejected'],
      ['incoming/2023/a.txt', 'stored'],
    ]);
  });

  it('throws when the store fails, so the caller can retry (ingest is idempotent)', async () => {
    const store = await freshStore();
    const failing: TalksStore = {
      ...store,
      storeArticles: () => Promise.reject(new Error('ProvisionedThroughputExceeded')),
    };
    await expect(ingestInputs(harbour, failing)).rejects.toThrow('ProvisionedThroughputExceeded');
  });
});

describe('ingest idempotence', () => {
  const seedInputs = readdirSync(SEED_DIR).map((name) => ({ name, bytes: readFileSync(`${SEED_DIR}${name}`) }));
  const articleInputs = seedInputs.filter((i) => i.name !== 'sources.json');
  const sourcesInput = seedInputs.filter((i) => i.name === 'sources.json');

  /** A copy of an input whose text was re-spaced: trailing spaces, doubled blank lines, CRLF line ends. */
  const respaced = (input: ArticleInput, style: number): ArticleInput => {
    const text = new TextDecoder().decode(input.bytes);
    const changed =
      [text.replace(/\n/g, '\r\n'), text.replace(/\n\n/g, '\n\n\n'), text.replace(/\n/g, ' \n')][style % 3] ?? text;
    return { name: input.name, bytes: new TextEncoder().encode(changed) };
  };

  it('stores nothing new on a second ingest, whatever the order and spacing of the inputs', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(articleInputs, { minLength: 1 }),
        fc.integer({ min: 0, max: 2 }),
        async (inputs, style) => {
          const store = await freshStore();
          const first = await ingestInputs([...sourcesInput, ...inputs], store);
          const second = await ingestInputs([...sourcesInput, ...inputs.map((i) => respaced(i, style))], store);
          expect(second.stored).toEqual([]);
          expect(counts(second.files)).toEqual({ stored: 0, duplicate: inputs.length, rejected: 0 });
          expect((await store.listSources(10)).total).toBe(first.stored.length);
        },
      ),
      { numRuns: 8 },
    );
  });
});

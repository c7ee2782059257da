import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_ARTICLE_BYTES } from '../../lambda/articles/decode-text.js';
import { createIngestHandler, type IngestHandlerDeps } from '../../lambda/handlers/ingest.js';
import type { TalksStore } from '../../lambda/store/ports.js';
import { createS3ArticleObjects } from '../../lambda/store/s3-objects.js';
import { type TestStore, withEmbeddedStore } from '../store/backends.js';
import { type S3StandIn, s3ClientFor, s3CreatedEvent, startS3StandIn } from './ingest-s3-stand-in.js';

const SEED_DIR = path.resolve(import.meta.dirname, '../../data/articles');
const BUCKET = 'talks-articles';
/** The Moscow Times copy: sources.json gives its outlet and title, the file itself gives neither. */
const SEED_FILE = '001_709e6c175c848506.txt';
const seedBytes = (name: string) => new Uint8Array(readFileSync(path.join(SEED_DIR, name)));

describe('ingest handler', () => {
  let s3: S3StandIn;
  let db: TestStore;
  let logs: { level: string; message: string; fields: Record<string, unknown> }[];
  let s3Client: S3Client;

  function handlerWith(overrides: Partial<IngestHandlerDeps> = {}) {
    return createIngestHandler(() => ({
      objects: createS3ArticleObjects(s3Client),
      store: db.store,
      rejectedPrefix: 'rejected/',
      log: (level, message, fields) => logs.push({ level, message, fields }),
      ...overrides,
    }));
  }

  beforeAll(async () => {
    s3 = await startS3StandIn();
    s3Client = s3ClientFor(s3);
  });
  afterAll(async () => {
    s3Client.destroy();
    await s3.close();
  });
  beforeEach(async () => {
    db = await withEmbeddedStore();
    s3.objects.clear();
    s3.requests.length = 0;
    logs = [];
  });
  afterEach(async () => db.close());

  it('ingests a seed article uploaded under articles/, with the metadata its folder sources.json gives', async () => {
    // Prepare
    s3.put(BUCKET, 'articles/sources.json', seedBytes('sources.json'));
    s3.put(BUCKET, `articles/${SEED_FILE}`, seedBytes(SEED_FILE));

    // Act
    const outcome = await handlerWith()(s3CreatedEvent(BUCKET, [{ key: `articles/${SEED_FILE}`, size: 1000 }]));

    // Assess
    expect(outcome).toEqual({ ingested: [`articles/${SEED_FILE}`], rejected: [], skipped: [] });
    const { total, sources } = await db.store.listSources(10);
    expect(total).toBe(1);
    expect(sources[0]).toMatchObject({
      outlet: 'The Moscow Times',
      title: "Russia to 'Drastically' Wind Down Military Presence Near Kyiv, Chernihiv",
      date: '2022-03-29',
      files: [`articles/${SEED_FILE}`],
    });
    expect(s3.get(BUCKET, `articles/${SEED_FILE}`)).toBeDefined();
  });

  it('ingests an upload in a folder without sources.json, taking metadata from the file alone', async () => {
    s3.put(BUCKET, `articles/${SEED_FILE}`, seedBytes(SEED_FILE));
    const outcome = await handlerWith()(s3CreatedEvent(BUCKET, [{ key: `articles/${SEED_FILE}`, size: 1000 }]));
    expect(outcome.ingested).toEqual([`articles/${SEED_FILE}`]);
    const { sources } = await db.store.listSources(10);
    expect(sources[0]?.outlet).toBeNull();
  });

  it('stores an article once when the same upload event arrives twice (Lambda retries)', async () => {
    s3.put(BUCKET, `articles/${SEED_FILE}`, seedBytes(SEED_FILE));
    const event = s3CreatedEvent(BUCKET, [{ key: `articles/${SEED_FILE}`, size: 1000 }]);
    await handlerWith()(event);
    const second = await handlerWith()(event);
    expect(second.ingested).toEqual([`articles/${SEED_FILE}`]);
    expect((await db.store.listSources(10)).total).toBe(1);
  });

  it('moves a binary upload to rejected/ with its reason, bytes intact, and logs why', async () => {
    const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x00, 0x01]);
    s3.put(BUCKET, 'articles/scan.txt', pdf);

    const outcome = await handlerWith()(s3CreatedEvent(BUCKET, [{ key: 'articles/scan.txt', size: pdf.length }]));

    expect(outcome.rejected).toEqual([
      {
        key: 'articles/scan.txt',
        reason: expect.stringMatching(/binary|UTF-8/),
        movedTo: 'rejected/articles/scan.txt',
      },
    ]);
    expect(s3.get(BUCKET, 'rejected/articles/scan.txt')).toEqual(pdf);
    expect(s3.get(BUCKET, 'articles/scan.txt')).toBeUndefined();
    expect(logs).toContainEqual({
      level: 'warn',
      message: 'Rejected an uploaded file',
      fields: expect.objectContaining({ key: 'articles/scan.txt', reason: outcome.rejected[0]?.reason }),
    });
    expect((await db.store.listSources(10)).total).toBe(0);
  });

  it('rejects an upload with an unsupported extension', async () => {
    s3.put(BUCKET, 'articles/notes.docx', 'Negotiators met in Istanbul.');
    const outcome = await handlerWith()(s3CreatedEvent(BUCKET, [{ key: 'articles/notes.docx', size: 28 }]));
    expect(outcome.rejected[0]?.reason).toMatch(/unsupported file type "\.docx"/);
    expect(s3.get(BUCKET, 'rejected/articles/notes.docx')).toBeDefined();
  });

  it('rejects an upload over the size limit without reading it', async () => {
    s3.put(BUCKET, 'articles/huge.txt', 'stand-in content: the event size is what counts');
    const size = MAX_ARTICLE_BYTES + 1;

    const outcome = await handlerWith()(s3CreatedEvent(BUCKET, [{ key: 'articles/huge.txt', size }]));

    expect(outcome.rejected).toEqual([
      {
        key: 'articles/huge.txt',
        reason: expect.stringMatching(/^file too large: .* \(limit .*\)$/),
        movedTo: 'rejected/articles/huge.txt',
      },
    ]);
    expect(s3.requests).not.toContain(`GET ${BUCKET}/articles/huge.txt`);
  });

  it('ingests the good files of an event and rejects only the bad one', async () => {
    s3.put(BUCKET, `articles/${SEED_FILE}`, seedBytes(SEED_FILE));
    s3.put(BUCKET, 'articles/empty.txt', '');
    const outcome = await handlerWith()(
      s3CreatedEvent(BUCKET, [
        { key: `articles/${SEED_FILE}`, size: 1000 },
        { key: 'articles/empty.txt', size: 0 },
      ]),
    );
    expect(outcome.ingested).toEqual([`articles/${SEED_FILE}`]);
    expect(outcome.rejected.map((r) => [r.key, r.reason])).toEqual([['articles/empty.txt', 'empty file']]);
  });

  it('decodes S3 event keys: "+" is a space and "%2B" a plus', async () => {
    const key = 'articles/peace talks+notes.txt';
    s3.put(BUCKET, key, seedBytes(SEED_FILE));
    const event = s3CreatedEvent(BUCKET, [{ key, size: 1000 }]);
    expect(event.Records[0]?.s3.object.key).toBe('articles/peace+talks%2Bnotes.txt');

    const outcome = await handlerWith()(event);

    expect(outcome.ingested).toEqual([key]);
  });

  it('skips folder markers, sources.json uploads, already-rejected keys and objects deleted before the read', async () => {
    s3.put(BUCKET, 'articles/sources.json', seedBytes('sources.json'));
    const outcome = await handlerWith()(
      s3CreatedEvent(BUCKET, [
        { key: 'articles/2022/', size: 0 },
        { key: 'articles/sources.json', size: 100 },
        { key: 'rejected/articles/x.txt', size: 10 },
        { key: 'articles/gone.txt', size: 10 },
      ]),
    );
    expect(outcome.ingested).toEqual([]);
    expect(outcome.rejected).toEqual([]);
    expect(outcome.skipped.map((s) => s.key)).toEqual([
      'articles/2022/',
      'articles/sources.json',
      'rejected/articles/x.txt',
      'articles/gone.txt',
    ]);
    expect(outcome.skipped[3]?.reason).toMatch(/does not exist/);
  });

  it('throws when the store fails, leaving the upload in place for the retry', async () => {
    s3.put(BUCKET, `articles/${SEED_FILE}`, seedBytes(SEED_FILE));
    // Failure injection: the embedded DynamoDB cannot be made to fail a write on demand.
    const failingStore: TalksStore = {
      ...db.store,
      storeArticles: async () => {
        throw Object.assign(new Error('Throughput exceeded'), { name: 'ProvisionedThroughputExceededException' });
      },
    };

    await expect(
      handlerWith({ store: failingStore })(s3CreatedEvent(BUCKET, [{ key: `articles/${SEED_FILE}`, size: 1000 }])),
    ).rejects.toThrow('Throughput exceeded');
    expect(s3.get(BUCKET, `articles/${SEED_FILE}`)).toBeDefined();
    expect([...s3.objects.keys()].filter((key) => key.includes('rejected/'))).toEqual([]);
  });

  it('refuses an event that is not an S3 notification, naming the missing field', async () => {
    await expect(handlerWith()({ Records: [{ s3: { bucket: { name: BUCKET } } }] })).rejects.toThrow(/object/);
    await expect(handlerWith()({ detail: {} })).rejects.toThrow(/Records/);
  });
});

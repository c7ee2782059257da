import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_ARTICLE_BYTES } from '../../lambda/articles/decode-text.js';
import {
  createIngestHandler,
  IngestEventError,
  type IngestHandlerDeps,
  type IngestOutcome,
} from '../../lambda/handlers/ingest.js';
import { FACT_CATEGORIES, SERVICES } from '../../lambda/observability/metric-names.js';
import { createTelemetry } from '../../lambda/observability/telemetry.js';
import type { TalksStore } from '../../lambda/store/ports.js';
import { createS3ArticleObjects } from '../../lambda/store/s3-objects.js';
import { type TestStore, withEmbeddedStore } from '../store/backends.js';
import { type S3StandIn, s3ClientFor, startS3StandIn } from './ingest-s3-stand-in.js';
import { s3CreatedNotification, s3TestEvent, sqsEvent, uploadsEvent } from './upload-events.js';

const SEED_DIR = path.resolve(import.meta.dirname, '../../data/articles');
const BUCKET = 'talks-articles';
/** The Moscow Times copy: sources.json gives its outlet and title, the file itself gives neither. */
const SEED_FILE = '001_709e6c175c848506.txt';
/** Three seed articles that are not copies of one another, so each is stored. */
const DISTINCT_SEEDS = [SEED_FILE, '003_dcca02cc661e344e.txt', '004_c7b77a2c806def36.txt'];
const seedBytes = (name: string) => new Uint8Array(readFileSync(path.join(SEED_DIR, name)));
const upload = (key: string, size = 1000) => ({ key, size });

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

  /** Runs one invocation: Lambda's response, and the outcome the handler logged for operators. */
  async function ingest(event: unknown, overrides: Partial<IngestHandlerDeps> = {}) {
    const response = await handlerWith(overrides)(event);
    const finished = logs.findLast((record) => record.message === 'Ingest finished');
    expect(finished, 'the "Ingest finished" log record').toBeDefined();
    return { response, outcome: finished?.fields as unknown as IngestOutcome };
  }

  /** A store that counts the pipeline's rounds (storeArticles calls) and otherwise is the real one. */
  function countingStore(): { store: TalksStore; rounds: () => number } {
    let rounds = 0;
    const store: TalksStore = {
      ...db.store,
      storeArticles: (articles) => {
        rounds += 1;
        return db.store.storeArticles(articles);
      },
    };
    return { store, rounds: () => rounds };
  }

  /** Uploads the three distinct seed articles with their sources.json and ingests them as one queued batch. */
  async function ingestDistinctSeeds(overrides: Partial<IngestHandlerDeps> = {}) {
    s3.put(BUCKET, 'articles/sources.json', seedBytes('sources.json'));
    for (const name of DISTINCT_SEEDS) s3.put(BUCKET, `articles/${name}`, seedBytes(name));
    const { store, rounds } = countingStore();
    const result = await ingest(
      uploadsEvent(
        BUCKET,
        DISTINCT_SEEDS.map((name) => upload(`articles/${name}`)),
      ),
      { store, ...overrides },
    );
    const { total, sources } = await db.store.listSources(10);
    return { ...result, rounds: rounds(), total, outlets: sources.map((source) => source.outlet).sort() };
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
    s3.denied.clear();
    Object.assign(s3.traffic, { inFlight: 0, peakInFlight: 0 });
    s3.holdReads([], 0);
    s3.requests.length = 0;
    logs = [];
  });
  afterEach(async () => db.close());

  it('ingests a seed article uploaded under articles/, with the metadata its folder sources.json gives', async () => {
    // Prepare
    s3.put(BUCKET, 'articles/sources.json', seedBytes('sources.json'));
    s3.put(BUCKET, `articles/${SEED_FILE}`, seedBytes(SEED_FILE));

    // Act
    const { response, outcome } = await ingest(uploadsEvent(BUCKET, [upload(`articles/${SEED_FILE}`)]));

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    expect(outcome).toEqual({ ingested: [`articles/${SEED_FILE}`], rejected: [], skipped: [], failed: [] });
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

  it('ingests every upload of a batch in one pipeline call, reading sources.json once per folder', async () => {
    const { response, outcome, rounds, total, outlets } = await ingestDistinctSeeds();

    // One round for three messages, where one invocation per upload would take three.
    expect(response).toEqual({ batchItemFailures: [] });
    expect(outcome.ingested).toEqual(DISTINCT_SEEDS.map((name) => `articles/${name}`));
    expect(rounds).toBe(1);
    expect(total).toBe(3);
    expect(outlets).toEqual(['Antiwar.com', 'CBS News', 'The Moscow Times']);
    expect(s3.requests.filter((request) => request === `GET ${BUCKET}/articles/sources.json`)).toHaveLength(1);
  });

  it('reads and ingests a batch larger than its memory budget in parts, losing none of it', async () => {
    // Room for two 1,000-byte uploads at a time, so three take two parts.
    const { response, outcome, rounds, total, outlets } = await ingestDistinctSeeds({ bytesPerPart: 2000 });

    expect(response).toEqual({ batchItemFailures: [] });
    expect(outcome.ingested).toEqual(DISTINCT_SEEDS.map((name) => `articles/${name}`));
    expect(rounds).toBe(2);
    expect(total).toBe(3);
    // sources.json applies in every part, read once.
    expect(outlets).toEqual(['Antiwar.com', 'CBS News', 'The Moscow Times']);
    expect(s3.requests.filter((request) => request === `GET ${BUCKET}/articles/sources.json`)).toHaveLength(1);
  });

  it('reads the objects of a batch concurrently, at most 16 at once', async () => {
    // Prepare
    const keys = Array.from({ length: 40 }, (_, index) => `articles/copy-${index}.txt`);
    for (const key of keys) s3.put(BUCKET, key, seedBytes(SEED_FILE));
    // Each read is answered only once 16 are open together at S3 (or all that are left are), so what is seen
    // open at once does not depend on how fast this machine sends them.
    s3.holdReads(
      keys.map((key) => `${BUCKET}/${key}`),
      16,
    );
    // Reads asked of the S3 adapter and not yet answered: counted when asked, so a batch asking for more than 16
    // at once is counted whether or not its requests reached S3 before the first answers.
    const asked = { open: 0, peak: 0 };
    const s3Objects = createS3ArticleObjects(s3Client);
    const countedObjects: typeof s3Objects = {
      ...s3Objects,
      async read(ref) {
        asked.open += 1;
        asked.peak = Math.max(asked.peak, asked.open);
        try {
          return await s3Objects.read(ref);
        } finally {
          asked.open -= 1;
        }
      },
    };

    // Act
    const { outcome } = await ingest(
      uploadsEvent(
        BUCKET,
        keys.map((key) => upload(key)),
      ),
      { objects: countedObjects },
    );

    // Assess: one after another would never have 16 open at S3 (the reads stay held: a timeout); every read at
    // once would ask for 41.
    expect(outcome.ingested).toHaveLength(40);
    expect(s3.traffic.peakInFlight).toBe(16);
    expect(asked.peak).toBe(16);
  });

  it('ingests an upload in a folder without sources.json, taking metadata from the file alone', async () => {
    s3.put(BUCKET, `articles/${SEED_FILE}`, seedBytes(SEED_FILE));
    const { outcome } = await ingest(uploadsEvent(BUCKET, [upload(`articles/${SEED_FILE}`)]));
    expect(outcome.ingested).toEqual([`articles/${SEED_FILE}`]);
    const { sources } = await db.store.listSources(10);
    expect(sources[0]?.outlet).toBeNull();
  });

  it('stores an article once when its message is delivered again (SQS delivers at least once)', async () => {
    s3.put(BUCKET, `articles/${SEED_FILE}`, seedBytes(SEED_FILE));
    const event = uploadsEvent(BUCKET, [upload(`articles/${SEED_FILE}`)]);
    await ingest(event);
    const { response, outcome } = await ingest(event);
    expect(response).toEqual({ batchItemFailures: [] });
    expect(outcome.ingested).toEqual([`articles/${SEED_FILE}`]);
    expect((await db.store.listSources(10)).total).toBe(1);
  });

  it('reads an object named by two messages of one batch once', async () => {
    s3.put(BUCKET, `articles/${SEED_FILE}`, seedBytes(SEED_FILE));
    const { response, outcome } = await ingest(
      uploadsEvent(BUCKET, [upload(`articles/${SEED_FILE}`), upload(`articles/${SEED_FILE}`)]),
    );
    expect(response).toEqual({ batchItemFailures: [] });
    expect(outcome.ingested).toEqual([`articles/${SEED_FILE}`]);
    expect(s3.requests.filter((request) => request === `GET ${BUCKET}/articles/${SEED_FILE}`)).toHaveLength(1);
    expect((await db.store.listSources(10)).sources[0]?.files).toEqual([`articles/${SEED_FILE}`]);
  });

  it('moves a binary upload to rejected/ with its reason, bytes intact, and logs why', async () => {
    const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x00, 0x01]);
    s3.put(BUCKET, 'articles/scan.txt', pdf);

    const { response, outcome } = await ingest(uploadsEvent(BUCKET, [upload('articles/scan.txt', pdf.length)]));

    expect(response).toEqual({ batchItemFailures: [] });
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
    const { outcome } = await ingest(uploadsEvent(BUCKET, [upload('articles/notes.docx', 28)]));
    expect(outcome.rejected[0]?.reason).toMatch(/unsupported file type "\.docx"/);
    expect(s3.get(BUCKET, 'rejected/articles/notes.docx')).toBeDefined();
  });

  it('rejects an upload over the size limit without reading it', async () => {
    s3.put(BUCKET, 'articles/huge.txt', 'stand-in content: the event size is what counts');

    const { outcome } = await ingest(uploadsEvent(BUCKET, [upload('articles/huge.txt', MAX_ARTICLE_BYTES + 1)]));

    expect(outcome.rejected).toEqual([
      {
        key: 'articles/huge.txt',
        reason: expect.stringMatching(/^file too large: .* \(limit .*\)$/),
        movedTo: 'rejected/articles/huge.txt',
      },
    ]);
    expect(s3.requests).not.toContain(`GET ${BUCKET}/articles/huge.txt`);
  });

  it('ingests the good files of a batch and rejects only the bad one', async () => {
    s3.put(BUCKET, `articles/${SEED_FILE}`, seedBytes(SEED_FILE));
    s3.put(BUCKET, 'articles/empty.txt', '');
    const { response, outcome } = await ingest(
      uploadsEvent(BUCKET, [upload(`articles/${SEED_FILE}`), upload('articles/empty.txt', 0)]),
    );
    expect(response).toEqual({ batchItemFailures: [] });
    expect(outcome.ingested).toEqual([`articles/${SEED_FILE}`]);
    expect(outcome.rejected.map((r) => [r.key, r.reason])).toEqual([['articles/empty.txt', 'empty file']]);
  });

  it('publishes what it stored, merged and rejected, facts by category, time per article and upload age', async () => {
    // Prepare: Powertools writes EMF to the global console in dev mode, with metrics turned back on.
    vi.stubEnv('POWERTOOLS_DEV', 'true');
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: unknown) => {
      lines.push(String(line));
    });
    const { metrics } = createTelemetry(SERVICES.ingest);
    s3.put(BUCKET, 'articles/sources.json', seedBytes('sources.json'));
    s3.put(BUCKET, `articles/${SEED_FILE}`, seedBytes(SEED_FILE));
    s3.put(BUCKET, 'articles/copy.txt', seedBytes(SEED_FILE));
    s3.put(BUCKET, 'articles/empty.txt', new Uint8Array());
    const event = uploadsEvent(BUCKET, [
      upload(`articles/${SEED_FILE}`),
      upload('articles/copy.txt'),
      upload('articles/empty.txt'),
    ]);
    const sentAt = Number(event.Records[0]?.attributes.SentTimestamp);

    // Act
    await ingest(event, { metrics, now: () => sentAt + 90_000 });

    // Assess
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    const records = lines.filter((line) => line.startsWith('{"_aws"')).map((line) => JSON.parse(line));
    const invocation = records.find((r) => 'ArticlesStored' in r);
    expect(invocation).toMatchObject({
      service: SERVICES.ingest,
      ArticlesStored: 1,
      ArticlesMerged: 1,
      ArticlesRejected: 1,
      UploadAge: 90,
      IngestTimePerArticle: expect.any(Number),
    });
    const facts = Object.fromEntries(records.filter((r) => 'Category' in r).map((r) => [r.Category, r.FactsExtracted]));
    expect(Object.keys(facts).sort()).toEqual([...FACT_CATEGORIES].sort());
    expect(facts.statements).toBeGreaterThan(0);
  });

  it('decodes S3 event keys: "+" is a space and "%2B" a plus', async () => {
    const key = 'articles/peace talks+notes.txt';
    s3.put(BUCKET, key, seedBytes(SEED_FILE));
    const notification = s3CreatedNotification(BUCKET, [upload(key)]);
    expect(notification.Records[0]?.s3.object.key).toBe('articles/peace+talks%2Bnotes.txt');

    const { outcome } = await ingest(sqsEvent([JSON.stringify(notification)]));

    expect(outcome.ingested).toEqual([key]);
  });

  it('skips folder markers, sources.json uploads, already-rejected keys and objects deleted before the read', async () => {
    s3.put(BUCKET, 'articles/sources.json', seedBytes('sources.json'));
    const { response, outcome } = await ingest(
      uploadsEvent(BUCKET, [
        upload('articles/2022/', 0),
        upload('articles/sources.json', 100),
        upload('rejected/articles/x.txt', 10),
        upload('articles/gone.txt', 10),
      ]),
    );
    expect(response).toEqual({ batchItemFailures: [] });
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

  it('skips the test message S3 sends when the notification is set up, and ingests the rest of the batch', async () => {
    s3.put(BUCKET, `articles/${SEED_FILE}`, seedBytes(SEED_FILE));
    const event = sqsEvent([
      JSON.stringify(s3TestEvent(BUCKET)),
      JSON.stringify(s3CreatedNotification(BUCKET, [upload(`articles/${SEED_FILE}`)])),
    ]);

    const { response, outcome } = await ingest(event);

    expect(response).toEqual({ batchItemFailures: [] });
    expect(outcome).toEqual({ ingested: [`articles/${SEED_FILE}`], rejected: [], skipped: [], failed: [] });
    expect(logs).toContainEqual({
      level: 'info',
      message: 'Skipped the test message S3 sends when a notification is set up',
      fields: { messageId: event.Records[0]?.messageId },
    });
  });

  it('hands back a message that is not an S3 notification, saying why, and ingests the rest of the batch', async () => {
    // Prepare
    s3.put(BUCKET, `articles/${SEED_FILE}`, seedBytes(SEED_FILE));
    const event = sqsEvent([
      'uploaded articles/x.txt',
      JSON.stringify({ Records: [{ s3: { bucket: { name: BUCKET }, object: { size: 10 } } }] }),
      JSON.stringify(s3CreatedNotification(BUCKET, [upload(`articles/${SEED_FILE}`)])),
    ]);
    const [notJson, noKey] = event.Records.map((record) => record.messageId);

    // Act
    const { response, outcome } = await ingest(event);

    // Assess
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: notJson }, { itemIdentifier: noKey }] });
    expect(outcome.failed).toEqual([
      { messageId: notJson, reason: 'the message body is not JSON' },
      {
        messageId: noKey,
        reason: expect.stringMatching(/^not an S3 event notification: Records\.0\.s3\.object\.key: /),
      },
    ]);
    expect(logs.filter((record) => record.level === 'error').map((record) => record.fields.messageId)).toEqual([
      notJson,
      noKey,
    ]);
    expect(outcome.ingested).toEqual([`articles/${SEED_FILE}`]);
  });

  it('hands back only the message of an object it cannot read, and ingests the rest of the batch', async () => {
    // Prepare
    for (const name of DISTINCT_SEEDS) s3.put(BUCKET, `articles/${name}`, seedBytes(name));
    const unreadable = `articles/${DISTINCT_SEEDS[1]}`;
    s3.denied.add(`${BUCKET}/${unreadable}`);
    const event = uploadsEvent(
      BUCKET,
      DISTINCT_SEEDS.map((name) => upload(`articles/${name}`)),
    );

    // Act
    const { response, outcome } = await ingest(event);

    // Assess
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: event.Records[1]?.messageId }] });
    expect(outcome.failed[0]?.reason).toMatch(`could not read ${unreadable}: AccessDenied`);
    expect(outcome.ingested).toEqual([`articles/${DISTINCT_SEEDS[0]}`, `articles/${DISTINCT_SEEDS[2]}`]);
    expect((await db.store.listSources(10)).total).toBe(2);
    expect(s3.get(BUCKET, unreadable)).toBeDefined();
    expect(s3.get(BUCKET, `rejected/${unreadable}`)).toBeUndefined();
  });

  it('hands back the messages of a folder whose sources.json it cannot read, so they are not stored without it', async () => {
    s3.put(BUCKET, 'articles/2022/sources.json', seedBytes('sources.json'));
    s3.denied.add(`${BUCKET}/articles/2022/sources.json`);
    s3.put(BUCKET, `articles/2022/${SEED_FILE}`, seedBytes(SEED_FILE));
    s3.put(BUCKET, `articles/2023/${DISTINCT_SEEDS[1]}`, seedBytes(DISTINCT_SEEDS[1] as string));
    const event = uploadsEvent(BUCKET, [
      upload(`articles/2022/${SEED_FILE}`),
      upload(`articles/2023/${DISTINCT_SEEDS[1]}`),
    ]);

    const { response, outcome } = await ingest(event);

    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: event.Records[0]?.messageId }] });
    expect(outcome.failed[0]?.reason).toMatch('could not read articles/2022/sources.json: AccessDenied');
    expect(outcome.ingested).toEqual([`articles/2023/${DISTINCT_SEEDS[1]}`]);
  });

  it('hands back the message of a rejected file it cannot move, so the move is tried again', async () => {
    s3.put(BUCKET, 'articles/empty.txt', '');
    const objects = createS3ArticleObjects(s3Client);
    const event = uploadsEvent(BUCKET, [upload('articles/empty.txt', 0)]);

    const { response, outcome } = await ingest(event, {
      // Failure injection: the stand-in cannot fail a copy on demand.
      objects: { ...objects, moveUnder: async () => Promise.reject(new Error('SlowDown: reduce your request rate')) },
    });

    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: event.Records[0]?.messageId }] });
    expect(outcome.failed[0]?.reason).toMatch(/^could not move articles\/empty\.txt under rejected\/: .*SlowDown/);
    expect(outcome.rejected).toEqual([]);
    expect(s3.get(BUCKET, 'articles/empty.txt')).toBeDefined();
  });

  it('fails the whole batch when the store fails, leaving the uploads in place, and completes it when delivered again', async () => {
    // Prepare
    for (const name of DISTINCT_SEEDS) s3.put(BUCKET, `articles/${name}`, seedBytes(name));
    s3.put(BUCKET, 'articles/empty.txt', '');
    const event = uploadsEvent(BUCKET, [
      ...DISTINCT_SEEDS.map((name) => upload(`articles/${name}`)),
      upload('articles/empty.txt', 0),
    ]);
    // Failure injection: the embedded DynamoDB cannot be made to fail a write on demand. The articles are stored,
    // then updating the answers fails, as a throttled BatchWriteItem would after the store's retries.
    const failingStore: TalksStore = {
      ...db.store,
      applyFacts: async () => {
        throw Object.assign(new Error('Throughput exceeded'), { name: 'ProvisionedThroughputExceededException' });
      },
    };

    // Act
    await expect(handlerWith({ store: failingStore })(event)).rejects.toThrow('Throughput exceeded');

    // Assess: nothing was set aside, and the same batch delivered again is ingested in full.
    for (const name of DISTINCT_SEEDS) expect(s3.get(BUCKET, `articles/${name}`)).toBeDefined();
    expect([...s3.objects.keys()].filter((key) => key.includes('rejected/'))).toEqual([]);
    const { response, outcome } = await ingest(event);
    expect(response).toEqual({ batchItemFailures: [] });
    expect(outcome.ingested).toEqual(DISTINCT_SEEDS.map((name) => `articles/${name}`));
    expect(outcome.rejected.map((r) => r.key)).toEqual(['articles/empty.txt']);
    expect((await db.store.listSources(10)).total).toBe(3);
    expect((await db.store.getSummary())?.articleCount).toBe(3);
  });

  it('refuses an event that is not an SQS event, naming the missing field', async () => {
    const handler = handlerWith();
    await expect(handler({ Records: [{ messageId: 'm-1' }] })).rejects.toThrow(IngestEventError);
    await expect(handler({ Records: [{ messageId: 'm-1' }] })).rejects.toThrow(/body/);
    // An S3 notification delivered straight to the function (the old wiring) is refused, not half-read.
    await expect(handler(s3CreatedNotification(BUCKET, [upload('articles/a.txt')]))).rejects.toThrow(/messageId/);
  });
});

import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import type { Article } from '../../lambda/articles/article.js';
import { dedupeArticles, readArticlePaths } from '../../lambda/articles/read-inputs.js';
import { extractArticleFacts, readArticle } from '../../lambda/facts/extract.js';
import { corpusCountries, countryRereading } from '../../lambda/facts/people-identity.js';
import {
  createExtractionThreads,
  type Extraction,
  type ExtractionRun,
  spawnExtractionWorker,
  workersFailedLogger,
} from '../../lambda/ingest/fact-extraction.js';
import { ingestPaths } from '../../lambda/ingest/ingest.js';
import type { TalksStore } from '../../lambda/store/ports.js';
import { SEED_DIR } from '../articles/fixtures.js';
import { freshStoresOnEmbeddedDynamo } from '../store/backends.js';
import { bareArticle, postedTo, shutGate, standInWorker } from './stand-in-worker.js';

const DEV_SET_DIR = fileURLToPath(new URL('../fixtures/dev-set/articles/', import.meta.url));
const REPO = fileURLToPath(new URL('../../', import.meta.url));

async function corpusArticles(): Promise<Article[]> {
  const { articles } = await readArticlePaths([SEED_DIR, DEV_SET_DIR]);
  return dedupeArticles(articles);
}

const onlyFactsOf = async (run: ExtractionRun, one: Article) => (await run.factsOfAll([one]))[0] as Extraction;

const factsOf = (extraction: Extraction) => ('facts' in extraction ? (extraction.facts as unknown) : extraction);

describe('extraction on worker threads', () => {
  const threads = createExtractionThreads(2);
  afterAll(() => threads.close());
  const fresh = freshStoresOnEmbeddedDynamo();

  it('extracts exactly what the ingest thread extracts, for every article of the seed corpus and the dev set', async () => {
    const articles = await corpusArticles();
    const run = threads.start();
    run.add(articles);

    const extracted = await run.factsOfAll(articles);

    expect(extracted).toEqual(articles.map((a) => readArticle(a)));
  });

  it('stores the same answers as extraction on the ingest thread', async () => {
    const answers = async (store: TalksStore) => ({
      summary: await store.getSummary(),
      directory: await store.getSpeakerDirectory(),
      guarantors: await store.getGuarantors(),
      sources: await store.listSources(100),
    });
    const [onThreads, inThread] = [await fresh(), await fresh()];

    // Rounds of 10, so several rounds are in flight on the threads at once.
    const threaded = await ingestPaths([SEED_DIR, DEV_SET_DIR], onThreads, { extraction: threads, batchSize: 10 });
    const plain = await ingestPaths([SEED_DIR, DEV_SET_DIR], inThread, { batchSize: 10 });

    expect(threaded).toEqual(plain);
    expect(plain.stored.length).toBeGreaterThan(40);
    expect(await answers(onThreads)).toEqual(await answers(inThread));
  });

  it('reads articles again with the countries the corpus gives their people and the offices it knows, exactly as the ingest thread does', async () => {
    // Prepare: the corpus's own second readings, as settling the seed corpus and the dev set asks for them.
    const articles = await corpusArticles();
    const { rereading } = countryRereading(
      articles.map((a) => extractArticleFacts(a)),
      [],
    );
    const again = (rereading?.indices ?? []).map((i) => articles[i] as Article);
    const lessons = { placed: rereading?.placed ?? [], offices: rereading?.offices ?? {} };
    const expected = again.map((a) =>
      readArticle(a, { countryOf: corpusCountries(lessons.placed), offices: lessons.offices }),
    );

    // Act
    const extracted = await threads.start().factsOfAll(again, lessons);

    // Assess: not a vacuous check, the countries change what some articles say.
    expect(again.length).toBeGreaterThan(3);
    expect(expected).not.toEqual(again.map((a) => readArticle(a)));
    expect(extracted).toEqual(expected);
  });

  it('refuses corpus records that break their schema, article by article, and goes on extracting', async () => {
    const worker = spawnExtractionWorker();
    const reply = new Promise<{ extractions: Extraction[] }>((resolve) => worker.once('message', resolve));
    const broken = { id: 1, lessons: { placed: [{ key: 'vell|anton', affiliation: null }], offices: {} } };

    worker.postMessage({ seq: 1, articles: [bareArticle('b1')], corpus: broken });
    const [refused] = (await reply).extractions;
    const next = new Promise<{ extractions: Extraction[] }>((resolve) => worker.once('message', resolve));
    worker.postMessage({ seq: 2, articles: [bareArticle('b2')] });
    const [extracted] = (await next).extractions;
    await worker.terminate();

    expect(refused).toEqual({ reason: expect.stringMatching(/^facts could not be extracted/) });
    expect(extracted).toEqual(readArticle(bareArticle('b2')));
  });
});

describe('extraction threads under failure', () => {
  it('retries the articles of a worker that died one by one, and gives the one that killed it a reason', async () => {
    const threads = createExtractionThreads(1, { spawn: standInWorker });
    const articles = [bareArticle('a1'), bareArticle('a2'), bareArticle('a3', 'CRASH here'), bareArticle('a4')];
    // Workers that have extracted something work here: from then on a dead worker is an article's fault.
    await threads.start().factsOfAll([bareArticle('a0')]);

    const run = threads.start();
    run.add(articles);
    const extracted = await run.factsOfAll(articles);
    await threads.close();

    expect(extracted.map(factsOf)).toEqual([
      { articleId: 'a1', seen: 1 },
      { articleId: 'a2', seen: 2 },
      { reason: 'facts could not be extracted (the extraction thread stopped: exit code 3)' },
      // Extracted by the worker started in place of the one that died.
      { articleId: 'a4', seen: 1 },
    ]);
  });

  it('extracts on the calling thread when workers die before extracting anything', async () => {
    const neverStarts = () => new Worker('process.exit(1)', { eval: true });
    const failures: string[] = [];
    const threads = createExtractionThreads(2, { spawn: neverStarts, onWorkersFailed: (why) => failures.push(why) });
    const articles = (await corpusArticles()).slice(0, 3);

    const run = threads.start();
    run.add(articles);
    const extracted = await run.factsOfAll(articles);
    await threads.close();

    expect(extracted).toEqual(articles.map((a) => readArticle(a)));
    expect(failures).toEqual(['exit code 1']);
  });

  it('logs workers that never start as one error line, the same for every Lambda function (ingest, store upgrade)', async () => {
    const neverStarts = () => new Worker('process.exit(1)', { eval: true });
    const lines: { message: string; fields: object }[] = [];
    const logger = { error: (message: string, fields: object) => lines.push({ message, fields }) };
    const threads = createExtractionThreads(2, { spawn: neverStarts, onWorkersFailed: workersFailedLogger(logger) });
    const articles = (await corpusArticles()).slice(0, 1);

    const run = threads.start();
    run.add(articles);
    await run.factsOfAll(articles);
    await threads.close();

    expect(lines).toEqual([
      {
        message: "Extraction worker threads could not start: facts are extracted on the function's thread",
        fields: { why: 'exit code 1' },
      },
    ]);
  });

  it('extracts an article again when a merged copy gave it the title it lacked, and only then', async () => {
    const threads = createExtractionThreads(1, { spawn: standInWorker });
    const untitled = bareArticle('t1');
    const run = threads.start();
    run.add([untitled]);

    const first = await onlyFactsOf(run, untitled);
    const sameAgain = await onlyFactsOf(run, { ...untitled, files: ['t1.txt', 'copy-of-t1.txt'] });
    const titled = await onlyFactsOf(run, { ...untitled, title: 'Talks resume' });
    await threads.close();

    expect([first, sameAgain, titled].map(factsOf)).toEqual([
      { articleId: 't1', seen: 1 },
      { articleId: 't1', seen: 1 },
      { articleId: 't1', seen: 2 },
    ]);
  });

  it('retries alone an article whose worker died on it, whatever its place in the message, the others as they were', async () => {
    // FLAKY kills the first worker that begins it, not the next: only a retry gives it facts.
    const places = [0, 3, 7];
    const extracted = [];
    for (const place of places) {
      const flaky = new Int32Array(new SharedArrayBuffer(4));
      const posted: string[][] = [];
      const threads = createExtractionThreads(1, { spawn: () => postedTo(standInWorker({ flaky }), posted) });
      await threads.start().factsOfAll([bareArticle('p0')]);
      const articles = Array.from({ length: 8 }, (_, i) =>
        bareArticle(`m${i}`, i === place ? 'A FLAKY body.' : `Body of m${i}.`),
      );

      const run = threads.start();
      run.add(articles);
      extracted.push({ place, facts: (await run.factsOfAll(articles)).map(factsOf), posted: posted.slice(2) });
      await threads.close();
    }

    for (const { place, facts, posted } of extracted) {
      // Every article has the stand-in's facts: the flaky one from its retry, alone, on the worker started after.
      expect(facts.map((f) => (f as { articleId: string }).articleId)).toEqual(
        Array.from({ length: 8 }, (_, i) => `m${i}`),
      );
      // Those it had begun (up to the flaky one) alone, one by one; those it had not, in one message as they were.
      const begun = Array.from({ length: place + 1 }, (_, i) => [`m${i}`]);
      const notBegun = Array.from({ length: 7 - place }, (_, i) => `m${place + 1 + i}`);
      expect(posted).toEqual(notBegun.length > 0 ? [...begun, notBegun] : begun);
    }
  });

  it("gives a reason to an article that kills a worker on its message's first article twice, and extracts the rest", async () => {
    const threads = createExtractionThreads(1, { spawn: () => standInWorker() });
    await threads.start().factsOfAll([bareArticle('c0')]);
    const articles = [bareArticle('c1', 'CRASH first'), bareArticle('c2'), bareArticle('c3')];

    const run = threads.start();
    run.add(articles);
    const extracted = await run.factsOfAll(articles);
    await threads.close();

    expect(extracted.map(factsOf)).toEqual([
      { reason: 'facts could not be extracted (the extraction thread stopped: exit code 3)' },
      // The third worker: the second died on c1 sent alone.
      { articleId: 'c2', seen: 1 },
      { articleId: 'c3', seen: 2 },
    ]);
  });

  it("sends the message held behind a dead worker's message back to the queue, not alone", async () => {
    const posted: string[][] = [];
    const threads = createExtractionThreads(1, { spawn: () => postedTo(standInWorker(), posted) });
    await threads.start().factsOfAll([bareArticle('d0')]);
    const articles = Array.from({ length: 16 }, (_, i) => bareArticle(`d${i + 1}`, i === 0 ? 'CRASH' : `Body ${i}.`));

    const run = threads.start();
    run.add(articles);
    // Asked for the first message only, the caller leaves both to the worker (it takes back only what it waits for).
    const first = await run.factsOfAll(articles.slice(0, 8));
    const behind = await run.factsOfAll(articles.slice(8));
    await threads.close();

    const ids = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `d${from + i}`);
    expect(posted.slice(1, 3)).toEqual([ids(1, 8), ids(9, 16)]);
    // d1 alone, and d2-d9 sent behind it as a whole message; d1 kills that worker too, and d2-d9, not begun, go back
    // to the queue as they were, to the worker after it, with the rest.
    expect(posted.slice(3)).toEqual([['d1'], ids(2, 9), ids(2, 9), ids(10, 16)]);
    expect(factsOf(first[0] as Extraction)).toEqual({
      reason: 'facts could not be extracted (the extraction thread stopped: exit code 3)',
    });
    expect([...first.slice(1), ...behind].map(factsOf)).toEqual(
      ids(2, 16).map((articleId, i) => ({ articleId, seen: i + 1 })),
    );
  });
});

describe('extraction threads sending ahead', () => {
  it('sends a worker at most two messages of articles ahead of its replies, however long the queue', async () => {
    const { gate, open } = shutGate();
    const posted: string[][] = [];
    const threads = createExtractionThreads(1, { spawn: () => postedTo(standInWorker({ gate }), posted) });
    const articles = Array.from({ length: 100 }, (_, i) => bareArticle(`q${String(i).padStart(2, '0')}`));
    const ids = (from: number, to: number) => articles.slice(from, to).map((a) => a.id);

    const run = threads.start();
    run.add(articles);
    const sentFirst = posted.slice();
    // Skipping what it holds leaves it holding nothing wanted: two more messages may go.
    run.skip(ids(0, 16));
    const sentAfterSkip = posted.slice();
    open();
    const extracted = await run.factsOfAll(articles.slice(16));
    await threads.close();

    expect(sentFirst).toEqual([ids(0, 8), ids(8, 16)]);
    expect(sentAfterSkip).toEqual([ids(0, 8), ids(8, 16), ids(16, 24), ids(24, 32)]);
    expect(extracted.map((e) => ('facts' in e ? e.facts.articleId : e))).toEqual(ids(16, 100));
    // The worker began none of the skipped articles: its first was q16.
    expect(extracted.map(factsOf)[0]).toEqual({ articleId: 'q16', seen: 1 });
  });

  it('lets the calling thread take back a message sent behind the one the worker is on, and the worker skip it', async () => {
    const { gate, open } = shutGate();
    const threads = createExtractionThreads(1, { spawn: () => standInWorker({ gate }) });
    const articles = Array.from({ length: 24 }, (_, i) => bareArticle(`w${String(i).padStart(2, '0')}`));

    const run = threads.start();
    run.add(articles);
    // w00-w07 and w08-w15 are sent, w16-w23 queued; the worker waits. The caller extracts w08-w23 itself.
    const here = await run.factsOfAll(articles.slice(8));
    open();
    const worker = await run.factsOfAll(articles.slice(0, 8));
    const after = await onlyFactsOf(run, bareArticle('w24'));
    await threads.close();

    expect(here).toEqual(articles.slice(8).map((a) => readArticle(a)));
    expect(worker.map(factsOf)).toEqual(articles.slice(0, 8).map((a, i) => ({ articleId: a.id, seen: i + 1 })));
    // It skipped w08-w15: the next it extracted was its ninth.
    expect(factsOf(after)).toEqual({ articleId: 'w24', seen: 9 });
  });

  it('leaves out skipped articles no worker has begun, queued or sent, and still extracts one if it is asked for', async () => {
    const { gate, open } = shutGate();
    const threads = createExtractionThreads(1, { spawn: () => standInWorker({ gate }) });
    const articles = Array.from({ length: 20 }, (_, i) => bareArticle(`s${String(i).padStart(2, '0')}`));

    const run = threads.start();
    run.add(articles);
    // s00-s07 and s08-s15 are sent, the other 4 wait in the queue; the worker has begun none.
    run.skip(articles.slice(4).map((a) => a.id));
    open();
    const kept = await run.factsOfAll(articles.slice(0, 4));
    const askedAfterAll = await onlyFactsOf(run, articles[15] as Article);
    await threads.close();

    expect(kept.map(factsOf)).toEqual(articles.slice(0, 4).map((a, i) => ({ articleId: a.id, seen: i + 1 })));
    expect(factsOf(askedAfterAll)).toEqual({ articleId: 's15', seen: 5 });
  });

  it.each(['skip', 'caller'])(
    'lets the process end when every article a worker holds was taken back (%s)',
    async (how) => {
      const run = await new Promise<{ code: number | null; stdout: string; timedOut: boolean }>((resolve) => {
        execFile(
          process.execPath,
          ['--import', 'tsx', 'test/ingest/taken-back-exits.ts', how],
          { cwd: REPO, timeout: 30_000 },
          (error, stdout) =>
            resolve({ code: error ? (error.code as number | null) : 0, stdout, timedOut: error?.killed === true }),
        );
      });

      expect(run.timedOut).toBe(false);
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(how === 'skip' ? 'done\n' : 'extracted 8 here\ndone\n');
    },
  );

  it.each([
    // One article, already stored by the first run's default corpus: skipped as soon as the store is asked, maybe
    // before the worker, still starting, has begun it.
    ['one stored article', join(SEED_DIR, '000_62788a2fda1a184c.txt')],
    ['the dev set', DEV_SET_DIR],
  ])(
    'lets the CLI end when it ingests %s, and again with every article skipped',
    async (_, path) => {
      const home = join(mkdtempSync(join(tmpdir(), 'talks-exits-')), 'home');
      const ingest = () =>
        new Promise<{ code: number | null; stdout: string; timedOut: boolean }>((resolve) => {
          execFile(
            process.execPath,
            ['--import', 'tsx', 'lambda/cli/main.ts', 'ingest', path],
            { cwd: REPO, env: { ...process.env, TALKS_HOME: home }, timeout: 120_000 },
            (error, stdout) =>
              resolve({ code: error ? (error.code as number | null) : 0, stdout, timedOut: error?.killed === true }),
          );
        });

      const first = await ingest();
      const again = await ingest();

      expect([first.timedOut, again.timedOut]).toEqual([false, false]);
      expect(first.stdout).toMatch(/\n\d+ stored, \d+ duplicates, 0 rejected\n$/);
      expect(again.stdout).toMatch(/\n0 stored, \d+ duplicates, 0 rejected\n$/);
      expect([first.code, again.code]).toEqual([0, 0]);
    },
    300_000,
  );
});

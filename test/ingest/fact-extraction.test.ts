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
} from '../../lambda/ingest/fact-extraction.js';
import { ingestPaths } from '../../lambda/ingest/ingest.js';
import type { TalksStore } from '../../lambda/store/ports.js';
import { SEED_DIR } from '../articles/fixtures.js';
import { freshStoresOnEmbeddedDynamo } from '../store/backends.js';

const DEV_SET_DIR = fileURLToPath(new URL('../fixtures/dev-set/articles/', import.meta.url));

async function corpusArticles(): Promise<Article[]> {
  const { articles } = await readArticlePaths([SEED_DIR, DEV_SET_DIR]);
  return dedupeArticles(articles);
}

/**
 * Failure injection: a stand-in worker speaking the pool's messages. It "extracts" an article as its id and how
 * many articles it has been sent so far, and exits (as a worker killed by a bug or by memory would) when sent one
 * whose body contains CRASH.
 */
function standInWorker(): Worker {
  return new Worker(
    `const { parentPort } = require('node:worker_threads');
     let seen = 0;
     parentPort.on('message', ({ seq, articles }) => {
       if (articles.some((a) => a.body.includes('CRASH'))) process.exit(3);
       parentPort.postMessage({ seq, extractions: articles.map((a) => ({ facts: { articleId: a.id, seen: ++seen } })) });
     });`,
    { eval: true },
  );
}

const article = (id: string, body = `Body of ${id}.`): Article => ({
  id,
  body,
  title: null,
  outlet: null,
  url: null,
  author: null,
  date: null,
  files: [`${id}.txt`],
  urls: [],
});

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

    worker.postMessage({ seq: 1, articles: [article('b1')], corpus: broken });
    const [refused] = (await reply).extractions;
    const next = new Promise<{ extractions: Extraction[] }>((resolve) => worker.once('message', resolve));
    worker.postMessage({ seq: 2, articles: [article('b2')] });
    const [extracted] = (await next).extractions;
    await worker.terminate();

    expect(refused).toEqual({ reason: expect.stringMatching(/^facts could not be extracted/) });
    expect(extracted).toEqual(readArticle(article('b2')));
  });
});

describe('extraction threads under failure', () => {
  it('retries the articles of a worker that died one by one, and gives the one that killed it a reason', async () => {
    const threads = createExtractionThreads(1, { spawn: standInWorker });
    const articles = [article('a1'), article('a2'), article('a3', 'CRASH here'), article('a4')];
    // Workers that have extracted something work here: from then on a dead worker is an article's fault.
    await threads.start().factsOfAll([article('a0')]);

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

  it('leaves out skipped articles not yet sent to a worker, and still extracts one if it is asked for', async () => {
    const threads = createExtractionThreads(1, { spawn: standInWorker });
    const articles = Array.from({ length: 20 }, (_, i) => article(`s${String(i).padStart(2, '0')}`));

    const run = threads.start();
    run.add(articles);
    // The first message (8 articles) is on its way; the other 12 wait in the queue.
    run.skip(articles.slice(8).map((a) => a.id));
    const sent = await run.factsOfAll(articles.slice(0, 8));
    const askedAfterAll = await onlyFactsOf(run, articles[15] as Article);
    await threads.close();

    expect(sent.map(factsOf)).toEqual(articles.slice(0, 8).map((a, i) => ({ articleId: a.id, seen: i + 1 })));
    expect(factsOf(askedAfterAll)).toEqual({ articleId: 's15', seen: 9 });
  });

  it('extracts an article again when a merged copy gave it the title it lacked, and only then', async () => {
    const threads = createExtractionThreads(1, { spawn: standInWorker });
    const untitled = article('t1');
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
});

import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import * as z from 'zod/mini';
import type { Article } from '../articles/article.js';
import { type ArticleReader, type ArticleReading, type CorpusKnowledge, readArticle } from '../facts/extract.js';
import { type CorpusLessons, CorpusLessonsSchema, corpusCountries } from '../facts/people-identity.js';

/*
 * Fact extraction for the ingest pipeline, on the ingest thread or on worker threads. Extraction needs nothing
 * from the store, so on a machine with a spare core it runs beside the rest of ingest: each article is queued as
 * soon as it is read, workers extract while the ingest thread merges copies, stores the round and waits for
 * DynamoDB, and the next round's articles are extracted while this one's answers are rewritten
 * (lambda/ingest/ingest.ts). The articles read a second time, once the corpus has given their people countries
 * (`countryRereading`), go to the same threads, with what the corpus taught (`CorpusLessons`) as plain data.
 */

/** What a second reading knows, made from the plain data that crosses threads. */
const knowledgeFrom = ({ placed, offices }: CorpusLessons): CorpusKnowledge => ({
  countryOf: corpusCountries(placed),
  offices,
});

/**
 * An article's facts with the guarantee topic they were read with (the corpus pass takes it: `withCorpusGuarantors`),
 * or why they could not be extracted: a bug met on one article must not stop the rest.
 */
export type Extraction = ArticleReading | { reason: string };

/**
 * The extraction of one ingest call's articles. Articles may be added as soon as they are read, before anyone
 * knows whether they will be needed (a copy merged away, an article already stored): extraction that has not
 * begun is dropped for those (`skip`).
 */
export interface ExtractionRun {
  /** Articles whose facts will probably be asked for: extraction may begin now. */
  add(articles: Article[]): void;
  /**
   * The facts of articles, each extracted ahead of time if it was added as it is now. While the caller waits, the
   * calling thread extracts those no worker has begun, from the end of the queue while workers take its head.
   * Given `lessons`, the articles are read again with what the corpus taught (the countries its records give their
   * people, the offices it knows): ahead of every other article, since the caller's round waits for them.
   */
  factsOfAll(articles: Article[], lessons?: CorpusLessons): Promise<Extraction[]>;
  /** Articles whose facts are not needed after all: left out if their extraction has not begun. */
  skip(articleIds: Iterable<string>): void;
}

/** How the pipeline extracts facts. */
export interface FactExtraction {
  start(): ExtractionRun;
}

/** One article's extraction, with a throwing extractor turned into a reason. */
export function extractionOf(article: Article, read: ArticleReader, corpus?: CorpusKnowledge): Extraction {
  try {
    return read(article, corpus);
  } catch (error) {
    return { reason: `facts could not be extracted (${error instanceof Error ? error.message : String(error)})` };
  }
}

/**
 * Extraction on the calling thread, when asked for: nothing is extracted ahead of need, so articles already
 * stored cost no extraction at all. The default, and the only way to inject an extractor (tests).
 */
export function inThreadExtraction(read: ArticleReader = readArticle): FactExtraction {
  return {
    start: () => ({
      add: () => {},
      factsOfAll: async (articles, lessons) => {
        const corpus = lessons && knowledgeFrom(lessons);
        return articles.map((article) => extractionOf(article, read, corpus));
      },
      skip: () => {},
    }),
  };
}

/**
 * What an extraction depends on: the body (which the id is a hash of) and the title (a headline names whose
 * proposal a plan is). A copy merged into an article may bring the title it lacked, and is then extracted again.
 */
const extractedAs = (article: Article) => `${article.id}\u0000${article.title ?? ''}`;

const WORKER_ROLE = 'talks-fact-extraction';

/**
 * Articles sent to a worker in one message: enough to make the messaging cost nothing beside extraction
 * (~5 ms an article), few enough that skipped duplicates are caught before they are sent.
 */
const ARTICLES_PER_MESSAGE = 8;

/**
 * What the corpus taught a second reading (`CorpusLessons`), sent to a thread once (`lessons`) and named by `id` in
 * the messages after: a round's rereadings share them, and they are thousands of records.
 */
const CorpusMessageSchema = z.object({ id: z.number(), lessons: z.optional(CorpusLessonsSchema) });
type CorpusMessage = z.infer<typeof CorpusMessageSchema>;

type WorkerRequest = { seq: number; articles: Article[]; corpus?: CorpusMessage };
type WorkerReply = { seq: number; extractions: Extraction[] };

/**
 * The worker's side: extracts what it is sent with the default extractor, reply by reply, with the corpus knowledge
 * it was last sent when a message names it.
 */
function serveExtractions(port: NonNullable<typeof parentPort>): void {
  let known: { id: number; corpus: CorpusKnowledge } | null = null;
  const corpusOf = (message: unknown): CorpusKnowledge | undefined => {
    if (message === undefined) return undefined;
    const { id, lessons } = z.parse(CorpusMessageSchema, message);
    if (lessons) known = { id, corpus: knowledgeFrom(lessons) };
    if (known?.id !== id) throw new Error(`the extraction thread was never sent corpus ${id}`);
    return known.corpus;
  };
  port.on('message', ({ seq, articles, corpus }: WorkerRequest) => {
    let extractions: Extraction[];
    try {
      const knowledge = corpusOf(corpus);
      extractions = articles.map((a) => extractionOf(a, readArticle, knowledge));
    } catch (error) {
      const reason = `facts could not be extracted (${error instanceof Error ? error.message : String(error)})`;
      extractions = articles.map(() => ({ reason }));
    }
    port.postMessage({ seq, extractions } satisfies WorkerReply);
  });
}

if (!isMainThread && parentPort && (workerData as { role?: unknown } | null)?.role === WORKER_ROLE) {
  serveExtractions(parentPort);
}

/**
 * A worker running this module. Bundled (the Lambda function), the module is the function's bundle, which the
 * worker loads whole and this module's check above turns into an extraction worker. From TypeScript sources (tests,
 * `npm run talks`), Node does not apply a loader given by `--import` to a worker's entry, so the worker imports the
 * module through tsx's API, which it can only reach there (tsx is a development dependency).
 */
export function spawnExtractionWorker(): Worker {
  // No flags of the parent's (such as a runtime's --input-type): the worker needs none, and some are refused.
  const options = { workerData: { role: WORKER_ROLE }, execArgv: [] };
  const url = import.meta.url;
  if (!url.endsWith('.ts')) return new Worker(new URL(url), options);
  const tsxApi = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const self = JSON.stringify(url);
  return new Worker(`import(${tsxApi}).then((tsx) => tsx.tsImport(${self}, ${self}))`, { ...options, eval: true });
}

/** What the corpus taught a second reading (`factsOfAll`'s `lessons`), and the knowledge made of it, made once. */
interface JobCorpus {
  id: number;
  lessons: CorpusLessons;
  knowledge: () => CorpusKnowledge;
}

interface Job {
  article: Article;
  /** For a second reading: what the corpus knows of the article's people. */
  corpus?: JobCorpus;
  settle: (extraction: Extraction) => void;
  promise: Promise<Extraction>;
  state: 'unqueued' | 'queued' | 'sent' | 'done';
  /** Sent again on its own after a worker died with it among others: one bad article must not cost the rest. */
  alone: boolean;
}

interface Thread {
  worker: Worker;
  /** The jobs of the message it is working on, if any. */
  sent: Job[] | null;
  seq: number;
  /** The corpus the worker was last sent (`JobCorpus.id`), which it keeps until sent another. */
  corpusId: number | null;
}

export interface ExtractionThreads extends FactExtraction {
  /** Stops the workers; later runs start new ones. */
  close(): Promise<void>;
}

export interface ExtractionThreadsOptions {
  /** Starts a worker speaking this module's messages; tests inject one that fails. @default this module */
  spawn?: () => Worker;
  /**
   * Told once, if workers die before any has extracted anything, that extraction goes on on the calling thread:
   * ingest still works, at about half the speed, so an operator should hear of it.
   */
  onWorkersFailed?: (why: string) => void;
}

/**
 * Extraction on `threads` worker threads. Articles are extracted in the order runs were started; workers start on
 * the first run and are unreferenced while idle, so they never keep a process alive. A worker that dies takes only
 * the extraction it was doing: its articles are retried one by one, and an article that kills a worker again gets a
 * reason instead of facts. If workers die before any has extracted anything, they cannot work here (a broken
 * bundle, a runtime refusing threads), and every article is extracted on the calling thread instead: a deployment
 * problem must not reject the corpus.
 */
export function createExtractionThreads(
  threads: number,
  { spawn = spawnExtractionWorker, onWorkersFailed }: ExtractionThreadsOptions = {},
): ExtractionThreads {
  const pool: Thread[] = [];
  const queue: Job[] = [];
  let workersProven = false;
  let workersBroken = false;

  function settle(job: Job, extraction: Extraction): void {
    job.state = 'done';
    job.settle(extraction);
  }

  function finish(thread: Thread, extractions: Extraction[]): void {
    const jobs = thread.sent ?? [];
    thread.sent = null;
    workersProven = true;
    jobs.forEach((job, i) => {
      settle(job, extractions[i] ?? { reason: 'the extraction thread returned no result' });
    });
    dispatch();
  }

  function died(thread: Thread, why: string): void {
    pool.splice(pool.indexOf(thread), 1);
    const jobs = thread.sent ?? [];
    thread.sent = null;
    if (!workersProven && !workersBroken) {
      workersBroken = true;
      onWorkersFailed?.(why);
    }
    if (jobs.length > 1 || workersBroken) {
      for (const job of jobs) Object.assign(job, { state: 'queued', alone: true });
      queue.unshift(...jobs);
    } else {
      for (const job of jobs)
        settle(job, { reason: `facts could not be extracted (the extraction thread stopped: ${why})` });
    }
    dispatch();
  }

  function startThread(): Thread {
    const thread: Thread = { worker: spawn(), sent: null, seq: 0, corpusId: null };
    thread.worker.on('message', (reply: WorkerReply) => {
      if (reply.seq === thread.seq) finish(thread, reply.extractions);
    });
    thread.worker.on('error', (error) => died(thread, error.message));
    thread.worker.on('exit', (code) => {
      if (pool.includes(thread)) died(thread, `exit code ${code}`);
    });
    pool.push(thread);
    return thread;
  }

  function dispatch(): void {
    if (workersBroken) {
      for (const job of queue.splice(0)) settle(job, extractionOf(job.article, readArticle, job.corpus?.knowledge()));
      return;
    }
    while (queue.length > 0) {
      const thread = pool.find((t) => t.sent === null) ?? (pool.length < threads ? startThread() : null);
      if (!thread) return;
      const first = queue.shift() as Job;
      const jobs = [first];
      // One message, one corpus: a first reading knows none, a second reading its round's.
      while (
        !first.alone &&
        jobs.length < ARTICLES_PER_MESSAGE &&
        queue[0] &&
        !queue[0].alone &&
        queue[0].corpus === first.corpus
      ) {
        jobs.push(queue.shift() as Job);
      }
      for (const job of jobs) job.state = 'sent';
      thread.sent = jobs;
      thread.seq++;
      thread.worker.ref();
      const request: WorkerRequest = { seq: thread.seq, articles: jobs.map((j) => j.article) };
      if (first.corpus) {
        const { id, lessons } = first.corpus;
        request.corpus = thread.corpusId === id ? { id } : { id, lessons };
        thread.corpusId = id;
      }
      thread.worker.postMessage(request);
    }
    for (const thread of pool) if (thread.sent === null) thread.worker.unref();
  }

  let corpusCount = 0;

  /** A job not yet queued. */
  function newJob(article: Article, corpus?: JobCorpus): Job {
    let settle: (extraction: Extraction) => void = () => {};
    const promise = new Promise<Extraction>((resolve) => {
      settle = resolve;
    });
    return { article, ...(corpus ? { corpus } : {}), settle, promise, state: 'unqueued', alone: false };
  }

  /** The jobs of a second reading, each made once per call, whose corpus knowledge is made once on this thread. */
  function secondReadings(articles: Article[], lessons: CorpusLessons): Job[] {
    let knowledge: CorpusKnowledge | undefined;
    const corpus: JobCorpus = {
      id: ++corpusCount,
      lessons,
      knowledge: () => {
        knowledge ??= knowledgeFrom(lessons);
        return knowledge;
      },
    };
    return articles.map((article) => newJob(article, corpus));
  }

  return {
    start() {
      const jobs = new Map<string, Job>();
      const jobFor = (article: Article): Job => {
        const known = jobs.get(extractedAs(article));
        if (known) return known;
        // Not queued until added or asked for.
        const job = newJob(article);
        jobs.set(extractedAs(article), job);
        return job;
      };
      const add = (articles: Article[]) => {
        for (const job of articles.map(jobFor)) {
          if (job.state === 'unqueued') {
            job.state = 'queued';
            queue.push(job);
          }
        }
        dispatch();
      };
      return {
        add,
        async factsOfAll(articles, lessons) {
          let wanted: Job[];
          if (lessons) {
            // Second readings: the caller's round waits for them, while the articles queued behind are the next
            // round's, so they go first.
            wanted = secondReadings(articles, lessons);
            for (const job of wanted) job.state = 'queued';
            queue.unshift(...wanted);
            dispatch();
          } else {
            wanted = articles.map(jobFor);
            add(articles);
          }
          const waitingFor = new Set(wanted);
          for (let i = queue.length - 1; i >= 0; i = Math.min(i - 1, queue.length - 1)) {
            const job = queue[i] as Job;
            if (!waitingFor.has(job)) continue;
            queue.splice(i, 1);
            settle(job, extractionOf(job.article, readArticle, job.corpus?.knowledge()));
            // Lets the workers' replies in, so they are handed the queue's head while this thread works on its end.
            await new Promise((resolve) => setImmediate(resolve));
          }
          return Promise.all(wanted.map((job) => job.promise));
        },
        skip(articleIds) {
          const skipped = new Set(articleIds);
          for (let i = queue.length - 1; i >= 0; i--) {
            const job = queue[i] as Job;
            if (skipped.has(job.article.id) && jobs.get(extractedAs(job.article)) === job) {
              job.state = 'unqueued';
              queue.splice(i, 1);
            }
          }
        },
      };
    },
    async close() {
      const stopping = pool.splice(0).map((thread) => thread.worker.terminate());
      await Promise.all(stopping);
    },
  };
}

let shared: FactExtraction | undefined;

/**
 * What the ingest function and the CLI use: one worker thread per core beyond the first (the ingest thread keeps
 * storing and rewriting answers meanwhile), or the ingest thread alone on one core. Created once per process.
 */
export function defaultFactExtraction(options: Pick<ExtractionThreadsOptions, 'onWorkersFailed'> = {}): FactExtraction {
  shared ??=
    availableParallelism() > 1 ? createExtractionThreads(availableParallelism() - 1, options) : inThreadExtraction();
  return shared;
}

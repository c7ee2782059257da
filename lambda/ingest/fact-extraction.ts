import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import * as z from 'zod/mini';
import type { Article } from '../articles/article.js';
import { type ArticleReader, type ArticleReading, type CorpusKnowledge, readArticle } from '../facts/extract.js';
import { type CorpusLessons, CorpusLessonsSchema, corpusCountries } from '../facts/people-identity.js';
import { errorMessage } from '../shared/error-message.js';

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
    return { reason: `facts could not be extracted (${errorMessage(error)})` };
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
 * (~5 ms an article), few enough that the calling thread, when it waits, shares a message's end with the worker.
 */
const ARTICLES_PER_MESSAGE = 8;

/**
 * Messages a worker holds at once with articles still wanted of it: the one it is on and one behind, so it goes on
 * extracting while its reply waits for a busy calling thread (reading, merging copies, storing, applying), and what is
 * sent ahead stays bounded however long the queue. Messages whose every article was taken back (`CALLER`) count for
 * nothing: the worker only skips through them.
 */
const MESSAGES_HELD = 2;

/**
 * Whose an article of a sent message is, one shared cell an article (`WorkerRequest.claims`): whoever turns it from
 * `FREE` first extracts it. The worker claims each article just before it extracts it; the calling thread claims one
 * the worker has not begun when it extracts it itself while it waits, when it is skipped, or when second readings
 * must go ahead of it. So nothing sent ahead is lost to the caller, and nothing is extracted twice.
 */
const FREE = 0;
const WORKER = 1;
const CALLER = 2;

/**
 * What the corpus taught a second reading (`CorpusLessons`), sent to a thread once (`lessons`) and named by `id` in
 * the messages after: a round's rereadings share them, and they are thousands of records.
 */
const CorpusMessageSchema = z.object({ id: z.number(), lessons: z.optional(CorpusLessonsSchema) });
type CorpusMessage = z.infer<typeof CorpusMessageSchema>;

type WorkerRequest = { seq: number; articles: Article[]; corpus?: CorpusMessage; claims?: Int32Array };
/** `null` for an article the calling thread claimed first. */
type WorkerReply = { seq: number; extractions: (Extraction | null)[] };

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
  port.on('message', ({ seq, articles, corpus, claims }: WorkerRequest) => {
    const mine = (i: number) => !claims || Atomics.compareExchange(claims, i, FREE, WORKER) === FREE;
    let extractions: (Extraction | null)[];
    try {
      const knowledge = corpusOf(corpus);
      extractions = articles.map((a, i) => (mine(i) ? extractionOf(a, readArticle, knowledge) : null));
    } catch (error) {
      const reason = `facts could not be extracted (${errorMessage(error)})`;
      extractions = articles.map((_, i) => (mine(i) ? { reason } : null));
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
  /** While sent: the message it went in, and its place there (its claim cell). */
  message: Message | null;
  index: number;
}

/** A message a worker has been sent and has not answered yet. */
interface Message {
  thread: Thread;
  seq: number;
  jobs: Job[];
  /** One cell a job: `FREE`, then `WORKER` or `CALLER`, whoever claimed it first. */
  claims: Int32Array;
}

interface Thread {
  worker: Worker;
  /** The messages it has been sent and has not answered yet, oldest (the one it is on) first. */
  sent: Message[];
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

/** Whether the reply to `message` is the one that settles `job`: it is still out in it, and nobody took it back. */
const answeredIn = (job: Job, message: Message) => job.state === 'sent' && job.message === message;

/** Whether a message still holds an article wanted of its worker. */
const holdsWanted = (message: Message) => message.jobs.some((job) => answeredIn(job, message));

/** The jobs still out in `messages` (sent, and not taken back), in the order they were sent. */
const outstanding = (messages: Message[]) => messages.flatMap((m) => m.jobs.filter((job) => answeredIn(job, m)));

/** Messages of a thread that still hold an article wanted of it. */
const held = (thread: Thread) => thread.sent.filter(holdsWanted).length;

/**
 * Sent behind the message its worker is on (the first it holds anything wanted in): not begun, and not about to be,
 * so the caller may take it back to extract it itself. The one the worker is on is left to it.
 */
const behindWorkersTurn = (job: Job) =>
  job.state === 'sent' && job.message !== null && job.message.thread.sent.find(holdsWanted) !== job.message;

/**
 * Extraction on `threads` worker threads. Articles are extracted in the order runs were started; workers start on
 * the first run. Each worker holds up to `MESSAGES_HELD` messages, so it does not idle while the calling thread is
 * busy and its replies wait; what a worker has not begun the calling thread can take back (`CALLER`). A worker is
 * referenced only while it holds an article still wanted of it, so it never keeps a process alive for nothing. A
 * worker that dies takes only the extraction it was doing: the articles it had begun are retried one by one, those it
 * had not go back to the queue, and an article that kills a worker it was sent to alone gets a reason instead of
 * facts. If workers die before any has extracted anything, they cannot work here (a broken bundle, a runtime refusing
 * threads), and every article is extracted on the calling thread instead: a deployment problem must not reject the
 * corpus.
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
    job.message = null;
    job.settle(extraction);
  }

  /** Referenced while it holds something wanted: a worker left only skipping taken-back articles lets a process end. */
  function refer(thread: Thread): void {
    if (held(thread) > 0) thread.worker.ref();
    else thread.worker.unref();
  }

  /**
   * Takes back a sent job its worker has not begun: true if it is now the caller's (to extract, skip or queue
   * again), false if the worker claimed it first (its reply will settle it).
   */
  function claim(job: Job): boolean {
    const { message } = job;
    if (job.state !== 'sent' || !message) return false;
    if (Atomics.compareExchange(message.claims, job.index, FREE, CALLER) !== FREE) return false;
    job.message = null;
    // The caller queues it again (second readings go ahead of it) or extracts it; skipped, it is left so, and queued
    // anew if it is added again.
    job.state = 'unqueued';
    refer(message.thread);
    return true;
  }

  function finish(thread: Thread, reply: WorkerReply): void {
    const at = thread.sent.findIndex((m) => m.seq === reply.seq);
    const [message] = at < 0 ? [] : thread.sent.splice(at, 1);
    workersProven = true;
    message?.jobs.forEach((job, i) => {
      if (answeredIn(job, message))
        settle(job, reply.extractions[i] ?? { reason: 'the extraction thread returned no result' });
    });
    dispatch();
  }

  function died(thread: Thread, why: string): void {
    pool.splice(pool.indexOf(thread), 1);
    const messages = thread.sent.splice(0);
    if (!workersProven && !workersBroken) {
      workersBroken = true;
      onWorkersFailed?.(why);
    }
    const out = outstanding(messages);
    // What it had begun (claimed) and not answered, among which the article that killed it; if it had claimed
    // nothing (it died between articles, or before its first), the message it was on. The others were not begun.
    const begun = out.filter((job) => Atomics.load((job.message as Message).claims, job.index) === WORKER);
    const first = messages.find(holdsWanted);
    const suspects = begun.length > 0 ? begun : out.filter((job) => job.message === first);
    const waiting = out.filter((job) => !suspects.includes(job));
    const retried: Job[] = [];
    for (const job of suspects) {
      // Alone in its message, it is the one that killed the worker: it gets a reason, unless workers are broken
      // (then every article is extracted on this thread).
      if (workersBroken || (job.message as Message).jobs.length > 1) retried.push(job);
      else settle(job, { reason: `facts could not be extracted (the extraction thread stopped: ${why})` });
    }
    for (const job of retried) Object.assign(job, { state: 'queued', alone: true, message: null });
    for (const job of waiting) Object.assign(job, { state: 'queued', message: null });
    queue.unshift(...retried, ...waiting);
    dispatch();
  }

  function startThread(): Thread {
    const thread: Thread = { worker: spawn(), sent: [], seq: 0, corpusId: null };
    thread.worker.on('message', (reply: WorkerReply) => finish(thread, reply));
    thread.worker.on('error', (error) => died(thread, error.message));
    thread.worker.on('exit', (code) => {
      if (pool.includes(thread)) died(thread, `exit code ${code}`);
    });
    pool.push(thread);
    return thread;
  }

  /** How many jobs from the head of the queue make the next message: one corpus a message, an `alone` job by itself. */
  function nextMessageLength(): number {
    const first = queue[0];
    if (!first) return 0;
    if (first.alone) return 1;
    let n = 1;
    while (n < ARTICLES_PER_MESSAGE && queue[n] && !queue[n]?.alone && queue[n]?.corpus === first.corpus) n++;
    return n;
  }

  function send(thread: Thread, jobs: Job[]): void {
    thread.seq++;
    const claims = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * jobs.length));
    const message: Message = { thread, seq: thread.seq, jobs, claims };
    jobs.forEach((job, index) => {
      Object.assign(job, { state: 'sent', message, index });
    });
    thread.sent.push(message);
    const request: WorkerRequest = { seq: thread.seq, articles: jobs.map((j) => j.article), claims };
    const first = jobs[0] as Job;
    if (first.corpus) {
      const { id, lessons } = first.corpus;
      request.corpus = thread.corpusId === id ? { id } : { id, lessons };
      thread.corpusId = id;
    }
    thread.worker.postMessage(request);
  }

  function dispatch(): void {
    if (workersBroken) {
      for (const job of queue.splice(0)) settle(job, extractionOf(job.article, readArticle, job.corpus?.knowledge()));
      return;
    }
    while (queue.length > 0) {
      // An idle thread first (starting one if the pool is not full), then the one holding least, and only a message
      // that cannot grow: a part message waits for more articles while every thread has work, or for the caller.
      const length = nextMessageLength();
      const idle = pool.find((t) => held(t) === 0) ?? (pool.length < threads ? startThread() : null);
      const whole = length === ARTICLES_PER_MESSAGE || length < queue.length || queue[0]?.alone === true;
      const least = pool.reduce<Thread | null>((a, t) => (a && held(a) <= held(t) ? a : t), null);
      const thread = idle ?? (whole && least && held(least) < MESSAGES_HELD ? least : null);
      if (!thread) break;
      send(thread, queue.splice(0, length));
    }
    for (const thread of pool) refer(thread);
  }

  /**
   * Takes back the sent jobs behind the messages the workers are on, in order: for second readings, which go ahead of
   * them.
   */
  function recallSentAhead(): Job[] {
    return pool.flatMap((thread) => outstanding(thread.sent)).filter((job) => behindWorkersTurn(job) && claim(job));
  }

  /**
   * Takes a queued job, or a sent one behind its worker's turn, for the calling thread to extract: false if it is a
   * worker's (begun, or next).
   */
  function takeBack(job: Job): boolean {
    if (job.state === 'sent') return behindWorkersTurn(job) && claim(job);
    if (job.state !== 'queued') return false;
    queue.splice(queue.indexOf(job), 1);
    return true;
  }

  let corpusCount = 0;

  /** A job not yet queued. */
  function newJob(article: Article, corpus?: JobCorpus): Job {
    let settle: (extraction: Extraction) => void = () => {};
    const promise = new Promise<Extraction>((resolve) => {
      settle = resolve;
    });
    return {
      article,
      ...(corpus ? { corpus } : {}),
      settle,
      promise,
      state: 'unqueued',
      alone: false,
      message: null,
      index: 0,
    };
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
            // Second readings: the caller's round waits for them, while the articles queued or sent ahead of them
            // are the next round's, so they go first.
            wanted = secondReadings(articles, lessons);
            const recalled = recallSentAhead();
            for (const job of [...wanted, ...recalled]) job.state = 'queued';
            queue.unshift(...wanted, ...recalled);
            dispatch();
          } else {
            wanted = articles.map(jobFor);
            add(articles);
          }
          // While it waits, this thread extracts what no worker has begun, from the end while workers take the head.
          for (let i = wanted.length - 1; i >= 0; i--) {
            const job = wanted[i] as Job;
            if (!takeBack(job)) continue;
            settle(job, extractionOf(job.article, readArticle, job.corpus?.knowledge()));
            // Lets the workers' replies in, so they are sent more while this thread works.
            await new Promise((resolve) => setImmediate(resolve));
          }
          return Promise.all(wanted.map((job) => job.promise));
        },
        skip(articleIds) {
          const skipped = new Set(articleIds);
          // This run's job for a skipped article (another run may queue the same article).
          const skipping = (job: Job) => skipped.has(job.article.id) && jobs.get(extractedAs(job.article)) === job;
          for (let i = queue.length - 1; i >= 0; i--) {
            const job = queue[i] as Job;
            if (skipping(job)) {
              job.state = 'unqueued';
              queue.splice(i, 1);
            }
          }
          // Sent ones the worker has not begun, too (claim leaves them unqueued); a worker left holding less has room.
          for (const job of pool.flatMap((thread) => outstanding(thread.sent))) if (skipping(job)) claim(job);
          dispatch();
        },
      };
    },
    async close() {
      const stopping = pool.splice(0).map((thread) => thread.worker.terminate());
      await Promise.all(stopping);
    },
  };
}

/** What a Lambda function logs when its extraction threads cannot start (`onWorkersFailed`). */
const WORKERS_FAILED = "Extraction worker threads could not start: facts are extracted on the function's thread";

/**
 * `onWorkersFailed` for a Lambda function (ingest, the store upgrade): one error line through its logger, which an
 * operator's alarm on errors sees. The logger is any with Powertools' `error(message, fields)`.
 */
export function workersFailedLogger(logger: { error(message: string, fields: { why: string }): void }) {
  return (why: string) => logger.error(WORKERS_FAILED, { why });
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

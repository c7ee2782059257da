import { Worker } from 'node:worker_threads';
import type { Article } from '../../lambda/articles/article.js';

export interface StandInOptions {
  /** While its first cell is 0, the worker waits before it reads each message: the caller wins every claim. */
  gate?: Int32Array;
  /** Counts the times an article whose body contains FLAKY was begun: only the first kills the worker. */
  flaky?: Int32Array;
}

/**
 * Failure injection: a stand-in worker speaking the pool's messages. It claims each article before it begins it, as
 * the real one does, and "extracts" it as its id and how many articles it has extracted so far (so a test sees which
 * it did, and that it skipped those the calling thread took back: `null` in its reply). It exits, as a worker killed
 * by a bug or by memory would, when it begins an article whose body contains CRASH, or the first time it begins one
 * whose body contains FLAKY.
 */
export function standInWorker({ gate, flaky }: StandInOptions = {}): Worker {
  return new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     const { gate, flaky } = workerData;
     let seen = 0;
     parentPort.on('message', ({ seq, articles, claims }) => {
       if (gate) Atomics.wait(gate, 0, 0);
       const extractions = articles.map((a, i) => {
         if (claims && Atomics.compareExchange(claims, i, 0, 1) !== 0) return null;
         if (a.body.includes('CRASH')) process.exit(3);
         if (a.body.includes('FLAKY') && Atomics.add(flaky, 0, 1) === 0) process.exit(3);
         return { facts: { articleId: a.id, seen: ++seen } };
       });
       parentPort.postMessage({ seq, extractions });
     });`,
    { eval: true, workerData: { gate, flaky } },
  );
}

/** A gate for `standInWorker`, shut: the worker waits before each message until it is opened. */
export function shutGate(): { gate: Int32Array; open: () => void } {
  const gate = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  return {
    gate,
    open: () => {
      Atomics.store(gate, 0, 1);
      Atomics.notify(gate, 0);
    },
  };
}

/** The ids of the articles of every message the pool posts to a worker, in order. */
export function postedTo(worker: Worker, log: string[][]): Worker {
  const post = worker.postMessage.bind(worker);
  worker.postMessage = (message: { articles: { id: string }[] }) => {
    log.push(message.articles.map((a) => a.id));
    post(message);
  };
  return worker;
}

/** An article with nothing but an id and a body, for tests where what is extracted does not matter. */
export const bareArticle = (id: string, body = `Body of ${id}.`): Article => ({
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

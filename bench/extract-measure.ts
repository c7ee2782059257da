import type { Article } from '../lambda/articles/article.js';
import { dedupeArticles, readArticleInputs } from '../lambda/articles/read-inputs.js';
import { extractArticleFacts } from '../lambda/facts/extract.js';
import { loadCorpus } from './corpus.js';
import { cpuSecondsSince, peakRssMB } from './process-usage.js';
import type { ExtractResult, WorkerJob, WorkerResult } from './results.js';

/*
 * Extraction alone (bench/README.md): the corpus read first, untimed, then `extractArticleFacts` over every article.
 * bench/run.ts runs it from a bundle built as the ingest function's is (bench/extract-worker.ts), so it measures
 * the JavaScript that runs in production; bench/size-worker.ts runs it from the TypeScript sources under tsx.
 */

const WARMUP_EXTRACTIONS = 200;

export async function measureExtraction(job: WorkerJob): Promise<WorkerResult> {
  const corpus = await loadCorpus(job.size, job.seed, job.batchSize);
  const parseStart = performance.now();
  const read = corpus.batches.flatMap((batch) => readArticleInputs(batch).articles);
  const parseSeconds = (performance.now() - parseStart) / 1000;
  const articles = dedupeArticles(read);

  // 200 extractions first (the corpus over again if it is smaller), so the timed passes measure compiled
  // code: with 20, V8 was still optimising the extractors on its background thread during the timed
  // passes of the 100-article corpus (more CPU time than wall time, and half the steady rate).
  for (let i = 0; i < WARMUP_EXTRACTIONS && articles.length > 0; i++) {
    extractArticleFacts(articles[i % articles.length] as Article);
  }
  // Small corpora are extracted several times over, for two seconds at least, so the time means something.
  // A time limit cuts the first pass short on a slow machine: the rate over the articles done is the measure.
  const facts = { statements: 0, guarantors: 0, positions: 0, people: 0 };
  let passes = 0;
  let done = 0;
  let doneBytes = 0;
  const start = performance.now();
  const limit = start + job.extractLimitSeconds * 1000;
  const cpuStart = process.cpuUsage();
  do {
    for (const article of articles) {
      const extracted = extractArticleFacts(article);
      done++;
      doneBytes += Buffer.byteLength(article.body);
      if (passes === 0) {
        facts.statements += extracted.statements.length;
        facts.guarantors += extracted.guarantors.length;
        facts.positions += extracted.positions.length;
        facts.people += extracted.people.length;
        if (performance.now() > limit) break;
      }
    }
    passes++;
  } while (performance.now() - start < 2_000);
  const seconds = (performance.now() - start) / 1000;
  const cpuSeconds = cpuSecondsSince(cpuStart);
  const extract: ExtractResult = {
    articles: passes > 1 ? articles.length : done,
    corpusArticles: articles.length,
    passes,
    seconds,
    articlesPerSecond: done / seconds,
    mbPerSecond: doneBytes / seconds / 1e6,
    cpuSeconds,
    articlesPerCpuSecond: done / cpuSeconds,
    parseArticlesPerSecond: read.length / parseSeconds,
    facts,
    peakRssMB: peakRssMB(),
  };
  return { label: corpus.label, size: job.size, extract };
}

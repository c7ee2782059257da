/**
 * Run as its own process by fact-extraction.test.ts: a worker holding two messages whose every article the calling
 * thread takes back (by skipping them, or by extracting them itself and skipping the rest) must not keep the process
 * alive. The threads are never closed, as the CLI never closes them: the process ends only if the worker is
 * unreferenced. Prints what it extracted, then returns.
 */
import { createExtractionThreads } from '../../lambda/ingest/fact-extraction.js';
import { bareArticle, shutGate, standInWorker } from './stand-in-worker.js';

const how = process.argv[2];
const { gate, open } = shutGate();
const threads = createExtractionThreads(1, { spawn: () => standInWorker({ gate }) });
const articles = Array.from({ length: 16 }, (_, i) => bareArticle(`x${String(i).padStart(2, '0')}`));

const run = threads.start();
// Two messages of 8, sent while the worker waits at its gate: it has begun none of them.
run.add(articles);
if (how === 'skip') {
  run.skip(articles.map((a) => a.id));
} else {
  // The second message is behind the worker's turn: the caller takes it back and extracts it; the first is skipped.
  const extracted = await run.factsOfAll(articles.slice(8));
  run.skip(articles.slice(0, 8).map((a) => a.id));
  process.stdout.write(`extracted ${extracted.filter((e) => 'facts' in e).length} here\n`);
}
open();
process.stdout.write('done\n');

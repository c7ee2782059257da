import { parseArgs } from 'node:util';
import { dedupeArticles, readArticleInputs } from '../lambda/articles/read-inputs.js';
import { extractArticleFacts } from '../lambda/facts/extract.js';
import { createFlagStore } from '../lambda/flags/flag-store.js';
import { ingestInputs } from '../lambda/ingest/ingest.js';
import { createDynamoClient } from '../lambda/store/dynamo-client.js';
import { createDynamoDocuments } from '../lambda/store/dynamo-documents.js';
import { createDynamoTalksStore } from '../lambda/store/dynamo-talks-store.js';
import { ensureTable } from '../lambda/store/table.js';
import { loadCorpus } from './corpus.js';
import { startDynamoProcess } from './dynamo-process.js';
import { benchLambdaContext, signedCommandEvent } from './slack-request.js';
import { buildSlackHandler } from './slack-under-test.js';

/*
 * One bench scenario in this process, to profile where a missed target goes:
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile.ts extract --size 1000
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile.ts ingest --size 1000
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile.ts command --size 1000 --text summary
 * Open the .cpuprofile in Chrome DevTools (Performance) or VS Code. Size 0 is the seed corpus.
 */

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    size: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '20220329' },
    text: { type: 'string', default: 'summary' },
    calls: { type: 'string', default: '300' },
    // Inputs per ingest call, as the bench passes them (its --batch-size).
    'batch-size': { type: 'string', default: '1000' },
  },
});
const scenario = positionals[0] ?? 'extract';
const corpus = await loadCorpus(Number(values.size), Number(values.seed), Number(values['batch-size']));

if (scenario === 'extract') {
  const articles = dedupeArticles(corpus.batches.flatMap((batch) => readArticleInputs(batch).articles));
  const start = performance.now();
  for (const article of articles) extractArticleFacts(article);
  report(`extracted ${articles.length} articles`, start, articles.length);
} else {
  // The table in a process of its own, as in the bench: the profile shows the pipeline, not dynalite.
  const dynamo = await startDynamoProcess();
  const client = createDynamoClient({ endpoint: dynamo.endpoint });
  await ensureTable(client, 'talks-profile');
  const store = createDynamoTalksStore({ client, tableName: 'talks-profile' });
  let start = performance.now();
  for (const batch of corpus.batches) await ingestInputs(batch, store);
  report(`ingested ${corpus.articleCount} articles`, start, corpus.articleCount);
  if (scenario === 'command') {
    const handler = buildSlackHandler(
      store,
      createFlagStore(createDynamoDocuments({ client, tableName: 'talks-profile' })),
    );
    const calls = Number(values.calls);
    const events = Array.from({ length: calls }, () => signedCommandEvent(values.text));
    start = performance.now();
    for (const event of events) await handler(event, benchLambdaContext);
    report(`answered "${values.text}" ${calls} times`, start, calls);
  }
  await dynamo.close();
}
process.exit(0);

function report(what: string, start: number, count: number): void {
  const ms = performance.now() - start;
  process.stderr.write(`${what} in ${(ms / 1000).toFixed(2)} s (${(ms / count).toFixed(2)} ms each)\n`);
}

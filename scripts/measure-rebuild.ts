/*
 * How fast a deployed table's precomputed items are rebuilt in place (lambda/ingest/rebuild-views.ts), to size the
 * store upgrade's calls (lib/constructs/store-upgrade.ts): a synthetic corpus ingested into an in-process dynalite,
 * turned into a format-8 table, then rebuilt as the upgrade function does, with extraction on worker threads.
 *
 *   node --import tsx scripts/measure-rebuild.ts [articles, default 2000]
 */
import { defaultFactExtraction } from '../lambda/ingest/fact-extraction.js';
import { ingestInputs } from '../lambda/ingest/ingest.js';
import { rebuildViews } from '../lambda/ingest/rebuild-views.js';
import { createDynamoClient } from '../lambda/store/dynamo-client.js';
import { createDynamoTalksStore } from '../lambda/store/dynamo-talks-store.js';
import { startEmbeddedDynamo } from '../lambda/store/embedded-dynamodb.js';
import { createViewsRebuild } from '../lambda/store/store-rebuild.js';
import { ensureTable } from '../lambda/store/table.js';
import { generateCorpus, sourcesFile } from '../test/fixtures/synthetic/generate-corpus.js';
import { rewriteAsFormat8 } from '../test/ingest/format-8-table.js';

const count = Number(process.argv[2] ?? 2000);
const server = await startEmbeddedDynamo();
const client = createDynamoClient({ endpoint: server.endpoint });
const tableName = 'measure-rebuild';
await ensureTable(client, tableName);
const store = createDynamoTalksStore({ client, tableName });
const articles = generateCorpus({ seed: 1, count });
const ingestStarted = performance.now();
for (let start = 0; start < articles.length; start += 1000) {
  const batch = articles.slice(start, start + 1000);
  await ingestInputs([sourcesFile(batch), ...batch.map(({ name, bytes }) => ({ name, bytes }))], store);
}
const ingestSeconds = (performance.now() - ingestStarted) / 1000;
await rewriteAsFormat8(client, tableName);

const extraction = defaultFactExtraction();
const started = performance.now();
const cpuStarted = process.cpuUsage();
const rebuild = createViewsRebuild({ client, tableName });
let scanMs = 0;
const timedRebuild = {
  ...rebuild,
  articlesToRebuild: async (...args: Parameters<typeof rebuild.articlesToRebuild>) => {
    const at = performance.now();
    const next = await rebuild.articlesToRebuild(...args);
    scanMs += performance.now() - at;
    return next;
  },
};
const progress = await rebuildViews(store, timedRebuild, {
  remainingMs: () => 60 * 60_000,
  extraction,
});
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuStarted);
console.log(
  JSON.stringify({
    articles: count,
    state: progress.state,
    applied: progress.articlesApplied,
    seconds: Math.round(seconds * 10) / 10,
    readingArticlesSeconds: Math.round(scanMs / 100) / 10,
    firstIngestSeconds: Math.round(ingestSeconds * 10) / 10,
    articlesPerSecond: Math.round(progress.articlesApplied / seconds),
    mainThreadCpuSeconds: Math.round((cpu.user + cpu.system) / 1e5) / 10,
  }),
);
client.destroy();
await server.close();
process.exit(0);

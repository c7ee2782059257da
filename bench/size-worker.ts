import { writeFile } from 'node:fs/promises';
import { createFlagStore } from '../lambda/flags/flag-store.js';
import { defaultFactExtraction } from '../lambda/ingest/fact-extraction.js';
import { ingestInputs } from '../lambda/ingest/ingest.js';
import { createDynamoClient } from '../lambda/store/dynamo-client.js';
import { createDynamoDocuments } from '../lambda/store/dynamo-documents.js';
import { createDynamoTalksStore } from '../lambda/store/dynamo-talks-store.js';
import { type DynamoUsageMeter, meterDynamoUsage } from '../lambda/store/dynamo-usage.js';
import type { TalksStore } from '../lambda/store/ports.js';
import { ensureTable } from '../lambda/store/table.js';
import { coldStart, coldStartFailure, startColdStartEnvironments } from './cold-start-runs.js';
import { type BenchCorpus, loadCorpus } from './corpus.js';
import { startDynamoProcess } from './dynamo-process.js';
import { measureExtraction } from './extract-measure.js';
import { cpuSecondsSince, peakRssMB } from './process-usage.js';
import type { ColdStartRun, CommandResult, IngestResult, WorkerJob, WorkerResult } from './results.js';
import { checkSlackMessage } from './slack-limits.js';
import { benchLambdaContext, signedCommandEvent } from './slack-request.js';
import { buildSlackHandler, type SlackLambdaHandler } from './slack-under-test.js';
import { summarize } from './stats.js';

/*
 * One measurement at one corpus size, in its own process so its peak RSS is its own
 * (`process.resourceUsage().maxRSS`). The parent (bench/run.ts) passes a WorkerJob as JSON in argv
 * and reads a WorkerResult from the `out` file.
 */

const TABLE_NAME = 'talks-bench';

const job = JSON.parse(process.argv[2] ?? '{}') as WorkerJob;
const result: WorkerResult = await (job.mode === 'extract' ? measureExtraction(job) : runIngest(job));
await writeFile(job.out, JSON.stringify(result));
// The embedded DynamoDB and keep-alive sockets would keep the process up.
process.exit(0);

async function runIngest(job: WorkerJob): Promise<WorkerResult> {
  const corpus = await loadCorpus(job.size, job.seed, job.batchSize);
  const dynamo = await startDynamoProcess();
  const client = createDynamoClient({ endpoint: dynamo.endpoint });
  await ensureTable(client, TABLE_NAME);
  const counter = meterDynamoUsage(client);
  const store = createDynamoTalksStore({ client, tableName: TABLE_NAME });

  const ingest = await measureIngest(corpus, store, counter, job.ingestLimitSeconds);
  // `since 7d` asks for the last week with news: the clock stands the day after the newest day on which something
  // was first reported (in a large synthetic corpus, the newest articles often only repeat known facts).
  const newest = (await store.getNewsSince('0000-01-01', 1)).days[0]?.day;
  const dayAfterNewest = newest ? new Date(Date.parse(`${newest}T00:00:00Z`) + 86_400_000) : new Date();
  const commands = await measureCommands(
    buildSlackHandler(
      store,
      createFlagStore(createDynamoDocuments({ client, tableName: TABLE_NAME })),
      () => dayAfterNewest,
    ),
    store,
    counter,
    job,
  );
  const coldStarts = job.coldStart ? await measureColdStarts(job.coldStart, dynamo.endpoint) : undefined;
  const dynamoPeakRssMB = await dynamo.close();
  return {
    label: corpus.label,
    size: job.size,
    ingest: { ...ingest, dynamoPeakRssMB },
    commands,
    ...(coldStarts ? { coldStarts } : {}),
  };
}

async function measureIngest(
  corpus: BenchCorpus,
  store: TalksStore,
  counter: DynamoUsageMeter,
  limitSeconds: number,
): Promise<IngestResult> {
  counter.reset();
  const perArticleMs: number[] = [];
  let articles = 0;
  let bytes = 0;
  let stored = 0;
  let duplicates = 0;
  let rejected = 0;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  for (const batch of corpus.batches) {
    if (performance.now() - start > limitSeconds * 1000) break;
    const batchStart = performance.now();
    // As the ingest function runs it: extraction on worker threads beside the store's work.
    const report = await ingestInputs(batch, store, { extraction: defaultFactExtraction() });
    const files = batch.filter((input) => input.name !== 'sources.json');
    perArticleMs.push((performance.now() - batchStart) / files.length);
    articles += files.length;
    bytes += files.reduce((sum, input) => sum + input.bytes.length, 0);
    stored += report.stored.length;
    duplicates += report.duplicates.length;
    rejected += report.rejected.length;
  }
  const seconds = (performance.now() - start) / 1000;
  const usage = counter.usage();
  // Per-article cost at the start and at the end of the run: flat if no step grows with the stored corpus.
  const decile = Math.max(1, Math.floor(perArticleMs.length / 10));
  const mean = (xs: number[]) => xs.reduce((sum, x) => sum + x, 0) / xs.length;
  return {
    articles,
    corpusArticles: corpus.articleCount,
    stored,
    duplicates,
    rejected,
    seconds,
    articlesPerSecond: articles / seconds,
    mbPerSecond: bytes / seconds / 1e6,
    cpuSeconds: cpuSecondsSince(cpuStart),
    msPerArticleFirst: mean(perArticleMs.slice(0, decile)),
    msPerArticleLast: mean(perArticleMs.slice(-decile)),
    dynamoRequests: usage.requests,
    dynamoRequestsByOperation: usage.requestsByOperation,
    readUnits: usage.readUnits,
    writeUnits: usage.writeUnits,
    peakRssMB: peakRssMB(),
  };
}

/** The /talks subcommands users type; `who` asks for the most quoted speaker by surname, in lower case. */
async function benchCommands(store: TalksStore): Promise<{ label: string; text: string }[]> {
  const directory = await store.getSpeakerDirectory();
  const top = directory.speakers[0];
  const surname = top ? (top.name.split(' ').at(-1) ?? top.name).toLowerCase() : null;
  return [
    { label: 'summary', text: 'summary' },
    { label: `who <name>${surname ? '' : ' (no speakers)'}`, text: `who ${surname ?? 'nobody'}` },
    { label: 'who <unknown name>', text: 'who Qwertyuiopsky' },
    { label: 'guarantors', text: 'guarantors' },
    { label: 'topic crimea', text: 'topic crimea' },
    { label: 'timeline crimea', text: 'timeline crimea' },
    { label: 'since 7d', text: 'since 7d' },
    { label: 'sources', text: 'sources' },
    { label: 'help', text: 'help' },
  ];
}

async function measureCommands(
  handler: SlackLambdaHandler,
  store: TalksStore,
  counter: DynamoUsageMeter,
  job: WorkerJob,
): Promise<CommandResult[]> {
  const results: CommandResult[] = [];
  for (const { label, text } of await benchCommands(store)) {
    // Events are signed before the clock starts (Slack's work) and stay within Bolt's 5-minute window.
    const events = Array.from({ length: job.warmup + job.calls }, () => signedCommandEvent(text));
    const latencies: number[] = [];
    const requests: number[] = [];
    const readUnits: number[] = [];
    let firstBody = '';
    let failures = 0;
    let cpuSeconds = 0;
    for (const [i, event] of events.entries()) {
      const cpuStart = process.cpuUsage();
      counter.reset();
      const start = performance.now();
      const response = await handler(event, benchLambdaContext);
      const elapsed = performance.now() - start;
      if (response.statusCode !== 200) failures++;
      if (i === 0) firstBody = response.body ?? '';
      if (i >= job.warmup) {
        cpuSeconds += cpuSecondsSince(cpuStart);
        latencies.push(elapsed);
        const usage = counter.usage();
        requests.push(usage.requests);
        readUnits.push(usage.readUnits);
      }
    }
    const check = firstBody ? checkSlackMessage(firstBody) : null;
    results.push({
      label,
      text,
      latency: summarize(latencies),
      cpuMsPerCall: (cpuSeconds * 1000) / latencies.length,
      dynamoRequests: maxAndMean(requests),
      readUnits: maxAndMean(readUnits),
      failures,
      message: check,
    });
  }
  return results;
}

function maxAndMean(values: number[]): { max: number; mean: number } {
  return { max: Math.max(...values), mean: values.reduce((sum, v) => sum + v, 0) / values.length };
}

/** Alternates floor and Slack-handler processes, so both see the same machine state. */
async function measureColdStarts(
  spec: NonNullable<WorkerJob['coldStart']>,
  endpoint: string,
): Promise<{ floor: ColdStartRun[]; slack: ColdStartRun[] }> {
  const envs = await startColdStartEnvironments(endpoint, TABLE_NAME);
  const floor: ColdStartRun[] = [];
  const slack: ColdStartRun[] = [];
  try {
    for (let i = 0; i < spec.runs; i++) {
      floor.push(await coldStart(spec.child, spec.floorBundle, spec.command, envs.floor));
      slack.push(await coldStart(spec.child, spec.slackBundle, spec.command, envs.slack));
    }
  } finally {
    await envs.close();
  }
  const failure = coldStartFailure(slack, envs.secretReads());
  if (failure) throw new Error(failure);
  return { floor, slack };
}

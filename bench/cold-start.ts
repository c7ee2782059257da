import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultFactExtraction } from '../lambda/ingest/fact-extraction.js';
import { ingestInputs } from '../lambda/ingest/ingest.js';
import { createDynamoClient } from '../lambda/store/dynamo-client.js';
import { createDynamoTalksStore } from '../lambda/store/dynamo-talks-store.js';
import { ensureTable } from '../lambda/store/table.js';
import { SLACK_SDK_FROM_RUNTIME } from '../lib/bundle-aliases.js';
import { bundleLambda, bundleScript } from './bundle.js';
import { coldStart, coldStartFailure, startColdStartEnvironments } from './cold-start-runs.js';
import { loadCorpus } from './corpus.js';
import { startDynamoProcess } from './dynamo-process.js';
import { pairedColdStartRatios, quartiles } from './report.js';
import type { ColdStartRun } from './results.js';
import { median } from './stats.js';
import { readStoreMarker, storedCorpusMismatch, writeStoreMarker } from './store-marker.js';

/*
 * The bench's cold start alone (bench/README.md, "Cold start"): the floor and the Slack bundle, built as the bench
 * builds them, in fresh processes, alternately, each Slack process against the floor process run just before it.
 *   node --import tsx bench/cold-start.ts --runs 21                      # 10,000 articles, ingested in memory first
 *   node --import tsx bench/cold-start.ts --store /tmp/talks-10k         # ingested once into a folder, then reused
 *   node --import tsx bench/cold-start.ts --store /tmp/talks-10k --against /tmp/main   # A/B with another checkout
 *   node --import tsx bench/cold-start.ts --store /tmp/talks-10k --cpu-prof /tmp/prof  # profile the Slack processes
 * `--against DIR` bundles DIR's Slack handler (with DIR's stubs) and runs it in the same rounds: floor, this,
 * floor, DIR, the order swapped every round. Both read the same store, so DIR must read this one's store format.
 */

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '20220329' },
    'batch-size': { type: 'string', default: '1000' },
    runs: { type: 'string', default: '21' },
    command: { type: 'string', default: 'summary' },
    store: { type: 'string' },
    against: { type: 'string' },
    'cpu-prof': { type: 'string' },
    out: { type: 'string' },
  },
});
const TABLE_NAME = 'talks-bench';
const root = join(import.meta.dirname, '..');
const size = Number(values.size);
const runs = Number(values.runs);
if (!Number.isInteger(size) || size < 0 || !Number.isInteger(runs) || runs < 1) {
  throw new Error('--size takes a whole number (0: the seed corpus), --runs one above 0');
}
const log = (line: string) => process.stderr.write(`${line}\n`);

// The bundles, as the bench builds them.
const floor = await bundleLambda('floor', join(root, 'bench', 'floor-handler.ts'), { floor: true });
const bundles = [
  {
    label: 'this',
    ...(await bundleLambda('slack', join(root, 'lambda', 'handlers', 'slack.ts'), {
      sdkFromRuntime: SLACK_SDK_FROM_RUNTIME,
    })),
  },
];
if (values.against) {
  const other = resolve(values.against);
  const { LAMBDA_BUNDLE_ALIASES, SLACK_SDK_FROM_RUNTIME: otherSdk } = (await import(
    join(other, 'lib', 'bundle-aliases.ts')
  )) as typeof import('../lib/bundle-aliases.js');
  const entry = join(other, 'lambda', 'handlers', 'slack.ts');
  const file = await bundleLambda('slack-against', entry, {
    sdkFromRuntime: otherSdk,
    aliases: LAMBDA_BUNDLE_ALIASES,
  });
  bundles.push({ label: values.against, ...file });
}
const child = await bundleScript('cold-start-child', join(root, 'bench', 'cold-start-child.ts'));
log(`floor ${floor.bytes} B; ${bundles.map((b) => `${b.label} ${b.bytes} B`).join('; ')}`);

// The store: ingested in memory, or once into --store and served from there after, if it holds the corpus asked for.
const storeDir = values.store ? resolve(values.store) : undefined;
const corpusAsked = { size, seed: Number(values.seed) };
const stored = storeDir ? await readStoreMarker(storeDir) : null;
const mismatch = storeDir && stored ? storedCorpusMismatch(storeDir, stored, corpusAsked) : null;
if (mismatch) throw new Error(mismatch);
const ingested = stored !== null;
const dynamo = await startDynamoProcess(storeDir ? { path: storeDir } : {});
try {
  if (!ingested) {
    const client = createDynamoClient({ endpoint: dynamo.endpoint });
    await ensureTable(client, TABLE_NAME);
    const store = createDynamoTalksStore({ client, tableName: TABLE_NAME });
    const corpus = await loadCorpus(size, Number(values.seed), Number(values['batch-size']));
    const start = performance.now();
    for (const batch of corpus.batches) await ingestInputs(batch, store, { extraction: defaultFactExtraction() });
    log(`ingested ${corpus.label} articles in ${((performance.now() - start) / 1000).toFixed(0)} s`);
    client.destroy();
    if (storeDir) await writeStoreMarker(storeDir, corpusAsked);
  } else {
    log(`serving the store ingested in ${values.store}`);
  }

  const envs = await startColdStartEnvironments(dynamo.endpoint, TABLE_NAME);
  const prof = values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${resolve(values['cpu-prof'])}`] : [];
  const series = bundles.map((b) => ({ ...b, floor: [] as ColdStartRun[], slack: [] as ColdStartRun[] }));
  try {
    for (let round = 0; round < runs; round++) {
      const order = round % 2 === 0 ? series : [...series].reverse();
      for (const s of order) {
        s.floor.push(await coldStart(child, floor.file, values.command, envs.floor));
        s.slack.push(await coldStart(child, s.file, values.command, envs.slack, s.label === 'this' ? prof : []));
      }
    }
  } finally {
    await envs.close();
  }
  // Ratios of error answers, or of a handler that skipped its secret, would time something else than a cold start.
  const failure = coldStartFailure(
    series.flatMap((s) => s.slack),
    envs.secretReads(),
  );
  if (failure) throw new Error(failure);
  const fmt = (x: number) => x.toFixed(x < 10 ? 2 : 0);
  const mq = (xs: number[]) => `${fmt(median(xs))} (${quartiles(xs).map(fmt).join('–')})`;
  const summary = series.map((s) => {
    const ratios = pairedColdStartRatios(s.floor, s.slack);
    return {
      label: s.label,
      bytes: s.bytes,
      floorInitMs: mq(s.floor.map((r) => r.initMs)),
      floorInitCpuMs: mq(s.floor.map((r) => r.initCpuMs)),
      initMs: mq(s.slack.map((r) => r.initMs)),
      firstAnswerMs: mq(s.slack.map((r) => r.firstAnswerMs)),
      initCpuMs: mq(s.slack.map((r) => r.initCpuMs)),
      firstAnswerCpuMs: mq(s.slack.map((r) => r.firstAnswerCpuMs)),
      ratioWall: `${ratios.wall.median.toFixed(3)} (${ratios.wall.quartiles.map((x) => x.toFixed(3)).join('–')})`,
      ratioCpu: `${ratios.cpu.median.toFixed(3)} (${ratios.cpu.quartiles.map((x) => x.toFixed(3)).join('–')})`,
      statusCodes: [...new Set(s.slack.map((r) => r.statusCode))],
    };
  });
  process.stdout.write(`${JSON.stringify({ runs, size, command: values.command, summary }, null, 2)}\n`);
  if (values.out) await writeFile(values.out, JSON.stringify({ series, summary }, null, 2));
} finally {
  await dynamo.close();
}
process.exit(0);

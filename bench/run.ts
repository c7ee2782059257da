import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { SLACK_SDK_FROM_RUNTIME } from '../lib/bundle-aliases.js';
import { INGEST_NODE_OPTIONS } from '../lib/ingest-runtime.js';
import { bundleLambda, bundleScript, type LambdaBundle } from './bundle.js';
import { BENCH_USAGE, parseBenchOptions } from './options.js';
import {
  type BenchRun,
  checkTargets,
  type Machine,
  pairedColdStartRatios,
  renderReport,
  summarizeColdStarts,
} from './report.js';
import type { WorkerJob, WorkerResult } from './results.js';
import { formatBytes, formatNumber } from './table.js';

/*
 * `npm run bench`: what users feel, measured on this machine with no AWS. Every heavy measurement runs
 * in a child process (bench/size-worker.ts) with its own embedded DynamoDB, so each peak RSS is its own.
 * Prints Markdown tables and writes bench/results.json. See bench/README.md for the method. This module owns
 * the measuring (bundles, workers, cold starts); bench/options.ts its options; bench/report.ts the targets and the report.
 */

const root = join(import.meta.dirname, '..');
const options = parseBenchOptions(process.argv.slice(2), join(root, 'bench', 'results.json'));
if (options.kind === 'help') {
  console.log(BENCH_USAGE);
  process.exit(0);
}
if (options.kind === 'error') {
  console.error(options.message);
  process.exit(2);
}
const { sizes, out, ...settings } = options.settings;
const largest = Math.max(...sizes);

const skipped: string[] = [];
const runStart = performance.now();

const machine: Machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  platform: `${process.platform}-${process.arch}`,
  date: new Date().toISOString(),
  commit: gitCommit(),
  /** 1-minute load average at start and end: above the core count, other work shared the CPUs and wall times suffer. */
  loadAverage: { start: loadavg()[0] ?? 0, end: 0 },
};
log(`talks-bot bench on ${machine.cpu} ×${machine.cores}, Node ${machine.node}, commit ${machine.commit}`);

// 1. Bundles, as NodejsFunction would build them.
const bundles: Record<string, LambdaBundle> = {};
for (const [name, entry] of [
  ['floor', 'bench/floor-handler.ts'],
  ['slack', 'lambda/handlers/slack.ts'],
  ['ingest', 'lambda/handlers/ingest.ts'],
  ['links', 'lambda/handlers/links.ts'],
] as const) {
  try {
    const options = { floor: name === 'floor', sdkFromRuntime: name === 'slack' ? SLACK_SDK_FROM_RUNTIME : [] };
    bundles[name] = { ...(await bundleLambda(name, join(root, entry), options)), entry };
    log(`bundled ${entry}: ${formatBytes(bundles[name].bytes)}`);
  } catch (error) {
    skipped.push(`bundle of ${entry}: ${firstLine(error)}`);
  }
}
const coldStartChild = await bundleScript('cold-start-child', join(root, 'bench', 'cold-start-child.ts'));
// Extraction runs in production from the ingest function's bundle: the extract worker is measured bundled the same way.
const extractWorker = await bundleLambda('extract-worker', join(root, 'bench', 'extract-worker.ts'), {
  define: { 'import.meta.dirname': JSON.stringify(join(root, 'bench')) },
});

// 2. Extraction alone, then ingest + commands, at each size; cold starts against the largest store.
const workDir = await mkdtemp(join(tmpdir(), 'talks-bench-'));
const extractions: WorkerResult[] = [];
const ingests: WorkerResult[] = [];
try {
  for (const size of sizes) {
    const extracted = await runWorker({ mode: 'extract', size });
    if (extracted) extractions.push(extracted);
  }
  for (const size of sizes) {
    const coldStart =
      size === largest && settings.coldStarts > 0 && bundles.floor && bundles.slack
        ? {
            runs: settings.coldStarts,
            child: coldStartChild,
            floorBundle: bundles.floor.file,
            slackBundle: bundles.slack.file,
            command: 'summary',
          }
        : undefined;
    const calls = size === largest || size === 0 ? settings.calls : Math.min(settings.calls, settings.scalingCalls);
    const ingested = await runWorker({ mode: 'ingest', size, calls, ...(coldStart ? { coldStart } : {}) });
    if (ingested) {
      ingests.push(ingested);
      skipped.push(...(ingested.skipped ?? []).map((s) => `${ingested.label}: ${s}`));
    }
  }
} finally {
  await rm(workDir, { recursive: true, force: true });
}

// 3. Report.
const largestIngest = ingests.find((r) => r.size === largest);
const coldStarts = largestIngest?.coldStarts;
const coldStartSummary = coldStarts
  ? {
      floor: summarizeColdStarts(coldStarts.floor),
      slack: summarizeColdStarts(coldStarts.slack),
      ratios: pairedColdStartRatios(coldStarts.floor, coldStarts.slack),
    }
  : null;
if (!coldStarts) skipped.push('cold start: needs the floor and Slack bundles and the largest ingest run');
machine.loadAverage.end = loadavg()[0] ?? 0;
const run: BenchRun = { machine, largest, bundles, extractions, ingests, coldStartSummary, skipped };
const checks = checkTargets(run);
const results = {
  machine,
  settings: { ...settings, sizes },
  targets: checks,
  bundles: Object.fromEntries(Object.entries(bundles).map(([name, b]) => [name, { entry: b.entry, bytes: b.bytes }])),
  coldStart: coldStartSummary,
  extraction: extractions,
  ingest: ingests,
  skipped,
  benchSeconds: (performance.now() - runStart) / 1000,
};
await writeFile(out, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\n${renderReport(run, checks)}\n`);
log(`wrote ${out} in ${formatNumber(results.benchSeconds)} s`);

async function runWorker(
  spec: Pick<WorkerJob, 'mode' | 'size'> & Partial<WorkerJob>,
): Promise<WorkerResult | undefined> {
  const name = `${spec.mode}-${spec.size}`;
  const job: WorkerJob = { ...settings, ...spec, out: join(workDir, `${name}.json`) };
  const missing = requiredParts(job.mode).filter((part) => !existsSync(join(root, part)));
  if (missing.length > 0) {
    skipped.push(`${name}: ${missing.join(', ')} not present`);
    return undefined;
  }
  log(`${job.mode} ${job.size === 0 ? 'seed corpus' : `${formatNumber(job.size)} articles`}…`);
  const start = performance.now();
  try {
    await new Promise<void>((resolve, reject) => {
      const entry =
        job.mode === 'extract' ? [extractWorker.file] : ['--import', 'tsx', join(root, 'bench', 'size-worker.ts')];
      // Both modes stand for the ingest function, so they run with its Node options.
      const child = spawn(process.execPath, [...INGEST_NODE_OPTIONS, ...entry, JSON.stringify(job)], {
        cwd: root,
        env: {
          ...process.env,
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
          AWS_EC2_METADATA_DISABLED: 'true',
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      // The start of stderr holds the error's name and message; the end, where it was thrown.
      let stderr = '';
      child.stderr.on('data', (chunk) => {
        stderr += chunk;
        if (stderr.length > 8_000) stderr = `${stderr.slice(0, 2_000)}\n…\n${stderr.slice(-2_000)}`;
      });
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`exit ${code}: ${stderr.trim()}`))));
    });
    const result = JSON.parse(await readFile(job.out, 'utf8')) as WorkerResult;
    log(`  done in ${formatNumber((performance.now() - start) / 1000)} s`);
    return result;
  } catch (error) {
    skipped.push(`${name} failed: ${firstLine(error)}`);
    log(`  FAILED: ${firstLine(error)}`);
    return undefined;
  }
}

function requiredParts(mode: WorkerJob['mode']): string[] {
  const articles = ['lambda/articles/read-inputs.ts', 'lambda/facts/extract.ts'];
  if (mode === 'extract') return articles;
  return [
    ...articles,
    'lambda/ingest/ingest.ts',
    'lambda/store/embedded-dynamodb.ts',
    'lambda/store/dynamo-talks-store.ts',
    'lambda/handlers/slack.ts',
  ];
}

function gitCommit(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'lambda', 'lib', 'bench'], { cwd: root })
      .toString()
      .trim();
    return dirty ? `${commit}+uncommitted` : commit;
  } catch {
    return 'unknown';
  }
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // A worker's error: keep its first lines (what failed) and the innermost stack frames of our code.
  const lines = message
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const ours = lines.filter((l) => l.startsWith('at ') && /lambda\/|bench\//.test(l)).slice(0, 3);
  return [...lines.slice(0, 2).map((l) => l.slice(0, 300)), ...ours].join(' | ');
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SLACK_SDK_FROM_RUNTIME } from '../lib/bundle-aliases.js';
import { bundleLambda, bundleScript, type LambdaBundle } from './bundle.js';
import type { ColdStartRun, TargetCheck, WorkerJob, WorkerResult } from './results.js';
import { median } from './stats.js';
import { formatBytes, formatNumber, markdownTable } from './table.js';

/*
 * `npm run bench`: what users feel, measured on this machine with no AWS. Every heavy measurement runs
 * in a child process (bench/size-worker.ts) with its own embedded DynamoDB, so each peak RSS is its own.
 * Prints Markdown tables and writes bench/results.json. See bench/README.md for the method.
 */

const root = join(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '0,100,1000,10000' },
    calls: { type: 'string', default: '500' },
    'scaling-calls': { type: 'string', default: '200' },
    'ingest-limit': { type: 'string', default: '240' },
    'extract-limit': { type: 'string', default: '90' },
    warmup: { type: 'string', default: '25' },
    'cold-starts': { type: 'string', default: '11' },
    'batch-size': { type: 'string', default: '1000' },
    seed: { type: 'string', default: '20220329' },
    out: { type: 'string', default: join(root, 'bench', 'results.json') },
  },
});
const sizes = args.sizes.split(',').map(Number);
const largest = Math.max(...sizes);
const settings = {
  seed: Number(args.seed),
  calls: Number(args.calls),
  /** Calls per command at the sizes other than the largest and the seed corpus: enough for p50 and a p99 trend. */
  scalingCalls: Number(args['scaling-calls']),
  ingestLimitSeconds: Number(args['ingest-limit']),
  extractLimitSeconds: Number(args['extract-limit']),
  warmup: Number(args.warmup),
  coldStarts: Number(args['cold-starts']),
  batchSize: Number(args['batch-size']),
};

const targets = {
  p99Ms: 30,
  requestsPerCommand: 3,
  bundleRatio: 0.5,
  coldStartRatio: 1.0,
  extractionPerSecond: 200,
  ingestSecondsAt10k: 120,
  peakRssMB: 1024,
  /** "Flat": the largest corpus costs at most this many times the smallest, per command or per article. */
  flatRatio: 1.5,
};

const skipped: string[] = [];
const runStart = performance.now();

const machine = {
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
  ? { floor: summarizeColdStarts(coldStarts.floor), slack: summarizeColdStarts(coldStarts.slack) }
  : null;
if (!coldStarts) skipped.push('cold start: needs the floor and Slack bundles and the largest ingest run');
machine.loadAverage.end = loadavg()[0] ?? 0;
const checks = checkTargets();
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
await writeFile(args.out, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\n${renderReport()}\n`);
log(`wrote ${args.out} in ${formatNumber(results.benchSeconds)} s`);

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
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', join(root, 'bench', 'size-worker.ts'), JSON.stringify(job)],
        {
          cwd: root,
          env: {
            ...process.env,
            AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
            AWS_EC2_METADATA_DISABLED: 'true',
          },
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
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

function summarizeColdStarts(runs: ColdStartRun[]) {
  return {
    runs: runs.length,
    bootMs: median(runs.map((r) => r.bootMs)),
    initMs: median(runs.map((r) => r.initMs)),
    firstAnswerMs: median(runs.map((r) => r.firstAnswerMs)),
    initPlusFirstAnswerMs: median(runs.map((r) => r.initMs + r.firstAnswerMs)),
    initCpuMs: median(runs.map((r) => r.initCpuMs)),
    firstAnswerCpuMs: median(runs.map((r) => r.firstAnswerCpuMs)),
    processMs: median(runs.map((r) => r.processMs)),
    statusCodes: [...new Set(runs.map((r) => r.statusCode))],
  };
}

function checkTargets(): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const add = (
    name: string,
    target: string,
    measured: number | null,
    pass: (v: number) => boolean,
    unit = '',
    cpu?: string,
  ) =>
    checks.push({
      name,
      target,
      measured: measured === null ? 'not measured' : `${formatNumber(measured)}${unit}`,
      ...(cpu ? { cpu } : {}),
      pass: measured === null ? null : pass(measured),
    });
  const at = (size: number) => ingests.find((r) => r.size === size);
  const commands = largestIngest?.commands;
  const sizeLabel = largestIngest ? storeLabel(largestIngest) : `${formatNumber(largest)} articles`;

  add(
    `warm command p99 (worst command) at ${sizeLabel}`,
    `≤ ${targets.p99Ms} ms`,
    commands ? Math.max(...commands.map((c) => c.latency.p99)) : null,
    (v) => v <= targets.p99Ms,
    ' ms',
    commands ? `mean ${formatNumber(Math.max(...commands.map((c) => c.cpuMsPerCall)))} ms CPU a call` : undefined,
  );
  add(
    `DynamoDB requests per command (worst) at ${sizeLabel}`,
    `≤ ${targets.requestsPerCommand}`,
    commands ? Math.max(...commands.map((c) => c.dynamoRequests.max)) : null,
    (v) => v <= targets.requestsPerCommand,
  );
  const failures = commands ? commands.reduce((sum, c) => sum + c.failures, 0) : null;
  add('command responses other than HTTP 200', '0', failures, (v) => v === 0);
  const bundleRatio = bundles.slack && bundles.floor ? bundles.slack.bytes / bundles.floor.bytes : null;
  add(
    'Slack bundle size / floor bundle size',
    `≤ ${targets.bundleRatio}×`,
    bundleRatio,
    (v) => v <= targets.bundleRatio,
    '×',
  );
  const coldRatio = coldStartSummary
    ? coldStartSummary.slack.initPlusFirstAnswerMs / coldStartSummary.floor.initMs
    : null;
  add(
    'cold import + first answer / floor import',
    `≤ ${targets.coldStartRatio}×`,
    coldRatio,
    (v) => v <= targets.coldStartRatio,
    '×',
    coldStartSummary
      ? `${formatNumber(
          (coldStartSummary.slack.initCpuMs + coldStartSummary.slack.firstAnswerCpuMs) /
            coldStartSummary.floor.initCpuMs,
        )}× in CPU time`
      : undefined,
  );
  const extraction = extractions.filter((r) => r.size >= 100 || r.size === largest);
  add(
    'extraction, one core (slowest corpus of ≥ 100)',
    `≥ ${targets.extractionPerSecond} articles/s`,
    extraction.length > 0 ? Math.min(...extraction.map((r) => r.extract?.articlesPerSecond ?? 0)) : null,
    (v) => v >= targets.extractionPerSecond,
    ' articles/s',
    extraction.length > 0
      ? `${formatNumber(Math.min(...extraction.map((r) => r.extract?.articlesPerCpuSecond ?? 0)))} per CPU second`
      : undefined,
  );
  const tenK = at(10_000)?.ingest;
  // Stopped at its time limit: the time the whole corpus would take at the rate reached.
  const tenKSeconds = tenK ? (tenK.seconds * tenK.corpusArticles) / tenK.articles : null;
  add(
    tenK && tenK.articles < tenK.corpusArticles
      ? `10,000 articles ingested (stopped at ${formatNumber(tenK.articles)}: projected)`
      : '10,000 articles ingested',
    `< ${targets.ingestSecondsAt10k} s`,
    tenKSeconds,
    (v) => v < targets.ingestSecondsAt10k,
    ' s',
    tenK ? `${formatNumber((tenK.cpuSeconds * tenK.corpusArticles) / tenK.articles)} CPU s` : undefined,
  );
  // The target is the ingest function's memory; the extraction runs also hold the whole generated corpus.
  const peak = ingests.flatMap((r) => (r.ingest ? [r.ingest.peakRssMB] : []));
  add(
    'peak RSS of an ingest run (largest)',
    `< ${targets.peakRssMB} MB`,
    peak.length > 0 ? Math.max(...peak) : null,
    (v) => v < 1024,
    ' MB',
  );
  const summary = commands?.find((c) => c.label === 'summary')?.message;
  add(
    `summary within Slack limits at ${sizeLabel} (violations)`,
    '0',
    summary ? summary.violations.length : null,
    (v) => v === 0,
  );
  // Flatness: the command path reads the same items whatever the corpus size; ingest cost per article stays put.
  const smallest = ingests[0];
  if (smallest && largestIngest && smallest !== largestIngest && smallest.commands && commands) {
    const ratios = commands.map((c) => {
      const small = smallest.commands?.find((s) => s.text === c.text || s.label === c.label);
      return small ? c.latency.p50 / small.latency.p50 : 1;
    });
    add(
      `command p50, ${sizeLabel} / ${smallest.label} (worst command)`,
      `≤ ${targets.flatRatio}×`,
      Math.max(...ratios),
      (v) => v <= targets.flatRatio,
      '×',
    );
    // The seed corpus's views are a few KB; from 100 articles on they approach their byte caps.
    const hundred = at(100);
    if (hundred?.commands && hundred !== largestIngest) {
      const fromHundred = commands.map((c) => {
        const small = hundred.commands?.find((s) => s.label === c.label);
        return small ? c.latency.p50 / small.latency.p50 : 1;
      });
      add(
        `command p50, ${sizeLabel} / 100 articles (worst command)`,
        `≤ ${targets.flatRatio}×`,
        Math.max(...fromHundred),
        (v) => v <= targets.flatRatio,
        '×',
      );
    }
    const sameRequests = commands.every(
      (c) => smallest.commands?.find((s) => s.label === c.label)?.dynamoRequests.max === c.dynamoRequests.max,
    );
    checks.push({
      name: 'same DynamoDB requests per command at every size',
      target: 'yes',
      measured: sameRequests ? 'yes' : 'no',
      pass: sameRequests,
    });
  }
  const growth = tenKOrLargestIngestGrowth();
  add(
    `ingest ms/article, last tenth / first tenth at ${sizeLabel}`,
    `≤ ${targets.flatRatio}×`,
    growth,
    (v) => v <= targets.flatRatio,
    '×',
  );
  return checks;
}

/** What the store held when commands ran: the corpus, or as much as ingest stored within its time limit. */
function storeLabel(result: WorkerResult): string {
  const ingest = result.ingest;
  if (result.size === 0) return `the seed corpus (${ingest?.articles ?? '?'} files)`;
  if (ingest && ingest.articles < ingest.corpusArticles) {
    return `${formatNumber(ingest.articles)} of ${formatNumber(ingest.corpusArticles)} articles (ingest time limit)`;
  }
  return `${result.label} articles`;
}

function tenKOrLargestIngestGrowth(): number | null {
  const ingest = largestIngest?.ingest;
  return ingest && ingest.msPerArticleFirst > 0 ? ingest.msPerArticleLast / ingest.msPerArticleFirst : null;
}

function renderReport(): string {
  const sections: string[] = [];
  sections.push(
    `**Machine**: ${machine.cpu} ×${machine.cores}, ${machine.memoryGB} GB, Node ${machine.node} (${machine.platform}); ` +
      `commit ${machine.commit}; ${machine.date.slice(0, 16).replace('T', ' ')} UTC; ` +
      `load average ${machine.loadAverage.start.toFixed(1)} → ${machine.loadAverage.end.toFixed(1)}` +
      (Math.max(machine.loadAverage.start, machine.loadAverage.end) > machine.cores
        ? ' (busy machine: wall times are inflated, see the CPU column)'
        : ''),
  );
  sections.push(
    `### Targets\n\n${markdownTable(
      ['measure', 'target', 'measured', '', 'from CPU time'],
      checks.map((c) => [
        c.name,
        c.target,
        c.measured,
        c.pass === null ? 'n/a' : c.pass ? 'ok' : 'MISSED',
        c.cpu ?? '',
      ]),
    )}`,
  );
  const commands = largestIngest?.commands;
  if (commands && largestIngest) {
    sections.push(
      `### Warm command latency through the Slack handler, ${storeLabel(largestIngest)} (ms)\n\n${markdownTable(
        ['command', 'calls', 'p50', 'p99', 'max', 'CPU a call', 'DynamoDB requests', 'read units', 'answer'],
        commands.map((c) => [
          `\`${c.text}\``,
          String(c.latency.calls),
          formatNumber(c.latency.p50),
          formatNumber(c.latency.p99),
          formatNumber(c.latency.max),
          formatNumber(c.cpuMsPerCall),
          c.dynamoRequests.max === c.dynamoRequests.mean
            ? String(c.dynamoRequests.max)
            : `${formatNumber(c.dynamoRequests.mean)} (max ${c.dynamoRequests.max})`,
          formatUnits(c.readUnits.mean),
          c.message ? `${c.message.blocks} blocks, ${formatBytes(c.message.bodyBytes)}` : '-',
        ]),
      )}`,
    );
  }
  const commandLabels = [...new Set(ingests.flatMap((r) => (r.commands ?? []).map((c) => c.label)))];
  sections.push(
    `### DynamoDB capacity consumed (ReturnConsumedCapacity; on-demand bills these units)

${markdownTable(
  [
    'articles',
    'ingest read units/article',
    'ingest write units/article',
    ...commandLabels.map((label) => `${label} read units`),
  ],
  ingests.map((r) => [
    r.label,
    r.ingest ? formatUnits(r.ingest.readUnits / r.ingest.articles) : '-',
    r.ingest ? formatUnits(r.ingest.writeUnits / r.ingest.articles) : '-',
    ...commandLabels.map((label) => {
      const command = r.commands?.find((c) => c.label === label);
      return command ? formatUnits(command.readUnits.mean) : '-';
    }),
  ]),
)}\n\nPer article: units over the article files ingested (duplicates and rejects included). Commands: mean per call; reads are eventually consistent (0.5 unit per 4 KB).`,
  );
  const bundleRows = Object.values(bundles).map((b) => [b.name, b.entry, formatBytes(b.bytes)]);
  if (coldStartSummary) {
    const { floor, slack } = coldStartSummary;
    sections.push(
      `### Cold start (median of ${slack.runs} fresh processes, \`summary\` at ${largestIngest ? storeLabel(largestIngest) : '?'}; ms)\n\n${markdownTable(
        [
          'bundle',
          'size',
          'module init',
          'first answer',
          'init + first answer',
          'same in CPU time',
          'process spawn → exit',
        ],
        [
          ['floor (Bolt App + AwsLambdaReceiver, ack)', floor, bundles.floor],
          ['talks-bot Slack handler', slack, bundles.slack],
        ].map(([name, s, b]) => {
          const summary = s as typeof floor;
          return [
            name as string,
            b ? formatBytes((b as LambdaBundle).bytes) : '-',
            formatNumber(summary.initMs),
            formatNumber(summary.firstAnswerMs),
            formatNumber(summary.initPlusFirstAnswerMs),
            formatNumber(summary.initCpuMs + summary.firstAnswerCpuMs),
            formatNumber(summary.processMs),
          ];
        }),
      )}`,
    );
  }
  sections.push(
    `### Bundles (esbuild as NodejsFunction: minified ESM, AWS SDK bundled but for rare paths' packages)\n\n${markdownTable(['function', 'entry', 'size'], bundleRows)}`,
  );
  const labels = [...new Set([...extractions, ...ingests].map((r) => r.size))].sort((a, b) => a - b);
  sections.push(
    `### Scaling and ingest\n\n${markdownTable(
      [
        'articles',
        'extraction articles/s (per CPU s)',
        'extraction MB/s',
        'ingest articles/s (per CPU s)',
        'ingest MB/s',
        'ingest total',
        'ingest ms/article first → last tenth',
        'DynamoDB requests/article',
        'peak RSS extract / ingest (embedded DB)',
        'summary p50 / p99',
        'who p50',
      ],
      labels.map((size) => {
        const e = extractions.find((r) => r.size === size);
        const i = ingests.find((r) => r.size === size);
        const summary = i?.commands?.find((c) => c.label === 'summary');
        const who = i?.commands?.find((c) => c.label.startsWith('who <name>'));
        return [
          (e ?? i)?.label ?? String(size),
          e?.extract
            ? `${formatNumber(e.extract.articlesPerSecond)} (${formatNumber(e.extract.articlesPerCpuSecond)})`
            : '-',
          e?.extract ? e.extract.mbPerSecond.toFixed(2) : '-',
          i?.ingest
            ? `${formatNumber(i.ingest.articlesPerSecond)} (${formatNumber(i.ingest.articles / i.ingest.cpuSeconds)})`
            : '-',
          i?.ingest ? i.ingest.mbPerSecond.toFixed(2) : '-',
          i?.ingest
            ? `${formatNumber(i.ingest.seconds)} s${
                i.ingest.articles < i.ingest.corpusArticles
                  ? ` (time limit: ${formatNumber(i.ingest.articles)} of ${formatNumber(i.ingest.corpusArticles)})`
                  : ''
              }`
            : '-',
          i?.ingest ? `${i.ingest.msPerArticleFirst.toFixed(1)} → ${i.ingest.msPerArticleLast.toFixed(1)}` : '-',
          i?.ingest ? (i.ingest.dynamoRequests / i.ingest.articles).toFixed(1) : '-',
          `${e?.extract ? formatNumber(e.extract.peakRssMB) : '-'} / ${i?.ingest ? formatNumber(i.ingest.peakRssMB) : '-'} MB${
            i?.ingest?.dynamoPeakRssMB ? ` (DB ${formatNumber(i.ingest.dynamoPeakRssMB)})` : ''
          }`,
          summary ? `${formatNumber(summary.latency.p50)} / ${formatNumber(summary.latency.p99)} ms` : '-',
          who ? `${formatNumber(who.latency.p50)} ms` : '-',
        ];
      }),
    )}`,
  );
  const factsRows = extractions
    .filter((r) => r.extract)
    .map((r) => {
      const f = r.extract?.facts;
      const sampled =
        r.extract && r.extract.articles < r.extract.corpusArticles
          ? `${r.extract.articles} (time limit; of ${r.extract.corpusArticles})`
          : String(r.extract?.articles);
      return [r.label, sampled, String(f?.statements), String(f?.people), String(f?.guarantors), String(f?.positions)];
    });
  sections.push(
    `### What extraction found (one pass)\n\n${markdownTable(['corpus', 'articles (deduplicated)', 'statements', 'people', 'guarantors', 'positions'], factsRows)}`,
  );
  if (skipped.length > 0) sections.push(`### Skipped or failed\n\n${skipped.map((s) => `- ${s}`).join('\n')}`);
  return sections.join('\n\n');
}

/** Capacity units with two decimals: a command reads half a unit, an article writes a dozen. */
function formatUnits(units: number): string {
  return units.toFixed(2);
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

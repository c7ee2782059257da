import type { MessageCheck } from './slack-limits.js';
import type { LatencySummary } from './stats.js';

/** What bench/run.ts asks a worker process to measure. */
export interface WorkerJob {
  mode: 'extract' | 'ingest';
  /** Articles; 0 = the seed corpus (data/articles). */
  size: number;
  seed: number;
  /** Inputs per ingestInputs call (one S3 event or CLI batch). */
  batchSize: number;
  /** Timed calls per command, after `warmup` untimed ones. */
  calls: number;
  warmup: number;
  /** Extraction stops after this long, mid-corpus if need be (the rate is what is measured). */
  extractLimitSeconds: number;
  /** Ingest stops after this long (the rest of the corpus is not ingested; commands run on what was). */
  ingestLimitSeconds: number;
  /** Cold starts to run against this worker's store (it hosts the embedded DynamoDB they read). */
  coldStart?: { runs: number; child: string; floorBundle: string; slackBundle: string; command: string };
  /** Where the worker writes its WorkerResult. */
  out: string;
}

export interface ExtractResult {
  /** Articles extracted per pass (fewer than the corpus when the time limit cut the first pass). */
  articles: number;
  corpusArticles: number;
  passes: number;
  seconds: number;
  articlesPerSecond: number;
  mbPerSecond: number;
  /** CPU time of this process over the same work: less disturbed than wall time by other load on the machine. */
  cpuSeconds: number;
  articlesPerCpuSecond: number;
  /** Reading and cleaning (parseArticleInput), which extraction does not include. */
  parseArticlesPerSecond: number;
  /** Facts found in one pass: shows the extraction is real work, not a placeholder. */
  facts: { statements: number; guarantors: number; positions: number; people: number };
  peakRssMB: number;
}

export interface IngestResult {
  /** Article files ingested (sources.json excluded). */
  articles: number;
  /** Article files in the corpus: more than `articles` when ingest hit its time limit. */
  corpusArticles: number;
  stored: number;
  duplicates: number;
  rejected: number;
  seconds: number;
  articlesPerSecond: number;
  mbPerSecond: number;
  /** CPU time of the process (pipeline and the embedded DynamoDB it runs in-process). */
  cpuSeconds: number;
  /** Mean ingest time per article over the first and the last tenth of the batches. */
  msPerArticleFirst: number;
  msPerArticleLast: number;
  dynamoRequests: number;
  dynamoRequestsByOperation: Record<string, number>;
  /** DynamoDB capacity units consumed (ReturnConsumedCapacity), in all: reads include the near-duplicate lookups. */
  readUnits: number;
  writeUnits: number;
  /** Peak RSS of the ingest process: the pipeline and the handler, not the database. */
  peakRssMB: number;
  /** Peak RSS of the embedded DynamoDB's own process (the table in memory): remote on AWS. */
  dynamoPeakRssMB?: number;
}

export interface CommandResult {
  label: string;
  text: string;
  latency: LatencySummary;
  /** Mean CPU time per call of this process (handler and the in-process DynamoDB server). */
  cpuMsPerCall: number;
  /** DynamoDB requests per call (the same for every call of a command when nothing is cached). */
  dynamoRequests: { max: number; mean: number };
  /** DynamoDB read units consumed per call (eventually consistent reads: half a unit per 4 KB). */
  readUnits: { max: number; mean: number };
  /** Responses other than HTTP 200. */
  failures: number;
  /** The first response against Slack's message limits. */
  message: MessageCheck | null;
}

export interface ColdStartRun {
  /** Node's own start-up before the child script runs. */
  bootMs: number;
  /** Importing the bundle: module init. */
  initMs: number;
  /** The first command, from handler call to response. */
  firstAnswerMs: number;
  /** CPU time of module init and of the first answer. */
  initCpuMs: number;
  firstAnswerCpuMs: number;
  statusCode: number;
  bodyBytes: number;
  /** Spawn to exit, seen from the parent. */
  processMs: number;
}

export interface WorkerResult {
  label: string;
  size: number;
  extract?: ExtractResult;
  ingest?: IngestResult;
  commands?: CommandResult[];
  coldStarts?: { floor: ColdStartRun[]; slack: ColdStartRun[] };
  skipped?: string[];
}

/** A measured value beside its target. `pass` is null when the value could not be measured. */
export interface TargetCheck {
  name: string;
  target: string;
  measured: string;
  /** For time targets: the same measure from CPU time, a guide when the machine was busy. */
  cpu?: string;
  pass: boolean | null;
  /** A target met with little room, which the next change may lose: the report marks it and says why. */
  warning?: string;
}

/*
 * The one definition of the CloudWatch metrics the functions emit (embedded metric format, through
 * Powertools Metrics in lambda/observability/telemetry.ts) and the dashboard graphs (lib/constructs/
 * talks-dashboard.ts): a renamed metric renames its graph, and a test checks that every graphed metric is one a
 * function emits. Pure constants, so the CDK app can import them without Powertools.
 */

/** The CloudWatch namespace of every talks-bot metric. */
export const METRICS_NAMESPACE = 'TalksBot';

/** Powertools' `service` dimension (and log field) of each function. */
export const SERVICES = {
  slack: 'talks-slack',
  ingest: 'talks-ingest',
  links: 'talks-links',
  storeUpgrade: 'talks-store-upgrade',
} as const;

/** The dimension Powertools adds to every metric, holding one of SERVICES. */
export const SERVICE_DIMENSION = 'service';

/** The dimension of CommandsAnswered: the command's kind (lambda/answers/command.ts), a small closed set. */
export const SUBCOMMAND_DIMENSION = 'Subcommand';

/** The dimension of FactsExtracted: one of FACT_CATEGORIES. */
export const FACT_CATEGORY_DIMENSION = 'Category';

/** The kinds of fact ingest extracts, as ArticleFacts names them. */
export const FACT_CATEGORIES = ['statements', 'guarantors', 'positions', 'mentions'] as const;

/** The dimension of LinksRefused: one of LINK_REFUSALS (lambda/links/link-refusals.ts). */
export const REFUSAL_DIMENSION = 'Reason';

/** Metric names, by what they measure. */
export const METRICS = {
  /** Slack function, per answered /talks command (count), by SUBCOMMAND_DIMENSION. */
  commandsAnswered: 'CommandsAnswered',
  /** Slack function: commands answered with the apology because the store failed (count). */
  commandsFailed: 'CommandsFailed',
  /** Slack function: parse, read and render of one command (milliseconds), without Bolt's signature check. */
  commandLatency: 'CommandLatency',
  /** Slack function: DynamoDB requests one command sent (count); the design's budget is 3. */
  commandDynamoRequests: 'CommandDynamoRequests',
  /** Slack function: DynamoDB read units one command consumed (count). */
  commandReadUnits: 'CommandReadUnits',
  /** Ingest function, per invocation: articles stored for the first time (count). */
  articlesStored: 'ArticlesStored',
  /** Ingest function: uploads merged into an article already stored, same body or near-duplicate (count). */
  articlesMerged: 'ArticlesMerged',
  /** Ingest function: uploads rejected and moved under rejected/ (count). */
  articlesRejected: 'ArticlesRejected',
  /** Ingest function: facts extracted from newly stored articles (count), by FACT_CATEGORY_DIMENSION. */
  factsExtracted: 'FactsExtracted',
  /** Ingest function: the pipeline's time over the articles it read (milliseconds an article). */
  ingestTimePerArticle: 'IngestTimePerArticle',
  /** Ingest function: age of the oldest upload of the batch when its ingest began (seconds). */
  uploadAge: 'UploadAge',
  /** Ingest function: DynamoDB read and write units one invocation consumed (count). */
  ingestReadUnits: 'IngestReadUnits',
  ingestWriteUnits: 'IngestWriteUnits',
  /** Link worker, per job: pages fetched, whether or not they then held an article (count). */
  linksFetched: 'LinksFetched',
  /** Link worker: links stored as new articles (count). */
  linksStored: 'LinksStored',
  /** Link worker: links whose page is an article already stored, the link added to it (count). */
  linksMerged: 'LinksMerged',
  /** Link worker: links not added (count), by REFUSAL_DIMENSION. */
  linksRefused: 'LinksRefused',
  /** Link worker: one fetch, refused or not (milliseconds), a value per link. */
  linkFetchTime: 'LinkFetchTime',
  /** Store upgrade, per call during a deploy: stored articles applied to the new store format's items (count). */
  rebuildArticlesApplied: 'StoreRebuildArticlesApplied',
  /** Store upgrade: stored articles the pass has gone over so far, applied now or before (count). */
  rebuildArticlesDone: 'StoreRebuildArticlesDone',
  /** Store upgrade: 1 when the call completed the new format, else 0 (count). */
  rebuildComplete: 'StoreRebuildComplete',
  /** Store upgrade: one call's rebuild (milliseconds). */
  rebuildTime: 'StoreRebuildTime',
  /** Store upgrade, per daily call of the clean-up schedule: items of previous store formats deleted (count). */
  supersededItemsDeleted: 'SupersededItemsDeleted',
  /** Store upgrade: 1 when the daily clean-up paused on a busy store or a throttle, for the next day's call (count). */
  supersededDeletionPaused: 'SupersededDeletionPaused',
  /** Every function: 1 on a container's first invocation (named and emitted by Powertools' captureColdStartMetric). */
  coldStart: 'ColdStart',
} as const;

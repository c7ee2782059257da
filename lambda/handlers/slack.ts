import type { FlagsContext } from '../flags/flag-features.js';
import { flagPolicyFromEnv } from '../flags/flag-policy-config.js';
import { createFlagStore, type FlagStore } from '../flags/flag-store.js';
import type { LinkJobs } from '../links/link-request.js';
import { METRICS, SERVICES, SUBCOMMAND_DIMENSION } from '../observability/metric-names.js';
import { createTelemetry, MetricUnit, type Telemetry } from '../observability/telemetry.js';
import { type AwsHandler, createSlackLambdaHandler } from '../slack/lambda-handler.js';
import type { PostReply } from '../slack/response-url.js';
import { slackCredentialsSource } from '../slack/slack-config.js';
import type { AnsweredCommand } from '../slack/talks-command.js';
import { storeConfig } from '../store/config.js';
import { createDynamoClient } from '../store/dynamo-client.js';
import { createDynamoDocuments } from '../store/dynamo-documents.js';
import { type DynamoUsageMeter, meterDynamoUsage } from '../store/dynamo-usage.js';
import { createDynamoViewReader } from '../store/dynamo-view-reader.js';
import { createLambdaLinkJobs } from '../store/lambda-link-jobs.js';
import type { TimelineReader, ViewReader } from '../store/ports.js';
import { readSlackSecret } from '../store/secrets.js';

/** What the handler runs on; each has a production default read from the environment on first request. */
export interface SlackHandlerDeps {
  /** @default the DynamoDB table named by TABLE_NAME (DYNAMODB_ENDPOINT for a local server) */
  views?: ViewReader;
  /** What `timeline` and `since` read. @default the same table as the default views */
  timeline?: TimelineReader;
  /** The clock `since 7d` counts from. @default the system clock */
  now?: () => Date;
  /** Meters the DynamoDB client behind `views`, for per-command metrics. @default the default views' client */
  dynamoUsage?: DynamoUsageMeter;
  /** @default from Secrets Manager (SLACK_SECRET_ARN) or SLACK_SIGNING_SECRET */
  signingSecret?: string;
  /** @default from where the signing secret comes; optional: `/talks` answers without calling the Web API */
  botToken?: string;
  /** @default the flags in the same table, hidden by FLAG_REVIEWERS / FLAG_THRESHOLD */
  flags?: FlagsContext & { reader: FlagStore };
  /** @default asynchronous invocations of the function named by LINK_WORKER_FUNCTION (none: `add` is off) */
  linkJobs?: LinkJobs;
  /** @default posts to Slack's response URLs; tests receive the replies on a local server */
  postReply?: PostReply;
  /** @default Slack's Web API; tests answer `views.open` on a local server */
  slackApiUrl?: string;
  env?: NodeJS.ProcessEnv;
  /** @default Powertools Logger and Metrics for the `talks-slack` service */
  telemetry?: Telemetry;
}

async function credentials(deps: SlackHandlerDeps): Promise<{ signingSecret: string; botToken?: string }> {
  if (deps.signingSecret)
    return { signingSecret: deps.signingSecret, ...(deps.botToken ? { botToken: deps.botToken } : {}) };
  const source = slackCredentialsSource(deps.env ?? process.env);
  return source.kind === 'secrets-manager' ? readSlackSecret(source.secretArn) : source;
}

function productionStores(
  env: NodeJS.ProcessEnv,
  { logger }: Telemetry,
): {
  views: ViewReader & TimelineReader;
  flags: FlagsContext & { reader: FlagStore };
  dynamoUsage: DynamoUsageMeter;
} {
  const { tableName, endpoint, region } = storeConfig();
  const client = createDynamoClient({ endpoint, region });
  return {
    views: createDynamoViewReader({ client, tableName }),
    flags: {
      reader: createFlagStore(createDynamoDocuments({ client, tableName }), {
        // The command still answers (from the old book); the next one migrates again.
        onMigrationError: (error) => logger.warn('The old flag book could not be migrated yet', { error }),
      }),
      policy: flagPolicyFromEnv(env),
    },
    dynamoUsage: meterDynamoUsage(client),
  };
}

/** Metrics and one log record for an answered command: its kind, latency and what it cost on DynamoDB. */
function recordCommand({ logger, metrics }: Telemetry, answered: AnsweredCommand, dynamoUsage?: DynamoUsageMeter) {
  const byKind = metrics.singleMetric();
  byKind.addDimension(SUBCOMMAND_DIMENSION, answered.kind);
  byKind.addMetric(METRICS.commandsAnswered, MetricUnit.Count, 1);
  metrics.addMetric(METRICS.commandLatency, MetricUnit.Milliseconds, answered.ms);
  metrics.addMetric(METRICS.commandsFailed, MetricUnit.Count, answered.failed ? 1 : 0);
  const usage = dynamoUsage?.usage();
  if (usage) {
    metrics.addMetric(METRICS.commandDynamoRequests, MetricUnit.Count, usage.requests);
    metrics.addMetric(METRICS.commandReadUnits, MetricUnit.Count, usage.readUnits);
  }
  // The kind only, not the text: what people ask about stays in Slack.
  logger.info('Answered /talks', {
    subcommand: answered.kind,
    ms: Math.round(answered.ms * 10) / 10,
    failed: answered.failed,
    ...(usage ? { dynamoRequests: usage.requests, readUnits: usage.readUnits } : {}),
  });
}

function productionLinkJobs(env: NodeJS.ProcessEnv): LinkJobs | undefined {
  const worker = env.LINK_WORKER_FUNCTION;
  return worker ? createLambdaLinkJobs(worker) : undefined;
}

/**
 * The Slack Lambda handler. The app, its clients and the secret are set up once per container, on the first
 * request (the secret needs a network read); a failed setup is retried by the next request.
 */
export function createSlackHandler(deps: SlackHandlerDeps = {}): AwsHandler {
  const telemetry = deps.telemetry ?? createTelemetry(SERVICES.slack);
  let ready: Promise<AwsHandler> | undefined;
  let dynamoUsage = deps.dynamoUsage;
  // Lambda sends a container one request at a time, so the command answered during a call is this call's.
  let answered: AnsweredCommand | undefined;
  const setUp = async () => {
    const env = deps.env ?? process.env;
    // Injected views (tests) come without production flags: flags then only when injected too.
    const production = deps.views ? undefined : productionStores(env, telemetry);
    dynamoUsage ??= production?.dynamoUsage;
    const flags = deps.flags ?? production?.flags;
    const linkJobs = deps.linkJobs ?? productionLinkJobs(env);
    const timeline = deps.timeline ?? production?.views;
    return createSlackLambdaHandler({
      ...(await credentials(deps)),
      views: deps.views ?? (production as NonNullable<typeof production>).views,
      ...(flags ? { flags } : {}),
      ...(timeline ? { timeline } : {}),
      ...(deps.now ? { now: deps.now } : {}),
      ...(linkJobs ? { linkJobs } : {}),
      ...(deps.postReply ? { postReply: deps.postReply } : {}),
      ...(deps.slackApiUrl ? { slackApiUrl: deps.slackApiUrl } : {}),
      onAnswered: (command) => {
        answered = command;
      },
    });
  };
  return async (event, context) => {
    const { logger, metrics } = telemetry;
    logger.addContext(context);
    metrics.captureColdStartMetric();
    if (!ready) {
      ready = setUp();
      ready.catch(() => {
        ready = undefined;
      });
    }
    answered = undefined;
    dynamoUsage?.reset();
    try {
      return await (await ready)(event, context);
    } finally {
      if (answered) recordCommand(telemetry, answered, dynamoUsage);
      if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
    }
  };
}

export const handler = createSlackHandler();

import type { FlagsContext } from '../answers/answer-command.js';
import { flagPolicyFromEnv } from '../flags/flag-policy-config.js';
import type { FlagStore } from '../flags/flag-store.js';
import type { LinkJobs } from '../links/link-request.js';
import { type AwsHandler, createSlackLambdaHandler } from '../slack/lambda-handler.js';
import type { PostReply } from '../slack/response-url.js';
import { slackCredentialsSource } from '../slack/slack-config.js';
import { storeConfig } from '../store/config.js';
import { createDynamoClient } from '../store/dynamo-client.js';
import { createDynamoFlagStore } from '../store/dynamo-flag-store.js';
import { createDynamoTalksStore } from '../store/dynamo-talks-store.js';
import { createLambdaLinkJobs } from '../store/lambda-link-jobs.js';
import type { ViewReader } from '../store/ports.js';
import { readSlackSecret } from '../store/secrets.js';

/** What the handler runs on; each has a production default read from the environment on first request. */
export interface SlackHandlerDeps {
  /** @default the DynamoDB table named by TABLE_NAME (DYNAMODB_ENDPOINT for a local server) */
  views?: ViewReader;
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
}

async function credentials(deps: SlackHandlerDeps): Promise<{ signingSecret: string; botToken?: string }> {
  if (deps.signingSecret)
    return { signingSecret: deps.signingSecret, ...(deps.botToken ? { botToken: deps.botToken } : {}) };
  const source = slackCredentialsSource(deps.env ?? process.env);
  return source.kind === 'secrets-manager' ? readSlackSecret(source.secretArn) : source;
}

function productionStores(env: NodeJS.ProcessEnv): { views: ViewReader; flags: FlagsContext & { reader: FlagStore } } {
  const { tableName, endpoint, region } = storeConfig();
  const client = createDynamoClient({ endpoint, region });
  return {
    views: createDynamoTalksStore({ client, tableName }),
    flags: { reader: createDynamoFlagStore({ client, tableName }), policy: flagPolicyFromEnv(env) },
  };
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
  let ready: Promise<AwsHandler> | undefined;
  const setUp = async () => {
    const env = deps.env ?? process.env;
    // Injected views (tests) come without production flags: flags then only when injected too.
    const production = deps.views ? undefined : productionStores(env);
    const flags = deps.flags ?? production?.flags;
    const linkJobs = deps.linkJobs ?? productionLinkJobs(env);
    return createSlackLambdaHandler({
      ...(await credentials(deps)),
      views: deps.views ?? (production as NonNullable<typeof production>).views,
      ...(flags ? { flags } : {}),
      ...(linkJobs ? { linkJobs } : {}),
      ...(deps.postReply ? { postReply: deps.postReply } : {}),
      ...(deps.slackApiUrl ? { slackApiUrl: deps.slackApiUrl } : {}),
    });
  };
  return async (event, context) => {
    if (!ready) {
      ready = setUp();
      ready.catch(() => {
        ready = undefined;
      });
    }
    return (await ready)(event, context);
  };
}

export const handler = createSlackHandler();

import { type AwsHandler, createSlackLambdaHandler } from '../slack/lambda-handler.js';
import { slackCredentialsSource } from '../slack/slack-config.js';
import { storeConfig } from '../store/config.js';
import { createDynamoClient } from '../store/dynamo-client.js';
import { createDynamoTalksStore } from '../store/dynamo-talks-store.js';
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
  env?: NodeJS.ProcessEnv;
}

async function credentials(deps: SlackHandlerDeps): Promise<{ signingSecret: string; botToken?: string }> {
  if (deps.signingSecret)
    return { signingSecret: deps.signingSecret, ...(deps.botToken ? { botToken: deps.botToken } : {}) };
  const source = slackCredentialsSource(deps.env ?? process.env);
  return source.kind === 'secrets-manager' ? readSlackSecret(source.secretArn) : source;
}

function productionViews(): ViewReader {
  const { tableName, endpoint, region } = storeConfig();
  return createDynamoTalksStore({ client: createDynamoClient({ endpoint, region }), tableName });
}

/**
 * The Slack Lambda handler. The app, its clients and the secret are set up once per container, on the first
 * request (the secret needs a network read); a failed setup is retried by the next request.
 */
export function createSlackHandler(deps: SlackHandlerDeps = {}): AwsHandler {
  let ready: Promise<AwsHandler> | undefined;
  const setUp = async () =>
    createSlackLambdaHandler({ ...(await credentials(deps)), views: deps.views ?? productionViews() });
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

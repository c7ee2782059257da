import { spawn } from 'node:child_process';
import { startFakeSecretsManager } from './fake-secrets-manager.js';
import type { ColdStartRun } from './results.js';
import { benchSlack } from './slack-request.js';

/*
 * The cold-start processes the bench times (bench/cold-start-child.ts), and the environment each bundle sees,
 * shared by the full bench (size-worker.ts) and the cold start alone (cold-start.ts).
 */

export interface ColdStartEnvironments {
  /** The floor reads its signing secret from the environment. */
  floor: Record<string, string>;
  /** The Slack handler as deployed: the table by name, its secret from Secrets Manager (a loopback stand-in). */
  slack: Record<string, string>;
  /** GetSecretValue requests the stand-in has answered. */
  secretReads(): number;
  close(): Promise<void>;
}

/** As on Lambda: credentials and region in the environment, the table by name, the Slack secret in Secrets Manager. */
export async function startColdStartEnvironments(
  dynamoEndpoint: string,
  tableName: string,
): Promise<ColdStartEnvironments> {
  const secrets = await startFakeSecretsManager(
    JSON.stringify({ signingSecret: benchSlack.signingSecret, botToken: benchSlack.botToken }),
  );
  const lambdaEnv = {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'production',
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    // As Lambda sets it: the handlers' Powertools Logger and Metrics record the cold start.
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
  };
  return {
    floor: {
      ...lambdaEnv,
      SLACK_SIGNING_SECRET: benchSlack.signingSecret,
      SLACK_BOT_TOKEN: benchSlack.botToken,
      SLACK_BOT_ID: benchSlack.botId,
      SLACK_BOT_USER_ID: benchSlack.botUserId,
    },
    slack: {
      ...lambdaEnv,
      TABLE_NAME: tableName,
      DYNAMODB_ENDPOINT: dynamoEndpoint,
      SLACK_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:000000000000:secret:talks-bench',
      AWS_ENDPOINT_URL_SECRETS_MANAGER: secrets.endpoint,
    },
    secretReads: secrets.requests,
    close: secrets.close,
  };
}

/**
 * Why a series of Slack cold starts cannot be reported, or null: a process that answered other than 200 (it timed an
 * error: a store or a secret it could not read), or fewer secret reads than processes (a handler that skipped the read
 * a deployed one makes on its first request).
 */
export function coldStartFailure(slack: readonly ColdStartRun[], secretReads: number): string | null {
  const failed = slack.filter((r) => r.statusCode !== 200);
  if (failed.length) {
    const codes = [...new Set(failed.map((r) => r.statusCode))].join(', ');
    return `${failed.length} of ${slack.length} Slack cold starts answered ${codes}, not 200`;
  }
  if (secretReads < slack.length) {
    return `the Slack handler read its secret ${secretReads} times in ${slack.length} cold starts`;
  }
  return null;
}

/** One cold start: a fresh `node` process imports `bundle` and answers `command` once (cold-start-child.ts). */
export function coldStart(
  child: string,
  bundle: string,
  command: string,
  env: Record<string, string>,
  nodeOptions: readonly string[] = [],
): Promise<ColdStartRun> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const proc = spawn(process.execPath, [...nodeOptions, child, bundle, command], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    proc.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    proc.on('error', reject);
    proc.on('close', (code) => {
      const line = stdout.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !line.startsWith('{')) {
        reject(new Error(`cold start of ${bundle} failed (exit ${code}): ${stderr.slice(0, 500)}`));
        return;
      }
      resolve({ ...(JSON.parse(line) as Omit<ColdStartRun, 'processMs'>), processMs: performance.now() - start });
    });
  });
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { App, type AppProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readStackConfig } from './config.js';
import { TalksStack } from './talks-stack.js';

/**
 * Builds the talks-bot app: one stack per stage, checked by cdk-nag's AwsSolutions rules at synth time
 * (an unacknowledged finding fails `cdk synth` and `cdk deploy`; each construct acknowledges its own accepted
 * findings, with the reason, next to the code that causes them). Tests call this with their own context.
 */
export function createApp(props: AppProps = {}): { app: App; stack: TalksStack } {
  // cdk.json's feature flags as defaults, so the app builds the same under the CLI (which passes them, and any
  // -c values, over these), in tests and when run directly.
  const app = new App({ ...props, context: { ...cdkJsonContext(), ...props.context } });
  const config = readStackConfig(app.node);
  const stack = new TalksStack(app, `TalksBot-${config.stage}`, {
    config,
    description: `talks-bot (${config.stage}): Slack answers about peace-talk articles, with cited facts`,
    // Account and region come from the deploying credentials (CDK_DEFAULT_ACCOUNT/REGION) when present,
    // so synth works offline and deploy targets wherever the user's AWS profile points.
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}

function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../cdk.json'), 'utf8'));
  return cdkJson.context ?? {};
}

// Run by the CDK CLI (cdk.json: node --import tsx lib/app.ts); imported by tests.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  createApp().app.synth();
}

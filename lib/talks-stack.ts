import path from 'node:path';
import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import type { StackConfig } from './config.js';
import { ArticleIngestion } from './constructs/article-ingestion.js';
import { LinkWorker } from './constructs/link-worker.js';
import { SlackEndpoint } from './constructs/slack-endpoint.js';
import { StoreUpgrade } from './constructs/store-upgrade.js';
import { TalksAlarms } from './constructs/talks-alarms.js';
import { TalksDashboard } from './constructs/talks-dashboard.js';
import { TalksDigest } from './constructs/talks-digest.js';
import { TalksTable } from './constructs/talks-table.js';

/** The output that says a digest is configured: scripts/fill-manifest.ts then asks for `chat:write`. */
export const DIGEST_CHANNEL_OUTPUT = 'DigestChannel';

/** Lambda entry points, resolved from this file so synth works from any working directory. */
const HANDLERS_DIR = path.resolve(import.meta.dirname, '../lambda/handlers');

export interface TalksStackProps extends StackProps {
  readonly config: StackConfig;
}

/** talks-bot in one stack: the table, article ingestion from S3, the Slack endpoint, alarms and a dashboard. */
export class TalksStack extends Stack {
  constructor(scope: Construct, id: string, props: TalksStackProps) {
    super(scope, id, props);
    const { config } = props;
    const removalPolicy = config.removalPolicy === 'destroy' ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;

    const { table } = new TalksTable(this, 'Store', { removalPolicy });
    const ingestion = new ArticleIngestion(this, 'Ingestion', {
      table,
      removalPolicy,
      entry: path.join(HANDLERS_DIR, 'ingest.ts'),
    });
    const slack = new SlackEndpoint(this, 'Slack', {
      table,
      removalPolicy,
      entry: path.join(HANDLERS_DIR, 'slack.ts'),
      flagReviewers: config.flagReviewers,
      flagThreshold: config.flagThreshold,
    });
    const links = new LinkWorker(this, 'Links', {
      table,
      bucket: ingestion.bucket,
      removalPolicy,
      entry: path.join(HANDLERS_DIR, 'links.ts'),
      flagReviewers: config.flagReviewers,
      flagThreshold: config.flagThreshold,
    });
    // The function itself, not `grantInvoke`'s extra `:*` (every version and alias): the Slack function invokes $LATEST.
    slack.slackFunction.addToRolePolicy(
      new PolicyStatement({
        sid: 'HandLinksToTheWorker',
        actions: ['lambda:InvokeFunction'],
        resources: [links.workerFunction.functionArn],
      }),
    );
    slack.slackFunction.addEnvironment('LINK_WORKER_FUNCTION', links.workerFunction.functionName);
    // A deploy that brings a new store format rebuilds the precomputed items in place (docs/deploy.md, "Upgrading a
    // deployed stack"): every writer is updated first, so the pass misses no article; then the rebuild runs to the
    // end; then the readers are updated, so they never read a half-built format, and the old Slack function answers
    // from the old format's items meanwhile.
    const upgrade = new StoreUpgrade(this, 'StoreUpgrade', {
      table,
      removalPolicy,
      entry: path.join(HANDLERS_DIR, 'store-upgrade.ts'),
    });
    upgrade.resource.node.addDependency(ingestion.ingestFunction, links.workerFunction);
    slack.slackFunction.node.addDependency(upgrade.resource);
    // Off by default: without a channel, no schedule and no function.
    let digest: TalksDigest | undefined;
    if (config.digest) {
      digest = new TalksDigest(this, 'Digest', {
        table,
        secret: slack.secret,
        ...config.digest,
        flagReviewers: config.flagReviewers,
        flagThreshold: config.flagThreshold,
        removalPolicy,
        entry: path.join(HANDLERS_DIR, 'digest.ts'),
      });
      new CfnOutput(this, DIGEST_CHANNEL_OUTPUT, {
        description:
          'The channel the digest posts to: the Slack app needs the chat:write scope (scripts/fill-manifest.ts)',
        value: config.digest.channel,
      });
      new CfnOutput(this, 'DigestLogGroupName', { value: digest.digestFunction.logGroup.logGroupName });
      digest.node.addDependency(upgrade.resource);
    }
    const alarms = new TalksAlarms(this, 'Alarms', {
      slackFunction: slack.slackFunction,
      ingestFunction: ingestion.ingestFunction,
      linkWorker: links.workerFunction,
      uploadQueue: ingestion.uploadQueue,
      deadLetterQueue: ingestion.deadLetterQueue,
      alarmEmail: config.alarmEmail,
      ...(digest ? { digestFunction: digest.digestFunction } : {}),
    });
    const { dashboard } = new TalksDashboard(this, 'Dashboard', {
      slackFunction: slack.slackFunction,
      ingestFunction: ingestion.ingestFunction,
      linkWorker: links.workerFunction,
      uploadQueue: ingestion.uploadQueue,
      table,
      alarms: alarms.alarms,
      ...(digest ? { digestFunction: digest.digestFunction } : {}),
    });

    new CfnOutput(this, 'SlackRequestUrl', {
      description: "The Slack app's request URL for /talks (scripts/fill-manifest.ts puts it in the manifest)",
      value: slack.url.url,
    });
    new CfnOutput(this, 'SlackSecretArn', {
      description: 'Put the Slack signing secret and bot token here (aws secretsmanager put-secret-value)',
      value: slack.secret.secretArn,
    });
    new CfnOutput(this, 'ArticleBucketName', {
      description: 'Upload articles under articles/ in this bucket to ingest them',
      value: ingestion.bucket.bucketName,
    });
    new CfnOutput(this, 'TableName', { value: table.tableName });
    new CfnOutput(this, 'IngestLogGroupName', {
      description: 'Why an upload was rejected: aws logs tail <this> --filter-pattern Rejected',
      value: ingestion.ingestFunction.logGroup.logGroupName,
    });
    new CfnOutput(this, 'SlackLogGroupName', { value: slack.slackFunction.logGroup.logGroupName });
    new CfnOutput(this, 'LinkWorkerLogGroupName', {
      description: 'What the link worker read, and why a link failed',
      value: links.workerFunction.logGroup.logGroupName,
    });
    new CfnOutput(this, 'StoreUpgradeLogGroupName', {
      description: 'How the rebuild of a new store format went: aws logs tail <this> --filter-pattern "Store"',
      value: upgrade.upgradeFunction.logGroup.logGroupName,
    });
    new CfnOutput(this, 'AlarmTopicArn', { value: alarms.topic.topicArn });
    new CfnOutput(this, 'DashboardName', {
      description: "Commands, ingest and DynamoDB capacity beside the alarms, in the CloudWatch console's dashboards",
      value: dashboard.dashboardName,
    });
  }
}

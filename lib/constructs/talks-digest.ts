import { Duration, type RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { keys, NEWS_PARTITION } from '../../lambda/store/keys.js';
import { TalksFunction } from './talks-function.js';

export interface TalksDigestProps {
  /** The table the digest reads what was first reported from (one Query of the `NEWS` partition). */
  readonly table: ITable;
  /** The Slack app's credentials; the digest reads its bot token. */
  readonly secret: ISecret;
  /** The Slack channel id the digest is posted to. */
  readonly channel: string;
  /** Days between digests, and how far back each looks. */
  readonly periodDays: number;
  /**
   * Slack user ids whose one flag hides a fact: the digest hides flagged facts as the Slack function does.
   * @default - none: only `flagThreshold` people hide a fact
   */
  readonly flagReviewers?: readonly string[];
  /** People whose flags hide a fact. @default 3 */
  readonly flagThreshold?: number;
  /** Applies to the function's logs. */
  readonly removalPolicy: RemovalPolicy;
  /** Absolute path of the digest handler module. */
  readonly entry: string;
}

/**
 * The digest of what is new, posted to a Slack channel every period: an EventBridge Scheduler schedule and
 * the function it invokes. The function may query the table's `NEWS` partition, read the flags' items (to
 * hide flagged facts) and read the Slack secret, nothing else.
 */
export class TalksDigest extends Construct {
  readonly digestFunction: TalksFunction;
  readonly schedule: Schedule;

  constructor(scope: Construct, id: string, props: TalksDigestProps) {
    super(scope, id);
    this.digestFunction = new TalksFunction(this, 'DigestFunction', {
      entry: props.entry,
      description: `Posts what was first reported in the last ${props.periodDays} day(s) to Slack`,
      memorySize: 512,
      timeout: Duration.seconds(30),
      logRemovalPolicy: props.removalPolicy,
    });
    this.digestFunction.addEnvironment('TABLE_NAME', props.table.tableName);
    this.digestFunction.addEnvironment('DIGEST_CHANNEL', props.channel);
    this.digestFunction.addEnvironment('DIGEST_PERIOD_DAYS', String(props.periodDays));
    this.digestFunction.addEnvironment('SLACK_SECRET_ARN', props.secret.secretArn);
    if (props.flagReviewers?.length)
      this.digestFunction.addEnvironment('FLAG_REVIEWERS', props.flagReviewers.join(','));
    if (props.flagThreshold) this.digestFunction.addEnvironment('FLAG_THRESHOLD', String(props.flagThreshold));
    // Explicit statements, not bindTable/grantRead: the digest makes one Query of one partition, reads the
    // flag index (GetItem in the flags' partition) and makes one GetSecretValue.
    this.digestFunction.addToRolePolicy(
      new PolicyStatement({
        sid: 'QueryNewsOnly',
        actions: ['dynamodb:Query'],
        resources: [props.table.tableArn],
        conditions: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [NEWS_PARTITION] } },
      }),
    );
    this.digestFunction.addToRolePolicy(
      new PolicyStatement({
        sid: 'ReadFlagsOnly',
        actions: ['dynamodb:GetItem'],
        resources: [props.table.tableArn],
        conditions: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [keys.flagIndex().pk] } },
      }),
    );
    this.digestFunction.addToRolePolicy(
      new PolicyStatement({
        sid: 'ReadSlackBotToken',
        actions: ['secretsmanager:GetSecretValue'],
        resources: [props.secret.secretArn],
      }),
    );
    // The schedule's own role (LambdaInvoke would otherwise share one per stack), so that the finding below
    // is acknowledged on this role only.
    const role = new Role(this, 'ScheduleRole', { assumedBy: new ServicePrincipal('scheduler.amazonaws.com') });
    this.schedule = new Schedule(this, 'Schedule', {
      schedule: ScheduleExpression.rate(Duration.days(props.periodDays)),
      target: new LambdaInvoke(this.digestFunction, { role, retryAttempts: 2 }),
      description: `talks-bot digest to Slack every ${props.periodDays} day(s)`,
    });
    const functionId = Stack.of(this).getLogicalId(this.digestFunction.node.defaultChild as CfnFunction);
    const policy = role.node.tryFindChild('DefaultPolicy');
    if (policy) {
      Validations.of(policy).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${functionId}.Arn>:*]`,
        reason: "LambdaInvoke grants the function's versions (:*) beside it; the role may invoke this function only.",
      });
    }
  }
}

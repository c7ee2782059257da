import { Duration, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { type FunctionUrl, FunctionUrlAuthType } from 'aws-cdk-lib/aws-lambda';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { SLACK_SDK_FROM_RUNTIME } from '../bundle-aliases.js';
import { TalksFunction } from './talks-function.js';

export interface SlackEndpointProps {
  /** The table the Slack function reads its answers from (read only). */
  readonly table: ITable;
  /** Applies to the secret and the function's logs. */
  readonly removalPolicy: RemovalPolicy;
  /** Absolute path of the Slack handler module. */
  readonly entry: string;
  /**
   * Slack user ids whose one flag hides a fact, and who confirm or restore flagged facts.
   * @default - none: anyone may review, and only `flagThreshold` people hide a fact
   */
  readonly flagReviewers?: readonly string[];
  /** People whose flags hide a fact. @default 3 */
  readonly flagThreshold?: number;
}

/**
 * The HTTPS endpoint Slack posts `/talks` commands to, the function that answers them, and the secret holding
 * the Slack app's signing secret and bot token.
 */
export class SlackEndpoint extends Construct {
  readonly slackFunction: TalksFunction;
  readonly url: FunctionUrl;
  /**
   * JSON `{"signingSecret": "...", "botToken": "xoxb-..."}`. The stack creates it with empty values, so no
   * credential ever appears in the template; the user sets the real ones after the first deploy.
   */
  readonly secret: Secret;

  constructor(scope: Construct, id: string, props: SlackEndpointProps) {
    super(scope, id);

    this.secret = new Secret(this, 'Credentials', {
      description: 'talks-bot Slack app credentials: {"signingSecret": "...", "botToken": "xoxb-..."}',
      generateSecretString: {
        secretStringTemplate: JSON.stringify({ signingSecret: '', botToken: '' }),
        // Secrets Manager must generate something; this key is ignored by the function and overwritten by the user.
        generateStringKey: 'unsetPlaceholder',
      },
      removalPolicy: props.removalPolicy,
    });
    Validations.of(this.secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Slack issues these credentials; they are rotated in the Slack app settings, which no rotation Lambda can do.',
    });

    this.slackFunction = new TalksFunction(this, 'SlackFunction', {
      entry: props.entry,
      description: 'Answers /talks slash commands from precomputed DynamoDB items',
      // Slack gives up after 3 s; the extra seconds only let a slow request finish and log instead of being cut off.
      timeout: Duration.seconds(6),
      logRemovalPolicy: props.removalPolicy,
      sdkFromRuntime: SLACK_SDK_FROM_RUNTIME,
    });
    this.slackFunction.bindTable(props.table, 'read');
    // Flags are the one item this function writes: PutItem on the `FLAGS` partition only.
    this.slackFunction.addToRolePolicy(
      new PolicyStatement({
        sid: 'WriteFlagsOnly',
        actions: ['dynamodb:PutItem'],
        resources: [props.table.tableArn],
        conditions: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['FLAGS'] } },
      }),
    );
    if (props.flagReviewers?.length) this.slackFunction.addEnvironment('FLAG_REVIEWERS', props.flagReviewers.join(','));
    if (props.flagThreshold) this.slackFunction.addEnvironment('FLAG_THRESHOLD', String(props.flagThreshold));
    this.slackFunction.addEnvironment('SLACK_SECRET_ARN', this.secret.secretArn);
    this.secret.grantRead(this.slackFunction);

    // A Function URL rather than an API Gateway HTTP API: Slack needs one HTTPS POST route, both deliver the same
    // payload-v2 event, and Bolt's request-signature check is the authentication (Slack cannot sign with IAM).
    // The URL adds no per-request cost, no extra hop to the 3 s budget, and no API resources to secure and log.
    this.url = this.slackFunction.addFunctionUrl({ authType: FunctionUrlAuthType.NONE });
  }
}

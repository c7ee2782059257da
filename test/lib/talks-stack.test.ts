import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { DELETE_SUPERSEDED_FORMATS_EVENT, STORE_FORMAT } from '../../lambda/store/store-format.js';
import { PARTITION_KEY, SORT_KEY } from '../../lambda/store/table.js';
import { SLACK_P99_LIMIT } from '../../lib/constructs/talks-alarms.js';
import { synthTemplate } from './synth-app.js';

type Resource = { Type: string; Properties: Record<string, unknown>; DeletionPolicy?: string };
type Statement = { Action: string | string[]; Resource: unknown; Effect: string };

/** The single resource of a type whose properties match, with its logical id. */
function onlyResource(template: Template, type: string, props: Record<string, unknown> = {}): [string, Resource] {
  const found = Object.entries(template.findResources(type, { Properties: props }));
  expect(found).toHaveLength(1);
  return found[0] as [string, Resource];
}

function logicalIdOfFunction(template: Template, descriptionStart: string): string {
  return onlyResource(template, 'AWS::Lambda::Function', {
    Description: Match.stringLikeRegexp(`^${descriptionStart}`),
  })[0];
}

/** Every statement of the policies attached to a role. */
function statementsOfRoleOf(template: Template, functionId: string): Statement[] {
  const fn = template.findResources('AWS::Lambda::Function')[functionId] as Resource;
  const roleId = (fn.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((policy) => JSON.stringify((policy as Resource).Properties.Roles) === JSON.stringify([{ Ref: roleId }]))
    .flatMap(
      (policy) =>
        (policy as { Properties: { PolicyDocument: { Statement: Statement[] } } }).Properties.PolicyDocument.Statement,
    );
}

function actionsOn(statements: Statement[], resource: unknown): string[] {
  return statements
    .filter((statement) => JSON.stringify(statement.Resource) === JSON.stringify(resource))
    .flatMap((statement) => statement.Action)
    .sort();
}

describe('TalksStack (default prod stage)', () => {
  let template: Template;
  let tableId: string;
  let bucketId: string;
  let secretId: string;
  let slackFunctionId: string;
  let ingestFunctionId: string;
  let linkWorkerId: string;
  let upgradeFunctionId: string;
  let uploadQueueId: string;
  let deadLetterQueueId: string;

  beforeAll(() => {
    template = synthTemplate();
    [tableId] = onlyResource(template, 'AWS::DynamoDB::Table');
    [bucketId] = onlyResource(template, 'AWS::S3::Bucket', { VersioningConfiguration: Match.anyValue() });
    [secretId] = onlyResource(template, 'AWS::SecretsManager::Secret');
    slackFunctionId = logicalIdOfFunction(template, 'Answers /talks');
    ingestFunctionId = logicalIdOfFunction(template, 'Ingests articles');
    linkWorkerId = logicalIdOfFunction(template, 'Reads links shared in Slack');
    upgradeFunctionId = logicalIdOfFunction(template, 'Rebuilds the precomputed answers');
    [uploadQueueId] = onlyResource(template, 'AWS::SQS::Queue', { RedrivePolicy: Match.anyValue() });
    [deadLetterQueueId] = onlyResource(template, 'AWS::SQS::Queue', { RedrivePolicy: Match.absent() });
  }, 180_000);

  describe('table', () => {
    it("uses the store's key schema, on-demand, with point-in-time recovery and encryption", () => {
      template.hasResourceProperties('AWS::DynamoDB::Table', {
        KeySchema: [
          { AttributeName: PARTITION_KEY, KeyType: 'HASH' },
          { AttributeName: SORT_KEY, KeyType: 'RANGE' },
        ],
        AttributeDefinitions: Match.arrayWith([{ AttributeName: PARTITION_KEY, AttributeType: 'S' }]),
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: { SSEEnabled: true },
        GlobalSecondaryIndexes: Match.absent(),
      });
    });

    it('is retained and protected from deletion', () => {
      template.hasResource('AWS::DynamoDB::Table', {
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: Match.objectLike({ DeletionProtectionEnabled: true }),
      });
    });
  });

  describe('article bucket', () => {
    it('blocks public access, is encrypted, versioned and logs access to a second bucket', () => {
      template.hasResourceProperties('AWS::S3::Bucket', {
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
        VersioningConfiguration: { Status: 'Enabled' },
        LoggingConfiguration: { DestinationBucketName: { Ref: Match.anyValue() }, LogFilePrefix: 'articles-bucket/' },
      });
      template.resourceCountIs('AWS::S3::Bucket', 2);
    });

    it('keeps both buckets and their objects when the stack is deleted', () => {
      template.allResources('AWS::S3::Bucket', { DeletionPolicy: 'Retain' });
      template.resourceCountIs('Custom::S3AutoDeleteObjects', 0);
    });

    it('refuses requests without TLS', () => {
      template.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: bucketId },
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Deny',
              Action: 's3:*',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
          ]),
        },
      });
    });

    it('queues a notification for objects created under articles/ only, and invokes no function itself', () => {
      template.hasResourceProperties('Custom::S3BucketNotifications', {
        BucketName: { Ref: bucketId },
        NotificationConfiguration: {
          QueueConfigurations: [
            {
              Events: ['s3:ObjectCreated:*'],
              Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'articles/' }] } },
              QueueArn: { 'Fn::GetAtt': [uploadQueueId, 'Arn'] },
            },
          ],
          LambdaFunctionConfigurations: Match.absent(),
        },
      });
      expect(
        template.findResources('AWS::Lambda::Permission', { Properties: { Principal: 's3.amazonaws.com' } }),
      ).toEqual({});
    });
  });

  describe('upload queue', () => {
    it('is encrypted, TLS only, and hands a notification to the dead-letter queue after 5 deliveries', () => {
      template.hasResourceProperties('AWS::SQS::Queue', {
        SqsManagedSseEnabled: true,
        RedrivePolicy: {
          deadLetterTargetArn: { 'Fn::GetAtt': [deadLetterQueueId, 'Arn'] },
          maxReceiveCount: 5,
        },
        FifoQueue: Match.absent(),
      });
      template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true, RedrivePolicy: Match.absent() });
      for (const queueId of [uploadQueueId, deadLetterQueueId]) {
        template.hasResourceProperties('AWS::SQS::QueuePolicy', {
          Queues: [{ Ref: queueId }],
          PolicyDocument: {
            Statement: Match.arrayWith([
              Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
            ]),
          },
        });
      }
    });

    it('keeps a message hidden for six function timeouts plus the batching window, as AWS advises', () => {
      const queue = template.findResources('AWS::SQS::Queue')[uploadQueueId] as Resource;
      const fn = template.findResources('AWS::Lambda::Function')[ingestFunctionId] as Resource;
      expect(queue.Properties.VisibilityTimeout).toBeGreaterThanOrEqual(6 * (fn.Properties.Timeout as number) + 30);
    });

    it('keeps failed notifications in the dead-letter queue longer than the upload queue keeps waiting ones', () => {
      const retention = (id: string) =>
        (template.findResources('AWS::SQS::Queue')[id] as Resource).Properties.MessageRetentionPeriod as number;
      expect(retention(deadLetterQueueId)).toBeGreaterThan(retention(uploadQueueId));
    });

    it('lets only the article bucket send to it', () => {
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: uploadQueueId }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Allow',
              Principal: { Service: 's3.amazonaws.com' },
              Action: Match.arrayWith(['sqs:SendMessage']),
              Condition: { ArnLike: { 'aws:SourceArn': { 'Fn::GetAtt': [bucketId, 'Arn'] } } },
            }),
          ]),
        },
      });
    });
  });

  describe('functions', () => {
    it('run Node 24 on arm64 with JSON logs kept for a month', () => {
      const functions = template.findResources('AWS::Lambda::Function', {
        Properties: {
          Runtime: 'nodejs24.x',
          Architectures: ['arm64'],
          LoggingConfig: Match.objectLike({ LogFormat: 'JSON' }),
          Environment: { Variables: Match.objectLike({ POWERTOOLS_LOG_LEVEL: 'INFO' }) },
        },
      });
      expect(Object.keys(functions).sort()).toEqual(
        [ingestFunctionId, linkWorkerId, slackFunctionId, upgradeFunctionId].sort(),
      );
      // Each function's, and the store upgrade's provider framework and waiter.
      template.resourcePropertiesCountIs('AWS::Logs::LogGroup', { RetentionInDays: 30 }, 6);
    });

    it('give the Slack function its table and secret, and a timeout short enough to notice hangs', () => {
      template.hasResourceProperties('AWS::Lambda::Function', {
        Description: Match.stringLikeRegexp('^Answers /talks'),
        Timeout: 6,
        MemorySize: 1024,
        Environment: { Variables: { TABLE_NAME: { Ref: tableId }, SLACK_SECRET_ARN: { Ref: secretId } } },
      });
    });

    it('run one ingest at a time with its table and the rejected prefix, with the time and memory of a full batch', () => {
      template.hasResourceProperties('AWS::Lambda::Function', {
        Description: Match.stringLikeRegexp('^Ingests articles'),
        Timeout: 300,
        MemorySize: 3538,
        ReservedConcurrentExecutions: 1,
        Environment: {
          Variables: {
            TABLE_NAME: { Ref: tableId },
            REJECTED_PREFIX: 'rejected/',
            // Extraction's young generation, larger: less CPU for its short-lived garbage (README, Performance).
            NODE_OPTIONS: '--enable-source-maps --max-semi-space-size=64',
          },
        },
      });
      // Uploads reach it through the queue only: the one asynchronous invocation config is the link worker's.
      template.resourceCountIs('AWS::Lambda::EventInvokeConfig', 1);
      template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', { FunctionName: { Ref: linkWorkerId } });
    });

    it('run one link worker at a time, never retried (it has replied already), with the bucket, its links/ prefix and the flag policy', () => {
      template.hasResourceProperties('AWS::Lambda::Function', {
        Description: Match.stringLikeRegexp('^Reads links shared in Slack'),
        Timeout: 90,
        ReservedConcurrentExecutions: 1,
        Environment: {
          // The Slack function's flag policy: the reply to /talks add hides the facts every answer hides.
          Variables: {
            TABLE_NAME: { Ref: tableId },
            ARTICLE_BUCKET: { Ref: bucketId },
            LINKS_PREFIX: 'links/',
            FLAG_THRESHOLD: '3',
          },
        },
      });
      template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: linkWorkerId },
        MaximumRetryAttempts: 0,
      });
      template.hasResourceProperties('AWS::Lambda::Function', {
        Description: Match.stringLikeRegexp('^Answers /talks'),
        Environment: {
          Variables: Match.objectLike({ LINK_WORKER_FUNCTION: { Ref: linkWorkerId }, FLAG_THRESHOLD: '3' }),
        },
      });
    });

    it('feed the ingest function the upload queue in large batches, gathered up to 30 s, reporting failed messages', () => {
      template.resourceCountIs('AWS::Lambda::EventSourceMapping', 1);
      template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        FunctionName: { Ref: ingestFunctionId },
        EventSourceArn: { 'Fn::GetAtt': [uploadQueueId, 'Arn'] },
        BatchSize: 1000,
        MaximumBatchingWindowInSeconds: 30,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        // The least the mapping accepts; above reserved concurrency (1), so a second batch is throttled, not run.
        ScalingConfig: { MaximumConcurrency: 2 },
      });
    });

    it("serve Slack through a public Function URL, Bolt's signature check being the authentication", () => {
      template.hasResourceProperties('AWS::Lambda::Url', {
        AuthType: 'NONE',
        TargetFunctionArn: { 'Fn::GetAtt': [slackFunctionId, 'Arn'] },
      });
      template.resourceCountIs('AWS::Lambda::Url', 1);
      template.resourceCountIs('AWS::ApiGatewayV2::Api', 0);
    });
  });

  describe('secret', () => {
    it('is generated with empty Slack fields, so no credential is in the template', () => {
      template.hasResourceProperties('AWS::SecretsManager::Secret', {
        GenerateSecretString: {
          SecretStringTemplate: JSON.stringify({ signingSecret: '', botToken: '' }),
          GenerateStringKey: 'unsetPlaceholder',
        },
        SecretString: Match.absent(),
      });
      expect(JSON.stringify(template.toJSON())).not.toMatch(/xox[bp]-[0-9]/);
    });
  });

  describe('IAM', () => {
    it('lets the Slack function read the table by key, write the flags item, invoke the link worker and read its secret, nothing else', () => {
      const statements = statementsOfRoleOf(template, slackFunctionId);
      expect(actionsOn(statements, { 'Fn::GetAtt': [tableId, 'Arn'] })).toEqual([
        'dynamodb:BatchGetItem',
        'dynamodb:GetItem',
        'dynamodb:PutItem',
        'dynamodb:Query',
      ]);
      const put = statements.find((statement) => statement.Action === 'dynamodb:PutItem') as Statement & {
        Condition: unknown;
      };
      expect(put.Condition).toEqual({ 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['FLAGS'] } });
      expect(actionsOn(statements, { 'Fn::GetAtt': [linkWorkerId, 'Arn'] })).toEqual(['lambda:InvokeFunction']);
      expect(actionsOn(statements, { Ref: secretId })).toEqual([
        'secretsmanager:DescribeSecret',
        'secretsmanager:GetSecretValue',
      ]);
      const otherActions = statements
        .flatMap((statement) => statement.Action)
        .filter(
          (action) =>
            !/^(dynamodb:(BatchGetItem|GetItem|PutItem|Query)|secretsmanager:(DescribeSecret|GetSecretValue)|lambda:InvokeFunction)$/.test(
              action,
            ),
        );
      expect(otherActions.sort()).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents']);
    });

    it('lets the ingest function read and write the table, consume its queue, read uploads, tell missing keys apart and move rejected ones', () => {
      const statements = statementsOfRoleOf(template, ingestFunctionId);
      expect(actionsOn(statements, { 'Fn::GetAtt': [tableId, 'Arn'] })).toEqual([
        'dynamodb:BatchGetItem',
        'dynamodb:BatchWriteItem',
        'dynamodb:DeleteItem',
        'dynamodb:GetItem',
        'dynamodb:PutItem',
        'dynamodb:Query',
        'dynamodb:UpdateItem',
      ]);
      const objects = (prefix: string) => ({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, `/${prefix}*`]] });
      expect(actionsOn(statements, objects('articles/'))).toEqual(['s3:DeleteObject', 's3:GetObject']);
      expect(actionsOn(statements, objects('rejected/'))).toEqual(['s3:PutObject']);
      expect(actionsOn(statements, { 'Fn::GetAtt': [bucketId, 'Arn'] })).toEqual(['s3:ListBucket']);
      expect(actionsOn(statements, { 'Fn::GetAtt': [uploadQueueId, 'Arn'] })).toEqual([
        'sqs:ChangeMessageVisibility',
        'sqs:DeleteMessage',
        'sqs:GetQueueAttributes',
        'sqs:GetQueueUrl',
        'sqs:ReceiveMessage',
      ]);
      expect(actionsOn(statements, { 'Fn::GetAtt': [deadLetterQueueId, 'Arn'] })).toEqual([]);
      expect(statements.flatMap((statement) => statement.Action)).not.toContain('secretsmanager:GetSecretValue');
    });

    it('lets the link worker write the table and put objects under links/ only, and nothing else new', () => {
      const statements = statementsOfRoleOf(template, linkWorkerId);
      const links = { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, '/links/*']] };
      expect(actionsOn(statements, links)).toEqual(['s3:PutObject']);
      const actions = statements.flatMap((statement) => statement.Action);
      expect(actions.filter((action) => !action.startsWith('dynamodb:')).sort()).toEqual([
        'logs:CreateLogStream',
        'logs:PutLogEvents',
        's3:PutObject',
      ]);
      expect(actions).not.toContain('secretsmanager:GetSecretValue');
    });

    it('grants no wildcard action, and Scan only to the store upgrade, on the table', () => {
      const actions = Object.values(template.findResources('AWS::IAM::Policy')).flatMap((policy) =>
        (
          policy as { Properties: { PolicyDocument: { Statement: Statement[] } } }
        ).Properties.PolicyDocument.Statement.flatMap((statement) => statement.Action),
      );
      expect(actions.length).toBeGreaterThan(10);
      expect(actions.filter((action) => action.includes('*'))).toEqual([]);
      expect(actions.filter((action) => action === 'dynamodb:Scan')).toHaveLength(1);
      expect(statementsOfRoleOf(template, upgradeFunctionId)).toContainEqual(
        expect.objectContaining({ Action: 'dynamodb:Scan', Resource: { 'Fn::GetAtt': [tableId, 'Arn'] } }),
      );
    });

    it("asks the store upgrade daily to delete the previous formats' items, through a role that may invoke it only", () => {
      const [, schedule] = onlyResource(template, 'AWS::Scheduler::Schedule');
      expect(schedule.Properties).toMatchObject({
        ScheduleExpression: 'rate(1 day)',
        State: 'ENABLED',
        Target: {
          Arn: { 'Fn::GetAtt': [upgradeFunctionId, 'Arn'] },
          Input: JSON.stringify(DELETE_SUPERSEDED_FORMATS_EVENT),
          RetryPolicy: { MaximumRetryAttempts: 0 },
        },
      });
      const roleId = (schedule.Properties.Target as { RoleArn: { 'Fn::GetAtt': [string, string] } }).RoleArn[
        'Fn::GetAtt'
      ][0];
      const statements = Object.values(template.findResources('AWS::IAM::Policy'))
        .filter((p) => JSON.stringify((p as Resource).Properties.Roles) === JSON.stringify([{ Ref: roleId }]))
        .flatMap(
          (p) =>
            (p as { Properties: { PolicyDocument: { Statement: Statement[] } } }).Properties.PolicyDocument.Statement,
        );
      expect(statements.flatMap((st) => st.Action)).toEqual(['lambda:InvokeFunction']);
    });

    it('updates every writer before the store upgrade, and the readers after it', () => {
      const [upgradeId] = onlyResource(template, 'Custom::StoreUpgrade');
      const upgrade = template.findResources('Custom::StoreUpgrade')[upgradeId] as Resource & { DependsOn?: string[] };
      expect(upgrade.Properties.StoreFormat).toBe(String(STORE_FORMAT));
      expect(upgrade.DependsOn).toEqual(expect.arrayContaining([ingestFunctionId, linkWorkerId]));
      const slack = template.findResources('AWS::Lambda::Function')[slackFunctionId] as Resource & {
        DependsOn?: string[];
      };
      expect(slack.DependsOn).toContain(upgradeId);
    });

    it('uses no AWS managed policy on the functions it defines', () => {
      for (const id of [slackFunctionId, ingestFunctionId]) {
        const fn = template.findResources('AWS::Lambda::Function')[id] as Resource;
        const roleId = (fn.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
        const role = template.findResources('AWS::IAM::Role')[roleId] as Resource;
        expect(role.Properties.ManagedPolicyArns).toBeUndefined();
      }
    });
  });

  describe('alarms', () => {
    it('watch errors of both functions and throttles of the Slack function', () => {
      const alarmed = (id: string, metric: string) =>
        template.findResources('AWS::CloudWatch::Alarm', {
          Properties: {
            Namespace: 'AWS/Lambda',
            MetricName: metric,
            Dimensions: [{ Name: 'FunctionName', Value: { Ref: id } }],
            Statistic: 'Sum',
            Threshold: 1,
            ComparisonOperator: 'GreaterThanOrEqualToThreshold',
            AlarmActions: [{ Ref: Match.stringLikeRegexp('AlarmsTopic') }],
          },
        });
      expect(Object.keys(alarmed(slackFunctionId, 'Errors'))).toHaveLength(1);
      expect(Object.keys(alarmed(ingestFunctionId, 'Errors'))).toHaveLength(1);
      expect(Object.keys(alarmed(slackFunctionId, 'Throttles'))).toHaveLength(1);
      // The ingest function runs one at a time on purpose: throttles are normal, the upload queue's age is watched instead.
      expect(Object.keys(alarmed(ingestFunctionId, 'Throttles'))).toHaveLength(0);
    });

    it('watch how long uploads wait in the queue for the single ingest function', () => {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateAgeOfOldestMessage',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [uploadQueueId, 'QueueName'] } }],
        Statistic: 'Maximum',
        // The metric is in seconds.
        Threshold: 15 * 60,
        ComparisonOperator: 'GreaterThanThreshold',
      });
      expect(JSON.stringify(template.findResources('AWS::CloudWatch::Alarm'))).not.toContain('AsyncEventAge');
    });

    it("watch the Slack function's p99 duration against 2 s", () => {
      expect(SLACK_P99_LIMIT.toMilliseconds()).toBe(2000);
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: 'Duration',
        Dimensions: [{ Name: 'FunctionName', Value: { Ref: slackFunctionId } }],
        ExtendedStatistic: 'p99',
        Threshold: 2000,
        ComparisonOperator: 'GreaterThanThreshold',
        TreatMissingData: 'notBreaching',
      });
    });

    it('watch the dead-letter queue of failed ingests', () => {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [deadLetterQueueId, 'QueueName'] } }],
        Threshold: 1,
      });
      template.resourceCountIs('AWS::CloudWatch::Alarm', 8);
    });

    it('publish to a TLS-only topic with no email subscription unless one is configured', () => {
      template.resourceCountIs('AWS::SNS::Topic', 1);
      template.resourceCountIs('AWS::SNS::Subscription', 0);
      template.hasResourceProperties('AWS::SNS::TopicPolicy', {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    });
  });

  describe('dashboard', () => {
    it('shows the state of every alarm beside the metrics, and its name is an output', () => {
      template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
      const [dashboardId] = Object.keys(template.findResources('AWS::CloudWatch::Dashboard'));
      template.hasOutput('DashboardName', { Value: { Ref: dashboardId } });
      const body = JSON.stringify(template.findResources('AWS::CloudWatch::Dashboard'));
      for (const alarmId of Object.keys(template.findResources('AWS::CloudWatch::Alarm'))) {
        expect(body).toContain(`"${alarmId}","Arn"`);
      }
    });

    it('graphs the table consumed capacity, which on-demand billing charges', () => {
      const body = JSON.stringify(template.findResources('AWS::CloudWatch::Dashboard'));
      expect(body).toContain('ConsumedWriteCapacityUnits');
      expect(body).toContain('ConsumedReadCapacityUnits');
    });
  });

  it('outputs the Slack request URL, the secret, the bucket, the table and where ingest logs go', () => {
    template.hasOutput('SlackRequestUrl', {
      Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('FunctionUrl'), 'FunctionUrl'] },
    });
    template.hasOutput('SlackSecretArn', { Value: { Ref: secretId } });
    template.hasOutput('ArticleBucketName', { Value: { Ref: bucketId } });
    template.hasOutput('TableName', { Value: { Ref: tableId } });
    template.hasOutput('IngestLogGroupName', {
      Value: { Ref: Match.stringLikeRegexp('^IngestionIngestFunctionLogs') },
    });
  });
});

describe('TalksStack configured by context', { timeout: 120_000 }, () => {
  it('deletes everything with a dev stack, emptying the buckets first', () => {
    const template = synthTemplate({ stage: 'dev' });
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({ DeletionProtectionEnabled: false }),
    });
    template.allResources('AWS::S3::Bucket', { DeletionPolicy: 'Delete' });
    template.allResources('AWS::SecretsManager::Secret', { DeletionPolicy: 'Delete' });
    template.allResources('AWS::SQS::Queue', { DeletionPolicy: 'Delete' });
    template.resourceCountIs('Custom::S3AutoDeleteObjects', 2);
  });

  it('emails alarms to the configured address', () => {
    const template = synthTemplate({ alarmEmail: 'ops@example.com' });
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.com' });
  });
});

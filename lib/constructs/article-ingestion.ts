import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type CfnBucket,
  EventType,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { TalksFunction } from './talks-function.js';

/** Uploads under this prefix are ingested; nothing else in the bucket triggers the function. */
export const ARTICLES_PREFIX = 'articles/';
/**
 * Rejected uploads are moved here, keeping their key (`rejected/articles/x.pdf`). It lies outside
 * ARTICLES_PREFIX, so a moved file does not trigger ingestion again.
 */
export const REJECTED_PREFIX = 'rejected/';

export interface ArticleIngestionProps {
  /** The table the ingest function reads (to merge duplicates and facts) and writes. */
  readonly table: ITable;
  /** Applies to both buckets, the dead-letter queue and the function's logs. */
  readonly removalPolicy: RemovalPolicy;
  /** Absolute path of the ingest handler module. */
  readonly entry: string;
}

/**
 * The article bucket and what happens on upload: each object created under `articles/` invokes the
 * ingest function, which runs the same pipeline as `npm run talks -- ingest`.
 */
export class ArticleIngestion extends Construct {
  readonly bucket: Bucket;
  readonly ingestFunction: TalksFunction;
  /** Events the function failed on after Lambda's retries: the object is still in the bucket, re-upload to retry. */
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: ArticleIngestionProps) {
    super(scope, id);
    const { removalPolicy } = props;

    const accessLogs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // S3 server access log delivery requires bucket-owner-enforced ownership (no ACLs).
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy,
      autoDeleteObjects: removalPolicy === RemovalPolicy.DESTROY,
    });

    this.bucket = new Bucket(this, 'Articles', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // An overwritten or deleted article stays recoverable as a previous version.
      versioned: true,
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(90) }],
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'articles-bucket/',
      removalPolicy,
      // A destroyed stack should not leave a non-empty bucket behind (CloudFormation cannot delete one).
      autoDeleteObjects: removalPolicy === RemovalPolicy.DESTROY,
    });

    this.deadLetterQueue = new Queue(this, 'FailedIngests', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      removalPolicy,
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter queue (on-failure destination) of the ingest function.',
    });

    this.ingestFunction = new TalksFunction(this, 'IngestFunction', {
      entry: props.entry,
      description: 'Ingests an article uploaded to S3: cleans it, extracts facts, updates the precomputed answers',
      // Extraction runs here, not at command time; a large article with many facts still finishes well within this.
      timeout: Duration.minutes(2),
      logRemovalPolicy: removalPolicy,
      // The store merges each article's facts into shared view items by read-merge-write, which is only correct with
      // one writer at a time (lambda/store/dynamo-talks-store.ts). Uploads beyond one wait in Lambda's async event
      // queue (up to 6 hours), so throttling here is by design; the alarms watch event age and drops instead.
      reservedConcurrentExecutions: 1,
    });
    this.ingestFunction.bindTable(props.table, 'readWrite');
    this.ingestFunction.addEnvironment('REJECTED_PREFIX', REJECTED_PREFIX);
    this.ingestFunction.configureAsyncInvoke({
      retryAttempts: 2,
      onFailure: new SqsDestination(this.deadLetterQueue),
    });
    // Explicit statements rather than bucket.grantRead/grantPut, which grant wildcard actions (s3:GetObject*, s3:List*).
    this.ingestFunction.addToRolePolicy(
      new PolicyStatement({
        sid: 'ReadAndRemoveUploadedArticles',
        actions: ['s3:GetObject', 's3:DeleteObject'],
        resources: [this.bucket.arnForObjects(`${ARTICLES_PREFIX}*`)],
      }),
    );
    this.ingestFunction.addToRolePolicy(
      new PolicyStatement({
        // Without it S3 answers a read of a missing key with 403 instead of 404, and the function could not
        // tell "this folder has no sources.json" from a permissions problem.
        sid: 'TellMissingKeysApart',
        actions: ['s3:ListBucket'],
        resources: [this.bucket.bucketArn],
      }),
    );
    this.ingestFunction.addToRolePolicy(
      new PolicyStatement({
        sid: 'WriteRejectedArticles',
        actions: ['s3:PutObject'],
        resources: [this.bucket.arnForObjects(`${REJECTED_PREFIX}*`)],
      }),
    );

    const policy = this.ingestFunction.role?.node.tryFindChild('DefaultPolicy');
    if (policy) {
      for (const prefix of [ARTICLES_PREFIX, REJECTED_PREFIX]) {
        Validations.of(policy).acknowledge({
          id: `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(this.bucket.node.defaultChild as CfnBucket)}.Arn>/${prefix}*]`,
          reason: `S3 object actions need an object ARN pattern; this one covers only keys under ${prefix} and names each action.`,
        });
      }
    }

    this.bucket.addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(this.ingestFunction), {
      prefix: ARTICLES_PREFIX,
    });
    // CDK implements bucket notifications with a stack-wide custom resource whose role it builds itself.
    const notificationsHandler = Stack.of(this).node.children.find((child) =>
      child.node.id.startsWith('BucketNotificationsHandler'),
    );
    if (notificationsHandler) {
      Validations.of(notificationsHandler).acknowledge({
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason:
          "CDK's own bucket-notifications custom resource; its role is not configurable and only runs at deploy time.",
      });
    }
  }
}

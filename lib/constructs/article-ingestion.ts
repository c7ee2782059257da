import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { BlockPublicAccess, Bucket, BucketEncryption, EventType, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { SqsDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { INGEST_NODE_OPTIONS } from '../ingest-runtime.js';
import { TalksFunction } from './talks-function.js';

/** Uploads under this prefix are ingested; nothing else in the bucket is queued for the function. */
export const ARTICLES_PREFIX = 'articles/';
/**
 * Rejected uploads are moved here, keeping their key (`rejected/articles/x.pdf`). It lies outside
 * ARTICLES_PREFIX, so a moved file does not trigger ingestion again.
 */
export const REJECTED_PREFIX = 'rejected/';

/*
 * Batching. Each ingest round rewrites every precomputed item its articles touch (summary, directory, sources,
 * speakers, topics), so one upload per invocation would pay that for every article. Lambda invokes the function
 * when a batch is full, when the window has passed, or at 6 MB of messages (an S3 notification in its SQS
 * message is ~2 KB, so 1,000 fit).
 */
/** Messages per invocation: a bulk upload of 10,000 articles is 10 invocations, not 10,000. */
const INGEST_BATCH_SIZE = 1000;
/** How long Lambda gathers messages before invoking with a partial batch: the most a lone upload waits. */
const INGEST_BATCHING_WINDOW = Duration.seconds(30);
/**
 * A full batch takes ~11 s (npm run bench: ~10.6 ms an article in rounds of 1,000, one core); this leaves room for
 * large articles and a slow DynamoDB (throttling retries) without letting a hung invocation hold the single
 * writer for long.
 */
const INGEST_TIMEOUT = Duration.minutes(5);
/**
 * Two full vCPUs: Lambda gives CPU in proportion to memory, one vCPU at 1,769 MB and two at 3,538 MB. Ingest extracts
 * facts on a worker thread while the function's thread stores articles and rewrites answers
 * (lambda/ingest/fact-extraction.ts), so the second vCPU cuts a batch's time by about as much as it adds to the
 * price of a second; a 1,000-article batch peaks at well under 1 GB, so the memory itself is headroom.
 */
const INGEST_MEMORY_MB = 3538;
/**
 * Deliveries of a message before it goes to the dead-letter queue. With reserved concurrency 1 a poller can
 * receive a batch and find the function busy (throttled); such a receive counts too, so AWS recommends at least 5.
 */
const INGEST_MAX_RECEIVE_COUNT = 5;

export interface ArticleIngestionProps {
  /** The table the ingest function reads (to merge duplicates and facts) and writes. */
  readonly table: ITable;
  /** Applies to both buckets, both queues and the function's logs. */
  readonly removalPolicy: RemovalPolicy;
  /** Absolute path of the ingest handler module. */
  readonly entry: string;
}

/**
 * The article bucket and what happens on upload: S3 queues a notification for each object created under
 * `articles/`, and the ingest function takes them from the queue in batches, running the same pipeline as
 * `npm run talks -- ingest` over each batch.
 */
export class ArticleIngestion extends Construct {
  readonly bucket: Bucket;
  readonly ingestFunction: TalksFunction;
  /** Upload notifications waiting to be ingested. */
  readonly uploadQueue: Queue;
  /**
   * Notifications the function failed on INGEST_MAX_RECEIVE_COUNT times: the object is still in the bucket;
   * re-upload it (or redrive the messages) to retry.
   */
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
      // Longer than the upload queue's: a message moved here keeps its original enqueue time (SQS docs).
      retentionPeriod: Duration.days(14),
      removalPolicy,
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter queue of the upload queue the ingest function consumes.',
    });

    this.uploadQueue = new Queue(this, 'Uploads', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(4),
      // AWS's guidance for a Lambda consumer: at least six times the function timeout, plus the batching window,
      // so a batch received while the function is busy can be retried before it becomes visible again.
      visibilityTimeout: Duration.seconds(6 * INGEST_TIMEOUT.toSeconds() + INGEST_BATCHING_WINDOW.toSeconds()),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: INGEST_MAX_RECEIVE_COUNT },
      removalPolicy,
    });

    this.ingestFunction = new TalksFunction(this, 'IngestFunction', {
      entry: props.entry,
      description:
        'Ingests articles uploaded to S3, a queued batch at a time: cleans them, extracts facts, updates the precomputed answers',
      timeout: INGEST_TIMEOUT,
      memorySize: INGEST_MEMORY_MB,
      nodeOptions: INGEST_NODE_OPTIONS,
      logRemovalPolicy: removalPolicy,
      // The store merges facts into shared view items by read-merge-write, which is only correct with one writer at
      // a time (docs/table-design.md). Uploads beyond the running batch wait in the upload queue.
      reservedConcurrentExecutions: 1,
    });
    this.ingestFunction.bindTable(props.table, 'readWrite');
    this.ingestFunction.addEnvironment('REJECTED_PREFIX', REJECTED_PREFIX);
    this.ingestFunction.addEventSource(
      new SqsEventSource(this.uploadQueue, {
        batchSize: INGEST_BATCH_SIZE,
        maxBatchingWindow: INGEST_BATCHING_WINDOW,
        // The handler names the messages it could not handle (an unreadable upload, a malformed message), so only
        // those are delivered again, not the whole batch.
        reportBatchItemFailures: true,
        // The lowest the mapping allows: with reserved concurrency 1, a second batch can only wait (throttled);
        // without a cap, more pollers would each hold a batch in flight and spend its receive counts on throttles.
        maxConcurrency: 2,
      }),
    );
    // Explicit actions, each on its prefix (TalksFunction.grantObjectsUnder).
    this.ingestFunction.grantObjectsUnder(this.bucket, ARTICLES_PREFIX, 'ReadAndRemoveUploadedArticles', [
      's3:GetObject',
      's3:DeleteObject',
    ]);
    this.ingestFunction.addToRolePolicy(
      new PolicyStatement({
        // Without it S3 answers a read of a missing key with 403 instead of 404, and the function could not
        // tell "this folder has no sources.json" from a permissions problem.
        sid: 'TellMissingKeysApart',
        actions: ['s3:ListBucket'],
        resources: [this.bucket.bucketArn],
      }),
    );
    this.ingestFunction.grantObjectsUnder(this.bucket, REJECTED_PREFIX, 'WriteRejectedArticles', ['s3:PutObject']);

    this.bucket.addEventNotification(EventType.OBJECT_CREATED, new SqsDestination(this.uploadQueue), {
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

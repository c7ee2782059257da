import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { TalksFunction } from './talks-function.js';

/** Fetched pages are kept under this prefix of the article bucket (not `articles/`: the worker ingests them itself). */
export const LINKS_PREFIX = 'links/';

export interface LinkWorkerProps {
  /** The table articles and views are written to. */
  readonly table: ITable;
  /** The article bucket; the worker may only put objects under LINKS_PREFIX. */
  readonly bucket: Bucket;
  /** Applies to the function's logs. */
  readonly removalPolicy: RemovalPolicy;
  /** Absolute path of the link worker's handler module. */
  readonly entry: string;
  /**
   * Slack user ids whose one flag hides a fact: the reply to `/talks add` hides flagged guarantors as every
   * answer does. @default - none: only `flagThreshold` people hide a fact
   */
  readonly flagReviewers?: readonly string[];
  /** People whose flags hide a fact. @default 3 */
  readonly flagThreshold?: number;
}

/**
 * The function that reads links shared in Slack (`/talks add`, "Add to talks"), invoked asynchronously by the
 * Slack function. Its egress is Lambda's own public network: it runs in no VPC, so it has no route to private
 * addresses of the account, and the fetcher refuses them besides (lambda/links/address-policy.ts).
 */
export class LinkWorker extends Construct {
  readonly workerFunction: TalksFunction;

  constructor(scope: Construct, id: string, props: LinkWorkerProps) {
    super(scope, id);
    this.workerFunction = new TalksFunction(this, 'LinkWorkerFunction', {
      entry: props.entry,
      description: 'Reads links shared in Slack: fetches each page safely, keeps it in the bucket, ingests it',
      // Up to 5 links, each at most 10 s to fetch plus its ingest, then the reply.
      timeout: Duration.seconds(90),
      memorySize: 1024,
      // Views are read, merged and written back: one worker at a time, so two link jobs never overwrite each other.
      reservedConcurrentExecutions: 1,
      logRemovalPolicy: props.removalPolicy,
    });
    this.workerFunction.bindTable(props.table, 'readWrite');
    this.workerFunction.addEnvironment('ARTICLE_BUCKET', props.bucket.bucketName);
    this.workerFunction.addEnvironment('LINKS_PREFIX', LINKS_PREFIX);
    if (props.flagReviewers?.length)
      this.workerFunction.addEnvironment('FLAG_REVIEWERS', props.flagReviewers.join(','));
    if (props.flagThreshold) this.workerFunction.addEnvironment('FLAG_THRESHOLD', String(props.flagThreshold));
    // No retry: a failed job has already told the user to send the links again, and a retry would reply twice.
    this.workerFunction.configureAsyncInvoke({ retryAttempts: 0, maxEventAge: Duration.minutes(15) });
    this.workerFunction.grantObjectsUnder(props.bucket, LINKS_PREFIX, 'KeepFetchedPages', ['s3:PutObject']);
  }
}

import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, type IMetric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** Slack shows "operation_timeout" after 3 s; alarming at 2 s leaves time to act before users see it. */
export const SLACK_P99_LIMIT = Duration.seconds(2);
/** An upload notification still queued this long for the (single) ingest function means ingestion has fallen behind. */
export const INGEST_BACKLOG_LIMIT = Duration.minutes(15);

export interface TalksAlarmsProps {
  /** The function answering Slack: errors, throttles and p99 duration against Slack's 3 s budget. */
  readonly slackFunction: IFunction;
  /**
   * The ingest function: errors. It runs one at a time by design, so its throttles are normal and not alarmed on;
   * the age of the upload queue shows whether it keeps up.
   */
  readonly ingestFunction: IFunction;
  /** The link worker: errors (a link job that failed; its user was told to send the links again). */
  readonly linkWorker: IFunction;
  /** Upload notifications waiting for the ingest function: the age of the oldest one. */
  readonly uploadQueue: IQueue;
  /** Notifications the ingest function failed on after every delivery; any message means an article was not ingested. */
  readonly deadLetterQueue: IQueue;
  /**
   * The channel digest's function: errors (a digest the channel did not get).
   * @default - no digest configured, no alarm
   */
  readonly digestFunction?: IFunction;
  /**
   * Subscribed to the alarm topic when set.
   * @default - no subscription; subscribe to the topic (stack output AlarmTopicArn) by other means
   */
  readonly alarmEmail?: string;
}

/** CloudWatch alarms on what users would notice (errors, throttles, slow answers, late or lost ingests), sent to one topic. */
export class TalksAlarms extends Construct {
  readonly topic: Topic;
  /** Every alarm, for the dashboard's alarm status. */
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: TalksAlarmsProps) {
    super(scope, id);
    this.topic = new Topic(this, 'Topic', { displayName: 'talks-bot alarms', enforceSSL: true });
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    const period = Duration.minutes(5);
    const { slackFunction, ingestFunction, linkWorker, uploadQueue, deadLetterQueue } = props;

    this.alarmOn('SlackErrors', slackFunction.metricErrors({ period }), {
      description: 'The Slack function failed at least once in 5 minutes',
      threshold: 1,
    });
    this.alarmOn('SlackThrottles', slackFunction.metricThrottles({ period }), {
      description: 'The Slack function was throttled at least once in 5 minutes: commands went unanswered',
      threshold: 1,
    });
    this.alarmOn('SlackP99Duration', slackFunction.metricDuration({ statistic: 'p99', period }), {
      description: 'Slack answers: p99 duration above 2 s over 5 minutes (Slack gives up at 3 s)',
      threshold: SLACK_P99_LIMIT.toMilliseconds(),
      comparison: ComparisonOperator.GREATER_THAN_THRESHOLD,
    });
    this.alarmOn('IngestErrors', ingestFunction.metricErrors({ period }), {
      description:
        'The ingest function failed at least once in 5 minutes (SQS delivers the batch again, then dead-letters)',
      threshold: 1,
    });
    this.alarmOn('LinkWorkerErrors', linkWorker.metricErrors({ period }), {
      description: 'The link worker failed at least once in 5 minutes: links shared in Slack were not added',
      threshold: 1,
    });
    this.alarmOn('LinkWorkerThrottles', linkWorker.metricThrottles({ period }), {
      description: 'The link worker was throttled (it runs one at a time): link jobs are waiting in its queue',
      threshold: 5,
    });
    this.alarmOn('IngestBacklog', uploadQueue.metricApproximateAgeOfOldestMessage({ statistic: 'Maximum', period }), {
      description: 'An uploaded article has waited over 15 minutes to be ingested',
      threshold: INGEST_BACKLOG_LIMIT.toSeconds(),
      comparison: ComparisonOperator.GREATER_THAN_THRESHOLD,
    });
    this.alarmOn('FailedIngests', deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period }), {
      description: 'An uploaded article could not be ingested after every delivery (see the dead-letter queue)',
      threshold: 1,
    });
    if (props.digestFunction) {
      this.alarmOn('DigestErrors', props.digestFunction.metricErrors({ period }), {
        description: 'The channel digest failed: the channel did not get its post (see the digest log group)',
        threshold: 1,
      });
    }
  }

  private alarmOn(
    id: string,
    metric: IMetric,
    opts: { description: string; threshold: number; comparison?: ComparisonOperator },
  ): void {
    const alarm = new Alarm(this, id, {
      metric,
      alarmDescription: opts.description,
      threshold: opts.threshold,
      comparisonOperator: opts.comparison ?? ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      // No invocations is not a failure.
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(this.topic));
    this.alarms.push(alarm);
  }
}

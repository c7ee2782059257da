import { Duration } from 'aws-cdk-lib';
import {
  AlarmStatusWidget,
  Dashboard,
  GraphWidget,
  type IAlarm,
  type IMetric,
  Metric,
  TextWidget,
} from 'aws-cdk-lib/aws-cloudwatch';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { COMMAND_KINDS } from '../../lambda/answers/command.js';
import { LINK_REFUSALS } from '../../lambda/links/link-refusals.js';
import {
  FACT_CATEGORIES,
  FACT_CATEGORY_DIMENSION,
  METRICS,
  METRICS_NAMESPACE,
  REFUSAL_DIMENSION,
  SERVICE_DIMENSION,
  SERVICES,
  SUBCOMMAND_DIMENSION,
} from '../../lambda/observability/metric-names.js';

export interface TalksDashboardProps {
  /** The function answering Slack: its Duration beside the command latency the code measures. */
  readonly slackFunction: IFunction;
  /** The ingest function: its Duration beside the time per article. */
  readonly ingestFunction: IFunction;
  /** The link worker: its errors (failed jobs) and Duration beside the fetch time. */
  readonly linkWorker: IFunction;
  /** The upload queue: the age of its oldest message beside the age of the uploads ingested. */
  readonly uploadQueue: IQueue;
  /** The table: the capacity units it consumed, which is what on-demand billing charges. */
  readonly table: ITable;
  /**
   * The channel digest's function: its runs, errors and duration.
   * @default - no digest configured, no digest row
   */
  readonly digestFunction?: IFunction;
  /** Shown first, with their state. */
  readonly alarms: IAlarm[];
}

const PERIOD = Duration.minutes(5);
const WIDTH = 8;
const HEIGHT = 6;

/**
 * One CloudWatch dashboard for operators: the alarms' state, what commands users run and how fast and cheaply
 * they are answered, what ingest stores, merges and rejects, what the link worker fetches and refuses, and what the table consumes. The code's metrics
 * are named in lambda/observability/metric-names.ts, the one list the functions and this dashboard share.
 */
export class TalksDashboard extends Construct {
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: TalksDashboardProps) {
    super(scope, id);
    const { slackFunction, ingestFunction, linkWorker, uploadQueue, table, alarms, digestFunction } = props;
    const slack = (metricName: string, statistic: string, dimensions: Record<string, string> = {}) =>
      talksMetric(SERVICES.slack, metricName, statistic, dimensions);
    const ingest = (metricName: string, statistic: string, dimensions: Record<string, string> = {}) =>
      talksMetric(SERVICES.ingest, metricName, statistic, dimensions);
    const links = (metricName: string, statistic: string, dimensions: Record<string, string> = {}) =>
      talksMetric(SERVICES.links, metricName, statistic, dimensions);
    const upgrade = (metricName: string, statistic: string, period = PERIOD) =>
      talksMetric(SERVICES.storeUpgrade, metricName, statistic, {}, period);

    this.dashboard = new Dashboard(this, 'Dashboard', { defaultInterval: Duration.days(1) });
    this.dashboard.addWidgets(new AlarmStatusWidget({ title: 'Alarms', alarms, width: 24, height: 3 }));
    this.dashboard.addWidgets(
      new TextWidget({ markdown: '## /talks commands (Slack function)', width: 24, height: 1 }),
    );
    this.dashboard.addWidgets(
      graph(
        'Commands answered, by subcommand',
        COMMAND_KINDS.map((kind) =>
          slack(METRICS.commandsAnswered, 'Sum', { [SUBCOMMAND_DIMENSION]: kind }).with({ label: kind }),
        ),
        [slack(METRICS.commandsFailed, 'Sum').with({ label: 'failed (store unavailable)' })],
      ),
      graph('Command latency (ms)', [
        slack(METRICS.commandLatency, 'p50').with({ label: 'p50 parse, read, render' }),
        slack(METRICS.commandLatency, 'p99').with({ label: 'p99 parse, read, render' }),
        slackFunction.metricDuration({ statistic: 'p99', period: PERIOD }).with({ label: 'p99 Lambda duration' }),
      ]),
      graph(
        'DynamoDB per command',
        [
          slack(METRICS.commandDynamoRequests, 'Maximum').with({ label: 'requests, max (budget 3)' }),
          slack(METRICS.commandDynamoRequests, 'Average').with({ label: 'requests, average' }),
        ],
        [
          slack(METRICS.commandReadUnits, 'Average').with({ label: 'read units, average' }),
          slack(METRICS.coldStart, 'Sum').with({ label: 'cold starts' }),
        ],
      ),
    );
    this.dashboard.addWidgets(
      new TextWidget({ markdown: '## Ingest (S3 → SQS → ingest function)', width: 24, height: 1 }),
    );
    this.dashboard.addWidgets(
      graph('Articles', [
        ingest(METRICS.articlesStored, 'Sum').with({ label: 'stored' }),
        ingest(METRICS.articlesMerged, 'Sum').with({ label: 'merged into a stored article' }),
        ingest(METRICS.articlesRejected, 'Sum').with({ label: 'rejected (moved under rejected/)' }),
      ]),
      graph(
        'Facts extracted, by category',
        FACT_CATEGORIES.map((category) =>
          ingest(METRICS.factsExtracted, 'Sum', { [FACT_CATEGORY_DIMENSION]: category }).with({ label: category }),
        ),
      ),
      graph(
        'Ingest time and upload age',
        [
          ingest(METRICS.ingestTimePerArticle, 'Average').with({ label: 'ms an article, average' }),
          ingest(METRICS.ingestTimePerArticle, 'Maximum').with({ label: 'ms an article, max' }),
        ],
        [
          ingest(METRICS.uploadAge, 'Maximum').with({ label: 'oldest upload ingested (s)' }),
          uploadQueue
            .metricApproximateAgeOfOldestMessage({ statistic: 'Maximum', period: PERIOD })
            .with({ label: 'oldest upload waiting (s)' }),
          ingestFunction.metricDuration({ statistic: 'Maximum', period: PERIOD }).with({ label: 'invocation ms, max' }),
        ],
      ),
    );
    this.dashboard.addWidgets(
      new TextWidget({ markdown: '## Links shared in Slack (link worker)', width: 24, height: 1 }),
    );
    this.dashboard.addWidgets(
      graph(
        'Links',
        [
          links(METRICS.linksFetched, 'Sum').with({ label: 'pages fetched' }),
          links(METRICS.linksStored, 'Sum').with({ label: 'stored' }),
          links(METRICS.linksMerged, 'Sum').with({ label: 'merged into a stored article' }),
        ],
        [linkWorker.metricErrors({ statistic: 'Sum', period: PERIOD }).with({ label: 'failed jobs (store)' })],
      ),
      graph(
        'Links refused, by reason',
        LINK_REFUSALS.map((refusal) =>
          links(METRICS.linksRefused, 'Sum', { [REFUSAL_DIMENSION]: refusal }).with({ label: refusal }),
        ),
      ),
      graph(
        'Link fetch time (ms)',
        [
          links(METRICS.linkFetchTime, 'p50').with({ label: 'p50 a link' }),
          links(METRICS.linkFetchTime, 'Maximum').with({ label: 'max a link (limit 10 s)' }),
          linkWorker.metricDuration({ statistic: 'Maximum', period: PERIOD }).with({ label: 'job ms, max' }),
        ],
        [links(METRICS.coldStart, 'Sum').with({ label: 'cold starts' })],
      ),
    );
    if (digestFunction) {
      this.dashboard.addWidgets(new TextWidget({ markdown: '## Channel digest (scheduled)', width: 24, height: 1 }));
      // The digest runs once a period: a day's sums show whether it ran and whether it failed.
      const daily = { statistic: 'Sum', period: Duration.days(1) };
      this.dashboard.addWidgets(
        graph(
          'Digest runs',
          [
            digestFunction.metricInvocations(daily).with({ label: 'runs' }),
            digestFunction.metricErrors(daily).with({ label: 'failed' }),
          ],
          [
            digestFunction
              .metricDuration({ statistic: 'Maximum', period: Duration.days(1) })
              .with({ label: 'ms, max' }),
          ],
        ),
      );
    }
    this.dashboard.addWidgets(
      new TextWidget({
        markdown: '## Store upgrade (on a deploy that brings a new store format: docs/deploy.md)',
        width: 24,
        height: 1,
      }),
    );
    this.dashboard.addWidgets(
      graph(
        'Store rebuild',
        [
          upgrade(METRICS.rebuildArticlesDone, 'Maximum').with({ label: 'articles gone over' }),
          upgrade(METRICS.rebuildArticlesApplied, 'Sum').with({ label: 'articles applied' }),
        ],
        [upgrade(METRICS.rebuildComplete, 'Sum').with({ label: 'completed' })],
      ),
      graph('Store rebuild time', [upgrade(METRICS.rebuildTime, 'Maximum').with({ label: 'ms a call, max' })]),
      // The clean-up runs once a day: a day's sums show whether it deleted anything and whether it had to pause.
      graph(
        "Previous formats' items deleted (daily clean-up)",
        [upgrade(METRICS.supersededItemsDeleted, 'Sum', Duration.days(1)).with({ label: 'items deleted' })],
        [upgrade(METRICS.supersededDeletionPaused, 'Sum', Duration.days(1)).with({ label: 'calls paused' })],
      ),
    );
    this.dashboard.addWidgets(
      new TextWidget({ markdown: '## DynamoDB capacity (what on-demand billing charges)', width: 24, height: 1 }),
    );
    this.dashboard.addWidgets(
      graph('Table consumed capacity units', [
        table.metricConsumedReadCapacityUnits({ statistic: 'Sum', period: PERIOD }).with({ label: 'read units' }),
        table.metricConsumedWriteCapacityUnits({ statistic: 'Sum', period: PERIOD }).with({ label: 'write units' }),
      ]),
      graph(
        'Ingest capacity units',
        [
          ingest(METRICS.ingestReadUnits, 'Sum').with({ label: 'read units' }),
          ingest(METRICS.ingestWriteUnits, 'Sum').with({ label: 'write units' }),
        ],
        [ingest(METRICS.articlesStored, 'Sum').with({ label: 'articles stored' })],
      ),
      graph('Command read units', [slack(METRICS.commandReadUnits, 'Sum').with({ label: 'read units, all commands' })]),
    );
  }
}

/** A metric the functions emit through Powertools: namespace, the function's `service` dimension, and more. */
function talksMetric(
  service: string,
  metricName: string,
  statistic: string,
  dimensions: Record<string, string>,
  period = PERIOD,
) {
  return new Metric({
    namespace: METRICS_NAMESPACE,
    metricName,
    statistic,
    period,
    dimensionsMap: { [SERVICE_DIMENSION]: service, ...dimensions },
  });
}

function graph(title: string, left: IMetric[], right: IMetric[] = []): GraphWidget {
  return new GraphWidget({ title, left, right, width: WIDTH, height: HEIGHT });
}

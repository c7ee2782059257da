import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { METRICS_NAMESPACE } from './metric-names.js';

/*
 * Logs and metrics, with Powertools for AWS Lambda rather than hand-written equivalents: structured JSON log
 * records carrying the request id and cold start (Logger, level from POWERTOOLS_LOG_LEVEL or Lambda's own log
 * level setting), and metrics in CloudWatch's embedded metric format (Metrics): written to stdout in one
 * record, turned into metrics by CloudWatch Logs, no API call and no extra permission.
 */

export { MetricUnit } from '@aws-lambda-powertools/metrics';
export { Logger, Metrics };

/** A function's logger and metrics. */
export interface Telemetry {
  logger: Logger;
  metrics: Metrics;
}

/** The logger and metrics of one function (`service` is its SERVICES entry: a log field and a metric dimension). */
export function createTelemetry(service: string): Telemetry {
  return {
    logger: new Logger({ serviceName: service }),
    metrics: new Metrics({ namespace: METRICS_NAMESPACE, serviceName: service }),
  };
}

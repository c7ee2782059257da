import type { Context } from 'aws-lambda';
import * as z from 'zod/mini';
import { nearDuplicateDetector } from '../articles/fingerprint.js';
import { type FlagsContext, flagFeatures } from '../flags/flag-features.js';
import { flagPolicyFromEnv } from '../flags/flag-policy-config.js';
import { createFlagReader } from '../flags/flag-store.js';
import { answerLinkRequest } from '../links/answer-link-request.js';
import { type FetchedPage, fetchPage } from '../links/fetch-page.js';
import { linkForLog } from '../links/link-for-log.js';
import type { LinkOutcome } from '../links/link-outcome.js';
import { LINK_REFUSALS } from '../links/link-refusals.js';
import { type LinkRequest, LinkRequestSchema } from '../links/link-request.js';
import { METRICS, REFUSAL_DIMENSION, SERVICES } from '../observability/metric-names.js';
import { createTelemetry, type Metrics, MetricUnit, type Telemetry } from '../observability/telemetry.js';
import { answerReplier, createResponseUrlPoster, type PostReply } from '../slack/response-url.js';
import { storeConfig } from '../store/config.js';
import { createDynamoClient } from '../store/dynamo-client.js';
import { createDynamoDocuments } from '../store/dynamo-documents.js';
import { createDynamoTalksStore } from '../store/dynamo-talks-store.js';
import { createS3PageArchive, type PageArchive } from '../store/page-archive.js';
import type { TalksStore } from '../store/ports.js';

/*
 * The link worker: invoked asynchronously by the Slack function with the links of one `/talks add` or
 * "Add to talks", it fetches each page (lambda/links/fetch-page.ts), keeps it in the article bucket under
 * LINKS_PREFIX, ingests it through the upload pipeline and replies on the request's response URL.
 */

const LinksEnvSchema = z.object({
  ARTICLE_BUCKET: z.string().check(z.minLength(1, 'ARTICLE_BUCKET must name the article bucket')),
  LINKS_PREFIX: z.string().check(z.regex(/^[^/].*\/$/, 'LINKS_PREFIX must be a key prefix ending in "/"')),
});

/** Thrown when the event is not a link request: nobody to reply to, so the invocation fails visibly. */
export class LinkEventError extends Error {
  override name = 'LinkEventError';
}

export interface LinksHandlerDeps {
  store: TalksStore;
  archive: PageArchive;
  postReply: PostReply;
  /**
   * What hides or marks flagged facts in the reply, as in every answer. @default - none (production: the flags in
   * the same table, read only, under FLAG_REVIEWERS / FLAG_THRESHOLD)
   */
  flags?: FlagsContext;
  /** One log record (in production a Powertools Logger record: JSON, with the request id and cold start). */
  log: (level: 'info' | 'error', message: string, fields: Record<string, unknown>) => void;
  /** Where each job's metrics and the container's cold start go (lambda/observability/metric-names.ts). @default - none */
  metrics?: Metrics;
  /** @default `fetchPage` with its production limits */
  fetch?: (link: string) => Promise<FetchedPage>;
}

/** What the fetches of one job took and returned, for its metrics. */
interface FetchTally {
  fetched: number;
  ms: number[];
}

/** `fetch`, timed: every call's milliseconds, refused or not, and how many returned a page. */
function timedFetch(fetch: (link: string) => Promise<FetchedPage>, tally: FetchTally) {
  return async (link: string): Promise<FetchedPage> => {
    const start = performance.now();
    try {
      const page = await fetch(link);
      tally.fetched++;
      return page;
    } finally {
      tally.ms.push(performance.now() - start);
    }
  };
}

/** The job's metrics (names in lambda/observability/metric-names.ts), published as EMF records. */
function publishMetrics(metrics: Metrics, outcomes: readonly LinkOutcome[], tally: FetchTally): void {
  const count = (outcome: LinkOutcome['outcome']) => outcomes.filter((o) => o.outcome === outcome).length;
  metrics.addMetric(METRICS.linksFetched, MetricUnit.Count, tally.fetched);
  metrics.addMetric(METRICS.linksStored, MetricUnit.Count, count('stored'));
  metrics.addMetric(METRICS.linksMerged, MetricUnit.Count, count('merged'));
  // One value a fetch: the graph's percentiles are over links, not jobs.
  for (const ms of tally.ms) metrics.addMetric(METRICS.linkFetchTime, MetricUnit.Milliseconds, ms);
  metrics.publishStoredMetrics();
  // Refusals by reason: one record each, as a metric has one set of dimensions a record. Zeros too, so a
  // graph shows "none refused" rather than no data.
  for (const refusal of LINK_REFUSALS) {
    const byReason = metrics.singleMetric();
    byReason.addDimension(REFUSAL_DIMENSION, refusal);
    byReason.addMetric(
      METRICS.linksRefused,
      MetricUnit.Count,
      outcomes.filter((o) => o.outcome === 'rejected' && o.refusal === refusal).length,
    );
  }
}

/** What became of each link, as logs may show it: host and path, never the query string or the user's words. */
function outcomeForLog(outcome: LinkOutcome): Record<string, string> {
  const link = linkForLog(outcome.link);
  if (outcome.outcome === 'rejected') return { link, outcome: outcome.outcome, refusal: outcome.refusal };
  return { link, outcome: outcome.outcome, articleId: outcome.article.id };
}

/** The worker's handler over its dependencies (set up once per container, on the first event). */
export function createLinksHandler(deps: () => LinksHandlerDeps): (event: unknown) => Promise<void> {
  let ready: LinksHandlerDeps | undefined;
  return async (event) => {
    const parsed = LinkRequestSchema.safeParse(event);
    if (!parsed.success) throw new LinkEventError(`Not a link request:\n${z.prettifyError(parsed.error)}`);
    ready ??= deps();
    const { log, metrics } = ready;
    metrics?.captureColdStartMetric();
    const request: LinkRequest = parsed.data;
    // Hosts and paths and the user id only: the response URL is a credential to post into the user's
    // conversation, and a link's query string may hold one.
    log('info', 'Reading links', { links: request.links.map(linkForLog), userId: request.userId });
    const tally: FetchTally = { fetched: 0, ms: [] };
    let outcomes: LinkOutcome[];
    try {
      outcomes = await answerLinkRequest(request.links, {
        ...ready,
        fetch: timedFetch(ready.fetch ?? fetchPage, tally),
        reply: answerReplier(ready.postReply, request.responseUrl),
        ...(ready.flags ? { readFactFilter: flagFeatures(ready.flags).readFactFilter } : {}),
      });
    } catch (error) {
      log('error', 'The links could not be added; the user was told to send them again', {
        error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      });
      throw error;
    }
    log('info', 'Links read', { outcomes: outcomes.map(outcomeForLog) });
    if (metrics) publishMetrics(metrics, outcomes, tally);
  };
}

function productionDeps({ logger, metrics }: Telemetry): LinksHandlerDeps {
  const { tableName, endpoint, region } = storeConfig();
  const { ARTICLE_BUCKET, LINKS_PREFIX } = LinksEnvSchema.parse(process.env);
  const client = createDynamoClient({ endpoint, region });
  return {
    store: createDynamoTalksStore({ client, tableName, nearDuplicates: nearDuplicateDetector }),
    // Read only, as the digest reads them: migrating an old flag book is the Slack function's work.
    flags: {
      reader: createFlagReader(createDynamoDocuments({ client, tableName })),
      policy: flagPolicyFromEnv(process.env),
    },
    archive: createS3PageArchive({ bucket: ARTICLE_BUCKET, prefix: LINKS_PREFIX }),
    postReply: createResponseUrlPoster(),
    log: (level, message, fields) => logger[level](message, fields),
    metrics,
  };
}

const telemetry = createTelemetry(SERVICES.links);
const readLinks = createLinksHandler(() => productionDeps(telemetry));

/** The Lambda entry point. Clients are created on the first event and reused for the container's life. */
export async function handler(event: unknown, context: Context): Promise<void> {
  telemetry.logger.addContext(context);
  return readLinks(event);
}

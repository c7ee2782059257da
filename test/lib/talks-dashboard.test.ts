import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import type { Template } from 'aws-cdk-lib/assertions';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { COMMAND_KINDS } from '../../lambda/answers/command.js';
import { createIngestHandler } from '../../lambda/handlers/ingest.js';
import { createLinksHandler } from '../../lambda/handlers/links.js';
import { createSlackHandler } from '../../lambda/handlers/slack.js';
import { createStoreUpgradeHandler } from '../../lambda/handlers/store-upgrade.js';
import { fetchPage } from '../../lambda/links/fetch-page.js';
import { LINK_REFUSALS } from '../../lambda/links/link-refusals.js';
import { FACT_CATEGORIES, METRICS_NAMESPACE, SERVICES } from '../../lambda/observability/metric-names.js';
import { createTelemetry } from '../../lambda/observability/telemetry.js';
import { meterDynamoUsage } from '../../lambda/store/dynamo-usage.js';
import { createS3ArticleObjects } from '../../lambda/store/s3-objects.js';
import { DELETE_SUPERSEDED_FORMATS_EVENT } from '../../lambda/store/store-format.js';
import { createViewsRebuild } from '../../lambda/store/store-rebuild.js';
import { type S3StandIn, s3ClientFor, startS3StandIn } from '../handlers/ingest-s3-stand-in.js';
import { uploadsEvent } from '../handlers/upload-events.js';
import { PAGE_SERVER_ADDRESS, type PageServer, startPageServer } from '../links/page-server.js';
import { lambdaContext, signedCommandEvent, TEST_SIGNING_SECRET } from '../slack/slack-requests.js';
import { type TestStore, withEmbeddedStore } from '../store/backends.js';
import { synthTemplate } from './synth-app.js';

/*
 * The dashboard graphs metrics by name and dimensions; CloudWatch shows an empty graph, not an error, for a
 * metric nobody emits. So the names are checked end to end: the metrics the real handlers emit (EMF records
 * captured from Powertools, over the embedded DynamoDB, the S3 stand-in and Slack-signed requests) against
 * the metrics of the synthesized dashboard.
 */

const SEED_DIR = path.resolve(import.meta.dirname, '../../data/articles');
const BUCKET = 'talks-articles';

/** `Name{dim=value,…}`, dimensions sorted: one metric as CloudWatch identifies it. */
function metricId(name: string, dimensions: Record<string, string>): string {
  const dims = Object.entries(dimensions)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`);
  return `${name}{${dims.join(',')}}`;
}

/** The metrics of namespace TalksBot the dashboard's widgets graph. */
function graphedMetrics(template: Template): Set<string> {
  const [dashboard] = Object.values(template.findResources('AWS::CloudWatch::Dashboard'));
  const parts = dashboard?.Properties.DashboardBody['Fn::Join'][1] as unknown[];
  // Tokens (function names, the queue) stand in as a placeholder: only the namespace's own metrics matter here.
  const body = JSON.parse(parts.map((part) => (typeof part === 'string' ? part : 'TOKEN')).join('')) as {
    widgets: { properties: { metrics?: unknown[][] } }[];
  };
  const graphed = new Set<string>();
  for (const metric of body.widgets.flatMap((w) => w.properties.metrics ?? [])) {
    const [namespace, name, ...rest] = metric.filter((x): x is string => typeof x === 'string');
    if (namespace !== METRICS_NAMESPACE || name === undefined) continue;
    const dimensions: Record<string, string> = {};
    for (let i = 0; i + 1 < rest.length; i += 2) dimensions[rest[i] as string] = rest[i + 1] as string;
    graphed.add(metricId(name, dimensions));
  }
  return graphed;
}

interface EmfRecord {
  _aws: { CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string }[] }[] };
  [key: string]: unknown;
}

/** The metrics EMF records name, one per metric and dimension set, with the record's dimension values. */
function emittedMetrics(lines: string[]): Set<string> {
  const emitted = new Set<string>();
  for (const line of lines) {
    if (!line.startsWith('{"_aws"')) continue;
    const record = JSON.parse(line) as EmfRecord;
    for (const { Namespace, Dimensions, Metrics } of record._aws.CloudWatchMetrics) {
      if (Namespace !== METRICS_NAMESPACE) continue;
      for (const set of Dimensions) {
        const dimensions = Object.fromEntries(set.map((d) => [d, String(record[d])]));
        for (const { Name } of Metrics) emitted.add(metricId(Name, dimensions));
      }
    }
  }
  return emitted;
}

describe('TalksDashboard', () => {
  let s3: S3StandIn;
  let s3Client: S3Client;
  let db: TestStore;
  let site: PageServer;

  beforeAll(async () => {
    s3 = await startS3StandIn();
    s3Client = s3ClientFor(s3);
    db = await withEmbeddedStore();
    site = await startPageServer();
  });
  afterAll(async () => {
    s3Client.destroy();
    await s3.close();
    await db.close();
    await site.close();
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it('graphs only metrics the functions emit, under the names and dimensions they emit them', async () => {
    // Prepare: Powertools writes EMF to the global console in dev mode, with metrics turned back on.
    vi.stubEnv('POWERTOOLS_DEV', 'true');
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
    // As Lambda sets it: Powertools counts a cold start only when it knows it runs on demand.
    vi.stubEnv('AWS_LAMBDA_INITIALIZATION_TYPE', 'on-demand');
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: unknown) => {
      lines.push(String(line));
    });
    const dynamoUsage = meterDynamoUsage(db.client);
    for (const name of ['sources.json', '001_709e6c175c848506.txt', '003_dcca02cc661e344e.txt']) {
      s3.put(BUCKET, `articles/${name}`, new Uint8Array(readFileSync(path.join(SEED_DIR, name))));
    }
    const ingest = createIngestHandler(() => ({
      objects: createS3ArticleObjects(s3Client),
      store: db.store,
      rejectedPrefix: 'rejected/',
      log: () => {},
      metrics: createTelemetry(SERVICES.ingest).metrics,
      dynamoUsage,
    }));
    const slack = createSlackHandler({
      views: db.store,
      timeline: db.store,
      dynamoUsage,
      signingSecret: TEST_SIGNING_SECRET,
      telemetry: createTelemetry(SERVICES.slack),
    });

    const links = createLinksHandler(() => ({
      store: db.store,
      archive: { save: async (name) => name },
      postReply: async () => {},
      log: () => {},
      metrics: createTelemetry(SERVICES.links).metrics,
      fetch: (link) => fetchPage(link, { allowedAddresses: [PAGE_SERVER_ADDRESS] }),
    }));

    // Act: an ingest with a stored article, one command of every kind, a link job with a stored and a refused link.
    const uploads = ['001_709e6c175c848506.txt', '003_dcca02cc661e344e.txt', 'empty.txt'];
    s3.put(BUCKET, 'articles/empty.txt', new Uint8Array());
    await ingest(
      uploadsEvent(
        BUCKET,
        uploads.map((name) => ({ key: `articles/${name}`, size: 1000 })),
      ),
    );
    const tooLong = `who ${'x'.repeat(300)}`;
    for (const text of [
      'summary',
      'who medinsky',
      'guarantors',
      'topic crimea',
      'timeline crimea',
      'since 7d',
      'sources',
      'add',
      'flags',
      'help',
      'crimea',
      tooLong,
    ]) {
      expect((await slack(signedCommandEvent(text), lambdaContext)).statusCode).toBe(200);
    }

    await links({
      links: [`${site.origin}/article.html`, `${site.origin}/report.pdf`],
      responseUrl: 'https://hooks.slack.com/commands/T1/1/x',
      userId: 'U1',
    });
    // A deploy's store upgrade: onEvent, then isComplete with its answer, as the provider framework calls them.
    const upgrade = createStoreUpgradeHandler(() => ({
      store: db.store,
      rebuild: createViewsRebuild({ client: db.client, tableName: db.tableName }),
      log: () => {},
      metrics: createTelemetry(SERVICES.storeUpgrade).metrics,
      previousWritersMs: 0,
    }));
    const deploy = { RequestType: 'Update' as const, PhysicalResourceId: 'store-format' };
    const enoughTime = { getRemainingTimeInMillis: () => 10 * 60_000 };
    await upgrade({ ...deploy, ...(await upgrade(deploy, enoughTime)) }, enoughTime);
    // And the daily clean-up schedule's call.
    await upgrade(DELETE_SUPERSEDED_FORMATS_EVENT, enoughTime);

    // Assess
    const graphed = graphedMetrics(synthTemplate());
    const emitted = emittedMetrics(lines);
    expect(graphed.size).toBeGreaterThan(15);
    expect([...graphed].filter((metric) => !emitted.has(metric))).toEqual([]);
    // Every subcommand and fact category has its line: the lists come from the code, not from the test.
    for (const kind of COMMAND_KINDS) {
      expect(graphed).toContain(metricId('CommandsAnswered', { service: SERVICES.slack, Subcommand: kind }));
    }
    for (const category of FACT_CATEGORIES) {
      expect(emitted).toContain(metricId('FactsExtracted', { service: SERVICES.ingest, Category: category }));
    }
    for (const refusal of LINK_REFUSALS) {
      expect(graphed).toContain(metricId('LinksRefused', { service: SERVICES.links, Reason: refusal }));
    }
    expect(graphed).toContain(metricId('LinkFetchTime', { service: SERVICES.links }));
    expect(graphed).toContain(metricId('ColdStart', { service: SERVICES.links }));
    expect(graphed).toContain(metricId('SupersededItemsDeleted', { service: SERVICES.storeUpgrade }));
  });
});

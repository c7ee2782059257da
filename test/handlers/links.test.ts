import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createFlagReader, createFlagStore } from '../../lambda/flags/flag-store.js';
import { createLinksHandler, LinkEventError } from '../../lambda/handlers/links.js';
import { fetchPage } from '../../lambda/links/fetch-page.js';
import { SERVICES } from '../../lambda/observability/metric-names.js';
import { createTelemetry } from '../../lambda/observability/telemetry.js';
import type { SlackMessage } from '../../lambda/slack/slack-limits.js';
import { createDynamoDocuments } from '../../lambda/store/dynamo-documents.js';
import { startEmbeddedDynamo } from '../../lambda/store/embedded-dynamodb.js';
import type { PageArchive } from '../../lambda/store/page-archive.js';
import { PAGE_SERVER_ADDRESS, type PageServer, startPageServer } from '../links/page-server.js';
import { openStoreOn, type RunningServer } from '../store/backends.js';

let dynamo: RunningServer;
let site: PageServer;
beforeAll(async () => {
  [dynamo, site] = await Promise.all([startEmbeddedDynamo(), startPageServer()]);
});
afterAll(async () => {
  await Promise.all([dynamo.close(), site.close()]);
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

/** The values of one metric in the EMF records written, by the value of `dimension` (or `-` without it). */
function metricValues(lines: string[], name: string, dimension?: string): Record<string, number[]> {
  const values: Record<string, number[]> = {};
  for (const line of lines.filter((l) => l.startsWith('{"_aws"'))) {
    const record = JSON.parse(line) as Record<string, unknown>;
    if (!(name in record)) continue;
    const key = dimension ? String(record[dimension]) : '-';
    values[key] = [...(values[key] ?? []), ...[record[name]].flat().map(Number)];
  }
  return values;
}

describe('link worker handler', () => {
  it('refuses an event that is not a link request, before touching anything', async () => {
    const handler = createLinksHandler(() => {
      throw new Error('no dependencies should be set up');
    });
    await expect(handler({ links: [], responseUrl: 'https://hooks.slack.com/x' })).rejects.toThrow(LinkEventError);
    await expect(handler({ Records: [] })).rejects.toThrow(LinkEventError);
  });

  it('replies on the response URL with the reason of every refused link, archiving nothing', async () => {
    const { store, close } = await openStoreOn(dynamo);
    const saved: string[] = [];
    const replies: SlackMessage[] = [];
    const archive: PageArchive = {
      save: async (name) => {
        saved.push(name);
        return name;
      },
    };
    const handler = createLinksHandler(() => ({
      store,
      archive,
      postReply: async (_url, message) => void replies.push(message),
      log: () => {},
    }));
    await handler({
      links: ['http://169.254.169.254/latest/meta-data/'],
      responseUrl: 'https://hooks.slack.com/x',
      userId: 'U1',
    });
    expect(replies[0]?.text).toBe('Added 0 of 1 link');
    expect(JSON.stringify(replies[0]?.blocks)).toContain('the cloud metadata address (169.254.169.254)');
    expect(saved).toEqual([]);
    await close();
  });

  it('counts links fetched, stored and refused by reason, times every fetch, and logs no query string', async () => {
    // Prepare: Powertools writes EMF to the global console in dev mode, with metrics turned back on.
    vi.stubEnv('POWERTOOLS_DEV', 'true');
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: unknown) => void lines.push(String(line)));
    const { store, close } = await openStoreOn(dynamo);
    const logged: Record<string, unknown>[] = [];
    const handler = createLinksHandler(() => ({
      store,
      archive: { save: async (name) => name },
      postReply: async () => {},
      log: (_level, message, fields) => void logged.push({ message, ...fields }),
      metrics: createTelemetry(SERVICES.links).metrics,
      fetch: (link) => fetchPage(link, { allowedAddresses: [PAGE_SERVER_ADDRESS] }),
    }));

    // Act: a page that is stored, one with no article text, one that is not text, one the policy refuses.
    await handler({
      links: [
        `${site.origin}/article.html?session=s3cr3t-token#top`,
        `${site.origin}/no-text.html`,
        `${site.origin}/report.pdf?sig=s3cr3t-token`,
        'http://169.254.169.254/latest/meta-data/?token=s3cr3t-token',
      ],
      responseUrl: 'https://hooks.slack.com/commands/T1/1/s3cr3t-token',
      userId: 'U1',
    });

    // Assess
    expect(metricValues(lines, 'LinksFetched')).toEqual({ '-': [2] });
    expect(metricValues(lines, 'LinksStored')).toEqual({ '-': [1] });
    expect(metricValues(lines, 'LinksMerged')).toEqual({ '-': [0] });
    expect(metricValues(lines, 'LinkFetchTime')['-']).toHaveLength(4);
    expect(metricValues(lines, 'LinksRefused', 'Reason')).toMatchObject({
      'not-an-article': [1],
      'not-text': [1],
      'private-address': [1],
      timeout: [0],
    });
    const log = JSON.stringify(logged);
    expect(log).not.toContain('s3cr3t');
    expect(log).toContain(`${site.origin}/article.html`);
    expect(logged.at(-1)).toMatchObject({
      message: 'Links read',
      outcomes: [
        { outcome: 'stored' },
        { outcome: 'rejected', refusal: 'not-an-article' },
        { outcome: 'rejected', refusal: 'not-text' },
        { outcome: 'rejected', refusal: 'private-address' },
      ],
    });
    await close();
  });

  it('hides and marks flagged guarantors in its reply under the policy, reading the flags only', async () => {
    // Prepare: the worker reads the flags as production does (createFlagReader), another client flags them.
    const { store, client, tableName, close } = await openStoreOn(dynamo);
    const documents = createDynamoDocuments({ client, tableName });
    const policy = { reviewers: ['UREVIEWER'], threshold: 2 };
    const replies: SlackMessage[] = [];
    const handler = createLinksHandler(() => ({
      store,
      archive: { save: async (name) => name },
      postReply: async (_url, message) => void replies.push(message),
      log: () => {},
      fetch: (link) => fetchPage(link, { allowedAddresses: [PAGE_SERVER_ADDRESS] }),
      flags: { reader: createFlagReader(documents), policy },
    }));
    const request = { links: [`${site.origin}/article.html`], responseUrl: 'https://hooks.slack.com/x' };
    const lines = (message: SlackMessage | undefined) =>
      JSON.stringify(message?.blocks).match(/• (Norway|Portugal)[^•"]*/gu);
    await handler(request);
    expect(lines(replies[0])).toEqual([expect.stringMatching(/^• Norway <[^>]+> ?\\n$/u), expect.any(String)]);

    // Act: Portugal flagged by one person (disputed), Norway by a reviewer (hidden); the same link again.
    const flags = createFlagStore(documents);
    const at = '2026-12-06T10:00:00Z';
    await flags.flagFact(
      { kind: 'guarantor', country: 'Portugal', proposedBy: 'Ukraine' },
      { userId: 'U1', reason: 'not-a-guarantor', at },
      policy,
    );
    await flags.flagFact(
      { kind: 'guarantor', country: 'Norway', proposedBy: 'Ukraine' },
      { userId: 'UREVIEWER', reason: 'not-a-guarantor', at },
      policy,
    );
    await handler(request);

    // Assess
    expect(lines(replies[1])).toEqual([expect.stringMatching(/^• Portugal <[^>]+> _\(disputed: flagged by 1\)_$/u)]);
    await close();
  });
});

import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readArticlePaths } from '../../lambda/articles/read-inputs.js';
import { createSlackHandler } from '../../lambda/handlers/slack.js';
import { ingestPaths } from '../../lambda/ingest/ingest.js';
import { blockTexts, type SlackMessage, slackLimitViolations } from '../../lambda/slack/slack-limits.js';
import { type DynamoUsageMeter, meterDynamoUsage } from '../../lambda/store/dynamo-usage.js';
import { lambdaContext, signedCommandEvent, TEST_SIGNING_SECRET } from '../slack/slack-requests.js';
import { type TestStore, withEmbeddedStore } from '../store/backends.js';

/*
 * The whole command path on the seed corpus: ingest into the embedded DynamoDB, then signed Function URL
 * events through the production handler (Bolt's receiver, answers, Block Kit) reading the real store.
 */

const SEED = new URL('../../data/articles/', import.meta.url).pathname;

describe('the Slack handler on the seed corpus in embedded DynamoDB', () => {
  let backend: TestStore;
  let meter: DynamoUsageMeter;
  let handler: ReturnType<typeof createSlackHandler>;
  let bodies: string[];

  beforeAll(async () => {
    backend = await withEmbeddedStore();
    await ingestPaths([SEED], backend.store);
    meter = meterDynamoUsage(backend.client);
    handler = createSlackHandler({ views: backend.store, signingSecret: TEST_SIGNING_SECRET });
    const { articles } = await readArticlePaths([SEED]);
    bodies = articles.map((a) => a.body);
  });
  afterAll(async () => {
    await backend?.close();
  });

  /** The answer to `/talks text`, and the DynamoDB requests it sent, one operation name each. */
  async function ask(text: string): Promise<{ message: SlackMessage; text: string; requests: string[] }> {
    meter.reset();
    const response = await handler(signedCommandEvent(text), lambdaContext);
    expect(response.statusCode).toBe(200);
    const message = JSON.parse(response.body) as SlackMessage;
    expect(slackLimitViolations(message)).toEqual([]);
    return {
      message,
      text: message.blocks.flatMap(blockTexts).join('\n'),
      requests: Object.entries(meter.usage().requestsByOperation).flatMap(([op, n]) => Array<string>(n).fill(op)),
    };
  }

  it('reads the table named by TABLE_NAME through the read-only view reader, as deployed, with the same answers', async () => {
    // As on Lambda: no store given, the table and its endpoint in the environment (read once per container).
    vi.stubEnv('TABLE_NAME', backend.tableName);
    vi.stubEnv('DYNAMODB_ENDPOINT', backend.endpoint);
    vi.stubEnv('AWS_REGION', 'us-east-1');
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'local');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'local');
    try {
      const deployed = createSlackHandler({ signingSecret: TEST_SIGNING_SECRET });
      const withStore = createSlackHandler({
        views: backend.store,
        timeline: backend.store,
        signingSecret: TEST_SIGNING_SECRET,
      });
      const textOf = async (handler: typeof deployed, command: string) => {
        const response = await handler(signedCommandEvent(command), lambdaContext);
        return (JSON.parse(response.body) as SlackMessage).blocks.flatMap(blockTexts).join('\n');
      };
      for (const command of ['summary', 'who medinsky', 'crimea', 'timeline crimea', 'guarantors', 'sources']) {
        const text = await textOf(deployed, command);
        expect(text, command).toMatch(/\[1\]|Sources: \d+ articles/);
        expect(text, command).toBe(await textOf(withStore, command));
      }
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('summarises who said what, guarantors and both default topics, citing sources, in one read', async () => {
    const { message, text, requests } = await ask('summary');
    expect(message.text).toMatch(/^Summary of \d+ articles$/);
    for (const heading of [
      'Who said what',
      'Proposed security guarantors',
      'Positions on Crimea',
      'Positions on Donbas',
    ]) {
      expect(text).toContain(`*${heading}*`);
    }
    expect(text).toMatch(/\*Sources\*\n(\[1\]|<)/);
    expect(text).toContain('CBS News');
    expect(requests.length).toBeLessThanOrEqual(3);
  });

  it.each([
    ['medinsky', 'Vladimir Medinsky'],
    ['Vladimir Medinsky', 'Vladimir Medinsky'],
    ['Arahamia', 'David Arakhamia'],
    ['arakhamia', 'David Arakhamia'],
  ])('resolves "who %s" to %s in at most 3 requests', async (name, expected) => {
    const { message, requests } = await ask(`who ${name}`);
    expect(message.text).toBe(expected);
    expect(requests.length).toBeLessThanOrEqual(3);
  });

  it('answers who for Zelensky, named but never quoted, under three spellings, as one person in two reads', async () => {
    const answers = [];
    for (const name of ['zelenskyy', 'Zelensky', '"Volodymyr Zelenskyy"']) answers.push(await ask(`who ${name}`));
    for (const { message, text, requests } of answers) {
      expect(message.text).toBe('Volodymyr Zelensky');
      expect(text).toMatch(
        /\*Volodymyr Zelensky\* \(Ukraine\) is mentioned in \d+ articles?; no statement by Zelensky/,
      );
      // The directory and the name items in one BatchGetItem, then the person's view.
      expect(requests).toEqual(['BatchGetItem', 'GetItem']);
      const mentions = [...text.matchAll(/^• (.+) \[\d+\]$/gmu)].map((m) => m[1] ?? '');
      expect(mentions.length).toBeGreaterThan(0);
      for (const sentence of mentions) expect(bodies.some((b) => b.includes(sentence))).toBe(true);
    }
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
  });

  it('keeps people who are only mentioned out of the summary and the speaker count', async () => {
    const { text } = await ask('summary');
    expect(text).not.toContain('*Volodymyr Zelensky*');
    expect(text).not.toContain('*Vladimir Putin*');
    // Four: a bare nominal object ("expressed skepticism over …") is no statement, as the real set labels it.
    expect(text).toMatch(/· 4 speakers ·/);
  });

  it('quotes only words that are in a stored article', async () => {
    const { text } = await ask('who Medinsky');
    const quotes = [...text.matchAll(/“([^”]+)”/g)].map((m) =>
      (m[1] ?? '').replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>'),
    );
    expect(quotes.length).toBeGreaterThan(0);
    for (const quote of quotes) {
      const words = quote.replace(/…$/, '');
      expect(bodies.some((b) => b.includes(words))).toBe(true);
    }
  });

  it('answers an unknown name a typing slip away with the closest known speakers', async () => {
    const { message, text } = await ask('who Medinksy');
    expect(message.text).toBe('No one by that name: "Medinksy"');
    expect(text).toContain('*Closest known speakers*');
  });

  it('answers an unknown name near no known one with the most quoted speakers, not "closest" ones', async () => {
    // Medvedchuk is another person, not a slip of Medinsky: nobody is close to it.
    const { message, text } = await ask('who Medvedchuk');
    expect(message.text).toBe('No one by that name: "Medvedchuk"');
    expect(text).toContain('*Most quoted speakers*');
    expect(text).not.toContain('Closest');
  });

  it.each([
    ['crimea', 'Crimea'],
    ['topic Donbas', 'Donbas'],
  ])('answers "%s" from the configured topics', async (command, title) => {
    const { message, requests } = await ask(command);
    expect(message.text).toBe(title);
    expect(requests.length).toBeLessThanOrEqual(3);
  });

  it('lists guarantors and sources in one read each', async () => {
    const guarantors = await ask('guarantors');
    expect(guarantors.text).toMatch(/• .+ (\[\d+\])+/);
    expect(guarantors.requests.length).toBeLessThanOrEqual(3);
    const sources = await ask('sources');
    const files = JSON.parse(await readFile(`${SEED}sources.json`, 'utf8')) as Record<string, unknown>;
    expect(sources.message.text).toMatch(/^Sources: \d+ articles$/);
    for (const file of Object.keys(files).filter((f) => f.endsWith('.txt'))) expect(sources.text).toContain(file);
    expect(sources.requests.length).toBeLessThanOrEqual(3);
  });

  it('answers help and typos without a scan', async () => {
    for (const command of ['', 'help', 'sumary', 'whoo Medinsky']) {
      const { requests } = await ask(command);
      expect(requests).not.toContain('Scan');
      expect(requests.length).toBeLessThanOrEqual(3);
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printAnswer } from '../../lambda/cli/print-answer.js';
import { createSlackHandler } from '../../lambda/handlers/slack.js';
import { blockTexts, type SlackMessage, slackLimitViolations } from '../../lambda/slack/slack-limits.js';
import { type DynamoUsageMeter, meterDynamoUsage } from '../../lambda/store/dynamo-usage.js';
import type { TalksStore } from '../../lambda/store/ports.js';
import { lambdaContext, signedCommandEvent, TEST_SIGNING_SECRET } from '../slack/slack-requests.js';
import { type TestStore, withEmbeddedStore } from '../store/backends.js';
import { ingestRounds, ROUNDS } from './rounds.js';

/*
 * The "done when": three dated rounds (test/fixtures/articles/timeline-three-rounds/, see its
 * sources.json), ingested one round at a time into the embedded DynamoDB, answered through the CLI's
 * printAnswer and through Slack-signed requests to the production handler.
 */

/** The lines of one part of a terminal answer: from its heading to the next blank-line-separated heading. */
function section(text: string, heading: string): string {
  const start = text.indexOf(`${heading}\n`);
  expect(start, `no "${heading}" in:\n${text}`).toBeGreaterThanOrEqual(0);
  const rest = text.slice(start);
  const end = rest.search(/\n\n[^\s\n][^\n]*\n[-=]+\n/u);
  return end < 0 ? rest : rest.slice(0, end);
}

describe('timeline and since on three rounds of talks', () => {
  let backend: TestStore;

  beforeAll(async () => {
    backend = await withEmbeddedStore();
    await ingestRounds(backend.store, ROUNDS);
  });
  afterAll(async () => {
    await backend?.close();
  });

  const ask = (text: string, now = new Date('2026-03-27T09:00:00Z')) =>
    printAnswer(text, backend.store, undefined, { reader: backend.store, now: () => now });

  it("lists each party's positions on Crimea in date order and marks each change", async () => {
    const text = await ask('timeline crimea');

    const russia = section(text, 'Russia on Crimea');
    expect(russia.indexOf('2026-03-02')).toBeLessThan(russia.indexOf('2026-03-25'));
    expect(russia).toMatch(
      /2026-03-02\n {2}• reported again 2026-03-17: Russia demands that Ukraine recognise Crimea/u,
    );
    expect(russia).toMatch(/2026-03-25\n {2}• CHANGED: the demand dropped: Russia no longer demands/u);

    const ukraine = section(text, 'Ukraine on Crimea');
    const days = [...ukraine.matchAll(/^(\d{4}-\d{2}-\d{2})$/gmu)].map((m) => m[1]);
    expect(days).toEqual(['2026-03-02', '2026-03-17', '2026-03-25']);
    expect(ukraine).toMatch(/2026-03-02\n {2}• Ukraine refuses to discuss/u);
    expect(ukraine).toMatch(/CHANGED: a refusal turned into an offer: Ukraine offered to settle the status of Crimea/u);
    // Exactly the two moves: Ukraine's first stance and its repeated offers are no change.
    expect(text.match(/CHANGED/gu)).toHaveLength(2);
    expect(text).toContain(
      'Changes: Russia, 2026-03-25: the demand dropped; Ukraine, 2026-03-17: a refusal turned into an offer.',
    );
    expect(text).toContain('[1] Timeline Fixture Wire: Lakeside talks open with a wide gap on Crimea · 2026-03-02');
  });

  it('marks the guarantor Ukraine added in the second round', async () => {
    const text = await ask('timeline guarantors');
    const ukraine = section(text, 'Guarantors proposed by Ukraine');
    // France and Turkey rest on one sentence: one line, as in every answer that lists guarantors.
    expect(ukraine).toMatch(/2026-03-02\n {2}• France, Turkey \[\d\]\n/u);
    expect(ukraine).toMatch(/2026-03-17\n {2}• CHANGED: added to the list: Canada/u);
    expect(text).toContain('Changes: Ukraine, 2026-03-17: Canada added to the list.');
  });

  it('shows only what the later rounds first reported since a date between rounds', async () => {
    const text = await ask('since 2026-03-10');
    expect(text).toContain('New since 2026-03-10');
    expect(section(text, 'New guarantors')).toMatch(/Proposed by Ukraine\n {2}• 2026-03-17: Canada/u);
    const positions = section(text, 'New and changed positions');
    expect(positions).toContain('2026-03-17 · CHANGED: a refusal turned into an offer: Ukraine offered to settle');
    expect(positions).toContain('2026-03-25 · CHANGED: the demand dropped: Russia no longer demands');
    expect(section(text, 'New statements')).toContain('2026-03-17: “We have studied the offer');
    // Nothing from the first round, not even the demand round 2 repeated.
    for (const first of ['refuses to discuss', 'France', 'Turkey', 'Russia demands that', 'nobody should expect']) {
      expect(text).not.toContain(first);
    }
    expect(text).not.toContain('2026-03-02');
  });

  it('is listed by help', async () => {
    const text = await ask('help');
    expect(text).toContain('npm run talks -- timeline <topic>');
    expect(text).toContain('npm run talks -- since <date>');
  });

  it('says nothing is new since the last round', async () => {
    expect(await ask('since 2026-03-26')).toContain('Nothing new since 2026-03-26.');
  });

  it('counts days back from the injected clock', async () => {
    const text = await ask('since 7d', new Date('2026-03-31T23:00:00Z'));
    expect(text).toContain('New since 2026-03-24');
    expect(text).toContain('Russia no longer demands');
    expect(text).not.toContain('Ukraine offered to settle');
    expect(await ask('since yesterday', new Date('2026-03-18T08:00:00Z'))).toContain('New since 2026-03-17');
  });

  it.each(['2026-02-30', 'banana', ''])('explains a date it cannot read ("%s")', async (when) => {
    const text = await ask(`since ${when}`);
    expect(text).toContain('Since when?');
    expect(text).toContain('npm run talks -- since 7d');
  });

  it('gives the same items whatever order the rounds arrive in', async () => {
    const shuffled = await withEmbeddedStore();
    try {
      await ingestRounds(shuffled.store, ['round-3.txt', 'round-1.txt', 'round-2.txt']);
      for (const subject of ['crimea', 'guarantors']) {
        const inOrder = await backend.store.getTimeline(subject);
        const outOfOrder = await shuffled.store.getTimeline(subject);
        expect(outOfOrder?.entries.map((e) => [e.id, e.saidOn, e.firstReported, e.lastReported])).toEqual(
          inOrder?.entries.map((e) => [e.id, e.saidOn, e.firstReported, e.lastReported]),
        );
      }
      const ids = (news: Awaited<ReturnType<TalksStore['getNewsSince']>>) =>
        news.days.map((d) => [d.day, d.total, d.entries.map((e) => e.id).sort()]);
      expect(ids(await shuffled.store.getNewsSince('2026-01-01', 31))).toEqual(
        ids(await backend.store.getNewsSince('2026-01-01', 31)),
      );
    } finally {
      await shuffled.close();
    }
  });

  describe('through a Slack-signed request', () => {
    let meter: DynamoUsageMeter;
    let handler: ReturnType<typeof createSlackHandler>;
    beforeAll(() => {
      meter = meterDynamoUsage(backend.client);
      handler = createSlackHandler({
        views: backend.store,
        timeline: backend.store,
        signingSecret: TEST_SIGNING_SECRET,
        now: () => new Date('2026-03-27T09:00:00Z'),
      });
    });

    async function slackAsk(text: string): Promise<{ message: SlackMessage; text: string; requests: number }> {
      meter.reset();
      const response = await handler(signedCommandEvent(text), lambdaContext);
      expect(response.statusCode).toBe(200);
      const message = JSON.parse(response.body) as SlackMessage;
      expect(slackLimitViolations(message)).toEqual([]);
      return { message, text: message.blocks.flatMap(blockTexts).join('\n'), requests: meter.usage().requests };
    }

    it('answers timeline crimea with the same changes, in one request', async () => {
      const { message, text, requests } = await slackAsk('timeline crimea');
      expect(message.text).toBe('Timeline: Crimea');
      expect(text).toContain('Russia, 2026-03-25: the demand dropped');
      expect(text).toContain('CHANGED: a refusal turned into an offer');
      expect(requests).toBe(1);
    });

    it('answers since with only the later rounds, and says when nothing is new, in one request each', async () => {
      const later = await slackAsk('since 2026-03-10');
      expect(later.text).toContain('Canada');
      expect(later.text).not.toContain('refuses to discuss');
      expect(later.requests).toBe(1);
      const none = await slackAsk('since 2026-03-26');
      expect(none.text).toContain('Nothing new since 2026-03-26.');
    });

    it('finds a timeline by a topic label in at most 3 requests', async () => {
      const { message, requests } = await slackAsk('timeline CRIMEA');
      expect(message.text).toBe('Timeline: Crimea');
      expect(requests).toBeLessThanOrEqual(3);
    });
  });
});

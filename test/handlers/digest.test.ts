import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFlagReader, createFlagStore, type FlagStore } from '../../lambda/flags/flag-store.js';
import { createDigestHandler } from '../../lambda/handlers/digest.js';
import { createDynamoDocuments } from '../../lambda/store/dynamo-documents.js';
import { digestAnswer } from '../../lambda/timeline/digest.js';
import { type SlackStandIn, startSlackStandIn } from '../slack/interaction-requests.js';
import { type TestStore, withEmbeddedStore } from '../store/backends.js';
import { ingestRounds, ROUNDS } from '../timeline/rounds.js';

/*
 * The scheduled digest: the real store (embedded DynamoDB) with the three dated rounds, and a local server
 * playing Slack's Web API, which records every chat.postMessage. Flags are made through the flag store the
 * Slack function uses and read by the digest's read-only reader, as deployed.
 */

const ENV = { DIGEST_CHANNEL: 'C0123DIGEST', DIGEST_PERIOD_DAYS: '7', SLACK_SECRET_ARN: 'arn:unused' };
const REVIEWER = 'UREVIEWER';
const policy = { reviewers: [REVIEWER], threshold: 2 };

/**
 * A table with the three rounds, Slack's stand-in and the digest handler on them, for one describe (its
 * flags made through the flag store the Slack function uses, read by the digest's read-only reader).
 */
function roundsAndSlack() {
  const ctx = {} as { backend: TestStore; slack: SlackStandIn; flags: FlagStore };
  beforeAll(async () => {
    ctx.backend = await withEmbeddedStore();
    await ingestRounds(ctx.backend.store, ROUNDS);
    ctx.slack = await startSlackStandIn();
    ctx.flags = createFlagStore(documentsOf(ctx.backend));
  });
  afterAll(async () => {
    await ctx.slack?.close();
    await ctx.backend?.close();
  });
  const digest = (now: string, env: Record<string, string> = ENV) =>
    createDigestHandler({
      timeline: ctx.backend.store,
      flags: { reader: createFlagReader(documentsOf(ctx.backend)), policy },
      botToken: 'xoxb-test',
      now: () => new Date(now),
      slackApiUrl: `${ctx.slack.url}/api/`,
      env,
    })();
  return { ctx, digest };
}

const documentsOf = (backend: TestStore) =>
  createDynamoDocuments({ client: backend.client, tableName: backend.tableName });

describe('the digest handler', () => {
  const { ctx, digest } = roundsAndSlack();

  it('posts the since answer of the last period to the channel', async () => {
    ctx.slack.apiCalls.length = 0;
    expect(await digest('2026-03-31T07:00:00Z')).toEqual({ posted: true });
    expect(ctx.slack.apiCalls.map((c) => c.method)).toEqual(['chat.postMessage']);
    const args = ctx.slack.apiCalls[0]?.args ?? {};
    expect(args.channel).toBe('C0123DIGEST');
    expect(args.text).toBe('New since 2026-03-24');
    expect(args.blocks).toContain('Russia no longer demands');
    expect(args.blocks).not.toContain('Ukraine offered to settle');
  });

  it('posts nothing when nothing is new', async () => {
    ctx.slack.apiCalls.length = 0;
    expect(await digest('2026-04-10T07:00:00Z')).toEqual({ posted: false });
    expect(ctx.slack.apiCalls).toEqual([]);
  });

  it('fails with Slack’s reason when the post is refused', async () => {
    ctx.slack.apiError = 'not_in_channel';
    try {
      await expect(digest('2026-03-31T07:00:00Z')).rejects.toThrow(
        /chat\.postMessage to C0123DIGEST failed.*not_in_channel/u,
      );
    } finally {
      ctx.slack.apiError = null;
    }
  });

  it('refuses a configuration without a channel id', async () => {
    await expect(digest('2026-03-31T07:00:00Z', { ...ENV, DIGEST_CHANNEL: '#general' })).rejects.toThrow(/channel id/u);
  });
});

describe('the digest handler with flags', () => {
  const { ctx, digest } = roundsAndSlack();

  /** The facts the digest of 2026-03-31 shows when nothing is flagged: the answer as `since` builds it. */
  async function digestFacts() {
    const answer = await digestAnswer(ctx.backend.store, new Date('2026-03-31T07:00:00Z'), 7);
    return (answer?.parts ?? []).flatMap((p) => (p.kind === 'facts' ? p.groups.flatMap((g) => g.lines) : []));
  }

  it('marks a fact one person flagged, hides one a reviewer flagged, and counts only what it shows', async () => {
    // Prepare: the third round's stance on Crimea flagged by one person, the statement quoted by the reviewer.
    const facts = await digestFacts();
    const stance = facts.find((f) => f.text.startsWith('Russia no longer demands'));
    const quote = facts.find((f) => f.fact?.kind === 'statement' && f.text.startsWith('The ten-year formula'));
    if (!stance?.fact || !quote?.fact) throw new Error('the third round is not in the digest');
    expect(facts).toHaveLength(4);
    await ctx.flags.flagFact(
      stance.fact,
      { userId: 'UANNA', reason: 'not-a-position', at: '2026-03-30T10:00:00Z' },
      policy,
    );
    await ctx.flags.flagFact(quote.fact, { userId: REVIEWER, reason: 'misquoted', at: '2026-03-30T10:01:00Z' }, policy);

    // Act
    ctx.slack.apiCalls.length = 0;
    expect(await digest('2026-03-31T07:00:00Z')).toEqual({ posted: true });

    // Assess: the stance is marked, the quote is gone, and the count leaves it out.
    const blocks = ctx.slack.apiCalls[0]?.args.blocks ?? '';
    expect(blocks).toMatch(/Russia no longer demands[^"]*_\(disputed: flagged by 1\)_/u);
    // The quote was the one new statement; its words stay as Russia's stance, which nobody flagged.
    expect(blocks).toContain('No new statement.');
    expect(blocks).toContain(`${facts.length - 1} facts first reported since 2026-03-24`);
  });

  it('posts nothing when flags hide everything new', async () => {
    const facts = await digestFacts();
    for (const { fact } of facts) {
      if (fact)
        await ctx.flags.flagFact(fact, { userId: REVIEWER, reason: 'other', at: '2026-03-30T11:00:00Z' }, policy);
    }
    ctx.slack.apiCalls.length = 0;
    expect(await digest('2026-03-31T07:00:00Z')).toEqual({ posted: false });
    expect(ctx.slack.apiCalls).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDigestHandler } from '../../lambda/handlers/digest.js';
import { type SlackStandIn, startSlackStandIn } from '../slack/interaction-requests.js';
import { type TestStore, withEmbeddedStore } from '../store/backends.js';
import { ingestRounds, ROUNDS } from '../timeline/rounds.js';

/*
 * The scheduled digest: the real store (embedded DynamoDB) with the three dated rounds, and a local server
 * playing Slack's Web API, which records every chat.postMessage.
 */

const ENV = { DIGEST_CHANNEL: 'C0123DIGEST', DIGEST_PERIOD_DAYS: '7', SLACK_SECRET_ARN: 'arn:unused' };

describe('the digest handler', () => {
  let backend: TestStore;
  let slack: SlackStandIn;

  beforeAll(async () => {
    backend = await withEmbeddedStore();
    await ingestRounds(backend.store, ROUNDS);
    slack = await startSlackStandIn();
  });
  afterAll(async () => {
    await slack?.close();
    await backend?.close();
  });

  const digest = (now: string, env: Record<string, string> = ENV) =>
    createDigestHandler({
      timeline: backend.store,
      botToken: 'xoxb-test',
      now: () => new Date(now),
      slackApiUrl: `${slack.url}/api/`,
      env,
    })();

  it('posts the since answer of the last period to the channel', async () => {
    slack.apiCalls.length = 0;
    expect(await digest('2026-03-31T07:00:00Z')).toEqual({ posted: true });
    expect(slack.apiCalls.map((c) => c.method)).toEqual(['chat.postMessage']);
    const args = slack.apiCalls[0]?.args ?? {};
    expect(args.channel).toBe('C0123DIGEST');
    expect(args.text).toBe('New since 2026-03-24');
    expect(args.blocks).toContain('Russia no longer demands');
    expect(args.blocks).not.toContain('Ukraine offered to settle');
  });

  it('posts nothing when nothing is new', async () => {
    slack.apiCalls.length = 0;
    expect(await digest('2026-04-10T07:00:00Z')).toEqual({ posted: false });
    expect(slack.apiCalls).toEqual([]);
  });

  it('fails with Slack’s reason when the post is refused', async () => {
    slack.apiError = 'not_in_channel';
    try {
      await expect(digest('2026-03-31T07:00:00Z')).rejects.toThrow(
        /chat\.postMessage to C0123DIGEST failed.*not_in_channel/u,
      );
    } finally {
      slack.apiError = null;
    }
  });

  it('refuses a configuration without a channel id', async () => {
    await expect(digest('2026-03-31T07:00:00Z', { ...ENV, DIGEST_CHANNEL: '#general' })).rejects.toThrow(/channel id/u);
  });
});

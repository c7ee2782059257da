import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackHandler } from '../../lambda/handlers/slack.js';
import { ingestPaths } from '../../lambda/ingest/ingest.js';
import { blockTexts, type SlackMessage, slackLimitViolations } from '../../lambda/slack/slack-limits.js';
import { lambdaContext, signedCommandEvent, TEST_SIGNING_SECRET } from '../slack/slack-requests.js';
import { type TestStore, withEmbeddedStore } from '../store/backends.js';

/*
 * What a user meets trying the commands help lists (QA, session 35): the seed corpus in embedded DynamoDB, asked
 * through signed Function URL events and the production handler. The seeds say nothing about the third configured
 * topic (the Zaporizhzhia plant), which is what a new deployment's corpus looks like for most topics.
 */

const SEED = new URL('../../data/articles/', import.meta.url).pathname;

describe('/talks as a user tries it, on the seed corpus', () => {
  let backend: TestStore;
  let handler: ReturnType<typeof createSlackHandler>;

  beforeAll(async () => {
    backend = await withEmbeddedStore();
    await ingestPaths([SEED], backend.store);
    handler = createSlackHandler({ views: backend.store, timeline: backend.store, signingSecret: TEST_SIGNING_SECRET });
  });
  afterAll(async () => {
    await backend?.close();
  });

  async function ask(text: string): Promise<{ title: string; text: string }> {
    const response = await handler(signedCommandEvent(text), lambdaContext);
    expect(response.statusCode).toBe(200);
    const message = JSON.parse(response.body) as SlackMessage;
    expect(slackLimitViolations(message)).toEqual([]);
    return { title: message.text, text: message.blocks.flatMap(blockTexts).join('\n') };
  }

  it.each(['zaporizhzhia-npp', 'topic zaporizhzhia-npp', 'topic Zaporizhzhia nuclear plant'])(
    'answers "/talks %s", a configured topic the articles never mention, as a topic with nothing found',
    async (command) => {
      // Help offers `/talks zaporizhzhia-npp`; it used to answer "Unknown command" with a "did you mean" of itself.
      expect((await ask('help')).text).toContain('`/talks zaporizhzhia-npp`');
      const { title, text } = await ask(command);
      expect(title).toBe('Zaporizhzhia nuclear plant');
      expect(text).toContain("No party's position on Zaporizhzhia nuclear plant was found in the articles.");
      expect(text).not.toContain('Did you mean');
    },
  );
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFlagStore } from '../../lambda/flags/flag-store.js';
import { createSlackHandler } from '../../lambda/handlers/slack.js';
import type { AwsEvent } from '../../lambda/slack/lambda-handler.js';
import { createResponseUrlPoster } from '../../lambda/slack/response-url.js';
import type { SlackMessage } from '../../lambda/slack/slack-limits.js';
import { createDynamoDocuments } from '../../lambda/store/dynamo-documents.js';
import {
  flagSubmissionPayload,
  interactionBody,
  type SlackStandIn,
  selectActionPayload,
  selectOptions,
  startSlackStandIn,
} from '../slack/interaction-requests.js';
import { lambdaContext, signedEvent, slashCommandBody, TEST_SIGNING_SECRET } from '../slack/slack-requests.js';
import { type TestStore, withEmbeddedStore } from '../store/backends.js';
import { ingestRounds, ROUNDS } from '../timeline/rounds.js';

/*
 * The guarantors' timeline shows flags as every other answer does, end to end: Slack-signed slash commands,
 * block actions and modal submissions through the Slack Lambda handler (Bolt's AwsLambdaReceiver), on the
 * embedded DynamoDB with the three dated rounds; Slack's side (views.open, response URLs) on a local stand-in.
 */

const REVIEWER = 'UREVIEWER';

describe('flags on the guarantors timeline, through Slack', () => {
  let backend: TestStore;
  let slack: SlackStandIn;
  let call: (event: AwsEvent) => Promise<{ statusCode: number; body: string }>;

  beforeAll(async () => {
    [backend, slack] = await Promise.all([withEmbeddedStore(), startSlackStandIn()]);
    await ingestRounds(backend.store, ROUNDS);
    const handler = createSlackHandler({
      views: backend.store,
      timeline: backend.store,
      flags: {
        reader: createFlagStore(createDynamoDocuments({ client: backend.client, tableName: backend.tableName })),
        policy: { reviewers: [REVIEWER], threshold: 3 },
      },
      postReply: createResponseUrlPoster({ isAllowed: (url) => url.origin === slack.url }),
      slackApiUrl: `${slack.url}/api/`,
      signingSecret: TEST_SIGNING_SECRET,
      botToken: 'xoxb-test',
    });
    call = (event) => handler(event, lambdaContext) as Promise<{ statusCode: number; body: string }>;
  });
  afterAll(async () => {
    await Promise.all([slack?.close(), backend?.close()]);
  });

  async function command(text: string): Promise<SlackMessage> {
    const response = await call(signedEvent(slashCommandBody(text, '/talks', { responseUrl: slack.responseUrl })));
    expect(response.statusCode).toBe(200);
    return JSON.parse(response.body) as SlackMessage;
  }

  /** Chooses the option in a message's flag menu, then submits the modal Slack was asked to open. */
  async function flagFrom(message: SlackMessage, value: string, userId: string): Promise<void> {
    expect(selectOptions(message, 'talks_flag_fact').map((o) => o.value)).toContain(value);
    const action = await call(
      signedEvent(
        interactionBody(selectActionPayload('talks_flag_fact', value, { userId, responseUrl: slack.responseUrl })),
      ),
    );
    expect(action.statusCode).toBe(200);
    const opened = slack.apiCalls.at(-1);
    expect(opened?.method).toBe('views.open');
    const { private_metadata } = JSON.parse(opened?.args.view ?? '{}') as { private_metadata: string };
    const submission = await call(
      signedEvent(interactionBody(flagSubmissionPayload(private_metadata, { userId, reason: 'not-a-guarantor' }))),
    );
    expect(submission.statusCode).toBe(200);
  }

  const text = (message: SlackMessage) => JSON.stringify(message.blocks);

  it('offers every guarantor line of the timeline to flag', async () => {
    const values = selectOptions(await command('timeline guarantors'), 'talks_flag_fact').map((o) => o.value);
    expect(values.sort()).toEqual(['g|Canada|Ukraine', 'g|France|Ukraine', 'g|Turkey|Ukraine']);
  });

  it('marks a guarantor flagged from the timeline as disputed there and in every answer that shows it', async () => {
    // Act: one person flags Canada from the timeline.
    await flagFrom(await command('timeline guarantors'), 'g|Canada|Ukraine', 'UANNA');

    // Assess: the same mark, worded by one function, wherever Canada is shown.
    for (const asked of ['timeline guarantors', 'guarantors', 'since 2026-03-01']) {
      expect(text(await command(asked)), asked).toMatch(/Canada \[\d\][^"]*_\(disputed: flagged by 1\)_/u);
    }
    expect(text(await command('timeline guarantors'))).not.toMatch(/France[^"]*disputed/u);
  });

  it('hides a guarantor a reviewer flags from the timeline, and no longer names it among the changes', async () => {
    expect(text(await command('timeline guarantors'))).toContain('Canada added to the list');

    await flagFrom(await command('timeline guarantors'), 'g|Canada|Ukraine', REVIEWER);

    const after = await command('timeline guarantors');
    expect(text(after)).not.toContain('Canada');
    expect(text(after)).toContain('No change: no party moved');
    expect(selectOptions(after, 'talks_flag_fact').map((o) => o.value)).not.toContain('g|Canada|Ukraine');
    expect(text(await command('guarantors'))).not.toContain('Canada');
  });
});

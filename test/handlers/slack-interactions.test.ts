import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSlackHandler } from '../../lambda/handlers/slack.js';
import { ingestInputs } from '../../lambda/ingest/ingest.js';
import type { LinkRequest } from '../../lambda/links/link-request.js';
import type { AwsEvent } from '../../lambda/slack/lambda-handler.js';
import { createResponseUrlPoster } from '../../lambda/slack/response-url.js';
import type { SlackMessage } from '../../lambda/slack/slack-limits.js';
import { createDynamoFlagStore } from '../../lambda/store/dynamo-flag-store.js';
import { startEmbeddedDynamo } from '../../lambda/store/embedded-dynamodb.js';
import {
  flagSubmissionPayload,
  interactionBody,
  messageShortcutPayload,
  type SlackStandIn,
  selectActionPayload,
  selectOptions,
  startSlackStandIn,
} from '../slack/interaction-requests.js';
import {
  FORM,
  functionUrlEvent,
  lambdaContext,
  signatureHeaders,
  slashCommandBody,
  TEST_SIGNING_SECRET,
} from '../slack/slack-requests.js';
import { openStoreOn, type RunningServer, type TestStore } from '../store/backends.js';
import { countRequests } from '../store/request-counter.js';

/*
 * The Lambda handler with interactivity: Slack-signed block actions, view submissions and message shortcuts
 * as Function URL events, on the embedded DynamoDB; Slack's side (response URLs, views.open) on a local stand-in.
 */

const REVIEWER = 'UREVIEWER';
const ARTICLE = {
  name: 'lakeside.html',
  bytes: readFileSync(new URL('../fixtures/links/article.html', import.meta.url)),
};

let dynamo: RunningServer;
let slack: SlackStandIn;
let store: TestStore;
let submitted: LinkRequest[];
/** Set by a test to make the worker's queue refuse the job (Lambda unavailable). */
let refuseJobs: boolean;
let call: (event: AwsEvent) => Promise<{ statusCode: number; body: string }>;
let requests: ReturnType<typeof countRequests>;

beforeAll(async () => {
  [dynamo, slack] = await Promise.all([startEmbeddedDynamo(), startSlackStandIn()]);
});
afterAll(async () => {
  await Promise.all([dynamo.close(), slack.close()]);
});
beforeEach(async () => {
  store = await openStoreOn(dynamo);
  await ingestInputs([ARTICLE], store.store);
  submitted = [];
  refuseJobs = false;
  requests = countRequests(store.client);
  const handler = createSlackHandler({
    views: store.store,
    flags: {
      reader: createDynamoFlagStore({ client: store.client, tableName: store.tableName }),
      policy: { reviewers: [REVIEWER], threshold: 3 },
    },
    linkJobs: {
      submit: async (request) => {
        if (refuseJobs) throw new Error('Rate exceeded');
        submitted.push(request);
      },
    },
    postReply: createResponseUrlPoster({ isAllowed: (url) => url.origin === slack.url }),
    slackApiUrl: `${slack.url}/api/`,
    signingSecret: TEST_SIGNING_SECRET,
    botToken: 'xoxb-test',
  });
  call = (event) => handler(event, lambdaContext) as Promise<{ statusCode: number; body: string }>;
  return () => store.close();
});

function signed(body: string): AwsEvent {
  return functionUrlEvent(body, { ...FORM, ...signatureHeaders(body) });
}

async function command(text: string): Promise<SlackMessage> {
  const response = await call(signed(slashCommandBody(text, '/talks', { responseUrl: slack.responseUrl })));
  expect(response.statusCode).toBe(200);
  return JSON.parse(response.body) as SlackMessage;
}

describe('Slack Lambda handler: add and flag', () => {
  it('hands /talks add to the link worker and acknowledges at once', async () => {
    const ack = await command('add <https://news.example/a> https://news.example/b');
    expect(ack).toMatchObject({
      response_type: 'ephemeral',
      text: "Reading 2 links… I'll reply here when they are in.",
    });
    expect(submitted).toEqual([
      { links: ['https://news.example/a', 'https://news.example/b'], responseUrl: slack.responseUrl, userId: 'U0TEST' },
    ]);
  });

  it('says so when the worker cannot take the job, instead of promising a reply', async () => {
    refuseJobs = true;
    const ack = await command('add https://news.example/a');
    expect(ack.text).toBe(
      'Sorry, the links could not be handed over for reading. Nothing was read: please send them again.',
    );
  });

  it('answers /talks add with no link or too many with its usage, handing nothing over', async () => {
    expect((await command('add')).text).toBe('Add articles by their links');
    const six = Array.from({ length: 6 }, (_, i) => `https://news.example/${i}`).join(' ');
    expect(JSON.stringify((await command(`add ${six}`)).blocks)).toContain('At most 5 links at once');
    expect(submitted).toEqual([]);
  });

  it('hands every link of a message to the worker from the "Add to talks" shortcut', async () => {
    const text = 'two reads: <https://news.example/one> and <https://news.example/two|the second>';
    const response = await call(signed(interactionBody(messageShortcutPayload(text, slack.responseUrl))));
    expect(response.statusCode).toBe(200);
    expect(submitted[0]?.links).toEqual(['https://news.example/one', 'https://news.example/two']);
  });

  it('hides a fact a reviewer flags, from the next summary, within 3 DynamoDB requests per command', async () => {
    requests.reset();
    const summary = await command('summary');
    expect(requests.count).toBeLessThanOrEqual(3);
    const option = selectOptions(summary, 'talks_flag_fact').find((o) => o.text.includes('Norway'));
    expect(option).toBeDefined();

    await call(
      signed(
        interactionBody(
          selectActionPayload('talks_flag_fact', option?.value ?? '', {
            userId: REVIEWER,
            responseUrl: slack.responseUrl,
          }),
        ),
      ),
    );
    const view = JSON.parse(slack.apiCalls.at(-1)?.args.view ?? '{}') as { private_metadata: string };
    const submission = await call(
      signed(
        interactionBody(flagSubmissionPayload(view.private_metadata, { userId: REVIEWER, reason: 'not-a-guarantor' })),
      ),
    );
    expect(submission.statusCode).toBe(200);

    requests.reset();
    const after = await command('guarantors');
    expect(requests.count).toBeLessThanOrEqual(3);
    const values = selectOptions(after, 'talks_flag_fact').map((o) => o.value);
    expect(values).toContain('g|Portugal|Ukraine');
    expect(values).not.toContain(option?.value);
    for (const text of ['who Marta Hrytsenko', 'crimea']) {
      requests.reset();
      await command(text);
      expect(requests.count, text).toBeLessThanOrEqual(3);
    }
  });

  it('says the flag form could not be opened when Slack refuses the bot token', async () => {
    slack.apiError = 'invalid_auth';
    try {
      await call(
        signed(
          interactionBody(
            selectActionPayload('talks_flag_fact', 'g|Norway|Ukraine', { responseUrl: slack.responseUrl }),
          ),
        ),
      );
    } finally {
      slack.apiError = null;
    }
    expect((slack.replies.at(-1) as unknown as SlackMessage).text).toBe(
      'The flag form could not be opened: the app has no working bot token. Nothing was flagged.',
    );
  });

  it('acknowledges a flag action or submission that names no fact, and stores nothing', async () => {
    const action = await call(
      signed(interactionBody(selectActionPayload('talks_flag_fact', 'x|nothing', { responseUrl: slack.responseUrl }))),
    );
    expect(action.statusCode).toBe(200);
    const submission = await call(
      signed(interactionBody(flagSubmissionPayload('{"ref":{"kind":"planet"}}', { userId: 'U1', reason: 'other' }))),
    );
    expect(submission.statusCode).toBe(200);
    expect(JSON.stringify((await command('flags')).blocks)).toContain('No fact is flagged.');
  });

  it('refuses an unsigned interaction with 401', async () => {
    const body = interactionBody(
      selectActionPayload('talks_flag_fact', 'g|Norway|Ukraine', { responseUrl: slack.responseUrl }),
    );
    const response = await call(functionUrlEvent(body, { ...FORM, ...signatureHeaders(body, { secret: 'wrong' }) }));
    expect(response.statusCode).toBe(401);
  });
});

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFlagStore } from '../../lambda/flags/flag-store.js';
import { createSlackHandler } from '../../lambda/handlers/slack.js';
import { ingestInputs } from '../../lambda/ingest/ingest.js';
import type { LinkRequest } from '../../lambda/links/link-request.js';
import type { AwsEvent } from '../../lambda/slack/lambda-handler.js';
import { createResponseUrlPoster } from '../../lambda/slack/response-url.js';
import type { SlackMessage } from '../../lambda/slack/slack-limits.js';
import { createDynamoDocuments } from '../../lambda/store/dynamo-documents.js';
import { type DynamoUsageMeter, meterDynamoUsage } from '../../lambda/store/dynamo-usage.js';
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
  signedEvent,
  slashCommandBody,
  TEST_SIGNING_SECRET,
} from '../slack/slack-requests.js';
import { openStoreOn, type RunningServer, type TestStore } from '../store/backends.js';

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
let requests: DynamoUsageMeter;

beforeAll(async () => {
  [dynamo, slack] = await Promise.all([startEmbeddedDynamo(), startSlackStandIn()]);
});
afterAll(async () => {
  await Promise.all([dynamo.close(), slack.close()]);
});
/** The Slack handler on this test's table, calling the Web API at `slackApiUrl`. */
function slackHandler(slackApiUrl: string) {
  const handler = createSlackHandler({
    views: store.store,
    flags: {
      reader: createFlagStore(createDynamoDocuments({ client: store.client, tableName: store.tableName })),
      policy: { reviewers: [REVIEWER], threshold: 3 },
    },
    linkJobs: {
      submit: async (request) => {
        if (refuseJobs) throw new Error('Rate exceeded');
        submitted.push(request);
      },
    },
    postReply: createResponseUrlPoster({ isAllowed: (url) => url.origin === slack.url }),
    slackApiUrl,
    signingSecret: TEST_SIGNING_SECRET,
    botToken: 'xoxb-test',
  });
  return (event: AwsEvent) => handler(event, lambdaContext) as Promise<{ statusCode: number; body: string }>;
}

beforeEach(async () => {
  store = await openStoreOn(dynamo);
  await ingestInputs([ARTICLE], store.store);
  submitted = [];
  refuseJobs = false;
  slack.apiTrouble = null;
  slack.replyStatus = null;
  requests = meterDynamoUsage(store.client);
  call = slackHandler(`${slack.url}/api/`);
  return () => store.close();
});

async function command(text: string): Promise<SlackMessage> {
  const response = await call(signedEvent(slashCommandBody(text, '/talks', { responseUrl: slack.responseUrl })));
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

  it("hands over 5 long tracking links in Slack's <url|url> form instead of answering that the command is too long", async () => {
    const links = Array.from(
      { length: 5 },
      (_, i) =>
        `https://news.example/2026/11/02/harbour-round-${i}?${'utm_source=newsletter&utm_medium=email&'.repeat(40)}id=${i}`,
    );
    const ack = await command(`add ${links.map((link) => `<${link}|${link}>`).join(' ')}`);
    expect(ack.text).toBe("Reading 5 links… I'll reply here when they are in.");
    expect(submitted[0]?.links).toEqual(links);
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

  it('refuses /talks add of words that are no link at once, handing nothing over', async () => {
    // It said "Reading 1 link… I'll reply here when it is in." and only the worker's reply refused it.
    const ack = await command('add notalink ftp://news.example/a');
    expect(ack.text).toBe(
      'Nothing to read: "notalink" is not a link (expected http:// or https://…); only http and https links can be ' +
        'read, not ftp. Give the links as /talks add https://… [https://…]',
    );
    expect(ack.text).not.toContain('Reading');
    expect(submitted).toEqual([]);
  });

  it('hands every link of a message to the worker from the "Add to talks" shortcut', async () => {
    const text = 'two reads: <https://news.example/one> and <https://news.example/two|the second>';
    const response = await call(signedEvent(interactionBody(messageShortcutPayload(text, slack.responseUrl))));
    expect(response.statusCode).toBe(200);
    expect(submitted[0]?.links).toEqual(['https://news.example/one', 'https://news.example/two']);
  });

  it('hides a fact a reviewer flags, from the next summary, within 3 DynamoDB requests per command', async () => {
    // A table's first read of the flags looks for a flag book of an older version, for flagged facts to index,
    // and writes the index (4 requests more, once a table: lambda/flags/legacy-flag-book.ts); every command
    // after it reads the index alone.
    requests.reset();
    await command('guarantors');
    expect(requests.usage().requests).toBeLessThanOrEqual(6);
    requests.reset();
    const summary = await command('summary');
    expect(requests.usage().requests).toBeLessThanOrEqual(3);
    const option = selectOptions(summary, 'talks_flag_fact').find((o) => o.text.includes('Norway'));
    expect(option).toBeDefined();

    await call(
      signedEvent(
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
      signedEvent(
        interactionBody(flagSubmissionPayload(view.private_metadata, { userId: REVIEWER, reason: 'not-a-guarantor' })),
      ),
    );
    expect(submission.statusCode).toBe(200);

    requests.reset();
    const after = await command('guarantors');
    expect(requests.usage().requests).toBeLessThanOrEqual(3);
    const values = selectOptions(after, 'talks_flag_fact').map((o) => o.value);
    expect(values).toContain('g|Portugal|Ukraine');
    expect(values).not.toContain(option?.value);
    for (const text of ['who Marta Hrytsenko', 'crimea']) {
      requests.reset();
      await command(text);
      expect(requests.usage().requests, text).toBeLessThanOrEqual(3);
    }
  });

  it('says the flag form could not be opened when Slack refuses the bot token', async () => {
    slack.apiError = 'invalid_auth';
    try {
      await call(
        signedEvent(
          interactionBody(
            selectActionPayload('talks_flag_fact', 'g|Norway|Ukraine', { responseUrl: slack.responseUrl }),
          ),
        ),
      );
    } finally {
      slack.apiError = null;
    }
    expect((slack.replies.at(-1) as unknown as SlackMessage).text).toBe(
      'The app has no working bot token, so the flag form could not be opened. Nothing was changed: ask whoever runs the app to set SLACK_BOT_TOKEN.',
    );
  });

  /** Chooses "Flag" beside Norway: the HTTP response, and the reply posted to the response URL. */
  async function chooseFlag(): Promise<{ statusCode: number; reply: string | undefined }> {
    const replies = slack.replies.length;
    const response = await call(
      signedEvent(
        interactionBody(selectActionPayload('talks_flag_fact', 'g|Norway|Ukraine', { responseUrl: slack.responseUrl })),
      ),
    );
    const reply = slack.replies.slice(replies).at(-1) as unknown as SlackMessage | undefined;
    return { statusCode: response.statusCode, reply: reply?.text };
  }

  it('answers at once, with one call and no retry, when Slack answers views.open with 429 retry-after 5', async () => {
    slack.apiTrouble = 'rate-limited';
    const calls = slack.apiCalls.length;

    const { statusCode, reply } = await chooseFlag();

    expect(statusCode).toBe(200);
    expect(slack.apiCalls.length - calls).toBe(1);
    expect(reply).toBe(
      'Slack is rate limiting this app, so the flag form could not be opened. Nothing was changed: try again in a minute.',
    );
  });

  it('answers within its deadline when Slack takes the call and never answers it', async () => {
    slack.apiTrouble = 'silent';

    // Without a deadline the client would wait for ever (its default retries last 30 minutes): the test's timeout is the bound.
    const { statusCode, reply } = await chooseFlag();

    expect(statusCode).toBe(200);
    expect(reply).toBe(
      'Slack did not answer in time, so the flag form could not be opened. Nothing was changed: try again.',
    );
  }, 10_000);

  it("answers at once when Slack's Web API cannot be reached", async () => {
    const closed = await startSlackStandIn();
    const unreachable = `${closed.url}/api/`;
    await closed.close();
    call = slackHandler(unreachable);

    const { statusCode, reply } = await chooseFlag();

    expect(statusCode).toBe(200);
    expect(reply).toMatch(/^Slack did not answer in time, so the flag form could not be opened/);
  }, 10_000);

  /** Submits the flag modal for Norway with a note. */
  function submitFlag(userId: string, note?: string) {
    const metadata = JSON.stringify({ ref: { kind: 'guarantor', country: 'Norway', proposedBy: 'Ukraine' } });
    return call(
      signedEvent(
        interactionBody(
          flagSubmissionPayload(metadata, { userId, reason: 'not-a-guarantor', ...(note ? { note } : {}) }),
        ),
      ),
    );
  }

  it('answers a flag note over 500 characters in the modal, and stores nothing', async () => {
    const response = await submitFlag('U1', 'x'.repeat(501));

    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toEqual({
      response_action: 'errors',
      errors: { note: 'A note has at most 500 characters (this one has 501): shorten it.' },
    });
    expect(JSON.stringify((await command('flags')).blocks)).toContain('No fact is flagged.');
  });

  it('stores a review whose reply Slack refuses, and answers the request with 200', async () => {
    await submitFlag(REVIEWER);
    slack.replyStatus = 500;

    const response = await call(
      signedEvent(
        interactionBody(
          selectActionPayload('talks_review_fact', 'confirm|g|Norway|Ukraine', {
            userId: REVIEWER,
            responseUrl: slack.responseUrl,
          }),
        ),
      ),
    );

    expect(response.statusCode).toBe(200);
    expect(response.body).not.toMatch(/\n\s+at /);
    slack.replyStatus = null;
    expect(JSON.stringify((await command('flags')).blocks)).toContain(`confirmed by ${REVIEWER}`);
  });

  it('acknowledges a flag action or submission that names no fact, and stores nothing', async () => {
    const action = await call(
      signedEvent(
        interactionBody(selectActionPayload('talks_flag_fact', 'x|nothing', { responseUrl: slack.responseUrl })),
      ),
    );
    expect(action.statusCode).toBe(200);
    const submission = await call(
      signedEvent(
        interactionBody(flagSubmissionPayload('{"ref":{"kind":"planet"}}', { userId: 'U1', reason: 'other' })),
      ),
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

import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSlackHandler } from '../../lambda/handlers/slack.js';
import { SERVICES } from '../../lambda/observability/metric-names.js';
import { createTelemetry } from '../../lambda/observability/telemetry.js';
import type { AwsEvent } from '../../lambda/slack/lambda-handler.js';
import type { SlackMessage } from '../../lambda/slack/slack-limits.js';
import { fixtureViewReader, medinsky } from '../fixtures/views/talks-views.js';
import {
  FORM,
  functionUrlEvent,
  lambdaContext,
  nowSeconds,
  signatureHeaders,
  signedCommandEvent,
  slashCommandBody,
  TEST_SIGNING_SECRET,
} from '../slack/slack-requests.js';

function setUp() {
  const views = fixtureViewReader();
  const handler = createSlackHandler({ views, signingSecret: TEST_SIGNING_SECRET });
  return { views, handler, call: (event: AwsEvent) => handler(event, lambdaContext) };
}

function messageOf(response: { statusCode: number; body: string }): SlackMessage {
  expect(response.statusCode).toBe(200);
  return JSON.parse(response.body) as SlackMessage;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('createSlackHandler', () => {
  it.each([
    ['summary', 'Summary of 3 articles'],
    ['who medinsky', medinsky.name],
    ['who', 'Speakers'],
    ['guarantors', 'Proposed security guarantors'],
    ['topic crimea', 'Crimea'],
    ['donbas', 'Donbas'],
    ['sources', 'Sources: 3 articles'],
    ['help', 'How to use /talks'],
    ['', 'How to use /talks'],
    ['sumary', 'Unknown command "sumary"'],
    ['who Nobody Known', 'No one by that name: "Nobody Known"'],
  ])('answers "/talks %s" from a signed Function URL event', async (text, title) => {
    const { call } = setUp();
    const message = messageOf(await call(signedCommandEvent(text)));
    expect(message.text).toBe(title.replaceAll('"', '"'));
    expect(message.blocks[0]).toMatchObject({ type: 'header', text: { text: title } });
    expect(message.response_type).toBe('ephemeral');
  });

  it('reads a body that is not base64-encoded too', async () => {
    const { call } = setUp();
    expect(messageOf(await call(signedCommandEvent('summary public', { base64: false }))).response_type).toBe(
      'in_channel',
    );
  });

  it('answers an API Gateway REST (payload 1.0) event as well', async () => {
    const { call } = setUp();
    const body = slashCommandBody('who Arahamia');
    const event: AwsEvent = {
      body,
      headers: { 'Content-Type': FORM['content-type'], ...signatureHeaders(body) },
      isBase64Encoded: false,
      pathParameters: null,
      queryStringParameters: null,
      requestContext: {},
      stageVariables: null,
      httpMethod: 'POST',
      multiValueHeaders: {},
      multiValueQueryStringParameters: null,
      path: '/slack/events',
      resource: '/slack/events',
    };
    expect(messageOf(await call(event)).text).toBe('David Arakhamia');
  });

  describe('rejects requests Slack did not sign', () => {
    const body = slashCommandBody('summary');
    it.each([
      ['a wrong secret', functionUrlEvent(body, { ...FORM, ...signatureHeaders(body, { secret: 'not-the-secret' }) })],
      ['a tampered body', functionUrlEvent(slashCommandBody('sources'), { ...FORM, ...signatureHeaders(body) })],
      ['no signature headers', functionUrlEvent(body, FORM)],
      [
        'a timestamp older than 5 minutes',
        functionUrlEvent(body, { ...FORM, ...signatureHeaders(body, { timestamp: nowSeconds() - 6 * 60 }) }),
      ],
      [
        'a timestamp more than 5 minutes ahead',
        functionUrlEvent(body, { ...FORM, ...signatureHeaders(body, { timestamp: nowSeconds() + 6 * 60 }) }),
      ],
      [
        'a signature of another scheme version',
        functionUrlEvent(body, {
          ...FORM,
          ...signatureHeaders(body),
          'x-slack-signature': signatureHeaders(body)['x-slack-signature']?.replace('v0=', 'v1=') ?? '',
        }),
      ],
    ])('with %s: 401, empty body, no read', async (_, event) => {
      const { call, views } = setUp();
      const response = await call(event);
      expect(response).toMatchObject({ statusCode: 401, body: '' });
      expect(views.reads).toEqual([]);
    });
  });

  it("answers Slack's ssl_check without reading anything", async () => {
    const { call, views } = setUp();
    const body = 'ssl_check=1&token=deprecated-verification-token';
    const response = await call(functionUrlEvent(body, { ...FORM, ...signatureHeaders(body) }));
    expect(response).toMatchObject({ statusCode: 200, body: '' });
    expect(views.reads).toEqual([]);
  });

  it('answers a retried request (X-Slack-Retry-Num) with the same answer and only reads', async () => {
    const { call, views } = setUp();
    const first = messageOf(await call(signedCommandEvent('who medinsky')));
    const retry = signedCommandEvent('who medinsky');
    retry.headers['x-slack-retry-num'] = '1';
    retry.headers['x-slack-retry-reason'] = 'http_timeout';
    expect(messageOf(await call(retry))).toEqual(first);
    expect(views.reads).toEqual(['findPeople', 'getSpeaker', 'findPeople', 'getSpeaker']);
  });

  it('answers 400 to a body it cannot parse', async () => {
    const { call } = setUp();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const body = '{not json';
    const response = await call(functionUrlEvent(body, signatureHeaders(body)));
    expect(response.statusCode).toBe(400);
  });

  it.each([
    ['no headers', { body: '' }],
    ['null headers', { headers: null, body: '' }],
    ['headers that are no object', { headers: 'x', body: '' }],
    ['null', null],
  ])('answers 400 to an event with %s, which is no HTTP request', async (_, event) => {
    const { call, views } = setUp();

    const response = await call(event as unknown as AwsEvent);

    expect(response.statusCode).toBe(400);
    expect(views.reads).toEqual([]);
  });

  it("answers a signed command with a 1 MB argument at once, as the user's mistake, reading only the summary", async () => {
    const { call, views } = setUp();

    const message = messageOf(await call(signedCommandEvent(`topic ${'x'.repeat(1_000_000)}`)));

    expect(message.text).toBe('Command too long');
    expect(JSON.stringify(message.blocks)).toContain('1,000,006 characters long');
    expect(views.reads).toEqual(['getSummary']);
  });

  it('apologises, ephemerally, when the store fails, and logs no secret', async () => {
    const logged: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((...args) => logged.push(args.map(String).join(' ')));
    const views = fixtureViewReader({
      getSummary: async () => {
        throw new Error('ProvisionedThroughputExceededException');
      },
    });
    const handler = createSlackHandler({ views, signingSecret: TEST_SIGNING_SECRET });
    const message = messageOf(await handler(signedCommandEvent('summary public'), lambdaContext));
    expect(message).toMatchObject({ response_type: 'ephemeral', text: expect.stringMatching(/could not be read/) });
    expect(logged.join('\n')).toContain('ProvisionedThroughputExceededException');
    expect(logged.join('\n')).not.toContain(TEST_SIGNING_SECRET);
  });

  it('reads the signing secret from SLACK_SIGNING_SECRET when none is given', async () => {
    const handler = createSlackHandler({
      views: fixtureViewReader(),
      env: { SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET },
    });
    expect((await handler(signedCommandEvent('help'), lambdaContext)).statusCode).toBe(200);
  });

  it('fails with a message naming the variable to set, then retries setup on the next request', async () => {
    const env: NodeJS.ProcessEnv = {};
    const handler = createSlackHandler({ views: fixtureViewReader(), env });
    await expect(handler(signedCommandEvent('help'), lambdaContext)).rejects.toThrow(/SLACK_SIGNING_SECRET/);
    env.SLACK_SIGNING_SECRET = TEST_SIGNING_SECRET;
    expect((await handler(signedCommandEvent('help'), lambdaContext)).statusCode).toBe(200);
  });

  it('writes one JSON log record a command, with the request id and cold start, and no secret or command text', async () => {
    // Prepare: the logger at the level the stack sets, on Lambda (where a first invocation is a cold start).
    vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'INFO');
    vi.stubEnv('AWS_LAMBDA_INITIALIZATION_TYPE', 'on-demand');
    const written: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const handler = createSlackHandler({
      views: fixtureViewReader(),
      signingSecret: TEST_SIGNING_SECRET,
      telemetry: createTelemetry(SERVICES.slack),
    });

    // Act
    await handler(signedCommandEvent('who medinsky'), lambdaContext);
    await handler(signedCommandEvent('summary'), lambdaContext);

    // Assess
    vi.unstubAllEnvs();
    const records = written.flatMap((chunk) => chunk.split('\n')).filter((line) => line.startsWith('{"level"'));
    expect(records.map((line) => JSON.parse(line))).toEqual([
      expect.objectContaining({
        level: 'INFO',
        message: 'Answered /talks',
        service: SERVICES.slack,
        function_request_id: lambdaContext.awsRequestId,
        cold_start: true,
        subcommand: 'who',
        failed: false,
      }),
      expect.objectContaining({ cold_start: false, subcommand: 'summary' }),
    ]);
    expect(records.join('\n')).not.toContain(TEST_SIGNING_SECRET);
    expect(records.join('\n')).not.toContain('medinsky');
  });

  it("takes the two arguments Lambda's Node 24 runtime requires", () => {
    expect(createSlackHandler({ views: fixtureViewReader(), signingSecret: 's' }).length).toBe(2);
  });
});

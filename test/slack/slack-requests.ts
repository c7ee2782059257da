import { createHmac } from 'node:crypto';
import type { AwsEvent } from '../../lambda/slack/lambda-handler.js';

/*
 * Requests as Slack sends them: a form-encoded slash command payload signed with the v0 scheme
 * (HMAC-SHA256 of `v0:{timestamp}:{body}` with the app's signing secret,
 * https://docs.slack.dev/authentication/verifying-requests-from-slack), for the HTTP server and as Lambda
 * events. Nothing is mocked: the receivers check these signatures for real.
 */

export const TEST_SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** The form body of a `/talks` slash command, with every field Slack sends. */
export function slashCommandBody(
  text: string,
  command = '/talks',
  { responseUrl = 'https://hooks.slack.com/commands/T0TEST/1/test', userId = 'U0TEST' } = {},
): string {
  return new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: 'T0TEST',
    team_domain: 'talks-test',
    channel_id: 'C0TEST',
    channel_name: 'negotiations',
    user_id: userId,
    user_name: 'tester',
    command,
    text,
    api_app_id: 'A0TEST',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: '1.test',
  }).toString();
}

/** Slack's signature headers for a body. */
export function signatureHeaders(
  body: string,
  { secret = TEST_SIGNING_SECRET, timestamp = nowSeconds() }: { secret?: string; timestamp?: number } = {},
): Record<string, string> {
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature };
}

export const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/** An API Gateway HTTP API / Lambda Function URL event (payload format 2.0). */
export function functionUrlEvent(
  body: string,
  headers: Record<string, string>,
  { base64 = true }: { base64?: boolean } = {},
): AwsEvent {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: '/slack/events',
    rawQueryString: '',
    headers: { 'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)', ...headers },
    requestContext: {
      http: { method: 'POST', path: '/slack/events', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1' },
      requestId: 'test-request',
      timeEpoch: Date.now(),
    },
    body: base64 ? Buffer.from(body).toString('base64') : body,
    isBase64Encoded: base64,
  };
}

/** A form body (a command, an interaction) signed and sent as a Function URL event. */
export function signedEvent(body: string): AwsEvent {
  return functionUrlEvent(body, { ...FORM, ...signatureHeaders(body) });
}

/** A signed `/talks` command as a Function URL event. */
export function signedCommandEvent(text: string, opts: { base64?: boolean; timestamp?: number } = {}): AwsEvent {
  const body = slashCommandBody(text);
  return functionUrlEvent(body, { ...FORM, ...signatureHeaders(body, opts) }, opts);
}

export const lambdaContext = { awsRequestId: 'test-request', getRemainingTimeInMillis: () => 3_000 };

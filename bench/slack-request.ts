import type { AwsEvent } from '../lambda/slack/lambda-handler.js';
import { FORM, functionUrlEvent, signatureHeaders, slashCommandBody } from '../test/slack/slack-requests.js';

/** Values that only have to be consistent: the bench plays both Slack and the user. */
export const benchSlack = {
  signingSecret: 'bench-signing-secret-not-a-real-one',
  botToken: 'xoxb-bench-not-a-real-token',
  botId: 'B0BENCH',
  botUserId: 'U0BENCHBOT',
};

/**
 * A `/talks` slash command as the Slack function's Function URL receives it, signed the way Slack signs
 * requests: the tests' own builder (test/slack/slack-requests.ts) with the bench's secret. Build events
 * before a timed loop: signing is Slack's work, not the handler's.
 */
export function signedCommandEvent(
  text: string,
  { signingSecret = benchSlack.signingSecret, timestamp }: { signingSecret?: string; timestamp?: number } = {},
): AwsEvent {
  const body = slashCommandBody(text);
  return functionUrlEvent(body, { ...FORM, ...signatureHeaders(body, { secret: signingSecret, timestamp }) });
}

/** The Lambda context fields a handler may read; the bench has no real invocation. */
export const benchLambdaContext = {
  callbackWaitsForEmptyEventLoop: true,
  functionName: 'talks-bench',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:talks-bench',
  memoryLimitInMB: '1024',
  awsRequestId: 'bench',
  logGroupName: '/aws/lambda/talks-bench',
  logStreamName: 'bench',
  getRemainingTimeInMillis: () => 3_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
};

import { createHmac } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/** Values that only have to be consistent: the bench plays both Slack and the user. */
export const benchSlack = {
  signingSecret: 'bench-signing-secret-not-a-real-one',
  botToken: 'xoxb-bench-not-a-real-token',
  botId: 'B0BENCH',
  botUserId: 'U0BENCHBOT',
};

/**
 * A `/talks` slash command as a Lambda Function URL hands it to the Slack function (the stack's
 * endpoint; payload format 2.0, as API Gateway HTTP APIs use): a form body, base64-encoded, signed the way Slack signs requests (v0 HMAC-SHA256 of `v0:{timestamp}:{body}`).
 * Build events before a timed loop: signing is Slack's work, not the handler's.
 */
export function signedCommandEvent(
  text: string,
  opts: { signingSecret?: string; timestamp?: number; sequence?: number } = {},
): APIGatewayProxyEventV2 {
  const signingSecret = opts.signingSecret ?? benchSlack.signingSecret;
  const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const sequence = opts.sequence ?? 0;
  const body = new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: 'T0BENCH',
    team_domain: 'bench',
    channel_id: 'C0BENCH',
    channel_name: 'talks',
    user_id: 'U0BENCHUSER',
    user_name: 'bench',
    command: '/talks',
    text,
    api_app_id: 'A0BENCH',
    is_enterprise_install: 'false',
    response_url: `https://hooks.slack.com/commands/T0BENCH/${sequence}/bench`,
    trigger_id: `${sequence}.bench`,
  }).toString();
  const signature = `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: '/',
    rawQueryString: '',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature,
      'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
    },
    requestContext: {
      accountId: '000000000000',
      apiId: 'bench',
      domainName: 'bench.lambda-url.us-east-1.on.aws',
      domainPrefix: 'bench',
      http: {
        method: 'POST',
        path: '/',
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'Slackbot 1.0',
      },
      requestId: `bench-${sequence}`,
      routeKey: '$default',
      stage: '$default',
      time: new Date(timestamp * 1000).toISOString(),
      timeEpoch: timestamp * 1000,
    },
    body: Buffer.from(body).toString('base64'),
    isBase64Encoded: true,
  };
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

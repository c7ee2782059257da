import type { AwsEvent, AwsHandler, AwsResponse } from '@slack/bolt/dist/receivers/AwsLambdaReceiver.js';
import * as z from 'zod/mini';
import { AwsLambdaReceiver } from './bolt.js';
import { isNotFromTheFuture } from './request-freshness.js';
import { createTalksApp, type TalksAppOptions } from './talks-app.js';

export type { AwsEvent, AwsHandler, AwsResponse };

export interface SlackLambdaOptions extends Omit<TalksAppOptions, 'receiver'> {
  signingSecret: string;
}

const UNAUTHORIZED: AwsResponse = { statusCode: 401, body: '' };
const BAD_REQUEST: AwsResponse = { statusCode: 400, body: '' };

/** What the handler reads of an event before Bolt does: an event without headers is no HTTP request. */
const HttpEventSchema = z.looseObject({ headers: z.record(z.string(), z.optional(z.string())) });

function header(event: AwsEvent, name: string): string | undefined {
  const key = Object.keys(event.headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : event.headers[key];
}

/**
 * The Slack app behind an API Gateway HTTP API or a Lambda Function URL (payload v2, v1 too): Bolt's
 * AwsLambdaReceiver checks the signature and answers `ssl_check`, the `/talks` listener answers in the
 * response. Two arguments, as Lambda's Node 24 runtime requires. An event that is no HTTP request (no
 * headers) and a body Bolt cannot parse get 400 instead of an unhandled error.
 */
export function createSlackLambdaHandler({ signingSecret, ...app }: SlackLambdaOptions): AwsHandler {
  const receiver = new AwsLambdaReceiver({ signingSecret });
  createTalksApp({ ...app, receiver });
  const boltHandler = receiver.toHandler();
  return async (event, context) => {
    if (!HttpEventSchema.safeParse(event).success) return BAD_REQUEST;
    if (!isNotFromTheFuture(header(event, 'x-slack-request-timestamp'))) return UNAUTHORIZED;
    try {
      return await boltHandler(event, context);
    } catch {
      // Only parsing throws here (Bolt catches listener errors itself); the body is not logged.
      return BAD_REQUEST;
    }
  };
}

import type { Answer } from '../answers/answer.js';
import { errorMessage } from '../shared/error-message.js';
import { renderBlocks } from './render-blocks.js';
import type { SlackMessage } from './slack-limits.js';
import { REPLY_DEADLINE_MS } from './web-api-deadline.js';

/** Posts a follow-up message to a command's `response_url`. */
export type PostReply = (responseUrl: string, message: SlackMessage) => Promise<void>;

/** Thrown when Slack does not take a follow-up message. */
export class ReplyError extends Error {
  override name = 'ReplyError';
}

/** Slack's response URLs live here; a request naming another host is not Slack's, and gets no POST from us. */
const SLACK_RESPONSE_ORIGIN = 'https://hooks.slack.com';

export interface ResponseUrlOptions {
  /** @default the global fetch */
  fetch?: typeof globalThis.fetch;
  /**
   * Whether a response URL may be posted to. @default only https://hooks.slack.com/…; tests pass their own,
   * to receive the reply on a local server.
   */
  isAllowed?: (url: URL) => boolean;
}

const isSlackResponseUrl = (url: URL) => url.origin === SLACK_RESPONSE_ORIGIN;

/**
 * The poster of follow-up messages (https://docs.slack.dev/interactivity/handling-user-interaction#message_responses):
 * ephemeral unless the message says otherwise, never replacing the message that asked.
 */
export function createResponseUrlPoster({
  fetch = globalThis.fetch,
  isAllowed = isSlackResponseUrl,
}: ResponseUrlOptions = {}): PostReply {
  return async (responseUrl, message) => {
    const url = new URL(responseUrl);
    if (!isAllowed(url)) throw new ReplyError(`not a Slack response URL: ${url.origin}`);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ replace_original: false, ...message }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new ReplyError(`Slack refused the reply: ${response.status}`);
  };
}

/** Replies to one response URL with an answer as Block Kit: how a feature's later answer (links read) reaches Slack. */
export function answerReplier(postReply: PostReply, responseUrl: string): (answer: Answer) => Promise<void> {
  return (answer) => postReply(responseUrl, renderBlocks(answer));
}

/**
 * A follow-up to the response URL inside a request, bounded by its deadline: the HTTP response waits for it
 * (on Lambda), and Slack for the response no more than 3 seconds. A reply that fails is logged, in one line.
 */
export function replierFor(
  responseUrl: string | undefined,
  postReply: PostReply,
  log: (line: string) => void,
): (message: SlackMessage) => Promise<void> {
  return async (message) => {
    if (!responseUrl) return;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        postReply(responseUrl, message),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${REPLY_DEADLINE_MS} ms`)), REPLY_DEADLINE_MS);
        }),
      ]);
    } catch (error) {
      log(`talks: the reply to Slack's response URL failed (${errorMessage(error)}); what it said: "${message.text}"`);
    } finally {
      clearTimeout(timer);
    }
  };
}

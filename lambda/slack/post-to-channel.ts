import { WebClient } from '@slack/web-api';
import type { Answer } from '../answers/answer.js';
import { renderBlocks } from './render-blocks.js';

/*
 * Posting an answer into a channel as the bot (`chat.postMessage`, scope `chat:write`): what the digest
 * does. The same Block Kit as a `/talks` answer, cut to the same limits.
 */

export interface ChannelPost {
  /** The bot token (xoxb-…). */
  token: string;
  /** The channel's id (C…), which the bot must be a member of. */
  channel: string;
  /** @default https://slack.com/api/ (tests point it at a local stand-in) */
  slackApiUrl?: string;
}

/** Thrown when Slack refuses the message (`not_in_channel`, `invalid_auth`…): the error names Slack's reason. */
export class ChannelPostError extends Error {
  override name = 'ChannelPostError';
}

export async function postAnswerToChannel(answer: Answer, { token, channel, slackApiUrl }: ChannelPost): Promise<void> {
  const client = new WebClient(token, {
    ...(slackApiUrl ? { slackApiUrl } : {}),
    // One attempt: a scheduled digest that fails is reported and retried by the scheduler, not here for minutes.
    retryConfig: { retries: 0 },
  });
  const { blocks, text } = renderBlocks(answer);
  try {
    await client.chat.postMessage({ channel, text, blocks });
  } catch (error) {
    throw new ChannelPostError(`chat.postMessage to ${channel} failed: ${(error as Error).message}`, { cause: error });
  }
}

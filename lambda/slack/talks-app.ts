import type { Receiver } from '@slack/bolt';
import type { FlagStore } from '../flags/flag-store.js';
import type { LinkJobs } from '../links/link-request.js';
import { registerAddToTalksShortcut } from './add-links-listeners.js';
import { App } from './bolt.js';
import { registerFactFlags } from './fact-flags.js';
import { createResponseUrlPoster, type PostReply } from './response-url.js';
import { registerTalksCommand, type TalksCommandDeps } from './talks-command.js';
import { WEB_API_CLIENT_OPTIONS } from './web-api-deadline.js';

export interface TalksAppOptions extends Omit<TalksCommandDeps, 'flags' | 'links' | 'postReply'> {
  receiver: Receiver;
  /** Flags on facts: the store, and when they hide a fact. Without it, answers have no flag controls' effect. */
  flags?: TalksCommandDeps['flags'] & { reader: FlagStore };
  /** Where `add` and the "Add to talks" shortcut hand their links. */
  linkJobs?: LinkJobs;
  /** @default posts to Slack's response URLs (https://hooks.slack.com) */
  postReply?: PostReply;
  /** Slack's Web API, for `views.open`. @default https://slack.com/api/ (tests point it at a local stand-in) */
  slackApiUrl?: string;
  /**
   * The bot token, for listeners that call the Web API. `/talks` answers in its HTTP response and needs
   * none, so it is optional.
   */
  botToken?: string;
}

/**
 * A Bolt app with the `/talks` listener on the given receiver. Its Web API client never retries inside a
 * request and gives up before Slack's 3 seconds (web-api-deadline.ts). Authorization is answered from
 * configuration: given only a token, Bolt would call `auth.test` on the first request, a network round
 * trip inside Slack's 3-second budget on every cold start.
 */
export function createTalksApp({
  receiver,
  botToken,
  flags,
  linkJobs,
  postReply = createResponseUrlPoster(),
  slackApiUrl,
  ...deps
}: TalksAppOptions): App {
  const app = new App({
    receiver,
    authorize: async () => (botToken ? { botToken } : {}),
    // No listener keeps conversation state (`context.conversation`): without a store, Bolt does not look each
    // request's channel up in its in-memory one, a miss that rejects with an Error on every new conversation.
    convoStore: false,
    clientOptions: { ...WEB_API_CLIENT_OPTIONS, ...(slackApiUrl ? { slackApiUrl } : {}) },
  });
  const links = linkJobs ? { linkJobs, postReply } : undefined;
  registerTalksCommand(app, { ...deps, postReply, ...(flags ? { flags } : {}), ...(links ? { links } : {}) });
  if (flags)
    registerFactFlags(app, {
      flags: flags.reader,
      policy: flags.policy,
      postReply,
      ...(deps.describeFailure ? { describeFailure: deps.describeFailure } : {}),
    });
  if (links) registerAddToTalksShortcut(app, links);
  return app;
}

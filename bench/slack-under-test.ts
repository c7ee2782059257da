import type { FlagStore } from '../lambda/flags/flag-store.js';
import { createSlackHandler } from '../lambda/handlers/slack.js';
import type { TalksStore } from '../lambda/store/ports.js';
import { benchSlack } from './slack-request.js';

/** The Slack Lambda handler's shape: (Function URL event, context) → HTTP response. */
export type SlackLambdaHandler = (
  event: unknown,
  context: unknown,
) => Promise<{ statusCode: number; body?: string; headers?: Record<string, unknown> }>;

/**
 * The Slack Lambda handler from lambda/handlers/slack.ts's factory (Bolt's AwsLambdaReceiver with
 * signature checks, the /talks listener, answers read through the store, Block Kit rendering), given
 * the bench's store and credentials instead of the environment's and Secrets Manager's. The flags are
 * read as in production (one more request beside the views of every command that shows facts).
 * `now` is the clock of `since 7d`: the bench sets it to the day after the newest day with news.
 */
export function buildSlackHandler(store: TalksStore, flags: FlagStore, now?: () => Date): SlackLambdaHandler {
  return createSlackHandler({
    timeline: store,
    ...(now ? { now } : {}),
    signingSecret: benchSlack.signingSecret,
    botToken: benchSlack.botToken,
    views: store,
    flags: { reader: flags, policy: { reviewers: [], threshold: 3 } },
  }) as SlackLambdaHandler;
}

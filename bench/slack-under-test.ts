import type { TalksStore } from '../lambda/store/ports.js';
import { benchSlack } from './slack-request.js';

/** The Slack Lambda handler's shape: (Function URL event, context) → HTTP response. */
export type SlackLambdaHandler = (
  event: unknown,
  context: unknown,
) => Promise<{ statusCode: number; body?: string; headers?: Record<string, unknown> }>;

export type HandlerLoad = { handler: SlackLambdaHandler } | { skipped: string };

/**
 * Builds the Slack handler (lambda/handlers/slack.ts) the way production does, but on the bench's store
 * and credentials: its factory takes the dependencies that the Lambda would read from the environment
 * and Secrets Manager. Loaded at run time so the bench still runs (and says what is missing) while the
 * handler is not there.
 */
export async function loadSlackHandler(store: TalksStore): Promise<HandlerLoad> {
  const module = (await import('../lambda/handlers/slack.js')) as Record<string, unknown>;
  const factory = module.createSlackHandler;
  if (typeof factory !== 'function') {
    return { skipped: 'lambda/handlers/slack.ts has no createSlackHandler(deps) factory yet' };
  }
  const handler = (await factory({
    store,
    credentials: { signingSecret: benchSlack.signingSecret, botToken: benchSlack.botToken },
  })) as SlackLambdaHandler;
  return { handler };
}

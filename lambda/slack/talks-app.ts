import type { Receiver } from '@slack/bolt';
import { App } from './bolt.js';
import { registerTalksCommand, type TalksCommandDeps } from './talks-command.js';

export interface TalksAppOptions extends TalksCommandDeps {
  receiver: Receiver;
  /**
   * The bot token, for listeners that call the Web API. `/talks` answers in its HTTP response and needs
   * none, so it is optional.
   */
  botToken?: string;
}

/**
 * A Bolt app with the `/talks` listener on the given receiver. Authorization is answered from
 * configuration: given only a token, Bolt would call `auth.test` on the first request, a network round
 * trip inside Slack's 3-second budget on every cold start.
 */
export function createTalksApp({ receiver, botToken, ...deps }: TalksAppOptions): App {
  const app = new App({
    receiver,
    authorize: async () => (botToken ? { botToken } : {}),
  });
  registerTalksCommand(app, deps);
  return app;
}

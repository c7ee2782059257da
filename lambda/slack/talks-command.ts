import * as z from 'zod/mini';
import { answerCommand } from '../answers/answer-command.js';
import { type Command, parseCommand } from '../answers/command.js';
import type { ViewReader } from '../store/ports.js';
import type { App } from './bolt.js';
import { renderBlocks } from './render-blocks.js';
import type { SlackMessage } from './slack-limits.js';

/** The fields of a slash command payload the answer depends on (Bolt has parsed the form body). */
const SlashCommandSchema = z.object({
  command: z.string(),
  text: z.string(),
});

export interface TalksCommandDeps {
  views: ViewReader;
  /** @default '/talks' (a workspace may install the app under another name, e.g. `/talks-staging`) */
  commandName?: string;
  /** Told of every answered command, for metrics and logs. @default - nobody */
  onAnswered?: (answered: AnsweredCommand) => void;
}

/** One answered command: its kind, how long parse, read and render took, and whether it failed. */
export interface AnsweredCommand {
  kind: Command['kind'];
  ms: number;
  failed: boolean;
}

const UNAVAILABLE_TEXT = 'Sorry, the facts could not be read just now. Please try again in a moment.';
const UNAVAILABLE: SlackMessage = {
  response_type: 'ephemeral',
  text: UNAVAILABLE_TEXT,
  blocks: [{ type: 'section', text: { type: 'plain_text', text: UNAVAILABLE_TEXT } }],
};

/**
 * Registers the `/talks` listener: parse → read views → render, acknowledged with the answer itself, so
 * the HTTP response carries it (no Web API call, no token needed). Every path acks: a failure answers
 * with an apology instead of letting Slack show "dispatch_failed".
 */
export function registerTalksCommand(app: App, deps: TalksCommandDeps): void {
  app.command(deps.commandName ?? '/talks', async ({ command, ack, logger }) => {
    const payload = SlashCommandSchema.safeParse(command);
    const text = payload.success ? payload.data.text : '';
    const start = performance.now();
    const parsed = parseCommand(text);
    let message: SlackMessage;
    try {
      message = renderBlocks(await answerCommand(parsed, deps.views));
    } catch (error) {
      // The command text is the user's own words and the views hold no secrets; the error names the failure.
      logger.error(`talks: answering "${text}" failed`, error);
      message = UNAVAILABLE;
    }
    deps.onAnswered?.({
      kind: parsed.command.kind,
      ms: performance.now() - start,
      failed: message === UNAVAILABLE,
    });
    await ack(message);
  });
}

import type { Logger } from '@slack/bolt';
import * as z from 'zod/mini';
import { type Command, parseCommand } from '../answers/command.js';
import { MAX_LINKS } from '../answers/link-text.js';
import { type FlagsContext, flagFeatures } from '../flags/flag-features.js';
import type { TimelineReader, ViewReader } from '../store/ports.js';
import { answerTalksCommand } from '../timeline/answer-talks-command.js';
import { type AddLinksListenerDeps, submitLinks } from './add-links-listeners.js';
import type { App } from './bolt.js';
import { PAGE_ACTIONS } from './page-actions.js';
import { ephemeralText } from './plain-message.js';
import { renderBlocks } from './render-blocks.js';
import { type PostReply, replierFor } from './response-url.js';
import type { SlackMessage } from './slack-limits.js';

/** The fields of a slash command payload the answer depends on (Bolt has parsed the form body). */
const SlashCommandSchema = z.object({
  command: z.string(),
  text: z.string(),
  response_url: z.optional(z.string()),
  user_id: z.optional(z.string()),
});

export interface TalksCommandDeps {
  views: ViewReader;
  /** What `timeline` and `since` read. Without it, they answer that they are not available here. */
  timeline?: TimelineReader;
  /** The clock of `since 7d`. @default the system clock */
  now?: () => Date;
  /** @default '/talks' (a workspace may install the app under another name, e.g. `/talks-staging`) */
  commandName?: string;
  /** Flags hide and mark facts in answers, and `flags` lists them. Without them, answers show every fact. */
  flags?: FlagsContext;
  /** Where `add` hands its links. Without it, `add` answers that links cannot be read here. */
  links?: AddLinksListenerDeps;
  /**
   * What a failure is and how to recover from it, for the failures the deployment knows (locally: damaged
   * data, `lambda/cli/store-problems.ts`): the person is told, and the log says, instead of "try again".
   * @default none known
   */
  describeFailure?: (error: unknown) => { problem: string; recovery: string | null } | null;
  /** Told of every answered command, for metrics and logs. @default - nobody */
  onAnswered?: (answered: AnsweredCommand) => void;
  /** Where a page button's answer goes (the response URL of the message clicked). Without it, the buttons do nothing. */
  postReply?: PostReply;
}

/** The fields of a page button's click the answer depends on (Bolt has checked the signature and parsed the JSON). */
const PageActionSchema = z.object({
  response_url: z.optional(z.string()),
  actions: z.tuple([z.object({ value: z.string() })], z.unknown()),
});

/** One answered command: its kind, how long parse, read and render took, and whether it failed. */
export interface AnsweredCommand {
  kind: Command['kind'];
  ms: number;
  failed: boolean;
}

const UNAVAILABLE = ephemeralText('Sorry, the facts could not be read just now. Please try again in a moment.');
const LINKS_NOT_TAKEN = ephemeralText(
  'Sorry, the links could not be handed over for reading. Nothing was read: please send them again.',
);

/**
 * Registers the `/talks` listener: parse → read views → render, acknowledged with the answer itself, so
 * the HTTP response carries it (no Web API call, no token needed). Every path acks: a failure answers
 * with an apology instead of letting Slack show "dispatch_failed".
 */
export function registerTalksCommand(app: App, deps: TalksCommandDeps): void {
  const features = deps.flags && flagFeatures(deps.flags);
  /** What to say of a failure, logged: its recovery when known (damaged local data), else an apology. */
  const failureMessage = (error: unknown, text: string, add: boolean, log: Logger): SlackMessage => {
    // The command text is the user's own words and the views hold no secrets; the error names the failure.
    const known = deps.describeFailure?.(error);
    if (known) {
      const told = known.recovery ? `${known.problem}. ${known.recovery}` : known.problem;
      log.error(`talks: answering "${text}" failed: ${told}`);
      return ephemeralText(`The facts could not be read: ${told}`);
    }
    log.error(`talks: answering "${text}" failed`, error);
    return add ? LINKS_NOT_TAKEN : UNAVAILABLE;
  };

  /**
   * One command answered: timed from `start` (before its parse), a failure answered with what it was
   * (`failureMessage`; an `add` failed with links to hand over), and told `onAnswered`; the same for a typed command
   * and a page button's.
   */
  const answered = async (
    text: string,
    start: number,
    kind: Command['kind'],
    log: Logger,
    answer: () => Promise<SlackMessage>,
  ): Promise<SlackMessage> => {
    let message: SlackMessage;
    let failed = false;
    try {
      message = await answer();
    } catch (error) {
      failed = true;
      message = failureMessage(error, text, kind === 'add', log);
    }
    deps.onAnswered?.({ kind, ms: performance.now() - start, failed });
    return message;
  };

  app.command(deps.commandName ?? '/talks', async ({ command, ack, logger }) => {
    const payload = SlashCommandSchema.safeParse(command);
    const text = payload.success ? payload.data.text : '';
    const start = performance.now();
    const parsed = parseCommand(text);
    const { response_url: responseUrl, user_id: userId = '' } = payload.success ? payload.data : {};
    const links = parsed.command.kind === 'add' ? parsed.command.links : [];
    const message = await answered(text, start, parsed.command.kind, logger, async () =>
      deps.links && responseUrl && links.length > 0 && links.length <= MAX_LINKS
        ? await submitLinks(links, { responseUrl, userId }, deps.links)
        : renderBlocks(await answerTalksCommand(parsed, { ...deps, features })),
    );
    await ack(message);
  });

  // A page button: the page's command answered as if typed, posted to whoever clicked (never to the channel).
  app.action(PAGE_ACTIONS, async ({ ack, body, logger }) => {
    await ack();
    const payload = PageActionSchema.safeParse(body);
    if (!payload.success || !deps.postReply) {
      logger.warn('talks: a page button that names no page was ignored');
      return;
    }
    const text = payload.data.actions[0].value;
    const start = performance.now();
    const parsed = { ...parseCommand(text), visibility: 'ephemeral' as const };
    const message = await answered(text, start, parsed.command.kind, logger, async () =>
      renderBlocks(await answerTalksCommand(parsed, { ...deps, features })),
    );
    await replierFor(payload.data.response_url, deps.postReply, (line) => logger.error(line))(message);
  });
}

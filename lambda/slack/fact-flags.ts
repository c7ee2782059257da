import * as z from 'zod/mini';
import { decodeFactRef, type FactRef, factKey } from '../facts/fact-ref.js';
import {
  FlagIndexFullError,
  type FlagPolicy,
  FlagReasonSchema,
  FlagReviewError,
  MAX_NOTE_CHARS,
} from '../flags/flag-book.js';
import type { FlagStore } from '../flags/flag-store.js';
import { FLAGGED_FACTS_LISTED, flagsAnswer } from '../flags/flags-answer.js';
import { errorMessage } from '../shared/error-message.js';
import type { App } from './bolt.js';
import { FLAG_FACT_ACTION, REVIEW_FACT_ACTION } from './fact-controls.js';
import { FLAG_MODAL_CALLBACK, FlagModalMetadataSchema, flagModal, NOTE_BLOCK, REASON_BLOCK } from './flag-modal.js';
import { ephemeralText } from './plain-message.js';
import { renderBlocks } from './render-blocks.js';
import { type PostReply, replierFor } from './response-url.js';
import type { TalksCommandDeps } from './talks-command.js';
import { webApiFailureText } from './web-api-deadline.js';

export interface FactFlagsDeps {
  flags: FlagStore;
  policy: FlagPolicy;
  postReply: PostReply;
  /** @default the system clock */
  now?: () => Date;
  /** What a store failure is and how to recover from it, when the deployment knows (TalksCommandDeps). */
  describeFailure?: TalksCommandDeps['describeFailure'];
}

/** The fields of a block action the flag controls read (Bolt has checked the signature and parsed the JSON). */
const SelectActionSchema = z.object({
  user: z.object({ id: z.string() }),
  trigger_id: z.string(),
  response_url: z.optional(z.string()),
  actions: z.tuple([z.object({ selected_option: z.object({ value: z.string() }) })], z.unknown()),
});

const SubmissionSchema = z.object({
  user: z.object({ id: z.string() }),
  view: z.object({
    private_metadata: z.string(),
    state: z.object({
      values: z.object({
        [REASON_BLOCK]: z.object({
          [REASON_BLOCK]: z.object({ selected_option: z.object({ value: FlagReasonSchema }) }),
        }),
        [NOTE_BLOCK]: z.optional(z.object({ [NOTE_BLOCK]: z.object({ value: z.optional(z.nullable(z.string())) }) })),
      }),
    }),
  }),
});

function metadataRef(raw: string): FactRef | null {
  try {
    const parsed = FlagModalMetadataSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data.ref : null;
  } catch {
    return null;
  }
}

/**
 * The flag interactions: choosing "Flag" beside a fact opens the flag modal, submitting it stores the flag,
 * and "Confirm" or "Restore" in `/talks flags` records a review and replies with the updated list. Every
 * payload is parsed; one that does not fit is acknowledged and ignored (logged). Every failure is answered
 * in the modal or the reply with what to do, never with an error status: the request is acknowledged at once
 * and each call to Slack that follows has a deadline.
 */
export function registerFactFlags(app: App, deps: FactFlagsDeps): void {
  const now = deps.now ?? (() => new Date());
  /** What to say of a failure: its recovery when known (damaged local data), else what to do about a passing one. */
  const failureText = (error: unknown, passing: string) => {
    const known = deps.describeFailure?.(error);
    return known ? [known.problem, known.recovery].filter(Boolean).join('. ') : passing;
  };

  app.action(FLAG_FACT_ACTION, async ({ ack, body, client, logger }) => {
    await ack();
    const payload = SelectActionSchema.safeParse(body);
    const ref = payload.success ? decodeFactRef(payload.data.actions[0].selected_option.value) : null;
    if (!payload.success || !ref) {
      logger.warn('talks: a flag action that names no fact was ignored');
      return;
    }
    const reply = replierFor(payload.data.response_url, deps.postReply, (line) => logger.error(line));
    let fact: Awaited<ReturnType<FlagStore['describeFact']>>;
    try {
      fact = await deps.flags.describeFact(ref);
    } catch (error) {
      logger.error(`talks: the fact to flag could not be read (${errorMessage(error)})`);
      await reply(
        ephemeralText(
          failureText(error, 'The fact could not be read from the store, so nothing was flagged: try again.'),
        ),
      );
      return;
    }
    if (!fact) {
      await reply(ephemeralText('That fact is no longer stored: nothing to flag.'));
      return;
    }
    try {
      await client.views.open({ trigger_id: payload.data.trigger_id, view: flagModal(ref, fact) });
    } catch (error) {
      logger.error(`talks: the flag form could not be opened (${errorMessage(error)})`);
      await reply(ephemeralText(webApiFailureText(error, 'the flag form could not be opened')));
    }
  });

  app.view(FLAG_MODAL_CALLBACK, async ({ ack, body, logger }) => {
    const payload = SubmissionSchema.safeParse(body);
    const ref = payload.success ? metadataRef(payload.data.view.private_metadata) : null;
    if (!payload.success || !ref) {
      logger.warn('talks: a flag submission that names no fact was ignored');
      await ack();
      return;
    }
    const values = payload.data.view.state.values;
    const note = values[NOTE_BLOCK]?.[NOTE_BLOCK].value?.trim();
    if (note && note.length > MAX_NOTE_CHARS) {
      await ack({
        response_action: 'errors',
        errors: {
          [NOTE_BLOCK]: `A note has at most ${MAX_NOTE_CHARS} characters (this one has ${note.length}): shorten it.`,
        },
      });
      return;
    }
    const flag = {
      userId: payload.data.user.id,
      reason: values[REASON_BLOCK][REASON_BLOCK].selected_option.value,
      ...(note ? { note } : {}),
      at: now().toISOString(),
    };
    let problem: string | null = null;
    try {
      if (!(await deps.flags.flagFact(ref, flag, deps.policy))) problem = 'This fact is no longer stored.';
    } catch (error) {
      logger.error(`talks: a flag could not be stored (${errorMessage(error)})`);
      problem =
        error instanceof FlagIndexFullError
          ? error.message
          : failureText(error, 'The flag could not be stored just now: submit again.');
    }
    await ack(problem ? { response_action: 'errors', errors: { [REASON_BLOCK]: problem } } : undefined);
  });

  app.action(REVIEW_FACT_ACTION, async ({ ack, body, logger }) => {
    await ack();
    const payload = SelectActionSchema.safeParse(body);
    const [decision, ...encoded] = payload.success ? payload.data.actions[0].selected_option.value.split('|') : [];
    const ref = decodeFactRef(encoded.join('|'));
    if (!payload.success || !ref || (decision !== 'confirm' && decision !== 'restore')) {
      logger.warn('talks: a review action that names no fact was ignored');
      return;
    }
    const reply = replierFor(payload.data.response_url, deps.postReply, (line) => logger.error(line));
    const review = {
      decision: decision === 'confirm' ? ('confirmed' as const) : ('restored' as const),
      userId: payload.data.user.id,
      at: now().toISOString(),
    };
    try {
      await deps.flags.reviewFact(factKey(ref), review, deps.policy);
    } catch (error) {
      if (!(error instanceof FlagReviewError))
        logger.error(`talks: a review could not be stored (${errorMessage(error)})`);
      await reply(
        ephemeralText(
          error instanceof FlagReviewError
            ? error.message
            : failureText(error, 'The review could not be stored just now: choose it again.'),
        ),
      );
      return;
    }
    const done = decision === 'confirm' ? 'Confirmed: the fact stays hidden.' : 'Restored: the fact is shown again.';
    try {
      const answer = flagsAnswer(await deps.flags.listFlaggedFacts(FLAGGED_FACTS_LISTED), deps.policy);
      await reply(renderBlocks({ ...answer, title: `${done} ${answer.title}` }));
    } catch (error) {
      logger.error(`talks: the flags could not be listed after a review (${errorMessage(error)})`);
      await reply(ephemeralText(`${done} /talks flags lists what is left.`));
    }
  });
}

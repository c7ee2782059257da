import * as z from 'zod/mini';
import { decodeFactRef, type FactRef, factKey } from '../facts/fact-ref.js';
import { addFlag, type FlagPolicy, FlagReviewError, reviewFact } from '../flags/flag-book.js';
import { flagsAnswer } from '../flags/flags-answer.js';
import { FlagReasonSchema } from '../store/flag-book-schema.js';
import type { FlagStore } from '../store/flag-store.js';
import type { App } from './bolt.js';
import { FLAG_FACT_ACTION, REVIEW_FACT_ACTION } from './fact-controls.js';
import { FLAG_MODAL_CALLBACK, FlagModalMetadataSchema, flagModal, NOTE_BLOCK, REASON_BLOCK } from './flag-modal.js';
import { ephemeralText } from './plain-message.js';
import { renderBlocks } from './render-blocks.js';
import type { PostReply } from './response-url.js';
import type { SlackMessage } from './slack-limits.js';

export interface FactFlagsDeps {
  flags: FlagStore;
  policy: FlagPolicy;
  postReply: PostReply;
  /** @default the system clock */
  now?: () => Date;
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
 * payload is parsed; one that does not fit is acknowledged and ignored (logged), never a crash.
 */
export function registerFactFlags(app: App, deps: FactFlagsDeps): void {
  const now = deps.now ?? (() => new Date());

  app.action(FLAG_FACT_ACTION, async ({ ack, body, client, logger }) => {
    await ack();
    const payload = SelectActionSchema.safeParse(body);
    const ref = payload.success ? decodeFactRef(payload.data.actions[0].selected_option.value) : null;
    if (!payload.success || !ref) {
      logger.warn('talks: a flag action that names no fact was ignored');
      return;
    }
    const fact = await deps.flags.describeFact(ref);
    if (!fact) {
      if (payload.data.response_url)
        await deps.postReply(
          payload.data.response_url,
          ephemeralText('That fact is no longer stored: nothing to flag.'),
        );
      return;
    }
    try {
      await client.views.open({ trigger_id: payload.data.trigger_id, view: flagModal(ref, fact) });
    } catch (error) {
      // Typically a missing or revoked bot token (locally: SLACK_BOT_TOKEN unset): say so rather than do nothing.
      logger.error('talks: the flag form could not be opened', error);
      if (payload.data.response_url)
        await deps.postReply(
          payload.data.response_url,
          ephemeralText('The flag form could not be opened: the app has no working bot token. Nothing was flagged.'),
        );
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
    const fact = await deps.flags.describeFact(ref);
    if (!fact) {
      await ack({ response_action: 'errors', errors: { [REASON_BLOCK]: 'This fact is no longer stored.' } });
      return;
    }
    const note = values[NOTE_BLOCK]?.[NOTE_BLOCK].value?.trim();
    const flag = {
      userId: payload.data.user.id,
      reason: values[REASON_BLOCK][REASON_BLOCK].selected_option.value,
      ...(note ? { note } : {}),
      at: now().toISOString(),
    };
    await deps.flags.updateFlagBook((book) => addFlag(book, ref, fact, flag));
    await ack();
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
    const reply = (message: SlackMessage) =>
      payload.data.response_url ? deps.postReply(payload.data.response_url, message) : Promise.resolve();
    const review = {
      decision: decision === 'confirm' ? ('confirmed' as const) : ('restored' as const),
      userId: payload.data.user.id,
      at: now().toISOString(),
    };
    try {
      const book = await deps.flags.updateFlagBook((b) => reviewFact(b, factKey(ref), review, deps.policy));
      const answer = flagsAnswer(book, deps.policy);
      const done = decision === 'confirm' ? 'Confirmed: the fact stays hidden.' : 'Restored: the fact is shown again.';
      await reply(renderBlocks({ ...answer, title: `${done} ${answer.title}` }));
    } catch (error) {
      if (!(error instanceof FlagReviewError)) throw error;
      await reply(ephemeralText(error.message));
    }
  });
}

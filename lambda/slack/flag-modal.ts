import type { types } from '@slack/bolt';
import * as z from 'zod/mini';
import { type FactRef, FactRefSchema } from '../facts/fact-ref.js';
import { type FactSnapshot, FLAG_REASONS, MAX_NOTE_CHARS } from '../flags/flag-book.js';
import { escapeMrkdwn, truncate } from './mrkdwn.js';

/* The modal that flags a fact: what is wrong, and an optional note. */

export const FLAG_MODAL_CALLBACK = 'talks_flag_submit';
export const REASON_BLOCK = 'reason';
export const NOTE_BLOCK = 'note';

/** What the modal carries from the click to the submission (`private_metadata`, at most 3,000 characters). */
export const FlagModalMetadataSchema = z.object({ ref: FactRefSchema });

/** Modal titles may have 24 characters; texts shown from the fact are cut well within a section's 3,000. */
const FACT_CHARS = 600;

/** The flag modal for a fact, showing the fact and its first evidence sentence so the flagger sees what they flag. */
export function flagModal(ref: FactRef, fact: FactSnapshot): types.ModalView {
  const words = fact.quoted ? `“${fact.text}”` : fact.text;
  const lead = fact.lead ? `*${escapeMrkdwn(fact.lead)}*: ` : '';
  const evidence = fact.citations[0]?.evidence;
  return {
    type: 'modal',
    callback_id: FLAG_MODAL_CALLBACK,
    private_metadata: JSON.stringify({ ref }),
    title: { type: 'plain_text', text: 'Flag a fact' },
    submit: { type: 'plain_text', text: 'Flag' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'section',
        text: { type: 'mrkdwn', text: `${lead}${escapeMrkdwn(truncate(words, FACT_CHARS))}`, verbatim: true },
      },
      ...(evidence
        ? [
            {
              type: 'context' as const,
              elements: [
                { type: 'mrkdwn' as const, text: `↳ ${escapeMrkdwn(truncate(evidence, FACT_CHARS))}`, verbatim: true },
              ],
            },
          ]
        : []),
      {
        type: 'input',
        block_id: REASON_BLOCK,
        label: { type: 'plain_text', text: 'What is wrong?' },
        element: {
          type: 'static_select',
          action_id: REASON_BLOCK,
          options: Object.entries(FLAG_REASONS).map(([value, text]) => ({ text: { type: 'plain_text', text }, value })),
        },
      },
      {
        type: 'input',
        block_id: NOTE_BLOCK,
        optional: true,
        label: { type: 'plain_text', text: 'Note (optional)' },
        element: { type: 'plain_text_input', action_id: NOTE_BLOCK, multiline: true, max_length: MAX_NOTE_CHARS },
      },
    ],
  };
}

import type { types } from '@slack/bolt';
import type { FactLine } from '../answers/answer.js';
import { encodeFactRef } from '../facts/fact-ref.js';
import { truncate } from './mrkdwn.js';

/*
 * The control beside each fact: a select on the section that shows it, one option per fact of the section
 * (a select is an accessory, so it costs no block of the 50 a message may have). Choosing "Flag" opens the
 * flag modal; in `/talks flags`, choosing "Confirm" or "Restore" records the review.
 */

export const FLAG_FACT_ACTION = 'talks_flag_fact';
export const REVIEW_FACT_ACTION = 'talks_review_fact';

/** Slack's limits on a select (https://docs.slack.dev/reference/block-kit/block-elements/select-menu-element). */
const OPTION_TEXT_CHARS = 75;
const OPTION_VALUE_CHARS = 150;
const OPTIONS = 100;

export type FactControls = 'flag' | 'review';
export type ReviewDecision = 'confirm' | 'restore';

function option(text: string, value: string): types.PlainTextOption {
  return { text: { type: 'plain_text', text: truncate(text, OPTION_TEXT_CHARS), emoji: false }, value };
}

/** `confirm|s|<id>|<speaker>`: the decision and the fact, in one option value. */
export function reviewValue(decision: ReviewDecision, line: Pick<FactLine, 'fact'>): string | null {
  return line.fact ? `${decision}|${encodeFactRef(line.fact)}` : null;
}

function optionsFor(lines: readonly FactLine[], controls: FactControls): types.PlainTextOption[] {
  return lines.flatMap((line, index) => {
    if (!line.fact) return [];
    const number = lines.length > 1 ? ` ${index + 1}` : '';
    const label = line.quoted ? `“${line.text}”` : line.text;
    const values: [string, string | null][] =
      controls === 'flag'
        ? [[`Flag${number}: ${label}`, encodeFactRef(line.fact)]]
        : [
            [`Confirm${number}: keep hidden`, reviewValue('confirm', line)],
            [`Restore${number}: show again`, reviewValue('restore', line)],
          ];
    return values.flatMap(([text, value]) =>
      value !== null && value.length <= OPTION_VALUE_CHARS ? [option(text, value)] : [],
    );
  });
}

/** The select for a section's facts, or null when none of them can be named in an option. */
export function factControl(lines: readonly FactLine[], controls: FactControls): types.StaticSelect | null {
  const options = optionsFor(lines, controls).slice(0, OPTIONS);
  if (options.length === 0) return null;
  return {
    type: 'static_select',
    action_id: controls === 'flag' ? FLAG_FACT_ACTION : REVIEW_FACT_ACTION,
    placeholder: { type: 'plain_text', text: controls === 'flag' ? 'Flag as wrong…' : 'Review…', emoji: false },
    options,
  };
}

import type { SlackMessage } from './slack-limits.js';

/** A one-line message only its reader sees: an acknowledgement, a refusal, an apology. */
export function ephemeralText(text: string): SlackMessage {
  return { response_type: 'ephemeral', text, blocks: [{ type: 'section', text: { type: 'plain_text', text } }] };
}

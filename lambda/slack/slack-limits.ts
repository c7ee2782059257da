import type { types } from '@slack/bolt';

/*
 * Slack's limits on a message's blocks (https://docs.slack.dev/reference/block-kit/blocks), checked
 * before sending: a message over them is refused (`invalid_blocks`, `msg_blocks_too_long`) instead of
 * shown, so answers are cut to fit first.
 */
export const SLACK_LIMITS = {
  blocks: 50,
  sectionText: 3000,
  sectionFields: 10,
  headerText: 150,
  contextElements: 10,
  /**
   * Slack answers `msg_blocks_too_long` somewhere above ~13,000 characters of block text in total
   * (bolt-js#2509); staying well under leaves room for escaping and Slack's own counting.
   */
  messageChars: 11_000,
} as const;

export interface SlackMessage {
  response_type: 'ephemeral' | 'in_channel';
  /** Fallback for notifications and clients that cannot show blocks. */
  text: string;
  blocks: types.KnownBlock[];
}

/** Every text a block shows, for counting characters. */
export function blockTexts(block: types.KnownBlock): string[] {
  switch (block.type) {
    case 'header':
      return [block.text.text];
    case 'section':
      return [...(block.text ? [block.text.text] : []), ...(block.fields ?? []).map((f) => f.text)];
    case 'context':
      return block.elements.flatMap((e) => ('text' in e && typeof e.text === 'string' ? [e.text] : []));
    default:
      return [];
  }
}

/** What breaks Slack's limits in a message; empty when it fits. */
export function slackLimitViolations(message: SlackMessage): string[] {
  const violations: string[] = [];
  if (message.blocks.length > SLACK_LIMITS.blocks) violations.push(`${message.blocks.length} blocks`);
  let chars = message.text.length;
  message.blocks.forEach((block, i) => {
    const texts = blockTexts(block);
    chars += texts.reduce((sum, t) => sum + t.length, 0);
    if (texts.some((t) => t.length === 0)) violations.push(`block ${i}: empty text`);
    if (block.type === 'header' && block.text.text.length > SLACK_LIMITS.headerText) {
      violations.push(`block ${i}: header over ${SLACK_LIMITS.headerText} characters`);
    }
    if (block.type === 'section') {
      if ((block.text?.text.length ?? 0) > SLACK_LIMITS.sectionText) {
        violations.push(`block ${i}: section text over ${SLACK_LIMITS.sectionText} characters`);
      }
      if ((block.fields?.length ?? 0) > SLACK_LIMITS.sectionFields) violations.push(`block ${i}: too many fields`);
    }
    if (block.type === 'context') {
      if (block.elements.length > SLACK_LIMITS.contextElements) violations.push(`block ${i}: too many elements`);
      if (texts.some((t) => t.length > SLACK_LIMITS.sectionText)) violations.push(`block ${i}: context text too long`);
    }
  });
  if (chars > SLACK_LIMITS.messageChars) violations.push(`${chars} characters`);
  return violations;
}

/*
 * Slack's limits on a message, to check that answers stay within them at any corpus size.
 * Sources: https://docs.slack.dev/reference/block-kit/blocks (50 blocks a message; section text 3,000
 * characters, 10 fields of 2,000; header 150; context 10 elements), chat.postMessage (text truncated
 * after 40,000 characters). Slack also rejects messages whose blocks hold roughly 13,000 characters in
 * all with `msg_blocks_too_long`, below every documented limit (slackapi/bolt-js#2509): we flag 12,000.
 */
export const slackLimits = {
  blocks: 50,
  sectionText: 3_000,
  sectionFields: 10,
  fieldText: 2_000,
  headerText: 150,
  contextElements: 10,
  messageText: 40_000,
  blocksTextSoft: 12_000,
} as const;

interface TextObject {
  text?: string;
}
interface Block {
  type?: string;
  text?: TextObject;
  fields?: TextObject[];
  elements?: TextObject[];
}

export interface MessageCheck {
  blocks: number;
  /** Characters of text inside all blocks. */
  blocksText: number;
  /** Bytes of the whole JSON response body. */
  bodyBytes: number;
  violations: string[];
}

/** Checks a slash-command response body (`{ text, blocks }` JSON) against Slack's limits. */
export function checkSlackMessage(body: string): MessageCheck {
  const message = JSON.parse(body) as { text?: string; blocks?: Block[] };
  const blocks = message.blocks ?? [];
  const violations: string[] = [];
  let blocksText = 0;
  if (blocks.length > slackLimits.blocks) violations.push(`${blocks.length} blocks > ${slackLimits.blocks}`);
  if ((message.text?.length ?? 0) > slackLimits.messageText) {
    violations.push(`text of ${message.text?.length} characters > ${slackLimits.messageText}`);
  }
  blocks.forEach((block, i) => {
    const text = block.text?.text ?? '';
    blocksText += text.length;
    for (const item of [...(block.fields ?? []), ...(block.elements ?? [])]) blocksText += item.text?.length ?? 0;
    if (block.type === 'section' && text.length > slackLimits.sectionText) {
      violations.push(`block ${i}: section text of ${text.length} characters > ${slackLimits.sectionText}`);
    }
    if (block.type === 'header' && text.length > slackLimits.headerText) {
      violations.push(`block ${i}: header of ${text.length} characters > ${slackLimits.headerText}`);
    }
    if ((block.fields?.length ?? 0) > slackLimits.sectionFields) {
      violations.push(`block ${i}: ${block.fields?.length} fields > ${slackLimits.sectionFields}`);
    }
    for (const field of block.fields ?? []) {
      if ((field.text?.length ?? 0) > slackLimits.fieldText) {
        violations.push(`block ${i}: field of ${field.text?.length} characters > ${slackLimits.fieldText}`);
      }
    }
    if (block.type === 'context' && (block.elements?.length ?? 0) > slackLimits.contextElements) {
      violations.push(`block ${i}: ${block.elements?.length} context elements > ${slackLimits.contextElements}`);
    }
  });
  if (blocksText > slackLimits.blocksTextSoft) {
    violations.push(`${blocksText} characters in blocks > ~${slackLimits.blocksTextSoft} (msg_blocks_too_long)`);
  }
  return { blocks: blocks.length, blocksText, bodyBytes: Buffer.byteLength(body), violations };
}

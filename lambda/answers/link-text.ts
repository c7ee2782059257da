/*
 * Links as they reach the bot: typed after `/talks add`, or inside a message shared with the "Add to
 * talks" shortcut. Slack writes a link in message text as `<https://…>` or `<https://…|label>`; a slash
 * command may carry it bare or in the same angle brackets.
 */

/** At most this many links per request: each is a fetch and an ingest in the worker's one invocation. */
export const MAX_LINKS = 5;

const SLACK_LINK = /<([^<>|\s]+)(?:\|[^<>]*)?>/gu;
const BARE_LINK = /\bhttps?:\/\/[^\s<>|]+/giu;

/** The words after `add`, each one link to read (angle brackets from Slack removed). */
export function linksOfCommand(words: readonly string[]): string[] {
  return words.map((word) => word.replace(/^<([^|>]*)(?:\|[^>]*)?>$/u, '$1')).filter(Boolean);
}

/** Every http(s) link in a message's text, in order, each once. */
export function linksOfMessage(text: string): string[] {
  const found: string[] = [];
  for (const [, target = ''] of text.matchAll(SLACK_LINK)) if (/^https?:\/\//iu.test(target)) found.push(target);
  for (const [link] of text.replace(SLACK_LINK, ' ').matchAll(BARE_LINK)) found.push(link);
  return [...new Set(found)];
}

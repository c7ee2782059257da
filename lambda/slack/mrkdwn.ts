/*
 * Slack mrkdwn helpers. Article text goes through `escapeMrkdwn` before it meets markup, so that
 * `<!channel>`, `<@U123>` or `<https://x|click>` inside an article render as the characters they are
 * (https://docs.slack.dev/messaging/formatting-message-text#escaping), and `*bold*`, `_x_`, `~x~` or
 * `` `code` `` as written.
 */

/** Escapes the three characters Slack reads as control sequences; what text outside mrkdwn needs. */
export function escapeControlCharacters(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/**
 * Mrkdwn has no escape for its formatting marks. A zero-width space on each side of one means it neither
 * opens (Slack wants a word right after) nor closes (a word right before) a span, whether Slack counts the
 * zero-width space as a space or as a letter, and the text still shows as written. A mark inside a word
 * (`file_name.txt`) opens and closes nothing, and is left alone, so that such names copy as written.
 */
const FORMATTING_MARK = /(?<![\p{L}\p{N}])[*_~`]|[*_~`](?![\p{L}\p{N}])/gu;

/** Text as written inside mrkdwn: control sequences escaped, formatting marks neutralised. */
export function escapeMrkdwn(text: string): string {
  return escapeControlCharacters(text).replace(FORMATTING_MARK, '\u200b$&\u200b');
}

/**
 * Breaks plain-text broadcast words (`@channel`, `@here`, `@everyone`) with a zero-width space: Slack may
 * parse them in a message's fallback `text`, which has no `verbatim` switch.
 */
export function defuseBroadcasts(text: string): string {
  return text.replace(/@(channel|here|everyone)\b/giu, '@\u200b$1');
}

/** Shortens text to at most `max` characters, at a word boundary where one is near, marking the cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, Math.max(0, max - 1));
  const atWord = cut.replace(/\s+\S*$/u, '');
  return `${atWord.length >= max * 0.6 ? atWord : cut}…`;
}

/** A link, or null for a URL Slack should not link (not http or https). */
export function link(url: string | null, label: string): string | null {
  if (!url) return null;
  let href: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
    href = parsed.href;
  } catch {
    return null;
  }
  // `|` and `>` end the URL part of a Slack link; percent-encoding keeps the address the same.
  const safeHref = escapeControlCharacters(href.replaceAll('|', '%7C').replaceAll('>', '%3E').replaceAll('<', '%3C'));
  return `<${safeHref}|${escapeMrkdwn(label)}>`;
}

/** Inline code for a command: backticks inside would end the span early. */
export function code(text: string): string {
  // Nothing is formatted inside a code span, and a zero-width space would be copied with the command.
  return `\`${escapeControlCharacters(text.replaceAll('`', "'"))}\``;
}

export function bold(text: string): string {
  return `*${escapeMrkdwn(text)}*`;
}

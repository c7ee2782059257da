import * as z from 'zod/mini';
import { linksOfMessage, MAX_LINKS } from '../answers/link-text.js';
import { LinkRefusedError, parseLink } from '../links/fetch-page.js';
import { readingLinksText } from '../links/link-outcome.js';
import type { LinkJobs } from '../links/link-request.js';
import type { App } from './bolt.js';
import { ephemeralText } from './plain-message.js';
import type { PostReply } from './response-url.js';
import type { SlackMessage } from './slack-limits.js';

/** The message shortcut's callback id, as in slack/manifest.json. */
export const ADD_TO_TALKS_CALLBACK = 'talks_add_links';

export interface AddLinksListenerDeps {
  linkJobs: LinkJobs;
  postReply: PostReply;
}

/**
 * Why none of the links can be read, known before any is fetched (none is an http or https link), or null when one
 * may be: `/talks add notalink` said "Reading 1 link…" and only the worker's reply refused it.
 */
function refusedBeforeReading(links: readonly string[]): string | null {
  const reasons: string[] = [];
  for (const link of links) {
    try {
      parseLink(link);
      return null;
    } catch (error) {
      if (!(error instanceof LinkRefusedError)) throw error;
      reasons.push(error.message);
    }
  }
  return `Nothing to read: ${reasons.join('; ')}. Give the links as /talks add https://… [https://…]`;
}

/** Hands links to the worker and says so; the worker's reply follows on the same response URL. */
export async function submitLinks(
  links: string[],
  request: { responseUrl: string; userId: string },
  deps: AddLinksListenerDeps,
): Promise<SlackMessage> {
  const refused = refusedBeforeReading(links);
  if (refused) return ephemeralText(refused);
  await deps.linkJobs.submit({ links, ...request });
  return ephemeralText(readingLinksText(links.length));
}

const MessageShortcutSchema = z.object({
  user: z.object({ id: z.string() }),
  response_url: z.string(),
  message: z.object({ text: z.optional(z.string()) }),
});

/**
 * "Add to talks" on a message: every link in it (the first five), read by the worker like `/talks add`.
 * A shortcut's acknowledgement carries no message, so what it says goes to the response URL.
 */
export function registerAddToTalksShortcut(app: App, deps: AddLinksListenerDeps): void {
  app.shortcut(ADD_TO_TALKS_CALLBACK, async ({ ack, body, logger }) => {
    await ack();
    const payload = MessageShortcutSchema.safeParse(body);
    if (!payload.success) {
      logger.warn('talks: a message shortcut without a response URL was ignored');
      return;
    }
    const found = linksOfMessage(payload.data.message.text ?? '');
    const request = { responseUrl: payload.data.response_url, userId: payload.data.user.id };
    if (found.length === 0) {
      await deps.postReply(request.responseUrl, ephemeralText('That message has no link to add.'));
      return;
    }
    const reply = await submitLinks(found.slice(0, MAX_LINKS), request, deps);
    const skipped = found.length - MAX_LINKS;
    const text = skipped > 0 ? `${reply.text} (the first ${MAX_LINKS}; ${skipped} more left out)` : reply.text;
    await deps.postReply(request.responseUrl, ephemeralText(text));
  });
}

import * as z from 'zod/mini';
import { nearDuplicateDetector } from '../articles/fingerprint.js';
import { answerLinkRequest } from '../links/answer-link-request.js';
import { type LinkRequest, LinkRequestSchema } from '../links/link-request.js';
import { createResponseUrlPoster, type PostReply } from '../slack/response-url.js';
import { storeConfig } from '../store/config.js';
import { createDynamoClient } from '../store/dynamo-client.js';
import { createDynamoTalksStore } from '../store/dynamo-talks-store.js';
import { createS3PageArchive, type PageArchive } from '../store/page-archive.js';
import type { TalksStore } from '../store/ports.js';

/*
 * The link worker: invoked asynchronously by the Slack function with the links of one `/talks add` or
 * "Add to talks", it fetches each page (lambda/links/fetch-page.ts), keeps it in the article bucket under
 * LINKS_PREFIX, ingests it through the upload pipeline and replies on the request's response URL.
 */

const LinksEnvSchema = z.object({
  ARTICLE_BUCKET: z.string().check(z.minLength(1, 'ARTICLE_BUCKET must name the article bucket')),
  LINKS_PREFIX: z.string().check(z.regex(/^[^/].*\/$/, 'LINKS_PREFIX must be a key prefix ending in "/"')),
});

/** Thrown when the event is not a link request: nobody to reply to, so the invocation fails visibly. */
export class LinkEventError extends Error {
  override name = 'LinkEventError';
}

export interface LinksHandlerDeps {
  store: TalksStore;
  archive: PageArchive;
  postReply: PostReply;
  log: (level: 'info' | 'error', message: string, fields: Record<string, unknown>) => void;
}

/** The worker's handler over its dependencies (set up once per container, on the first event). */
export function createLinksHandler(deps: () => LinksHandlerDeps): (event: unknown) => Promise<void> {
  let ready: LinksHandlerDeps | undefined;
  return async (event) => {
    const parsed = LinkRequestSchema.safeParse(event);
    if (!parsed.success) throw new LinkEventError(`Not a link request:\n${z.prettifyError(parsed.error)}`);
    ready ??= deps();
    const request: LinkRequest = parsed.data;
    // Links and the user id only: the response URL is a credential to post into the user's conversation.
    ready.log('info', 'reading links', { links: request.links, userId: request.userId });
    await answerLinkRequest(request, ready);
  };
}

function productionDeps(): LinksHandlerDeps {
  const { tableName, endpoint, region } = storeConfig();
  const { ARTICLE_BUCKET, LINKS_PREFIX } = LinksEnvSchema.parse(process.env);
  return {
    store: createDynamoTalksStore({
      client: createDynamoClient({ endpoint, region }),
      tableName,
      nearDuplicates: nearDuplicateDetector,
    }),
    archive: createS3PageArchive({ bucket: ARTICLE_BUCKET, prefix: LINKS_PREFIX }),
    postReply: createResponseUrlPoster(),
    log: (level, message, fields) => console[level](JSON.stringify({ message, ...fields })),
  };
}

/** The Lambda entry point. */
export const handler = createLinksHandler(productionDeps);

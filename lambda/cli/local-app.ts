import { join } from 'node:path';
import type { FlagPolicy } from '../flags/flag-book.js';
import { flagFeatures } from '../flags/flag-features.js';
import { answerLinkRequest } from '../links/answer-link-request.js';
import { type FetchPageOptions, fetchPage } from '../links/fetch-page.js';
import { createInProcessLinkJobs, type InProcessLinkJobs } from '../links/in-process-link-jobs.js';
import { answerReplier, createResponseUrlPoster, type PostReply } from '../slack/response-url.js';
import type { TalksAppOptions } from '../slack/talks-app.js';
import { createLocalPageArchive } from './local-page-archive.js';
import type { LocalStore } from './local-store.js';
import { localStoreProblem } from './store-problems.js';

export interface LocalAppOptions {
  policy: FlagPolicy;
  /** Options of the link fetcher: only tests pass any (their allow-list reaches a page served on 127.0.0.1). */
  fetchOptions?: FetchPageOptions;
  /** @default posts to Slack's response URLs */
  postReply?: PostReply;
}

/** The folder under the local data folder that stands in for the article bucket's `links/` prefix. */
export function localLinksFolder(local: Pick<LocalStore, 'home'>): string {
  return join(local.home, 'links');
}

/**
 * What `npm start` runs the Slack app on: the local store's views, timelines and flags, link jobs run in this
 * process (the worker Lambda's stand-in), archiving pages under the data folder, and the CLI's words for a damaged store.
 */
export function localTalksApp(
  local: LocalStore,
  { policy, fetchOptions = {}, postReply = createResponseUrlPoster() }: LocalAppOptions,
): Pick<TalksAppOptions, 'views' | 'timeline' | 'flags' | 'linkJobs' | 'postReply' | 'describeFailure'> & {
  linkJobs: InProcessLinkJobs;
} {
  const archive = createLocalPageArchive(localLinksFolder(local));
  const flags = { reader: local.flags, policy };
  const linkJobs = createInProcessLinkJobs(
    async (request) => {
      await answerLinkRequest(request.links, {
        store: local.store,
        archive,
        fetch: (link) => fetchPage(link, fetchOptions),
        reply: answerReplier(postReply, request.responseUrl),
        readFactFilter: flagFeatures(flags).readFactFilter,
      });
    },
    (message, error) => process.stderr.write(`${message}: ${(error as Error).message}\n`),
  );
  return {
    views: local.store,
    timeline: local.store,
    flags,
    linkJobs,
    postReply,
    describeFailure: localStoreProblem,
  };
}

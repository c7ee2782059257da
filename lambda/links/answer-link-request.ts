import type { Answer } from '../answers/answer.js';
import { renderBlocks } from '../slack/render-blocks.js';
import type { PostReply } from '../slack/response-url.js';
import { type AddLinksDeps, addLinks } from './add-links.js';
import { linksAnswer } from './link-outcome.js';
import type { LinkRequest } from './link-request.js';

const FAILED: Answer = {
  title: 'The links could not be added just now',
  parts: [
    {
      kind: 'text',
      spans: ['The article store did not answer. Nothing was lost: send the same links again in a moment.'],
    },
  ],
  sources: {},
  visibility: 'ephemeral',
};

/**
 * The link worker's job: read every link, then reply through the request's response URL with what became
 * of each. A store failure is replied to as well, then thrown, so the invocation counts as failed.
 */
export async function answerLinkRequest(
  request: LinkRequest,
  deps: AddLinksDeps & { postReply: PostReply },
): Promise<void> {
  let answer: Answer;
  try {
    answer = linksAnswer(await addLinks(request.links, deps));
  } catch (error) {
    await deps.postReply(request.responseUrl, renderBlocks(FAILED));
    throw error;
  }
  await deps.postReply(request.responseUrl, renderBlocks(answer));
}

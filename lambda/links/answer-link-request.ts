import type { Answer } from '../answers/answer.js';
import { type AddLinksDeps, addLinks } from './add-links.js';
import { type LinkOutcome, linksAnswer } from './link-outcome.js';

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
 * The link worker's job: read every link, then hand the answer saying what became of each to `reply` (the
 * delivery layer renders and posts it), and return the outcomes. A store failure is answered as well, then
 * thrown, so the invocation counts as failed.
 */
export async function answerLinkRequest(
  links: readonly string[],
  deps: AddLinksDeps & { reply: (answer: Answer) => Promise<void> },
): Promise<LinkOutcome[]> {
  let outcomes: LinkOutcome[];
  try {
    outcomes = await addLinks(links, deps);
  } catch (error) {
    await deps.reply(FAILED);
    throw error;
  }
  await deps.reply(linksAnswer(outcomes));
  return outcomes;
}

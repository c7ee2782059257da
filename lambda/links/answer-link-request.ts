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

export interface LinkRequestDeps extends AddLinksDeps {
  /** Where the answer goes: the delivery layer renders and posts it. */
  reply: (answer: Answer) => Promise<void>;
  /**
   * How flags amend an answer (lambda/flags/flag-features.ts's `readFactFilter`, the hook every answer that
   * shows facts goes through): the reply's guarantors are hidden or marked as elsewhere. @default no flags
   */
  readFactFilter?: () => Promise<(answer: Answer) => Answer>;
}

/**
 * The link worker's job: read every link, then hand the answer saying what became of each to `reply`, with
 * the flags applied, and return the outcomes. A store failure is answered as well, then thrown, so the
 * invocation counts as failed.
 */
export async function answerLinkRequest(links: readonly string[], deps: LinkRequestDeps): Promise<LinkOutcome[]> {
  let outcomes: LinkOutcome[];
  let amend: (answer: Answer) => Answer;
  try {
    // The flags first: an index that cannot be read fails the job before anything is stored, so "nothing was
    // lost" stays true. A flag made while the pages are read shows from the next answer on.
    amend = deps.readFactFilter ? await deps.readFactFilter() : (answer) => answer;
    outcomes = await addLinks(links, deps);
  } catch (error) {
    await deps.reply(FAILED);
    throw error;
  }
  await deps.reply(amend(linksAnswer(outcomes)));
  return outcomes;
}

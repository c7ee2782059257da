import { type Answer, textPart } from './answer.js';
import type { Visibility } from './command.js';

/** What every command answers before any article has been ingested. */
export function emptyCorpusAnswer(visibility: Visibility): Answer {
  return {
    title: 'No articles yet',
    parts: [textPart('No articles have been ingested yet, so there is nothing to answer from.')],
    sources: {},
    visibility,
  };
}

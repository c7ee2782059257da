import type { SourcesView } from '../facts/views.js';
import type { Answer } from './answer.js';
import type { Visibility } from './command.js';

/** Sources read for `/talks sources`: the newest ones, as many as a message lists legibly. */
export const SOURCES_SHOWN = 40;

/** `/talks sources`: the articles the answers come from, newest first. */
export function sourcesAnswer(view: SourcesView, visibility: Visibility): Answer {
  return {
    title: `Sources: ${view.total} article${view.total === 1 ? '' : 's'}`,
    parts: [{ kind: 'sources', heading: 'Articles', sources: view.sources, total: view.total }],
    sources: {},
    visibility,
  };
}

import type { SourcesView } from '../facts/views.js';
import { type Answer, textPart } from './answer.js';
import type { Visibility } from './command.js';
import { PAGE_SIZES, pagedAnswer, pagedListParts } from './paging.js';
import { plural } from './plural.js';

/** Sources a page of `/talks sources` lists: as many as a message lists legibly with their links. */

/**
 * `/talks sources [page N]`: the articles the answers come from, newest first, a page at a time. `view` holds the
 * newest ones (the sources item keeps 200) and counts all: past them, the last page says how many are not listed.
 */
export function sourcesAnswer(view: SourcesView, visibility: Visibility, page = 1): Answer {
  const unlisted = view.total - view.sources.length;
  const { parts, paging } = pagedListParts(
    view.sources,
    page,
    PAGE_SIZES.sources,
    'sources',
    (sources, rest) => ({ kind: 'sources', heading: 'Articles', sources, ...rest }),
    unlisted > 0
      ? textPart(
          `${plural(unlisted, 'older article')} ${unlisted === 1 ? 'is' : 'are'} stored but not listed: the list keeps the ${view.sources.length} newest.`,
        )
      : null,
  );
  return pagedAnswer({ title: `Sources: ${plural(view.total, 'article')}`, parts, sources: {}, visibility }, paging);
}

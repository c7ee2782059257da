import type { SourcesView } from '../facts/views.js';
import type { Answer, AnswerPart } from './answer.js';
import type { Visibility } from './command.js';
import { PAGE_SIZES, pageCommand, pagedAnswer, pageOfList, pastLastPage } from './paging.js';
import { plural } from './plural.js';

/** Sources a page of `/talks sources` lists: as many as a message lists legibly with their links. */

/**
 * `/talks sources [page N]`: the articles the answers come from, newest first, a page at a time. `view` holds the
 * newest ones (the sources item keeps 200) and counts all: past them, the last page says how many are not listed.
 */
export function sourcesAnswer(view: SourcesView, visibility: Visibility, page = 1): Answer {
  const { items, after, paging } = pageOfList(view.sources, page, PAGE_SIZES.sources, 'sources');
  const unlisted = view.total - view.sources.length;
  const parts: AnswerPart[] = items.length
    ? [
        {
          kind: 'sources',
          heading: 'Articles',
          sources: items,
          total: items.length + after,
          ...(after > 0 ? { moreCommand: pageCommand(paging, page + 1) } : {}),
        },
      ]
    : [pastLastPage(paging)];
  if (after === 0 && unlisted > 0) {
    parts.push({
      kind: 'text',
      spans: [
        `${plural(unlisted, 'older article')} ${unlisted === 1 ? 'is' : 'are'} stored but not listed: the list keeps the ${view.sources.length} newest.`,
      ],
    });
  }
  return pagedAnswer({ title: `Sources: ${plural(view.total, 'article')}`, parts, sources: {}, visibility }, paging);
}

import { type Answer, type AnswerPart, talksCommand, textPart } from './answer.js';

/*
 * Paged answers: `who`, `sources` and `since` list more than one message shows at a large corpus, so they are cut
 * into pages of a fixed size, read from the same precomputed item (or day items) as the first page. A page that
 * leaves items for the next says how many and names the command of the next page ("… and 10 more: `/talks who page
 * 2`"), as the summary names `/talks guarantors`; Slack adds buttons to the previous and the next page.
 */

/** How many items a page of each paged answer holds; the help text says the same numbers. */
export const PAGE_SIZES = {
  speakers: 50,
  sources: 20,
  /** `since` pages each kind of fact (statements, guarantors, positions) by this many, so every kind shows on page 1. */
  sinceFactsPerKind: 10,
} as const;

/**
 * Where a paged answer stands: `page`, 1-based, may be past `pages` when asked for (the answer then says which page is
 * the last); `command`: the command's words before `page N`, without `/talks` (`who`, `since 2026-03-10`).
 */
export type Paging = NonNullable<Answer['paging']>;

/** The words Slack's page buttons carry and answer (no `/talks`): `who page 2`. */
export function pageWords(paging: Pick<Paging, 'command'>, page: number): string {
  return `${paging.command} page ${page}`;
}

/** `/talks who page 2`. */
export function pageCommand(paging: Pick<Paging, 'command'>, page: number): string {
  return talksCommand(pageWords(paging, page));
}

/** One page of a list: its items, and how many come before and after it. */
export interface ListPage<T> {
  items: T[];
  before: number;
  after: number;
  paging: Paging;
}

export function pageOfList<T>(items: readonly T[], page: number, size: number, command: string): ListPage<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const start = Math.min((page - 1) * size, items.length);
  const shown = items.slice(start, start + size);
  return {
    items: shown,
    before: start,
    after: items.length - start - shown.length,
    paging: { page, pages, command },
  };
}

/** The title of a page: "Speakers (page 2 of 3)"; the title alone when there is one page. */
function pagedTitle(title: string, paging: Paging): string {
  return paging.pages > 1 || paging.page > 1 ? `${title} (page ${paging.page} of ${paging.pages})` : title;
}

/** Said in place of the items of a page past the last. */
export function pastLastPage(paging: Paging): AnswerPart {
  return textPart(
    `There ${paging.pages === 1 ? 'is 1 page' : `are ${paging.pages} pages`}; the last is `,
    { command: pageCommand(paging, paging.pages) },
    '.',
  );
}

/** An answer of one page: its title marked with the page, the paging kept for Slack's buttons. */
export function pagedAnswer(answer: Answer, paging: Paging): Answer {
  return {
    ...answer,
    title: pagedTitle(answer.title, paging),
    ...(paging.pages > 1 || paging.page > 1 ? { paging } : {}),
  };
}

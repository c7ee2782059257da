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

/** The items of one page of a list, and how many come after it. */
export function pageWindow<T>(items: readonly T[], page: number, size: number): { items: T[]; after: number } {
  const start = Math.min((page - 1) * size, items.length);
  const shown = items.slice(start, start + size);
  return { items: shown, after: items.length - start - shown.length };
}

/** What a page of a list says beside its items: how many it and the next pages hold, and the next page's command. */
export interface PageRest {
  total: number;
  moreCommand?: string;
}

/**
 * The parts of one page of a list read whole from one item (`who`, `sources`): the part that lists the page's items,
 * made by `listPart`, or, asked past the last page, which page is the last; then on the last page `unlisted`, what the
 * item's bounded list leaves out, when there is any.
 */
export function pagedListParts<T>(
  all: readonly T[],
  page: number,
  size: number,
  command: string,
  listPart: (items: T[], rest: PageRest) => AnswerPart,
  unlisted: AnswerPart | null,
): { parts: AnswerPart[]; paging: Paging } {
  const { items, after } = pageWindow(all, page, size);
  const paging: Paging = { page, pages: Math.max(1, Math.ceil(all.length / size)), command };
  const parts = items.length
    ? [
        listPart(items, {
          total: items.length + after,
          ...(after > 0 ? { moreCommand: pageCommand(paging, page + 1) } : {}),
        }),
      ]
    : [pastLastPage(paging)];
  if (after === 0 && unlisted) parts.push(unlisted);
  return { parts, paging };
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

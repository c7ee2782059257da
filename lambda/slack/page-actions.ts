/*
 * The buttons under a paged answer (`who`, `sources`, `since`): each carries the words of the command of its page
 * (`who page 2`), which the `/talks` listener's action answers as if typed, to the person who clicked.
 */

export const NEXT_PAGE_ACTION = 'talks_page_next';
export const PREVIOUS_PAGE_ACTION = 'talks_page_previous';
/** Both buttons' actions. */
export const PAGE_ACTIONS = /^talks_page_(?:next|previous)$/u;

import { titleWithoutFurniture } from '../metadata.js';
import { comparableText } from '../text-normal-form.js';
import { wordCount } from './word-count.js';

/** A heading's Markdown marks, which are not part of its text. */
export const MARKDOWN_HEADING = /^#{1,6}\s+/;

function comparableTitle(text: string): string {
  return comparableText(text.replace(MARKDOWN_HEADING, '')).replace(/[\s.:;,!?-]+$/, '');
}

/**
 * Whether a paragraph is the article's headline repeated at the top of the text, with or without the outlet's
 * name that either of them may carry after a bar or a dash ("Leader rejects the plan | Harbour Ledger").
 */
export function repeatsTitle(paragraph: string, title: string): boolean {
  if (comparableTitle(paragraph) === comparableTitle(title)) return true;
  const headline = titleWithoutFurniture(title, null);
  return comparableTitle(titleWithoutFurniture(paragraph, null)) === comparableTitle(headline);
}

/**
 * The headline a text opens with, when its first paragraph reads as one: a Markdown heading, or a
 * single line of 4-30 words that does not end like a sentence or a clause. Null otherwise (an agency
 * report that opens with its lead sentence has no headline, and then the title stays unknown).
 */
export function openingHeadline(paragraph: string, followedByText: boolean): string | null {
  if (!followedByText) return null;
  if (MARKDOWN_HEADING.test(paragraph)) return paragraph.replace(MARKDOWN_HEADING, '').trim() || null;
  const words = wordCount(paragraph);
  if (paragraph.length > 200 || words < 4 || words > 30) return null;
  return /[.,;:]["”’')\]]*$/.test(paragraph) ? null : paragraph;
}

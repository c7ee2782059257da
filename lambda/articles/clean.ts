import { bylineAuthor, isAuthorBio } from './cleaning/author-box.js';
import { MARKDOWN_HEADING, openingHeadline, repeatsTitle } from './cleaning/headline.js';
import { lineNoiseKind } from './cleaning/line-noise.js';
import { continuesPromptBox, isButtonLabel, isPrompt } from './cleaning/prompts.js';
import { unwrapBlocks } from './cleaning/unwrap.js';

export interface CleanOptions {
  /** The title other inputs give; a leading line repeating it is dropped. */
  title: string | null;
  /** Markdown: heading marks and blockquote marks are not part of the text. */
  markdown?: boolean;
}

export interface CleanedText {
  /** Paragraphs separated by a blank line; empty when nothing of an article was left. */
  body: string;
  /** The headline the text opened with, when no title was known. */
  headline: string | null;
  /** The author a byline or author box named. */
  author: string | null;
}

/** How many leading paragraphs may precede a repeated headline (a kicker, a section name). */
const TITLE_SEARCH_DEPTH = 3;

/** How many leading lines may repeat the title: it stands alone there, before the article's furniture. */
const TITLE_LINE_DEPTH = 8;

function blocksOfLines(text: string, markdown: boolean, title: string | null): string[][] {
  const blocks: string[][] = [];
  let block: string[] = [];
  const lines = text.split(/\r\n?|\n|\u2028|\u2029/);
  for (const [index, raw] of lines.entries()) {
    const line = markdown ? raw.trim().replace(/^>\s?/, '') : raw.trim();
    // A noise line also ends its block: text above and below it must not be joined across it.
    if (line === '' || lineNoiseKind(line) !== null) {
      if (block.length) blocks.push(block);
      block = [];
    } else if (title && index < TITLE_LINE_DEPTH && repeatsTitle(line, title)) {
      // The title line is a block of its own: a byline or "short link" line below it in lower case is no continuation.
      if (block.length) blocks.push(block);
      blocks.push([line]);
      block = [];
    } else {
      block.push(line);
    }
  }
  if (block.length) blocks.push(block);
  return blocks;
}

/**
 * Removes page furniture around and inside an article (prompt boxes, captions, share bars, links to
 * other stories, bylines) and re-joins hard-wrapped lines. It only drops whole lines and joins lines
 * with one space: every kept sentence is verbatim from the input, so facts can quote it.
 */
export function cleanArticleText(text: string, options: CleanOptions): CleanedText {
  const markdown = options.markdown ?? false;
  const kept: string[] = [];
  let author: string | null = null;
  let inPromptBox = false;
  let bioMayFollow = false;
  for (const paragraph of unwrapBlocks(blocksOfLines(text, markdown, options.title))) {
    // An author line ends any box above it: it belongs to the article, not to the prompt.
    const byline = bylineAuthor(paragraph);
    if (byline !== null) {
      author ??= byline;
      inPromptBox = false;
      bioMayFollow = true;
      continue;
    }
    const isBio = bioMayFollow && author !== null && isAuthorBio(paragraph, author);
    bioMayFollow = false;
    if (isBio) continue;
    if (inPromptBox && continuesPromptBox(paragraph)) continue;
    inPromptBox = isPrompt(paragraph);
    if (!inPromptBox) kept.push(paragraph);
  }

  let headline: string | null = null;
  const { title } = options;
  const titleAt = title ? kept.slice(0, TITLE_SEARCH_DEPTH).findIndex((p) => repeatsTitle(p, title)) : -1;
  if (titleAt >= 0) {
    kept.splice(titleAt, 1);
  } else if (!title && kept[0] !== undefined) {
    headline = openingHeadline(kept[0], kept.length > 1);
    if (headline !== null) kept.shift();
  }

  const paragraphs = kept.map((p) => (markdown ? p.replace(MARKDOWN_HEADING, '') : p)).filter((p) => !isButtonLabel(p));
  return { body: paragraphs.join('\n\n'), headline, author };
}

/*
 * Re-joins hard-wrapped text (plain-text copies wrapped at ~70-100 columns) into paragraphs. Joining
 * only replaces a line break with one space, so every sentence stays a verbatim substring of the input
 * once whitespace is folded: the property grounding depends on.
 */

/** Widest column a hard-wrapping tool is plausibly set to; longer lines mean one paragraph per line. */
const MAX_WRAP_WIDTH = 160;
/** In wrapped text most non-final lines are nearly full… */
const FULL_LINE_RATIO = 0.6;
/** …and many end mid-sentence, unlike one-sentence-per-line text whose lines happen to be of similar length. */
const MID_SENTENCE_RATIO = 0.4;

/** A line that starts a list item, heading or quote: never a continuation of the line above. */
export const BLOCK_START = /^(?:#{1,6}\s|[-*•]\s|>\s?|\d{1,3}[.)]\s)/;
const ENDS_SENTENCE = /[.!?:;]["”’')\]]*$/;
const STARTS_LOWER = /^["“‘'(]?\p{Ll}/u;
/** A line ending in a dotted abbreviation or an initial ("the U.S.", "John F."), which ends no sentence before a lower-case word. */
const ENDS_ABBREVIATION = /(?:^|[\s(])(?:(?:\p{L}\.){2,}|\p{Lu}\.)$/u;

function firstWordLength(line: string): number {
  return line.split(/\s/, 1)[0]?.length ?? 0;
}

/**
 * The column the text was wrapped at, or null when it was not hard-wrapped: the longest line that is
 * followed by another line of its block, if that is narrow and most such lines come close to it.
 */
export function wrapWidth(blocks: string[][]): number | null {
  const continued = blocks.flatMap((lines) => lines.slice(0, -1));
  if (continued.length < 2) return null;
  const width = Math.max(...continued.map((line) => line.length));
  if (width > MAX_WRAP_WIDTH) return null;
  const nearlyFull = continued.filter((line) => line.length >= width * 0.75).length;
  const midSentence = continued.filter((line) => !ENDS_SENTENCE.test(line)).length;
  return nearlyFull / continued.length >= FULL_LINE_RATIO && midSentence / continued.length >= MID_SENTENCE_RATIO
    ? width
    : null;
}

function continuesLine(previous: string, next: string, width: number | null): boolean {
  if (BLOCK_START.test(next)) return false;
  // A greedy wrapper breaks a line only when the next word would not fit.
  if (width !== null && previous.length + 1 + firstWordLength(next) > width) return true;
  // "…the U.S." then "is ready to …": a scraper broke the line after the abbreviation's period.
  return (!ENDS_SENTENCE.test(previous) || ENDS_ABBREVIATION.test(previous)) && STARTS_LOWER.test(next);
}

/** Turns blocks of consecutive lines into paragraphs, joining the lines a wrapper broke. */
export function unwrapBlocks(blocks: string[][]): string[] {
  const width = wrapWidth(blocks);
  const paragraphs: string[] = [];
  for (const lines of blocks) {
    let paragraph: string | null = null;
    let lastLine = '';
    for (const line of lines) {
      if (paragraph !== null && continuesLine(lastLine, line, width)) {
        paragraph = `${paragraph} ${line}`;
      } else {
        if (paragraph !== null) paragraphs.push(paragraph);
        paragraph = line;
      }
      lastLine = line;
    }
    if (paragraph !== null) paragraphs.push(paragraph);
  }
  return paragraphs;
}

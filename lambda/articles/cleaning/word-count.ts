/** Whitespace beyond ASCII, as the regex class `\s` has it (every `\s` character is one UTF-16 unit). */
const WHITESPACE = /\s/;

/** Whether a UTF-16 unit is whitespace as `\s` defines it; ASCII is decided without a regex. */
function isWhitespace(unit: number): boolean {
  if (unit < 128) return unit === 32 || (unit >= 9 && unit <= 13);
  return WHITESPACE.test(String.fromCharCode(unit));
}

/**
 * How many words (runs of non-whitespace) a text has: `text.split(/\s+/).filter(Boolean).length`, counted
 * without cutting the text up. Every paragraph and raw line of every article is measured, some several times.
 */
export function wordCount(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isWhitespace(text.charCodeAt(i));
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}

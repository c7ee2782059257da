/*
 * The words of a text, found by reading it code point by code point: the same words, at the same offsets, as
 * the pattern
 *   \p{L}[\p{L}\p{M}\p{N}]*(?:[-'’.]\p{L}[\p{L}\p{M}\p{N}]*)*|\p{N}+(?:[.,]\p{N}+)*   (flags gu)
 * finds (test/facts/word-scan.test.ts checks that on any text). Every article is tokenised once, and that
 * pattern, with its Unicode classes at every position, was half the cost of tokenising: a loop that decides
 * ASCII by its code and looks other characters up once each is three times faster.
 */

const OTHER = 0;
const LETTER = 1;
const MARK = 2;
const NUMBER = 3;
type CharClass = typeof OTHER | typeof LETTER | typeof MARK | typeof NUMBER;

const IS_LETTER = /^\p{L}$/u;
const IS_MARK = /^\p{M}$/u;
const IS_NUMBER = /^\p{N}$/u;

/** Classes of the code points above ASCII met so far: few distinct ones occur in news text. */
const nonAsciiClasses = new Map<number, CharClass>();

function nonAsciiClass(codePoint: number): CharClass {
  let found = nonAsciiClasses.get(codePoint);
  if (found === undefined) {
    const char = String.fromCodePoint(codePoint);
    found = IS_LETTER.test(char) ? LETTER : IS_MARK.test(char) ? MARK : IS_NUMBER.test(char) ? NUMBER : OTHER;
    nonAsciiClasses.set(codePoint, found);
  }
  return found;
}

/** The class of every ASCII code, looked up rather than computed: the scanner asks it of every character. */
const ASCII_CLASSES = Uint8Array.from({ length: 0x80 }, (_, code) => {
  if (code >= 0x30 && code <= 0x39) return NUMBER;
  const folded = code | 0x20;
  return folded >= 0x61 && folded <= 0x7a ? LETTER : OTHER;
});

function classOf(codePoint: number): CharClass {
  return codePoint >= 0x80 ? nonAsciiClass(codePoint) : (ASCII_CLASSES[codePoint] as CharClass);
}

const codePointAt = (text: string, at: number) => text.codePointAt(at) ?? 0;
const widthOf = (codePoint: number) => (codePoint > 0xffff ? 2 : 1);

/** Joiners inside a word ("Jean-Baptiste", "O'Brien", "Russia’s", "U.S"). */
const isWordJoiner = (code: number) => code === 0x2d || code === 0x27 || code === 0x2019 || code === 0x2e;
/** Separators inside a number ("3.5", "10,000"). */
const isNumberJoiner = (code: number) => code === 0x2e || code === 0x2c;

/**
 * The end of the run of code points from `at` that continue a word (letters, marks, digits) or, with
 * `digitsOnly`, a number. ASCII is read by its code, without a code point or a call per character.
 */
function runEnd(text: string, at: number, digitsOnly: boolean): number {
  let i = at;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    const wide = code >= 0x80;
    const codePoint = wide ? codePointAt(text, i) : code;
    const kind = wide ? nonAsciiClass(codePoint) : ASCII_CLASSES[code];
    if (digitsOnly ? kind !== NUMBER : kind === OTHER) break;
    i += wide ? widthOf(codePoint) : 1;
  }
  return i;
}

/** Where the word or number starting at `start` (whose first code point is of class `first`) ends. */
function tokenEnd(text: string, start: number, first: CharClass): number {
  const digitsOnly = first !== LETTER;
  const isJoiner = first === LETTER ? isWordJoiner : isNumberJoiner;
  const continues = first === LETTER ? LETTER : NUMBER;
  let end = runEnd(text, start + widthOf(codePointAt(text, start)), digitsOnly);
  // A joiner belongs to the word only when what follows it may start the word's next part.
  while (end + 1 < text.length && isJoiner(text.charCodeAt(end))) {
    const next = codePointAt(text, end + 1);
    if (classOf(next) !== continues) break;
    end = runEnd(text, end + 1 + widthOf(next), digitsOnly);
  }
  return end;
}

/** Calls `onWord(start, end)` for every word and number of `text`, in order. */
export function scanWords(text: string, onWord: (start: number, end: number) => void): void {
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    // Spaces and punctuation, most of what lies between words, without a code point or a call.
    if (code < 0x80 && ASCII_CLASSES[code] === OTHER) {
      i++;
      continue;
    }
    const codePoint = codePointAt(text, i);
    const kind = classOf(codePoint);
    if (kind === LETTER || kind === NUMBER) {
      const end = tokenEnd(text, i, kind);
      onWord(i, end);
      i = end;
    } else i += widthOf(codePoint);
  }
}

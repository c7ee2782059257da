import { DOUBLE_OPENERS } from './statements-quotes.js';

/*
 * Quote marks whose partner lies outside a text cut from a sentence: the sentence splitter cuts a quote of several
 * sentences into several, so a clause or reported passage may open a quote and end before it closes, or start inside
 * one. Every cut here is a slice, so the text stays a verbatim substring of what it was cut from.
 */

/**
 * Double quote marks that only open (`DOUBLE_OPENERS`, as quotes are found) or only close; the straight mark and "”"
 * (often typed as an opener) do either.
 */
const CLOSERS = new Set(['\u00bb']);
const EITHER = new Set(['"', '\u201d']);

/** Where the text's double quote marks have no partner inside it, in text order. */
function strayMarks(text: string): number[] {
  const open: number[] = [];
  const stray: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (!DOUBLE_OPENERS.has(c) && !CLOSERS.has(c) && !EITHER.has(c)) continue;
    const before = text[i - 1];
    const after = text[i + 1];
    // An ambiguous mark opens at the text's start or after a space or bracket, when a word follows it.
    const opens =
      DOUBLE_OPENERS.has(c) ||
      (EITHER.has(c) && (before === undefined || /[\s([]/u.test(before)) && after !== undefined && /\S/u.test(after));
    if (opens) open.push(i);
    else if (open.length > 0) open.pop();
    else stray.push(i);
  }
  return [...stray, ...open].sort((a, b) => a - b);
}

/**
 * Words with a letter: unlike statements-sentence.ts's `wordCount`, a number is no word here, so a side of figures
 * ("2,000 10") never outweighs a side of words, which the check after it would then refuse, keeping the stray mark.
 */
const letterWordCount = (text: string) => text.split(/\s+/u).filter((w) => /\p{L}/u.test(w)).length;
const trimmed = (text: string) => text.replace(/^[\s,;:.\u2013\u2014-]+/u, '').replace(/[\s,;:.\u2013\u2014-]+$/u, '');

/**
 * The text without its stray quote marks: a mark at either end is dropped; a mark inside keeps the longer side of it
 * ('… in full," Orlov told the agency' keeps the quoted words, 'Vell said: "We will …' the quote). Text whose marks
 * pair up is returned as it is.
 */
export function withoutStrayQuotes(text: string): string {
  let current = text;
  for (let round = 0; round < 4; round++) {
    const [at] = strayMarks(current);
    if (at === undefined) return current;
    const before = trimmed(current.slice(0, at));
    const after = trimmed(current.slice(at + 1));
    const next = letterWordCount(before) >= letterWordCount(after) ? before : after;
    if (!/\p{L}/u.test(next)) return current;
    current = next;
  }
  return current;
}

/**
 * The text without a stray quote mark at its start or end, past any punctuation there ('"From our point of view, …',
 * '… in full,"'); marks inside are left, since a reported clause may quote part of a sentence the splitter cut.
 */
export function withoutStrayEndQuotes(text: string): string {
  let current = text;
  for (let round = 0; round < 2; round++) {
    const marks = strayMarks(current);
    const first = marks[0];
    const last = marks.at(-1);
    if (first !== undefined && !/\p{L}/u.test(current.slice(0, first))) current = current.slice(first + 1).trimStart();
    else if (last !== undefined && !/\p{L}/u.test(current.slice(last + 1))) current = current.slice(0, last).trimEnd();
    else return current;
  }
  return current;
}

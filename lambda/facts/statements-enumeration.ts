import { stanceWords } from './lexicon.js';
import { COUNT_WORDS, ENUMERATION_NOUNS } from './speakers-lexicon.js';

/*
 * A list owned by a speaker: a sentence about the speaker announces how many points follow, and each point
 * is the speaker's reported statement. Agency and wire copy write the points as paragraphs (often bulleted:
 * "X listed four outcomes:" then "→ …", "• …"), or as sentences opening with an ordinal ("The results, as X
 * put them, come to three points. Firstly, … Secondly, …"), with a sentence of background between two points.
 */

/** How a list announced by a sentence goes on: its points as paragraphs (after a colon) or as ordinal sentences. */
export interface AnnouncedList {
  count: number;
  ordinal: boolean;
  /** "Among the proposals X set out:" with no count: the points are the bulleted paragraphs that follow. */
  bulleted: boolean;
}

/** The most bulleted points taken after an announcement with no count. */
export const UNCOUNTED_POINTS = 12;

/** Words between the count and the end of the announcement: "three results of the Baku round:". */
const COLON_WINDOW = 6;
/** Words between the count and its noun: "three key points", "four main security conditions". */
const NOUN_WINDOW = 3;

/**
 * The list a sentence announces, or null: "… agreed on four points:" / "named three results of the
 * meeting:" (a count among the last words before a closing colon), "… include three key points." (a
 * count before a noun that names points, for a list of ordinal sentences), or "Among the proposals X set
 * out:" (a noun that names points before the colon, no count: the bulleted paragraphs after it).
 */
/** A word in lower case with letters and hyphens only; most words are so already, and are not read twice. */
const bareWord = (word: string) => (isBare(word) ? word : word.toLowerCase().replace(/[^\p{L}-]/gu, ''));

/** Whether the word is lower-case ASCII letters and hyphens only (`/^[a-z-]*$/`), read by code. */
function isBare(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if ((code < 0x61 || code > 0x7a) && code !== 0x2d) return false;
  }
  return true;
}

export function announcedList(text: string): AnnouncedList | null {
  const colon = /:$/u.test(text);
  const words = text.replace(/[:.]$/u, '').split(/\s+/u).map(bareWord);
  const from = colon ? Math.max(0, words.length - COLON_WINDOW - 1) : 0;
  for (let k = words.length - 2; k >= from; k--) {
    const count = COUNT_WORDS.get(words[k] ?? '');
    if (!count) continue;
    if (colon) return { count, ordinal: false, bulleted: false };
    const noun = words.slice(k + 1, k + 1 + NOUN_WINDOW).some((w) => ENUMERATION_NOUNS.has(w));
    if (noun) return { count, ordinal: true, bulleted: false };
  }
  // "Among the proposals the negotiator set out:", "He listed the demands:": a noun of points before the colon.
  if (colon && words.slice(from).some((w) => ENUMERATION_NOUNS.has(w)))
    return { count: UNCOUNTED_POINTS, ordinal: false, bulleted: true };
  return null;
}

const ORDINALS = [...stanceWords.ordinalOpeners].sort((a, b) => b.length - a.length);

/**
 * Where the words of an ordinal point begin: after "Firstly, ", "Second, ", "Finally, " at the start of
 * the sentence; -1 when the sentence opens with no ordinal.
 */
export function ordinalPointStart(text: string): number {
  const lower = text.toLowerCase();
  for (const ordinal of ORDINALS) {
    if (!lower.startsWith(ordinal)) continue;
    const comma = /^\s*,\s*/u.exec(text.slice(ordinal.length));
    if (comma) return ordinal.length + comma[0].length;
  }
  return -1;
}

/** The length of the bullet that opens a point ("→ ", "• ", "- "), or 0: the mark is layout, not words. */
export function bulletLength(text: string): number {
  return /^[\u2192\u2022\u25aa\u25cf\u25a0*\u2013\u2014-]\s*/u.exec(text)?.[0].length ?? 0;
}

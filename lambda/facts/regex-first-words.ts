/*
 * The words a regular expression's matches can begin with, read from its source, so that a text is searched
 * only where one of them stands (topics.ts: one pass over a text's words instead of a scan per pattern).
 *
 * A "first word" is the run of ASCII letters a match opens with, lower-cased, and the analysis promises that
 * the text's own run of ASCII letters at the match's start is exactly that word: the pattern consumes a
 * character that is no ASCII letter after it (a space, an apostrophe, a digit), or asserts one there (`\b`, a
 * lookahead refusing letters). It gives up (null) on anything it cannot read for sure: a class or escape that
 * may match a letter before the first word ends, a repeated letter, a back-reference, an alternative
 * that could start a match with no letter, or a letter a match could start inside a word. Giving up is always
 * safe: the caller then scans for that pattern as before. Every other assertion is skipped, which can only
 * widen the set of words.
 */

/** No more first words than this: a pattern that opens with an open-ended list is scanned for instead. */
const MOST_FIRST_WORDS = 500;

/** No deeper nesting of groups than this, repetitions counted: a repeated group that never ends a word is given up. */
const MOST_NESTED = 64;

/** The characters outside ASCII that match an ASCII letter case-insensitively (Unicode simple case folding). */
const LONG_S = 0x17f;
const KELVIN_SIGN = 0x212a;
export const FOLDS_TO_ASCII = new RegExp(`[${String.fromCharCode(LONG_S, KELVIN_SIGN)}]`, 'u');

type Atom =
  | { kind: 'letter'; char: string }
  /** Consumes one character that is never an ASCII letter. */
  | { kind: 'other' }
  /** Consumes one character that may be an ASCII letter (a class, `.`, `\w`, `\p{…}`). */
  | { kind: 'any' }
  /** `\b`: before the first word, no ASCII letter precedes it; after letters, the word ends there. */
  | { kind: 'boundary' }
  /** A lookahead refusing a letter or digit (`phrasesAhead`'s): the word ends there. */
  | { kind: 'wordEnd' }
  /** A lookbehind refusing a letter or digit (`phrasesSource`'s): no ASCII letter precedes a word beginning here. */
  | { kind: 'wordStart' }
  /** Any other assertion; skipping it only widens the set. */
  | { kind: 'assertion' }
  | { kind: 'group'; alternatives: Term[][] };

interface Term {
  atom: Atom;
  min: number;
  max: number;
}

class Unreadable extends Error {}

/** The source parsed into alternatives of terms: only as much syntax as a word list needs. */
class Parser {
  private at = 0;
  constructor(private readonly source: string) {}

  parse(): Term[][] {
    const alternatives = this.alternatives();
    if (this.at !== this.source.length) throw new Unreadable();
    return alternatives;
  }

  private alternatives(): Term[][] {
    const all: Term[][] = [this.sequence()];
    while (this.source[this.at] === '|') {
      this.at++;
      all.push(this.sequence());
    }
    return all;
  }

  private sequence(): Term[] {
    const terms: Term[] = [];
    while (this.at < this.source.length && this.source[this.at] !== '|' && this.source[this.at] !== ')') {
      const atom = this.atom();
      terms.push({ atom, ...this.quantifier() });
    }
    return terms;
  }

  private atom(): Atom {
    const c = this.source[this.at++] ?? '';
    if (c === '(') return this.group();
    if (c === '[') return this.characterClass();
    if (c === '\\') return this.escape();
    if (c === '.') return { kind: 'any' };
    if (c === '^' || c === '$') return { kind: 'assertion' };
    if ('*+?{'.includes(c)) throw new Unreadable();
    if (/[A-Za-z]/.test(c)) return { kind: 'letter', char: c.toLowerCase() };
    // Case-insensitively, the long s and the Kelvin sign match ASCII letters; no other character does.
    return FOLDS_TO_ASCII.test(c) ? { kind: 'any' } : { kind: 'other' };
  }

  private group(): Atom {
    const rest = this.source.slice(this.at);
    const opener = /^\?(?:<?[=!]|:)/.exec(rest)?.[0] ?? (rest.startsWith('?') ? null : '');
    if (opener === null) throw new Unreadable(); // named groups and flags: not needed by any list
    this.at += opener.length;
    const start = this.at;
    const alternatives = this.alternatives();
    if (this.source[this.at++] !== ')') throw new Unreadable();
    if (opener === '' || opener === '?:') return { kind: 'group', alternatives };
    const refusesLetters =
      opener.endsWith('!') && /^\[\\p\{L\}(?:\\p\{N\})?\]$/.test(this.source.slice(start, this.at - 1));
    if (refusesLetters) return { kind: opener === '?!' ? 'wordEnd' : 'wordStart' };
    return { kind: 'assertion' };
  }

  /** A class never matches an ASCII letter when it lists only spaces, digits and punctuation. */
  private characterClass(): Atom {
    let lettersPossible = this.source[this.at] === '^';
    while (this.at < this.source.length && this.source[this.at] !== ']') {
      const c = this.source[this.at++] ?? '';
      if (c === '\\') {
        const escaped = this.source[this.at++] ?? '';
        if (!/^[sd]$/.test(escaped) && /[A-Za-z]/.test(escaped)) lettersPossible = true;
      } else if (/[A-Za-z]/.test(c) || FOLDS_TO_ASCII.test(c)) lettersPossible = true;
      else if (c === '-' && /[^\\\]]/.test(this.source[this.at] ?? ']')) lettersPossible = true; // a range: unread
    }
    if (this.source[this.at++] !== ']') throw new Unreadable();
    return lettersPossible ? { kind: 'any' } : { kind: 'other' };
  }

  private escape(): Atom {
    const c = this.source[this.at++] ?? '';
    if (c === 'b') return { kind: 'boundary' };
    if (c === 'B') return { kind: 'assertion' };
    if (c === 's' || c === 'd' || c === 'W') return { kind: 'other' };
    if (c === 'p' || c === 'P') {
      const end = this.source.indexOf('}', this.at);
      if (end < 0) throw new Unreadable();
      this.at = end + 1;
      return { kind: 'any' };
    }
    if (c === 'w' || c === 'S' || c === 'D') return { kind: 'any' };
    if (/[1-9k]/.test(c)) throw new Unreadable(); // back-references
    if (/[A-Za-z0-9]/.test(c)) throw new Unreadable(); // \u, \x, \c, \n …: not needed by any list
    return { kind: 'other' }; // escaped punctuation
  }

  private quantifier(): { min: number; max: number } {
    const c = this.source[this.at];
    let bounds = { min: 1, max: 1 };
    if (c === '?') bounds = { min: 0, max: 1 };
    else if (c === '*') bounds = { min: 0, max: Infinity };
    else if (c === '+') bounds = { min: 1, max: Infinity };
    else if (c === '{') {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.source.slice(this.at));
      if (!m) throw new Unreadable();
      const min = Number(m[1]);
      bounds = { min, max: m[2] ? (m[3] ? Number(m[3]) : Infinity) : min };
      this.at += m[0].length - 1;
    } else return bounds;
    this.at++;
    if (this.source[this.at] === '?') this.at++; // lazy: the same strings
    return bounds;
  }
}

/** Where the walk stands: the terms left in each enclosing sequence, innermost first. */
type Continuation = readonly { terms: readonly Term[]; next: number }[];

/**
 * The first words of `source`'s matches, or null when the analysis cannot promise them. `startChecked`: the
 * caller tests the match's start itself (no letter or digit before it), as `TextPattern.startsAt` does.
 */
export function regexFirstWords(source: string, startChecked: boolean): ReadonlySet<string> | null {
  try {
    const words = new Set<string>();
    const top = new Parser(source).parse();
    for (const alternative of top) walk([{ terms: alternative, next: 0 }], '', startChecked, words);
    return words;
  } catch (error) {
    if (error instanceof Unreadable) return null;
    throw error;
  }
}

function walk(rest: Continuation, word: string, startChecked: boolean, words: Set<string>): void {
  if (words.size > MOST_FIRST_WORDS) throw new Unreadable();
  const [frame, ...outer] = rest;
  if (!frame) throw new Unreadable(); // the pattern may end inside its first word (or before it)
  const term = frame.terms[frame.next];
  if (!term) {
    walk(outer, word, startChecked, words);
    return;
  }
  const after: Continuation = [{ terms: frame.terms, next: frame.next + 1 }, ...outer];
  if (term.min === 0) walk(after, word, startChecked, words);
  if (term.max === 0) return;
  const { atom } = term;
  if (atom.kind === 'group') {
    // A repeated group one repetition at a time: the first word ends in it ("agreement" before
    // `(?:[\s-]+modifier)*`), or the walk goes on into the next repetition, so deep only while no word has ended.
    if (rest.length > MOST_NESTED) throw new Unreadable();
    const again: Continuation =
      term.max > 1
        ? [{ terms: [{ atom, min: Math.max(0, term.min - 1), max: term.max - 1 }], next: 0 }, ...after]
        : after;
    for (const alternative of atom.alternatives)
      walk([{ terms: alternative, next: 0 }, ...again], word, startChecked, words);
  } else if (atom.kind === 'letter') {
    if (term.max > 1) throw new Unreadable();
    if (!word && !startChecked) throw new Unreadable(); // it could begin inside a word
    walk(after, word + atom.char, startChecked, words);
  } else if (atom.kind === 'any') {
    throw new Unreadable();
  } else if (word && (atom.kind === 'other' || atom.kind === 'boundary' || atom.kind === 'wordEnd')) {
    words.add(word); // the first word ends here
  } else if (atom.kind === 'other') {
    throw new Unreadable(); // a match that may open with no letter
  } else {
    // An assertion before the first word: `\b` and a lookbehind refusing letters vouch for its start.
    walk(after, word, startChecked || atom.kind === 'boundary' || (atom.kind === 'wordStart' && !word), words);
  }
}

/** The code of an ASCII letter in lower case, or -1 for any other character. */
function lowerAsciiLetter(code: number): number {
  const lower = code | 0x20;
  return lower >= 0x61 && lower <= 0x7a ? lower : -1;
}

/**
 * The hash of a word after its next letter: 30 bits, so that it stays a small integer in V8 (with pointer compression
 * a small integer has 31 bits). A 32-bit hash was a boxed number for half the words, and the index's Map, looked up at
 * every run of letters of every text tested, hashed and compared it as a heap object.
 */
const nextHash = (hash: number, code: number) => (Math.imul(hash, 31) + code) & 0x3fffffff;

/** A hash of a word of ASCII letters, case-insensitively, as `OpeningIndex.visit` computes it while reading. */
function wordHash(word: string): number {
  let hash = 0;
  for (let i = 0; i < word.length; i++) hash = nextHash(hash, lowerAsciiLetter(word.charCodeAt(i)));
  return hash;
}

/**
 * Every word an `OpeningIndex` files, by a small id, looked up at the runs of ASCII letters of a text once, when the
 * text is read (`letterRuns`): each index then walks only the runs that are a word of some index. A clause or sentence
 * is asked by about 6.7 indexed patterns and pattern sets in a row, and each looked up every run in a table of its own.
 * A run is compared with the words filed under the hash computed while reading it, letter by letter in place: slicing
 * and lower-casing each run that hashes like an indexed word was a string or two of garbage per common word ("the",
 * "to") of every sentence.
 */
class OpeningWords {
  /** Words of ASCII letters in lower case (no other word can equal a run of letters), by id. */
  private readonly words: string[] = [];
  /** The ids of the words, for filing: reading a text probes `ids`. */
  private readonly byWord = new Map<string, number>();
  /**
   * An open-addressing table of the filed words by `wordHash`: at each slot the word's hash and 1 + its id (0: an
   * empty slot), probed linearly. About two runs of letters in five are a filed word ("the", "to"): a Map of hashes,
   * hashing each small integer again and walking to a list of entries, was half of reading a text.
   */
  private hashes = new Int32Array(1 << 10);
  private ids = new Int32Array(1 << 10);
  /**
   * One bit per value of a hash's low 16 bits, set for the filed words: most runs of a text ("said", names) are no
   * filed word, and a bit that is not set answers that without a probe of the table.
   */
  private readonly mayBeFiled = new Uint8Array(1 << 13);
  /** How many words are filed, ids 0 to `count - 1`: a text read before the last one was filed is read again. */
  count = 0;

  /** The id of a word in lower case, filed first when it is new. */
  idOf(word: string): number {
    const filed = this.byWord.get(word);
    if (filed !== undefined) return filed;
    const hash = wordHash(word);
    const slot = (hash & 0xffff) >> 3;
    this.mayBeFiled[slot] = (this.mayBeFiled[slot] ?? 0) | (1 << (hash & 7));
    const id = this.count++;
    this.words.push(word);
    this.byWord.set(word, id);
    // At most a quarter full, so that a probe for a word that is not filed ends at an empty slot soon.
    if (4 * this.count > this.ids.length) this.rehash(2 * this.ids.length);
    else this.place(hash, id);
    return id;
  }

  /** The id of the run of letters `text[start, end)`, whose `wordHash` is `hash`, or -1 when it is no filed word. */
  idOfRun(text: string, start: number, end: number, hash: number): number {
    if (((this.mayBeFiled[(hash & 0xffff) >> 3] ?? 0) & (1 << (hash & 7))) === 0) return -1;
    const { hashes, ids } = this;
    const mask = ids.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = (ids[slot] as number) - 1;
      if (id < 0) return -1;
      if (hashes[slot] === hash && isRunOf(text, start, end, this.words[id] as string)) return id;
    }
  }

  private place(hash: number, id: number): void {
    const mask = this.ids.length - 1;
    let slot = hash & mask;
    while (this.ids[slot] !== 0) slot = (slot + 1) & mask;
    this.hashes[slot] = hash;
    this.ids[slot] = id + 1;
  }

  private rehash(size: number): void {
    this.hashes = new Int32Array(size);
    this.ids = new Int32Array(size);
    this.words.forEach((word, id) => {
      this.place(wordHash(word), id);
    });
  }
}

const openingWords = new OpeningWords();

/**
 * Values filed under the lower-case words that matches open with, looked up at the runs of ASCII letters of a
 * text that are filed words (`OpeningWords`): the one pass that replaces a regex's scan of every position.
 */
export class OpeningIndex<T> {
  /** By a word's id, 1 + the index of its values in `values`, or 0 when this index files no value under it. */
  private slots = new Int32Array(0);
  private readonly values: T[][] = [];

  add(word: string, value: T): void {
    const id = openingWords.idOf(word);
    if (id >= this.slots.length) {
      const grown = new Int32Array(id + 1);
      grown.set(this.slots);
      this.slots = grown;
    }
    let slot = this.slots[id] ?? 0;
    if (slot === 0) {
      slot = this.values.push([]);
      this.slots[id] = slot;
    }
    this.values[slot - 1]?.push(value);
  }

  /** Calls `visit` at each run of ASCII letters of `text` that is an indexed word, in text order, until it returns true. */
  visit(text: string, visit: (start: number, values: readonly T[]) => boolean): void {
    const { words, count } = letterRuns(text);
    const slots = this.slots;
    for (let i = 0; i < count; i++) {
      // A word filed after this index was built (a higher id) is none of its words.
      const slot = slots[words[2 * i + 1] as number] ?? 0;
      if (slot !== 0 && visit(words[2 * i] as number, this.values[slot - 1] as T[])) return;
    }
  }
}

/**
 * A text's runs of ASCII letters that are filed words, as `start, id` pairs, and whether it holds a character that
 * folds to an ASCII letter. Read once per text: a clause or sentence is asked by half a dozen indexed patterns and
 * pattern sets in a row (about 6.7 visits per text on the synthetic corpus), each of which read it letter by letter
 * before.
 */
interface LetterRuns {
  text: string;
  words: Int32Array;
  count: number;
  foldsToAscii: boolean;
  /** `openingWords.count` when the text was read. */
  filed: number;
}

/**
 * The last texts read, in a ring: the next one read replaces the oldest. 64 rather than 8: an article's sentences are
 * read by the position rules, then again by the scorer's candidates after the rules' clauses have pushed them out; with
 * 8, two reads in three were of a text read before (283 synthetic articles: 41,100 reads of 13,600 texts; 17,700 with
 * 64), and reading was about 4% of extraction.
 */
const RECENT_TEXTS_LOG2 = 6;
/** A power of two by construction: `RECENT_TEXTS - 1` is the mask that wraps the ring's index. */
const RECENT_TEXTS = 1 << RECENT_TEXTS_LOG2;
const recentRuns: LetterRuns[] = Array.from({ length: RECENT_TEXTS }, () => ({
  text: '',
  words: new Int32Array(0),
  count: 0,
  foldsToAscii: false,
  filed: 0,
}));
let oldestRuns = 0;

/** The letter runs of `text`, from the recent texts when it is one of them and no word was filed since. */
function letterRuns(text: string): LetterRuns {
  // Newest first: most texts asked for are the one read last or nearly.
  for (let k = 1; k <= RECENT_TEXTS; k++) {
    const known = recentRuns[(oldestRuns - k) & (RECENT_TEXTS - 1)] as LetterRuns;
    if (known.text === text && known.filed === openingWords.count) return known;
  }
  const read = readLetterRuns(text);
  recentRuns[oldestRuns] = read;
  oldestRuns = (oldestRuns + 1) & (RECENT_TEXTS - 1);
  return read;
}

/** Where words are read before they are copied out: a visit may read another text while it walks its own words. */
let scratch = new Int32Array(2 * 256);

function readLetterRuns(text: string): LetterRuns {
  let count = 0;
  let foldsToAscii = false;
  const length = text.length;
  for (let at = 0; at < length; ) {
    const first = text.charCodeAt(at);
    let hash = lowerAsciiLetter(first);
    if (hash < 0) {
      // The characters of FOLDS_TO_ASCII, looked for on the way rather than by a second pass over the text.
      if (first === LONG_S || first === KELVIN_SIGN) foldsToAscii = true;
      at++;
      continue;
    }
    let end = at + 1;
    for (; end < length; end++) {
      const code = lowerAsciiLetter(text.charCodeAt(end));
      if (code < 0) break;
      hash = nextHash(hash, code);
    }
    const id = openingWords.idOfRun(text, at, end, hash);
    if (id >= 0) {
      if (2 * count + 2 > scratch.length) {
        const grown = new Int32Array(scratch.length * 2);
        grown.set(scratch);
        scratch = grown;
      }
      scratch[2 * count] = at;
      scratch[2 * count + 1] = id;
      count++;
    }
    at = end;
  }
  return { text, words: scratch.slice(0, 2 * count), count, foldsToAscii, filed: openingWords.count };
}

/** Whether `text` holds a character that matches an ASCII letter only case-insensitively (`FOLDS_TO_ASCII`). */
export const foldsToAscii = (text: string): boolean => letterRuns(text).foldsToAscii;

/** Whether the run of ASCII letters `text[start, end)` is `word` in lower case. */
function isRunOf(text: string, start: number, end: number, word: string): boolean {
  if (end - start !== word.length) return false;
  for (let i = 0; i < word.length; i++) if ((text.charCodeAt(start + i) | 0x20) !== word.charCodeAt(i)) return false;
  return true;
}

/** What extraction asks of a non-global regex. */
export type TextTest = Pick<RegExp, 'test' | 'exec'>;

/**
 * A non-global regex that V8 would try at every position (a `\b` or a lookbehind before a list of words), tried
 * only where one of its opening words stands: `test` and `exec` answer what the regex's own do (the leftmost
 * match opens at such a word). The regex itself when its opening words cannot be read, and for texts holding a
 * character that matches an ASCII letter only case-insensitively.
 */
export function openingIndexed(regex: RegExp): TextTest {
  if (regex.global || regex.sticky)
    throw new Error(`openingIndexed takes a non-global regex: /${regex.source}/${regex.flags}`);
  const words = regexFirstWords(regex.source, false);
  if (!words) return regex;
  const index = new OpeningIndex<true>();
  for (const word of words) index.add(word, true);
  const sticky = new RegExp(regex.source, `${regex.flags}y`);
  const exec = (text: string): RegExpExecArray | null => {
    if (foldsToAscii(text)) return regex.exec(text);
    let found: RegExpExecArray | null = null;
    index.visit(text, (start) => {
      sticky.lastIndex = start;
      found = sticky.exec(text);
      return found !== null;
    });
    return found;
  };
  return { exec, test: (text) => exec(text) !== null };
}

/**
 * The matches `[...text.matchAll(regex)]` gives of a global regex that V8 would try at every position, tried only
 * where one of its opening words stands, as `openingIndexed` tries a non-global one: the leftmost match from where
 * the last one ended opens at such a word. Every match, for texts holding a character that matches an ASCII letter
 * only case-insensitively, and for a regex whose opening words cannot be read.
 */
export function openingIndexedMatches(regex: RegExp): (text: string) => RegExpExecArray[] {
  if (!regex.global) throw new Error(`openingIndexedMatches takes a global regex: /${regex.source}/${regex.flags}`);
  const words = regexFirstWords(regex.source, false);
  const everyMatch = (text: string) => [...text.matchAll(regex)];
  if (!words) return everyMatch;
  const index = new OpeningIndex<true>();
  for (const word of words) index.add(word, true);
  const sticky = new RegExp(regex.source, `${regex.flags.replace('g', '')}y`);
  return (text) => {
    if (foldsToAscii(text)) return everyMatch(text);
    const found: RegExpExecArray[] = [];
    let from = 0;
    index.visit(text, (start) => {
      if (start < from) return false;
      sticky.lastIndex = start;
      const match = sticky.exec(text);
      // Past an empty match by one, as matchAll goes on.
      if (match) {
        found.push(match);
        from = start + Math.max(match[0].length, 1);
      }
      return false;
    });
    return found;
  };
}

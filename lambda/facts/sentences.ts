import { isOneCapital, isSpaceAt } from './char-tests.js';
import { textWords } from './text-lexicon.js';

/**
 * Sentence splitting for news text, with character offsets into the original body, so every fact can
 * cite its sentence verbatim. Rule-based on purpose: `Intl.Segmenter` splits after "Mr." and inside
 * "Feb. 24", and an NLP library costs ~500 ms to import (see stack-notes.md).
 */

/** One sentence: `text === body.slice(start, end)`, with surrounding whitespace left out. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
}

/** Titles before a name: never the end of a sentence ("Gen. Smith", "St. Petersburg"). */
const TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'messrs',
  'dr',
  'prof',
  'gen',
  'lt',
  'col',
  'maj',
  'capt',
  'cpt',
  'cmdr',
  'adm',
  'sgt',
  'cpl',
  'pvt',
  'gov',
  'sen',
  'rep',
  'rev',
  'hon',
  'amb',
  'pres',
  'supt',
  'st',
  'mt',
  'ft',
  'vs',
  'cf',
  'eg',
  'ie',
  'approx',
]);

/** Abbreviations that stand before a number ("Feb. 24", "No. 5"): no boundary when a digit follows. */
const BEFORE_NUMBERS = new Set([
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'no',
  'nos',
  'art',
  'vol',
  'p',
  'pp',
  'fig',
  'ch',
  'sec',
]);

/** Abbreviations that may end a sentence too ("the U.S.", "Acme Inc."): a boundary only before a typical opener. */
const MAYBE_FINAL = new Set(['inc', 'corp', 'ltd', 'co', 'jr', 'sr', 'etc', 'bros', 'plc']);

/** Words that typically open a sentence: after "U.S." they mean the sentence ended; a name ("U.S. President") does not. */
const SENTENCE_OPENERS = new Set(
  (
    'the a an this that these those it its he she they we i you his her their our there here but and or so yet ' +
    'in on at for from by with as if when while after before since although though however meanwhile also still ' +
    'some many most no one two both all each several'
  ).split(' '),
);

/** The last label of a web address written in a sentence ("Caliber.Az"): no sentence starts there. */
const WEB_DOMAIN_ENDINGS = new Set(textWords.webDomainEndings);

/** Without `u`, which made V8 scan every body a third slower for this class of BMP characters alone: the same matches. */
const TERMINAL = /[.!?\u2026]+/g;
const CLOSERS = new Set(['"', "'", '\u201d', '\u2019', '\u00bb', ')', ']']);
/** What a new sentence may start with: a capital, a digit, an opening quote or bracket, a hashtag. */
const OPENER = /[\p{Lu}\p{Lt}\d"'\u201c\u2018\u00ab([\u2014#-]/u;
/**
 * A run of hashtags ending a sentence or standing alone ("… before any truce. #Peace #Borders"), as posts copied into
 * a page carry them: tags, not words of the sentence, and cut from it, so the same sentence with its tags and without
 * them is one sentence to every rule (and one fact).
 */
const HASHTAG_TAIL = /(?:^|\s+)(?:#[\p{L}\p{N}_]+\s*)+$/u;
const LOWER = /\p{Ll}/u;
const BLANK_LINE = /\n[ \t\r\f\v]*\n/g;
/**
 * A bar or bullet between spaces inside a line: scraped pages join a headline, its outlet, a caption or a
 * byline with one ("Leader rejects the plan | Daily Herald", "short link • 12 May"). It is part of no sentence.
 */
const INLINE_SEPARATOR = /[ \t\u00a0][|\u2022][ \t\u00a0]/gu;
const isSeparatorOnly = (text: string) => /^[|\u2022]$/u.test(text);
/** What opens a sentence run into the one before with no space: a capital or an opening quote mark. */
const GLUED_OPENER = /[\p{Lu}\u201c\u2018\u00ab]/u;

/**
 * Splits text into sentences. Paragraph breaks (a blank line) always end a sentence. A single line
 * break ends one too, except in hard-wrapped text (lines broken mid-sentence, as in plain-text e-mail
 * copies), where only punctuation and short lines such as headings end a sentence.
 */
export function splitSentences(text: string): Sentence[] {
  const boundaries = new Set<number>();
  for (const m of text.matchAll(BLANK_LINE)) boundaries.add(m.index);
  for (const m of text.matchAll(INLINE_SEPARATOR)) boundaries.add(m.index + 1).add(m.index + 2);
  addLineBoundaries(text, boundaries);
  for (const cut of gluedHeadingEnds(text)) boundaries.add(cut);
  for (const m of text.matchAll(TERMINAL)) {
    const end = punctuationBoundary(text, m.index, m[0]);
    if (end !== null) boundaries.add(end);
  }
  const sentences: Sentence[] = [];
  let from = 0;
  for (const cut of [...boundaries].sort((a, b) => a - b).concat(text.length)) {
    pushTrimmed(text, from, cut, sentences);
    from = Math.max(from, cut);
  }
  return sentences;
}

function pushTrimmed(text: string, from: number, to: number, out: Sentence[]): void {
  let start = from;
  let end = to;
  while (start < end && isSpaceAt(text, start)) start++;
  start += referenceMarkerLength(text, start);
  while (start < end && isSpaceAt(text, start)) start++;
  while (end > start && isSpaceAt(text, end - 1)) end--;
  if (endsInHashtag(text, start, end)) end = start + withoutHashtagTail(text.slice(start, end));
  if (end > start && !isSeparatorOnly(text.slice(start, end))) out.push({ text: text.slice(start, end), start, end });
}

/** Whether the sentence's last word is a hashtag: a bounded look back, as splitting must stay linear. */
const endsInHashtag = (text: string, start: number, end: number) =>
  LAST_WORD_HASHTAG.test(text.slice(Math.max(start, end - 60), end));
const LAST_WORD_HASHTAG = /(?:^|\s)#[\p{L}\p{N}_]+$/u;

/** The length of a sentence without the run of hashtags that ends it (0 when it is nothing but hashtags). */
function withoutHashtagTail(sentence: string): number {
  const tail = HASHTAG_TAIL.exec(sentence);
  return tail ? tail.index : sentence.length;
}

interface Line {
  start: number;
  end: number;
  text: string;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const part of text.split('\n')) {
    lines.push({ start, end: start + part.length, text: part.trim() });
    start += part.length + 1;
  }
  return lines;
}

const endsSentence = (line: string) => /[.!?\u2026:;]["'\u201d\u2019\u00bb)\]]*$/u.test(line);
const startsLower = (line: string) => LOWER.test(line[0] ?? '');
/** A line that ends in a comma or a word that needs a continuation cannot end a sentence, however short. */
const endsMidClause = (line: string) =>
  /(,|\b(and|or|but|of|the|a|an|to|in|on|at|for|by|with|that|from|as))$/u.test(line);

const linePairs = (lines: Line[]) => lines.slice(0, -1).map((line, i) => [line, lines[i + 1] as Line] as const);

/** A line without final punctuation (a headline, a caption, a standfirst) restates the body: no facts from it. */
/** A clause or sentence ending in a question mark, a closing quote or bracket at most after it. */
const ENDS_ASKING = /\?[\s"'\u201d\u2019)]*$/u;
export function endsAsking(text: string): boolean {
  return ENDS_ASKING.test(text);
}

export function isHeadline(s: Pick<Sentence, 'text'>): boolean {
  // An opening curly mark after final punctuation closes a quote typed with the wrong mark (`… us.\u201c`).
  return !s.text.includes('\n') && !/[.!?\u2026:;"'\u201d\u2019\u00bb)]$|[.!?\u2026][\u201c\u2018]$/u.test(s.text);
}

/**
 * Whether a sentence is the body's last and was cut off mid-sentence, as scraped snippets are: it has no final
 * punctuation only because the text stops. Long for a headline (at least 12 words), or, however short
 * (`According to him, the plan o`), run on from a sentence before it on its line, where no headline stands.
 */
export function isCutOffEnding(s: Pick<Sentence, 'text' | 'start' | 'end'>, body: string): boolean {
  if (s.end < body.trimEnd().length) return false;
  return s.text.split(/\s+/u).length >= 12 || followsSentenceOnItsLine(body, s.start);
}

function followsSentenceOnItsLine(body: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && body[i] !== '\n' && isSpaceAt(body, i)) i--;
  return i >= 0 && /[.!?\u2026"\u201d\u2019)]/u.test(body[i] ?? '');
}

/** Whether lines break mid-sentence (a line without final punctuation followed by one in lower case). */
export function isHardWrapped(text: string): boolean {
  return hardWrapped(linesOf(text));
}

function hardWrapped(lines: Line[]): boolean {
  return linePairs(lines).some(([a, b]) => a.text && b.text && !endsSentence(a.text) && startsLower(b.text));
}

function addLineBoundaries(text: string, boundaries: Set<number>): void {
  const lines = linesOf(text);
  const pairs = linePairs(lines);
  const wrapped = hardWrapped(lines);
  const width = Math.max(0, ...lines.map((l) => l.text.length));
  for (const [line, next] of pairs) {
    if (!line.text || !next.text || startsLower(next.text)) continue;
    // A wrapped line that runs to (nearly) the full width continues; a short one is a heading or a list item.
    if (wrapped && (line.text.length >= 0.6 * width || endsMidClause(line.text))) continue;
    boundaries.add(line.end);
  }
}

const HEADING_FUNCTION_WORDS = new Set(textWords.headingFunctionWords);
const CAMEL_CASE_NAMES = new Set(textWords.camelCaseNames);
/** A title-case word, or the small words a heading keeps in lower case. */
const isHeadingWord = (word: string) => /^\p{Lu}[\p{L}'\u2019-]*$/u.test(word) || HEADING_FUNCTION_WORDS.has(word);
/** A word of at least four letters glued to a capitalised word of at least three: `QuestionsKarlsson`. */
const GLUED_WORDS = /^\p{Lu}\p{Ll}{3,}(?=\p{Lu}\p{Ll}{2})/u;
/** How many words of a line's start may be a heading: headings are short. */
const MAX_HEADING_WORDS = 10;
/** How many characters a heading and its glued word may span. */
const HEADING_REACH = 160;
/** Final punctuation and the spaces after it before a capital, on one line: where a sentence starts. */
const SENTENCE_START = /[.!?\u2026]["'\u201d\u2019)]*[ \t]+(?=\p{Lu})/gu;
/**
 * The capital of a lower-case run glued to a capitalised word (`QuestionsKarlsson`): where a glued heading may end. Latin
 * letters only: a Unicode letter class made this scan of every text twice as slow as the whole splitter, and the word
 * test after it (`GLUED_WORDS`) reads any script. It opens with the capital and looks behind for the four lower-case
 * letters, because most positions of a text hold a lower-case letter and fail on the capital at once: opening with the
 * run, it read four letters at each of them, ten times as long over a body. The capitals such a run can end at are the
 * same matches, as the two classes share no letter; the run starts `GLUED_RUN` before the capital.
 */
const GLUED_JOIN = /[A-Z\u00c0-\u00de](?<=[a-z\u00df-\u00ff]{4}[A-Z\u00c0-\u00de])(?=[a-z\u00df-\u00ff]{2})/g;
const GLUED_RUN = 4;

/**
 * Where a section heading ends that scraped copy glued to the sentence after it with no space or stop
 * (`Border QuestionsKarlsson said …`): at the capital inside a word that a title-case run opens the line with, or
 * opens a sentence with after final punctuation on the same line (pages whose paragraphs lost their line breaks: "… for
 * peace. The Long RoadKyiv said"), after at least one other word of the heading (`The NorthStar group` is a name).
 * Names written with an inner capital (`WhatsApp`, lexicon/text.json) are no join, and a line whose words before that
 * word are not all title case (`He sent a WhatsApp …`) has no heading. Only the starts before a glued join are read:
 * most texts have few.
 */
function* gluedHeadingEnds(text: string): Generator<number> {
  let read = -1;
  for (const join of text.matchAll(GLUED_JOIN)) {
    const start = headingStartBefore(text, join.index - GLUED_RUN);
    if (start <= read) continue;
    read = start;
    const end = gluedHeadingEnd(text, start);
    if (end !== null) yield end;
  }
}

/** The last start of a line or of a sentence on it at most `HEADING_REACH` before `at`, or -1 when none is. */
function headingStartBefore(text: string, at: number): number {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const from = Math.max(lineStart, at - HEADING_REACH);
  let start = from === lineStart ? lineStart + (/^[ \t]*/u.exec(text.slice(lineStart, at))?.[0].length ?? 0) : -1;
  for (const m of text.slice(from, at).matchAll(SENTENCE_START)) start = from + m.index + m[0].length;
  return start;
}

/** Where the heading that opens at `start` ends, glued to the next word, or null when no heading opens there. */
function gluedHeadingEnd(text: string, start: number): number | null {
  if (!isOneCapital(text.slice(start, start + 1))) return null;
  let offset = start;
  let headingWords = 0;
  const rest = text.slice(start, start + HEADING_REACH);
  const lineEnd = rest.indexOf('\n');
  for (const word of (lineEnd < 0 ? rest : rest.slice(0, lineEnd)).split(' ', MAX_HEADING_WORDS)) {
    const glued = GLUED_WORDS.exec(word);
    if (glued && headingWords > 0 && !CAMEL_CASE_NAMES.has(/^\p{L}+/u.exec(word)?.[0] ?? '')) {
      return offset + glued[0].length;
    }
    if (!isHeadingWord(word)) return null;
    if (!HEADING_FUNCTION_WORDS.has(word.toLowerCase())) headingWords++;
    offset += word.length + 1;
  }
  return null;
}

/**
 * The length of the reference markers at `index` ("[1]", "[2][3]"), which analysts' reports put right after a
 * sentence's period. They source the sentence before and are part of neither: that one ends at its period (the
 * statement rules read the final punctuation), the next one starts after them.
 */
function referenceMarkerLength(text: string, index: number): number {
  if (text[index] !== '[') return 0;
  return /^(?:\[\d{1,3}\])+/u.exec(text.slice(index, index + 24))?.[0].length ?? 0;
}

/** The letters and periods that run up to `index`, looking 20 characters back at most ("U.S" of "the U.S."). */
function wordBefore(text: string, index: number): string {
  const from = Math.max(0, index - 20);
  let start = index;
  // ASCII letters and periods read backwards; past any other letter the regex decides (it reads code points).
  while (start > from) {
    const code = text.charCodeAt(start - 1);
    if (code >= 0x80) return /([\p{L}.]*)$/u.exec(text.slice(from, index))?.[1] ?? '';
    if (code !== 0x2e && !((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a))) break;
    start--;
  }
  return text.slice(start, index);
}

/** Where the sentence ends if the punctuation at `index` ends one, else null. */
function punctuationBoundary(text: string, index: number, cluster: string): number | null {
  let end = index + cluster.length;
  while (CLOSERS.has(text[end] ?? '') || isOpenerTypedAsCloser(text, end)) end++;
  const sentenceEnd = end;
  end += referenceMarkerLength(text, end);
  if (end >= text.length) return sentenceEnd;
  // "3.5", "U.S", "field...and" run on; "the east.The talks" is two sentences that lost their space.
  if (!isSpaceAt(text, end)) return end === sentenceEnd ? gluedBoundary(text, index, cluster, end) : null;
  // Only the next word matters: a bounded look-ahead keeps splitting linear in the text length.
  const rest = text.slice(end, end + 40).trimStart();
  const next = rest[0] ?? '';
  if (!OPENER.test(next)) return null; // `"…," he said`, "field... a decision"
  if (cluster !== '.') return sentenceEnd;
  const word = wordBefore(text, index);
  const bare = word.replaceAll('.', '').toLowerCase();
  if (TITLES.has(bare)) return null;
  if (BEFORE_NUMBERS.has(bare) && /\d/u.test(next)) return null;
  // An abbreviation that may end a sentence, an initial ("John F. Kennedy") or a dotted acronym ("U.S.") ends one
  // only before a typical opener; any other word before a period ends one (most periods: the opener is not read).
  const ambiguous = MAYBE_FINAL.has(bare) || isInitial(word) || isDotted(word);
  return !ambiguous || opensSentence(rest) ? sentenceEnd : null;
}

const DIGRAPH_INITIALS = new Set(textWords.digraphInitials);

/** An initial: one capital ("John F. Kennedy"), or the letters transliteration writes one sound with ("Yu. Orlov"). */
const isInitial = (word: string) => isOneCapital(word) || DIGRAPH_INITIALS.has(word);

/** A dotted acronym or a run of initials before the last period: "U.S", "A.B", "Yu.V". */
const isDotted = (word: string) =>
  /^(\p{L}\.)+\p{L}$/u.test(word) || (word.includes('.') && word.split('.').every((part) => isInitial(part)));

/** Whether `rest` starts with a word that typically opens a sentence, after an opening quote or bracket. */
function opensSentence(rest: string): boolean {
  const nextWord = /^["'\u201c\u2018\u00ab(]?(\p{L}+)/u.exec(rest)?.[1] ?? '';
  return SENTENCE_OPENERS.has(nextWord.toLowerCase());
}

/** An opening curly mark right after final punctuation and before a space closes the quote: `… end.\u201c He said`. */
function isOpenerTypedAsCloser(text: string, at: number): boolean {
  const c = text[at];
  return (c === '\u201c' || c === '\u2018') && (at + 1 >= text.length || isSpaceAt(text, at + 1));
}

/**
 * Where a sentence ends that runs into the next with no space (scraped and re-typed copy: `in the east.The talks`,
 * `told the press."Of course`), or null when the punctuation is inside a word: a decimal, an abbreviation, initials
 * (`A.B.Petrov`), a web address (`Axios.com`, `Caliber.Az`). A straight double mark between the two sentences opens
 * the second when the marks before it on its line are paired (an apostrophe makes single marks uncountable).
 */
function gluedBoundary(text: string, index: number, cluster: string, end: number): number | null {
  if (!GLUED_OPENER.test(text[end] ?? '') || inWebAddress(text, index)) return null;
  if (cluster === '.' && !endsGluedSentence(text, index, end)) return null;
  const mark = end - 1;
  const straight = text[mark];
  if (mark < index + cluster.length || straight !== '"') return end;
  return pairedBefore(text, mark) ? mark : end;
}

/** Whether the period at `index` ends a word that ends sentences: not an initial, a title or a web domain's dot. */
function endsGluedSentence(text: string, index: number, end: number): boolean {
  const nextWord = /^\p{L}+/u.exec(text.slice(end, end + 12))?.[0] ?? '';
  if (WEB_DOMAIN_ENDINGS.has(nextWord.toLowerCase())) return false;
  if (/[\d)\]"\u201d\u2019]/u.test(text[index - 1] ?? '')) return true;
  const word = wordBefore(text, index);
  return word.length >= 2 && !word.includes('.') && !isInitial(word) && !TITLES.has(word.toLowerCase());
}

/** Whether the text at `index` is inside a link or an e-mail address: its word holds a slash, an @ or "www". */
function inWebAddress(text: string, index: number): boolean {
  let start = index;
  while (start > 0 && index - start < 80 && !isSpaceAt(text, start - 1)) start--;
  return /[/@]|^www(?:\.|$)/iu.test(text.slice(start, index));
}

/** Whether the straight double marks on its line before `at` are paired, so that the one at `at` opens a quote. */
function pairedBefore(text: string, at: number): boolean {
  let count = 0;
  for (let i = text.lastIndexOf('\n', at) + 1; i < at; i++) if (text[i] === '"') count++;
  return count % 2 === 0;
}

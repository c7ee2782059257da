import { actorWords as A, openingWords as O, words } from './lexicon.js';
import { QUOTE_LABELS, speechVerbLemma } from './speakers-lexicon.js';

/*
 * What a sentence says before its core clause, read as structure: a label ("Firm line: …", "Key point — …"), a
 * setting set off by a comma ("Ahead of the vote, …", "Speaking in the capital, …", "Late on Sunday, …"), a
 * question ("Asked about the valley, …"), an opinion ("In her view, …") or a source ("According to the ministry, …").
 * The rules that look for a clause's subject at its start read from the core's offset, so that the evidence and
 * the words stay the article's own text: nothing is cut out of it, only skipped when the subject is sought.
 * A speaker's transcript turn ("VELL: …", "Karlsson: \"…\"") and a quote's introduction ("Vell said: …") are no labels.
 */

/** What an opening does for the clause after it. */
export type OpeningKind = 'label' | 'setting' | 'question' | 'opinion' | 'attribution';

export interface Opening {
  kind: OpeningKind;
  /** Offset of the opening's first word (past leading spaces and a bullet). */
  start: number;
  /** Offset of the comma, colon or dash that ends it. */
  close: number;
  /** Offset of the core clause: past the mark and the spaces after it. */
  end: number;
}

/** How far into a sentence the mark ending an opening may stand. */
const FRAME_CHARS = 140;
/** Labels are short: a heading's few words. */
const LABEL_CHARS = 60;
const LABEL_WORDS = 6;
/** A setting headed by a preposition or a participle may be long ("Speaking after a night of talks in …,"). */
const HEADED_SETTING_WORDS = 14;
/** One headed by an adverbial is short ("Late on Sunday night,", "Two days later,"). */
const ADVERBIAL_SETTING_WORDS = 4;

const SETTING_HEADS = new Set(O.settingHeads);
const ADVERBIAL_HEADS = new Set(O.adverbialHeads);
/** Words that end a short time phrase: "Two days later,", "A week ago,". */
const TIME_TAILS = new Set(O.timeTails);
const QUESTION = new RegExp(String.raw`^${words(A.questionFrames)}(?![\p{L}])`, 'iu');
const OPINION = new RegExp(String.raw`^${words(A.opinionFrames)}\s*$`, 'iu');
const ATTRIBUTION = new RegExp(String.raw`^${words(O.attributionFrames)}(?![\p{L}])`, 'iu');
/** A participle opening a setting, before a lower-case word: "Speaking to …", "Asked whether …" (not "Beijing, …"). */
const PARTICIPLE = /^\p{L}+(?:ing|ed)\s+\p{Ll}/u;
/** An adverb in -ly opening a short setting: "Shortly afterwards, …". */
const LY_ADVERB = /^\p{L}{3,}ly$/iu;

/** Spaces and bullets before a sentence's first word. */
const LEADING = new Set([' ', '\t', '\n', '\r', '\u00a0', '\u2022', '\u25aa', '\u25cf', '\u2023', '\u25ba', '*']);
/**
 * The marks an opening's search looks at: a comma, a colon or a dash may end an opening; a semicolon, a line break, a
 * quote mark or a bracket ends the search, as what follows is not an opening's words.
 */
const MARK = /[,:\-\u2013\u2014;\n"\u201c\u201d\u201e\u00ab\u00bb\u2018(]/gu;
const DASHES = new Set(['-', '\u2013', '\u2014']);
const QUOTE_OPENERS = new Set(['"', "'", '\u201c', '\u2018', '\u201e', '\u00ab']);

/** The opening of `text` read from `from`, or null when the text opens with its core clause. */
export function openingOf(text: string, from = 0): Opening | null {
  let start = from;
  while (start < text.length && LEADING.has(text[start] ?? '')) start++;
  // A sentence that opens with a quote opens with someone's words.
  if (QUOTE_OPENERS.has(text[start] ?? '')) return null;
  const limit = Math.min(text.length, start + FRAME_CHARS);
  // The marks are found by one native search rather than a loop over characters: this runs on most sentences.
  MARK.lastIndex = start;
  for (let found = MARK.exec(text); found && found.index < limit; found = MARK.exec(text)) {
    const k = found.index;
    const c = found[0];
    if (c === ',') return settingAt(text, start, k);
    if (c === ':') {
      if (/\s/u.test(text[k + 1] ?? '')) return labelAt(text, start, k);
    } else if (DASHES.has(c)) {
      if (text[k - 1] === ' ' && text[k + 1] === ' ') return labelAt(text, start, k);
    } else return null;
  }
  return null;
}

/**
 * The offset of the core clause of `text`: past every opening of the given kinds, stacked ("Key point: after the
 * vote, …"), up to three. Kinds default to those that carry no holder of their own: labels and settings.
 */
export function coreStart(text: string, kinds: ReadonlySet<OpeningKind> = STRUCTURE): number {
  let at = 0;
  for (let n = 0; n < 3; n++) {
    const opening = openingOf(text, at);
    if (!opening || !kinds.has(opening.kind)) break;
    at = opening.end;
  }
  return at;
}

/**
 * Whether the mark at offset `at` closes one of the text's openings (stacked ones included): "After talks with Mira
 * Vell, the envoy said …" — the comma after the name ends the setting, so what follows is no appositive of the name.
 */
export function closesOpening(text: string, at: number): boolean {
  let from = 0;
  for (let n = 0; n < 3; n++) {
    const opening = openingOf(text, from);
    if (!opening || opening.close > at) return false;
    if (opening.close === at) return true;
    from = opening.end;
  }
  return false;
}

/** Openings that are only structure: whose words neither hold the clause's view nor source it. */
export const STRUCTURE: ReadonlySet<OpeningKind> = new Set(['label', 'setting']);

const pastSpaces = (text: string, at: number) => {
  let k = at;
  while (/\s/u.test(text[k] ?? '')) k++;
  return k;
};

const wordsOf = (phrase: string) => phrase.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w));

function settingAt(text: string, start: number, comma: number): Opening | null {
  const kind = settingKind(text.slice(start, comma).trim());
  return kind ? { kind, start, close: comma, end: pastSpaces(text, comma + 1) } : null;
}

/**
 * What a phrase that stood before a comma would open a sentence as ("At the summit" before ", X demanded …"), or
 * null; a phrase holding a comma, a colon or a quote mark is more than one opening.
 */
export function openingPhraseKind(phrase: string): OpeningKind | null {
  return /[,;:"\u201c\u201d\u00ab\u00bb]/u.test(phrase) ? null : settingKind(phrase.trim());
}

function settingKind(phrase: string): OpeningKind | null {
  const all = wordsOf(phrase);
  const head = all[0]?.toLowerCase() ?? '';
  if (!head) return null;
  if (QUESTION.test(phrase)) return 'question';
  if (OPINION.test(phrase)) return 'opinion';
  if (ATTRIBUTION.test(phrase)) return 'attribution';
  if (SETTING_HEADS.has(head) || PARTICIPLE.test(phrase)) return all.length <= HEADED_SETTING_WORDS ? 'setting' : null;
  const last = all.at(-1)?.toLowerCase() ?? '';
  const adverbial = ADVERBIAL_HEADS.has(head) || LY_ADVERB.test(head) || TIME_TAILS.has(last);
  return adverbial && all.length <= ADVERBIAL_SETTING_WORDS ? 'setting' : null;
}

/**
 * A label before a colon or a spaced dash, or null when the words before the mark are a speaker's turn ("VELL:",
 * "Mira Vell: \"We …\""), the introduction of a quote ("Vell said: …", "Quote: …"), or too long for a heading.
 */
function labelAt(text: string, start: number, mark: number): Opening | null {
  const label = text.slice(start, mark).trim();
  const all = wordsOf(label);
  if (!all.length || all.length > LABEL_WORDS || mark - start > LABEL_CHARS) return null;
  const end = pastSpaces(text, mark + 1);
  const next = text[end] ?? '';
  // "Her answer was short: \"…\"": words before a colon and a quote introduce the quote.
  if (!next || QUOTE_OPENERS.has(next) || !/\p{Ll}/u.test(label) || QUOTE_LABELS.has(label.toLowerCase())) return null;
  // "Vell said:", "The envoy responded bluntly:": a verb of saying introduces the words after the colon.
  const lower = all.map((w) => w.toLowerCase());
  if (lower.some((w, k) => speechVerbLemma(w, lower[k - 1] ?? ''))) return null;
  // "Vell: We …": a name before the first person is a speaker's turn.
  if (namesSomeone(all) && FIRST_PERSON.test(text.slice(end, end + 12))) return null;
  return { kind: 'label', start, close: mark, end };
}

/** A person's turn opens with their words in the first person: "Mira Vell: We will not …". */
const FIRST_PERSON = /^(?:I|We|Our|My|Us)(?![\p{L}])/u;
/** Every word capitalised, two to four of them, as a name is. */
const namesSomeone = (all: readonly string[]) =>
  all.length <= 4 && all.every((w) => /^\p{Lu}[\p{L}'\u2019.-]*$/u.test(w));

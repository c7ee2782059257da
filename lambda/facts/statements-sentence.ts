import { CLAUSE_VERBS, PERSONAL_PRONOUNS } from './speakers-lexicon.js';
import { gapBetween, type MentionContext, type Token } from './speakers-mentions.js';
import type { QuoteSpan } from './statements-quotes.js';

/*
 * A sentence as attribution reads it (its tokens, offsets and quotes), and the offset arithmetic every
 * attribution frame shares: trimming a passage's ends, skipping a wire dateline, finding a comma segment.
 */

export interface SentenceContext extends MentionContext {
  /** Body offsets of the sentence. */
  start: number;
  end: number;
  quotes: QuoteSpan[];
}

export const isSpaceOrPunct = (s: string) => /^[\s,.;:!?\u2013\u2014-]*$/u.test(s);

/** A dash between words and their speaker: "… - wrote Umerov.", "\" — added the minister." */
export const SPACED_DASH = /\s[\u2013\u2014-]+\s*$/u;

/**
 * A name in the possessive ("Holm's claim", "Vell's aide Brun"), whether the mention holds the "'s" or stops before it:
 * it owns the noun after it and is no subject or speaker of its own.
 */
export const isPossessiveMention = (body: string, mention: { start: number; end: number }) =>
  /['\u2019]s$/u.test(body.slice(mention.start, mention.end)) || /^['\u2019]s\b/u.test(body.slice(mention.end));

/** The words of a passage, numbers included, punctuation not. */
export const wordCount = (text: string) => text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** The first token of the comma-delimited segment that ends at token `i`. */
export function segmentStart(ctx: SentenceContext, i: number): number {
  let j = i;
  while (j > 0 && !gapBetween(ctx.body, ctx.tokens[j - 1], ctx.tokens[j]).includes(',')) j--;
  return j;
}

/**
 * The index of the sentence's first token, -1 when it has none. A loop, not `findIndex` with a closure over `ctx`:
 * callers run on every token, and a closure over a parameter makes V8 allocate a context at each call.
 */
export function firstTokenIndex(ctx: SentenceContext): number {
  for (let k = 0; k < ctx.tokens.length; k++) if ((ctx.tokens[k] as Token).start >= ctx.start) return k;
  return -1;
}

/** The start of the paragraph holding `at`. */
export function paragraphStart(body: string, at: number): number {
  const blank = body.lastIndexOf('\n\n', at);
  return blank < 0 ? 0 : skipSpace(body, blank);
}

export const skipSpace = (body: string, at: number) => {
  let k = at;
  while (/\s/u.test(body[k] ?? '')) k++;
  return k;
};

/** The end of a passage without trailing spaces, a trailing comma or dash, or a sentence's own final period. */
export function trimEnd(body: string, start: number, end: number): number {
  let e = end;
  while (e > start && /[\s,;:[\u2013\u2014]/u.test(body[e - 1] ?? '')) e--;
  if (body[e - 1] === '.' && body[e - 2] !== '.') e--;
  while (e > start && /[\s,;:]/u.test(body[e - 1] ?? '')) e--;
  return e;
}

export function lastCommaBefore(body: string, token: Token): number {
  const k = body.lastIndexOf(',', token.start);
  return k < 0 ? token.start : k;
}

/** A quoted passage that starts at `at` (past spaces), if any. */
export const quoteOpeningAt = (ctx: SentenceContext, at: number) =>
  ctx.quotes.find((q) => q.open === skipSpace(ctx.body, at));

/**
 * A wire dateline is the outlet's, not the speaker's: "MUSCAT, Feb. 6 (Xinhua) -- ", "ISTANBUL, May 16
 * (Reuters) - ", "TIANJIN, July 15. /TASS/. ". Returns where the sentence's own words begin.
 */
export function pastDateline(body: string, start: number, end: number): number {
  const dateline =
    /^\p{Lu}[\p{Lu}\s.'/-]{2,40}(?:,[^()\n/]{1,30}?)?\s*(?:\([^()\n]{1,60}\)\s*(?:--|[-\u2013\u2014])|\/[^/\n]{1,40}\/\.)\s*/u.exec(
      body.slice(start, end),
    );
  return dateline ? start + dateline[0].length : start;
}

/**
 * "stressed the talks would go on", "confirmed Russia received the plan": a clause without "that" at token
 * `k`, right after a verb that needs one. Its subject is a short run of words with no punctuation,
 * preposition or infinitive, followed by a finite verb (`clauseVerbs`); after a name or a pronoun, any
 * past tense, and after any other subject a past tense not followed by a preposition. "stressed the need for
 * talks", "noted the progress made", "noted the plan agreed in Paris", "welcomed Turkey's offers" have none.
 */
export function bareClauseAt(ctx: SentenceContext, k: number): boolean {
  const { tokens, body } = ctx;
  let named = true;
  for (let j = k; j < Math.min(tokens.length, k + BARE_SUBJECT_WORDS + 1); j++) {
    const t = tokens[j] as Token;
    if (t.quoted || t.start >= ctx.end || (j > k && !/^\s+$/u.test(gapBetween(body, tokens[j - 1], t)))) return false;
    if (j > k && isFiniteAuxiliary(t.lower)) return true;
    if (j > k && /^\p{Ll}+ed$/u.test(t.text) && !(tokens[j - 1] as Token).possessive) {
      // "confirmed the lists arrived", but "noted the plan agreed in Paris": a participle with a phrase after it.
      if (named || !PREPOSITIONS_AFTER.has(tokens[j + 1]?.lower ?? '')) return true;
      return false;
    }
    if (NOT_IN_SUBJECT.has(t.lower) || isFiniteAuxiliary(t.lower)) return false;
    named &&= /^\p{Lu}/u.test(t.text) || PERSONAL_PRONOUNS.has(t.lower) || t.lower === 'they' || t.lower === 'it';
  }
  return false;
}

/**
 * A finite verb of the lexicon's `clauseVerbs`, or its negation ("didn't", "won’t", "can't"): the list holds the
 * plain forms, and each negated one shows a clause as well as the plain one does.
 */
function isFiniteAuxiliary(lower: string): boolean {
  if (CLAUSE_VERBS.has(lower)) return true;
  const stem = /^(\p{L}+)n['\u2019]t$/u.exec(lower)?.[1];
  return stem !== undefined && CLAUSE_VERBS.has(IRREGULAR_NEGATIONS[stem] ?? stem);
}

/** Negations whose stem is not the plain form: "won't", "can't", "shan't". */
const IRREGULAR_NEGATIONS: Record<string, string> = { wo: 'will', ca: 'can', sha: 'shall' };

/** The longest subject of a clause without "that": "the rotation of the teams" is five words. */
const BARE_SUBJECT_WORDS = 5;

/** Words that end a noun phrase as an object, never inside a clause's subject. */
const NOT_IN_SUBJECT = new Set(
  'to for on in at with by from about against that which who whom whose as if whether than and or but not'.split(' '),
);

/** Prepositions that make a past form a participle with its phrase ("the plan agreed in Paris"). */
const PREPOSITIONS_AFTER = new Set(
  'to of for on in at with by from about against as under during after before'.split(' '),
);

/** Prepositions that open a circumstance after a verb or end an object: "said in a statement", "called Orlov on Monday". */
export const PREPOSITIONS = new Set(
  'from after in on at during while before following via through to with outside upon amid when as by'.split(' '),
);

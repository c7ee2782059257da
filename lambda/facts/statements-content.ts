import { speechWords } from './lexicon.js';
import { openingOf } from './sentence-opening.js';
import {
  CLAUSE_ONLY,
  CLAUSE_VERBS,
  CONTENT_IN_VERB_PHRASE,
  INFINITIVE_VERBS,
  INSTITUTION_WORDS,
  isTimePhrase,
  LISTENER_VERBS,
  LISTENERS,
  NOMINAL_OBJECT_VERBS,
  particleEnd,
  QUOTING_WORDS,
} from './speakers-lexicon.js';
import { gapBetween, type Mention, speechVerbOf, type Token } from './speakers-mentions.js';
import type { QuoteSpan } from './statements-quotes.js';
import {
  bareClauseAt,
  isSpaceOrPunct,
  PREPOSITIONS,
  pastDateline,
  quoteOpeningAt,
  type SentenceContext,
  skipSpace,
  trimEnd,
  wordCount,
} from './statements-sentence.js';
import { subjectBefore } from './statements-subject.js';

/*
 * What was said: where the reported words of one verb of saying begin and end, after the verb (past a
 * listener or circumstance), before the speaker, or set off by commas, and where a second speaker cuts them.
 */

const TIME_WORDS = new Set(
  (
    'tuesday monday wednesday thursday friday saturday sunday today yesterday tonight earlier later also again late ' +
    'previously separately once then'
  ).split(' '),
);

/**
 * "confirmed last month that …", "warned earlier this week that …": past a time phrase with no commas around it,
 * when a "that" follows it; anything else after the verb is left as it was. A leading "earlier" or "later" is one
 * of the time words the caller has already skipped.
 */
function pastTimePhrase(tokens: readonly Token[], k: number): number {
  const that = tokens[k + 2];
  return that?.lower === 'that' && !that.quoted && isTimePhrase(tokens[k], tokens[k + 1]) ? k + 2 : k;
}

/** Words that open a time or place aside between a verb and its "that": ", on 4 May, ", ", in Geneva, ". */
const TIME_ASIDE_OPENERS = new Set(['on', 'in', 'at', 'during', 'last', 'this', ...TIME_WORDS]);
const RESTRICTING_ADVERBS = new Set(['only', 'simply', 'merely', 'just']);
/** Prepositions that name what the words were about right after a verb of saying ("said of the talks"). */
const TOPIC_PREPOSITIONS = new Set(['of', 'about']);
/** How far after "said of" its "that" may come, past the topic and a relative clause on it. */
const TOPIC_WORDS = 16;

/**
 * Whether the phrase at token `k`, right after a verb of saying, names what the words were about ("said of the other
 * side", "said about the talks, which …, that …"): "of" or "about" with no quote before its "that" or the sentence's
 * end. 'warned of "grave consequences"' quotes the words themselves.
 */
function namesTopic(ctx: SentenceContext, k: number, gap: string): boolean {
  const at = ctx.tokens[k];
  if (!at || at.quoted || !TOPIC_PREPOSITIONS.has(at.lower) || /[,:]/u.test(gap)) return false;
  for (const t of ctx.tokens.slice(k + 1, k + TOPIC_WORDS)) {
    if (t.quoted) return false;
    if (t.lower === 'that' || t.start >= ctx.end) return true;
  }
  return true;
}
/**
 * "…, as Sir Humphrey said, 'a brave decision'": a speaker in an "as" clause owns only the quote that
 * follows the clause, not the sentence around it.
 */
export function interjectedQuote(
  ctx: SentenceContext,
  v: number,
  speaker: Mention,
): { start: number; end: number } | null {
  const { tokens, body } = ctx;
  const at = tokens.findIndex((t) => t.start === speaker.start);
  if (at <= 0 || tokens[at - 1]?.lower !== 'as') return null;
  const verb = tokens[v] as Token;
  // "as Sir Humphrey put it at the outset, '…'": a short circumstance may come between the verb and the quote.
  const quote = ctx.quotes.find(
    (q) => q.open >= verb.end && /^(?:\s+[\p{L}\d'\u2019-]+){0,5}\s*,?\s*$/u.test(body.slice(verb.end, q.open)),
  );
  return quote ? { start: quote.open, end: quote.close + 1 } : null;
}

/**
 * "Now, he added, the burden is shifting …": a short lead, then the speaker and verb set off by
 * commas; what was said is the rest of the sentence.
 */
export function parentheticalContent(
  ctx: SentenceContext,
  v: number,
  speakerStart: number,
): { start: number; end: number } | null {
  const { tokens, body } = ctx;
  const verb = tokens[v] as Token;
  const lead = body.slice(pastDateline(body, ctx.start, speakerStart), speakerStart);
  if (!/,\s*$/u.test(lead) || lead.split(/\s+/u).filter(Boolean).length > 3) return null;
  const comma = /^\s*,\s*/u.exec(body.slice(verb.end, ctx.end));
  if (!comma) return null;
  const start = verb.end + comma[0].length;
  const end = trimEnd(body, start, ctx.end);
  return wordCount(body.slice(start, end)) >= 3 ? { start, end } : null;
}

/**
 * "Torinsky said A, while Lomakhia said B": a clause with a named speaker of its own ends the first
 * speaker's content, so that both statements are found.
 */
export function cutAtNextSpeaker(
  ctx: SentenceContext,
  v: number,
  content: { start: number; end: number } | null,
): { start: number; end: number } | null {
  if (!content) return null;
  const { tokens, body } = ctx;
  for (let k = v + 2; k < tokens.length && (tokens[k] as Token).start < content.end; k++) {
    const t = tokens[k] as Token;
    if (t.quoted || !speechVerbOf(t, tokens[k - 1]?.lower ?? '', tokens[k + 1]?.lower)) continue;
    const subject = subjectBefore(ctx, k);
    if (!subject || (subject.mention.kind !== 'name' && subject.mention.kind !== 'pronoun')) continue;
    // "X, who said on Monday that A, conceded that B": the speaker's main verb after the relative clause
    // ends the relative clause's words.
    if ((subject.start ?? subject.mention.start) < content.start) {
      if (!gapBetween(body, tokens[k - 1], t).includes(',')) continue;
      return { start: content.start, end: trimEnd(body, content.start, (tokens[k - 1] as Token).end) };
    }
    const lead = body.slice(content.start, subject.start ?? subject.mention.start);
    const boundary = /(?:[,;]\s*(?:while|whereas|but|and)?|\s(?:while|whereas))\s*$/u.exec(lead);
    if (boundary) return { start: content.start, end: trimEnd(body, content.start, content.start + boundary.index) };
  }
  return content;
}

/** The longest noun phrase between a verb and its "that": "expressed the cautious hope that" is three words. */
const NOUN_PHRASE_WORDS = 5;

/**
 * The token index of the "that" which ends a short noun phrase opening at token `k` ("hope that",
 * "Moscow's position that"), or -1. A preposition, a verb of saying or any punctuation first ends the search:
 * "hope for a truce that lasts" has no such "that".
 */
function thatAfterNounPhrase(ctx: SentenceContext, k: number): number {
  const { tokens, body } = ctx;
  for (let j = k; j < Math.min(tokens.length, k + NOUN_PHRASE_WORDS + 1); j++) {
    const t = tokens[j] as Token;
    if (t.quoted || t.start >= ctx.end || (j > k && !/^\s+$/u.test(gapBetween(body, tokens[j - 1], t)))) return -1;
    if (t.lower === 'that') return j > k ? j : -1;
    if (PREPOSITIONS.has(t.lower) || /^(of|for|about|to)$/u.test(t.lower)) return -1;
  }
  return -1;
}

/** A quote within the few words of a verb's object, in its clause: `expressed "deep concern"`. */
function quotedWithin(ctx: SentenceContext, k: number): boolean {
  const { tokens, body } = ctx;
  for (let j = k; j < Math.min(tokens.length, k + NOUN_PHRASE_WORDS + 1); j++) {
    const t = tokens[j] as Token;
    if (t.start >= ctx.end || (j > k && /[,;:.]/u.test(gapBetween(body, tokens[j - 1], t)))) return false;
    if (t.quoted) return true;
  }
  return false;
}

/** A quote as the object, perhaps after "of": `warned "…"`, `warned of "grave consequences"`. */
function quotedObject(ctx: SentenceContext, k: number): boolean {
  const at = ctx.tokens[k] as Token;
  const next = ctx.tokens[k + 1];
  if (quoteOpeningAt(ctx, at.start)) return true;
  return /^(of|about|against)$/u.test(at.lower) && !!next && !!quoteOpeningAt(ctx, at.end);
}

/**
 * Pronouns that can only be a subject: after a verb that needs a clause ("signalled he would compromise",
 * "warned they might leave"), one opens the clause that "that" would have introduced; it is never the object.
 */
const NOMINATIVE_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i']);

/**
 * ", however, ", ", though, ": one word set off by commas between a verb of saying and its "that"; or an
 * outlet that passes the words on, ", quoted by the agency, ", ", according to the agency, ".
 */
const isAsideWord = (gap: string) => {
  const aside = /^\s*,\s*(\p{L}+)([^,;:]{0,60}),\s*$/u.exec(gap);
  const head = (aside?.[1] ?? '').toLowerCase();
  return (
    !!aside &&
    (!aside[2]?.trim() ||
      QUOTING_WORDS.has(head) ||
      TIME_ASIDE_OPENERS.has(head) ||
      (head === 'according' && /^\s+to\s/u.test(aside[2] ?? '')))
  );
};

/**
 * The content after a verb of saying, or null when nothing but circumstances follows ("said Tuesday.",
 * "told reporters in Vienna after the meeting."), in which case the content came before the speaker.
 */
export function contentAfter(ctx: SentenceContext, v: number, lemma: string): { start: number; end: number } | null {
  const { tokens, body } = ctx;
  const verb = tokens[v] as Token;
  // "pointed out that", "made it clear that": past the verb's particle.
  const particle = particleEnd((j) => tokens[j]?.lower, v, lemma);
  if (particle < 0) return null;
  let k = particle + 1;
  if (lemma === 'tell') k = pastListener(ctx, k);
  else if (LISTENER_VERBS.has(lemma)) k = thatAfterListener(ctx, k) ?? k;
  while (k < tokens.length && TIME_WORDS.has((tokens[k] as Token).lower) && !(tokens[k] as Token).quoted) k++;
  k = pastTimePhrase(tokens, k);
  // "saying only that …", "said simply that …": the adverb qualifies the saying, not the words.
  if (RESTRICTING_ADVERBS.has(tokens[k]?.lower ?? '') && tokens[k + 1]?.lower === 'that' && !tokens[k]?.quoted) k++;
  const at = k < tokens.length ? (tokens[k] as Token) : null;
  const gap = body.slice((tokens[k - 1] as Token).end, at ? at.start : ctx.end);
  // "expressed hope that …", "reiterated the position that …": the clause after a short noun phrase; a bare
  // nominal object ("expressed openness to talks", "reiterated its commitment to …") says nothing.
  const nominal = NOMINAL_OBJECT_VERBS.has(lemma) && at && at.lower !== 'that' && !/[:,]/u.test(gap);
  const thatOfNoun = nominal ? thatAfterNounPhrase(ctx, k) : -1;
  if (nominal && thatOfNoun < 0 && !PREPOSITIONS.has(at.lower) && !quotedWithin(ctx, k) && !bareClauseAt(ctx, k))
    return null;
  let start: number;
  if (thatOfNoun >= 0) {
    start = skipSpace(body, (tokens[thatOfNoun] as Token).end);
  } else if (CONTENT_IN_VERB_PHRASE.has(lemma) || (INFINITIVE_VERBS.has(lemma) && at?.lower === 'to' && !at.quoted)) {
    start = verb.start;
  } else if (!at || at.start >= ctx.end || startsContinuation(ctx, k)) {
    return null;
  } else if (/:/u.test(gap) || at.lower === 'that') {
    start = skipSpace(body, at.lower === 'that' ? at.end : (tokens[k - 1] as Token).end + gap.indexOf(':') + 1);
  } else if (gap.includes(',') && quoteOpeningAt(ctx, (tokens[k - 1] as Token).end + gap.indexOf(',') + 1)) {
    // `Reed wrote, "…"`: the quote after the comma is the words.
    start = skipSpace(body, (tokens[k - 1] as Token).end + gap.indexOf(',') + 1);
  } else if (namesTopic(ctx, k, gap)) {
    // "said of the talks, which ran late, that they were …": the topic, then the words after "that"; in "\"…,\" he
    // said of the other side" the words came before, and "of the other side" is only what they were about.
    const that = tokens.slice(k, k + TOPIC_WORDS).find((t) => t.lower === 'that' && !t.quoted && t.start < ctx.end);
    if (!that) return null;
    start = skipSpace(body, that.end);
  } else if (PREPOSITIONS.has(at.lower) || gap.includes(',')) {
    // "said in a statement that …", "wrote on Telegram: …"; otherwise the content came before.
    const window = tokens.slice(k, k + 12).filter((t) => !t.quoted && t.start < ctx.end);
    // "told a network in an interview that aired on Sunday": a "that" with a verb right after it is the
    // circumstance's relative pronoun, not the start of the words (the last review's leftover, round 14's X14-4).
    const that = window.find(
      (t, j) => t.lower === 'that' && !isRelativeThat(window[j - 1], window[j + 1], window[j + 2]),
    );
    const circumstance = body.slice(at.start, that ? that.start : (window.at(-1)?.end ?? at.end) + 3);
    const colon = /^[^,;:.!?]*:/u.exec(circumstance);
    // "commented on reports that …", "responded to the news that …": the clause is the report's.
    if (!colon && that && REPORT_NOUNS.has(window[window.indexOf(that) - 1]?.lower ?? '')) return null;
    if (colon) start = skipSpace(body, at.start + colon[0].length);
    else if (that && (!/[,;]/u.test(body.slice(at.start, that.start)) || isAsideWord(body.slice(verb.end, that.start))))
      start = skipSpace(body, that.end);
    else return null;
  } else if (
    CLAUSE_ONLY.has(lemma) &&
    !quotedObject(ctx, k) &&
    !NOMINATIVE_PRONOUNS.has(at.lower) &&
    !bareClauseAt(ctx, k)
  ) {
    // "answered questions", "stressed the need for talks", "warned of force": an object, not words said.
    return null;
  } else {
    start = skipSpace(body, (tokens[k - 1] as Token).end);
  }
  const quote = quoteOpeningAt(ctx, start);
  // `claimed that "…", which matters for …`: the relative clause after the quote is the writer's comment.
  const commented = quote && /^\s*,\s*which\b/u.test(body.slice(quote.close + 1, ctx.end));
  const end =
    quote && (quote.close >= ctx.end || commented)
      ? Math.min(body.length, quote.close + 1)
      : trimEnd(body, start, withoutTrailingSource(body, start, ctx.end));
  return end > start ? { start, end } : null;
}

/**
 * Whether the words after a "that" inside a circumstance are a verb ("… an interview that was published on Sunday") or
 * a past tense with a preposition after it ("… an interview that aired on Sunday"): the "that" is then a relative
 * pronoun. A content clause opens with its subject ("… in a statement that seized land would be returned"). A relative
 * "that" follows a common noun: after a name ("said on Telegram that speed in the talks was …") it opens the words.
 */
function isRelativeThat(previous: Token | undefined, next: Token | undefined, after: Token | undefined): boolean {
  if (!next || next.quoted || !previous || !/^\p{Ll}/u.test(previous.text)) return false;
  if (CLAUSE_VERBS.has(next.lower)) return true;
  return /^\p{Ll}{3,}ed$/u.test(next.text) && !!after && PREPOSITIONS.has(after.lower);
}

/**
 * "X told reporters that A, quoted by the agency.": an outlet named at the end of the sentence passed
 * the words on; it is no part of them. Returns where the words end.
 */
function withoutTrailingSource(body: string, start: number, end: number): number {
  const tail = /,\s*(\p{L}+)\s+by\s+[^,;:"\u201c\u201d\u00ab\u00bb]{1,60}$/u.exec(body.slice(start, end));
  return tail && QUOTING_WORDS.has((tail[1] ?? '').toLowerCase()) ? start + tail.index : end;
}

/** ", adding that …", ", who added …": what follows belongs to a second statement. */
/** Nouns whose "that" clause is what a report says, not the speaker's words (`reportNouns` in speech.json). */
const REPORT_NOUNS = new Set(speechWords.reportNouns);

function startsContinuation(ctx: SentenceContext, k: number): boolean {
  const t = ctx.tokens[k] as Token;
  const next = ctx.tokens[k + 1];
  if (t.lower === 'who' && next && speechVerbOf(next, 'who')) return true;
  return /ing$/u.test(t.lower) && speechVerbOf(t, '') !== null;
}

const CLAUSE_OPENERS = new Set(
  'the a an he she they it we there this these those his her their its our no some all'.split(' '),
);

/**
 * "Belenskyy said in a televised address late Sunday the mood had improved": with nothing before the
 * speaker, the content starts after the circumstance, at the first word that opens a clause.
 */
export function contentPastCircumstance(
  ctx: SentenceContext,
  v: number,
  lemma: string,
): { start: number; end: number } | null {
  const { tokens, body } = ctx;
  const k = lemma === 'tell' ? pastListener(ctx, v + 1) : v + 1;
  for (let j = k + 2; j < Math.min(tokens.length, k + 9); j++) {
    const t = tokens[j] as Token;
    if (t.quoted || t.start >= ctx.end || /[,;:]/u.test(gapBetween(body, tokens[j - 1], t))) return null;
    if (t.lower === 'that' && REPORT_NOUNS.has(tokens[j - 1]?.lower ?? '')) return null;
    // "after the meeting": a word governed by a preposition is still circumstance.
    if (TIME_WORDS.has(t.lower) || PREPOSITIONS.has(tokens[j - 1]?.lower ?? '')) continue;
    if (CLAUSE_OPENERS.has(t.lower) || /^\p{Lu}/u.test(t.text)) {
      const end = trimEnd(body, t.start, ctx.end);
      return end > t.start ? { start: t.start, end } : null;
    }
  }
  return null;
}

/** Past the person or audience told: "told reporters", "told state television", "told CNN". */
function pastListener(ctx: SentenceContext, k: number): number {
  const { tokens } = ctx;
  const that = thatAfterListener(ctx, k);
  if (that !== null) return that;
  for (let j = k; j < Math.min(tokens.length, k + 4); j++) {
    const t = tokens[j] as Token;
    if (t.lower === 'that' || t.quoted) return j;
    if (LISTENERS.has(t.lower) || LISTENERS.has(t.lower.replace(/s$/u, ''))) return j + 1;
    // "told CNN", but "told Russian media": a capitalised word before a listener noun only modifies it.
    const next = tokens[j + 1];
    const listenerNext = !!next && (LISTENERS.has(next.lower) || LISTENERS.has(next.lower.replace(/s$/u, '')));
    if (/^\p{Lu}/u.test(t.text) && !/^\p{Lu}/u.test(next?.text ?? '') && !listenerNext) return j + 1;
  }
  // A text cut right after the verb has no listener to step past.
  return Math.min(k + 1, tokens.length);
}

/**
 * "told Russian state TV channel Rossiya 24 that …", "assured reporters that …": an explicit "that" within a
 * few words ends the listener. Returns its index, or null when no "that" follows the listener, or the token count
 * when a relative "that" does (`isRelativeThat`): no words follow.
 */
function thatAfterListener(ctx: SentenceContext, k: number): number | null {
  const { tokens, body } = ctx;
  for (let j = k; j < Math.min(tokens.length, k + 7); j++) {
    const t = tokens[j] as Token;
    if (t.quoted || t.start >= ctx.end || /[,;:]/u.test(gapBetween(body, tokens[j - 1], t))) break;
    // "told a network in an interview that aired on Sunday": the interview's relative clause ends the sentence's
    // circumstances, and nothing after them is words (they stand before the speaker).
    // "told reporters that was a mistake": right after the listener, with no circumstance between, "that" is the
    // words' own demonstrative subject (review S36).
    if (t.lower === 'that') {
      const inCircumstance = tokens.slice(k, j).some((u) => PREPOSITIONS.has(u.lower));
      return inCircumstance && isRelativeThat(tokens[j - 1], tokens[j + 1], tokens[j + 2]) ? tokens.length : j;
    }
  }
  return null;
}

/** What came before the speaker: from the sentence start, or from the quote that ends right there. */
/**
 * `"…," Chinese embassy spokesperson Jane Roe said`: between the quote and the speaker's title, a
 * comma and at most three words of the body the speaker works for (capitalised, or an institution word),
 * which belong to the speaker's description, not to the words said.
 */
function namesSpeakersBody(between: string): boolean {
  const words = /^[\s,]+((?:[\p{L}'\u2019-]+\s+){1,3})$/u.exec(between)?.[1]?.trim().split(/\s+/u);
  return !!words && words.every((w) => /^\p{Lu}/u.test(w) || INSTITUTION_WORDS.has(w.toLowerCase()));
}

/** A label before the words is the page's heading, not what was said: "Firm line: the valley stays ours, X said". */
function pastLabel(body: string, start: number, end: number): number {
  const opening = openingOf(body.slice(start, end));
  return opening?.kind === 'label' ? start + opening.end : start;
}

export function contentBefore(ctx: SentenceContext, speakerStart: number): { start: number; end: number } | null {
  const { body } = ctx;
  // A quote that closed a paragraph before is no part of this sentence's words.
  const justBefore = (q: QuoteSpan) => {
    const between = body.slice(q.close + 1, speakerStart);
    return (isSpaceOrPunct(between) || namesSpeakersBody(between)) && !/\n\s*\n/u.test(between);
  };
  const quote = ctx.quotes.find((q) => q.close < speakerStart && justBefore(q));
  const start =
    quote && quote.open < ctx.start
      ? quote.open
      : pastLabel(body, pastDateline(body, ctx.start, speakerStart), speakerStart);
  const describedAfter = quote && namesSpeakersBody(body.slice(quote.close + 1, speakerStart));
  const end = describedAfter
    ? quote.close + 1
    : Math.max(trimEnd(body, start, speakerStart), quote && quote.open >= start ? quote.close + 1 : 0);
  return end > start ? { start, end } : null;
}

import { speechWords } from './lexicon.js';
import { openingPhraseKind } from './sentence-opening.js';
import {
  AFTER_QUOTE_ONLY,
  APPEAL_FRAMES,
  AS_PREDICATE_ONLY,
  BE_FORMS,
  CLAUSE_ONLY,
  CLAUSE_VERBS,
  CONTENT_IN_VERB_PHRASE,
  CONTINUATION_VERBS,
  INDEFINITE,
  INFINITIVE_VERBS,
  LISTENER_VERBS,
  NAMING_VERBS,
  NOMINAL_OBJECT_VERBS,
  PERSONAL_PRONOUNS,
  POINTER_NOUNS,
  particleEnd,
  QUOTING_WORDS,
  RELATION_HEADS,
  speechVerbLemma,
  timePhraseLengthAt,
} from './speakers-lexicon.js';
import {
  gapBetween,
  genericMention,
  type Mention,
  mentionEndingAt,
  mentionStartingAt,
  nameMention,
  speechVerbOf,
  type Token,
} from './speakers-mentions.js';
import {
  contentAfter,
  contentBefore,
  contentPastCircumstance,
  cutAtNextSpeaker,
  interjectedQuote,
  parentheticalContent,
} from './statements-content.js';
import { quotedFragmentsAt } from './statements-fragments.js';
import type { QuoteSpan } from './statements-quotes.js';
import {
  firstTokenIndex,
  isPossessiveMention,
  isSpaceOrPunct,
  lastCommaBefore,
  PREPOSITIONS,
  paragraphStart,
  quoteOpeningAt,
  type SentenceContext,
  SPACED_DASH,
  segmentStart,
  skipSpace,
  trimEnd,
  wordCount,
} from './statements-sentence.js';
import {
  appositiveAfter,
  clauseSubject,
  governedByPreposition,
  NEGATIONS,
  namedSpeakerFrom,
  namesObject,
  namingParticiple,
  participleOfMainClause,
  predicatesWithAs,
  pronounAt,
  sentenceSubject,
  subjectBefore,
  withheld,
} from './statements-subject.js';

/*
 * Attribution: which words of a sentence someone is reported to have said, and who. News English puts
 * the speaker before the content ("Torinsky said (that) …", "X told reporters: …", "X described … as …",
 * "according to X, …") or after it ("…, Rudakin said.", "…, said Torinsky, who added that …"); a
 * continuation (", adding that …", ", who added that …") is a second statement by the same speaker.
 * This module holds the frames; statements-subject.ts finds a frame's speaker and statements-content.ts its words.
 */

/** One attributed passage, before speaker resolution. */
export interface Attribution {
  speaker: Mention;
  /** Words after the speaker's name that describe them (", an adviser to Belenskyy,"). */
  appositive: string;
  /** Body offsets of what was said: a quoted passage, or the reported clause. */
  start: number;
  end: number;
  /** True for ", adding that …": the speaker is the one of the attribution before it in the sentence. */
  continues: boolean;
  /** Unquoted words given as the speaker's own ("… our delegation worked - wrote Umerov."). */
  direct?: boolean;
  /**
   * The named person before "and" who says the words too (`coordinatedSubject`), once the subject before the verb was
   * read for it, null when there is none; undefined when no reading looked.
   */
  partner?: Mention | null;
}

/**
 * `content` attributed to `speaker`. Every attribution is built here with its fields in one order, so
 * V8 gives them one shape (spreading `content` gave them several, and made reading them slow).
 */
const attributed = (
  content: { start: number; end: number },
  speaker: Mention,
  appositive: string,
  continues = false,
): Attribution => ({ speaker, appositive, start: content.start, end: content.end, continues });

/** Finds every attribution in a sentence, in text order. */
export function findAttributions(ctx: SentenceContext): Attribution[] {
  const { tokens, body } = ctx;
  const found: Attribution[] = [];
  const claimed: [number, number][] = [];
  const isClaimed = (at: number) => claimed.some(([a, b]) => at >= a && at < b);
  let quotedSpeaker: Mention | null = null;
  for (let v = 0; v < tokens.length; v++) {
    const verb = tokens[v] as Token;
    if (verb.quoted) continue;
    const source = sourcePhraseAt(ctx, v);
    if (source) {
      const a = attributedBySource(ctx, v, source);
      if (a && !isClaimed(verb.start)) found.push(a);
      continue;
    }
    const fragments = quotedFragmentsAt(ctx, v);
    const fragmentSpeaker = fragments && (fragments.speaker ?? found.at(-1)?.speaker);
    if (fragments && fragmentSpeaker) {
      for (const quote of fragments.quotes.filter((q) => !isClaimed(q.start))) {
        found.push(attributed(quote, fragmentSpeaker, '', fragments.speaker === null));
        claimed.push([quote.start, quote.end]);
      }
      continue;
    }
    if (QUOTING_WORDS.has(verb.lower)) {
      quotedSpeaker = quotingAt(ctx, v, found) ?? quotedSpeaker;
      continue;
    }
    const lemma = speechVerbOf(verb, tokens[v - 1]?.lower ?? '', tokens[v + 1]?.lower) ?? presentTenseAt(ctx, v);
    if (!lemma || withheld(ctx, v) || particleEnd((j) => tokens[j]?.lower, v, lemma) < 0) continue;
    const previous = found.at(-1);
    // A continuation with no statement before it in the sentence ("pressed for talks, arguing that …") is
    // a participle of the main clause, found below.
    if (previous && continuationAt(ctx, v, lemma)) {
      addContinuation(ctx, v, lemma, found, previous);
      continue;
    }
    if (
      previous &&
      previous.speaker.kind !== 'generic' &&
      coordinatedVerb(ctx, v) &&
      previous.end > verb.start &&
      (!CONTENT_IN_VERB_PHRASE.has(lemma) || quoteInVerbPhrase(ctx, v))
    ) {
      // "confirmed the side got the draft and stated it might …", "called the plan 'positive' and said it
      // would …": two statements of one subject, as the real set labels them; "said … and called for …"
      // stays one, as the second verb's words are its verb phrase, unless that phrase quotes the speaker
      // ("noted that … and called it \"…\"", "… but described the day as \"…\"").
      const and = ctx.tokens[v - 1] as Token;
      const content = contentAfter(ctx, v, lemma);
      previous.end = trimEnd(body, previous.start, and.start);
      // "X called for talks after the Norwegian leader stated … and said …": the subject of a clause
      // inside the first statement owns the second verb.
      const inner = content ? innerClauseSubject(ctx, v, previous) : null;
      if (content) found.push(inner ? attributed(content, inner, '') : attributed(content, previous.speaker, '', true));
      continue;
    }
    if (isClaimed(verb.start)) continue;
    const a = attributionAt(ctx, v, lemma);
    if (!a || continuesThatClause(ctx, a.speaker)) continue;
    if (quotedSpeaker && a.speaker.kind === 'generic') {
      a.speaker = quotedSpeaker;
      a.partner = undefined;
    }
    quotedSpeaker = null;
    const partner = a.partner === undefined ? coordinatedSubject(ctx, a.speaker, verb) : a.partner;
    if (partner) found.push(attributed(a, partner, ''));
    found.push(a);
    // "Russia insists on direct talks …, Oleg Kastrin told reporters": a group or a country as the
    // subject leaves the words free for a named speaker later in the sentence.
    if (a.speaker.kind !== 'generic') claimed.push([Math.min(a.start, a.speaker.start), Math.max(a.end, verb.end)]);
    // "The press office confirmed that President X urged …": a person's verb inside the "that" clause of an
    // institution's is the institution's report, not the person's words.
    else if (tokens[v + 1]?.lower === 'that' && a.start > verb.end) claimed.push([a.start, a.end]);
    const resumed = resumedQuote(ctx, Math.max(verb.end, a.speaker.end));
    if (resumed) {
      found.push({ speaker: a.speaker, appositive: '', start: resumed.open, end: resumed.close + 1, continues: true });
      claimed.push([resumed.open, resumed.close + 1]);
    }
  }
  return found.filter((a) => a.end > a.start);
}

/** A verb of `infinitiveVerbs` and its "to" at the start of words: "vowed to win back every village". */
const COMMITMENT_OPENING = /^(\p{L}+)\s+to\s+(\p{L}+)/u;

/** A verb and its particle at the start of words, read against `appealFrames`: "called for more support". */
const APPEAL_OPENING = /^(\p{L}+)\s+(\p{L}+)\b/u;

/**
 * Words that open a noun phrase, never an infinitive: "promised to the assembly that …", "pledged to them that …"
 * (machine translation's addressee after "to"; the clause after it is the speaker's words).
 */
const NOUN_PHRASE_OPENERS = new Set(
  'the a an this that these those his her its their our my your him them us me every each all both'.split(' '),
);

/**
 * "The premier vowed to win back every village": a promise, vow or pledge the writer sums up in its verb phrase is a
 * commitment, not words of the speaker's (round 14's X14-1, round 12's X12-5: the labels leave 10 of 12 such verb
 * phrases unlabelled); one that quotes the speaker ("vowed to fight \"to the last village\"") gives the words. Read
 * when the statement is emitted, not when it is found: the verb still holds the floor for "… and said that …".
 */
export function isUnquotedCommitment(ctx: SentenceContext, a: { start: number; end: number }): boolean {
  const head = ctx.body.slice(a.start, Math.min(a.end, a.start + 40));
  const quoted = () => ctx.quotes.some((q) => q.open >= a.start && q.open < a.end);
  // "called for more support", "called on allies to send jets": an appeal the writer sums up (round 15's X15-1: the
  // read tune half's 7 such verb phrases are all unlabelled), words only when the phrase quotes them.
  // Only the verb's own phrase: a clause after "that" or a colon ("said that calling for a truce would …") is words
  // whose subject happens to be the gerund; "called on" only with its "to" ("called on Monday the offer a trap" names).
  const words = ctx.body.slice(a.start, a.end);
  const appeal = APPEAL_OPENING.exec(head);
  if (appeal && !/(?:\bthat|[:;])\s*$/iu.test(ctx.body.slice(ctx.start, a.start))) {
    // "called on Friday for guarantees", "called last week on allies to …" (rounds 15 and 16 hold the appeal kind): a time phrase
    // between the verb and its particle is read past; "called on Monday the offer a trap" still names. Apostrophes stay
    // in their word: a day that owns a noun ("called on Sunday's summit to …") is no time phrase, "on" is the particle.
    const opening = head.toLowerCase().split(/[^\p{L}'\u2019]+/u);
    const particle = opening[1 + timePhraseLengthAt(opening, 1)] ?? '';
    const lemma = speechVerbLemma((appeal[1] ?? '').toLowerCase(), '', particle);
    if (lemma && APPEAL_FRAMES.has(`${lemma} ${particle}`) && (particle !== 'on' || /\bto\b/u.test(words)))
      return !quoted();
  }
  const opening = COMMITMENT_OPENING.exec(head);
  if (!opening || !INFINITIVE_VERBS.has(speechVerbLemma((opening[1] ?? '').toLowerCase(), '', 'to') ?? ''))
    return false;
  // "promised to Kyiv that …": a name or a noun phrase after "to" is the addressee, no infinitive, and a clause after
  // it is the words (review S36); "promised to Ukrainians to keep fighting" still sums up a commitment.
  const next = opening[2] ?? '';
  if ((/^\p{Lu}/u.test(next) || NOUN_PHRASE_OPENERS.has(next)) && /\bthat\b/u.test(words)) return false;
  return !quoted();
}

/**
 * ", adding that …" at token `v`, a continuation of `previous`: the statement it runs over ends where it begins, and its
 * words are `previous`'s speaker's. Apart from `findAttributions`' loop because of its closures: a closure over a
 * variable of the loop's body made V8 allocate that body's variables anew for every token.
 */
function addContinuation(ctx: SentenceContext, v: number, lemma: string, found: Attribution[], previous: Attribution) {
  const { tokens, body } = ctx;
  const verb = tokens[v] as Token;
  // The first statement ends where its continuation begins.
  const cut = lastCommaBefore(body, tokens[v - 1]?.lower === 'who' ? (tokens[v - 1] as Token) : verb);
  const content = contentAfter(ctx, v, lemma);
  // A quote keeps its own end: `spoke of "a real start," while acknowledging …`.
  const isQuote = (a: Attribution) => ctx.quotes.some((q) => q.open === a.start && q.close + 1 === a.end);
  // `said A, adding, "B"`: the quote after the participle was found as resumed words already; the reported clause
  // that runs over the participle is the statement to end there.
  const spanning = found.findLast((a) => a.start < cut && a.end > cut && !isQuote(a));
  // `said there is "a real chance,” adding …`: a comma inside a closing quote ends the words after the quote.
  const straddled = ctx.quotes.find((q) => q.open < cut && q.close > cut && q.close < verb.start);
  if (spanning) spanning.end = straddled ? straddled.close + 1 : trimEnd(body, spanning.start, cut);
  const again = content && found.some((a) => a.start === content.start && a.end === content.end);
  if (content && !again) found.push(attributed(content, previous.speaker, '', true));
}

/**
 * "…, and that Holm mentioned the failed talks": a subject after "and that" opens the second of someone's reported
 * clauses (the first one's verb of saying may stand in the sentence before, cut off by a stray full stop); its verb
 * reports what that someone said of Holm, not Holm's own words.
 */
function continuesThatClause(ctx: SentenceContext, speaker: Mention): boolean {
  const { tokens } = ctx;
  const s = tokens.findIndex((t) => t.start === speaker.start);
  const [and, that] = [tokens[s - 2], tokens[s - 1]];
  return s >= 2 && that?.lower === 'that' && and?.lower === 'and' && !that.quoted && !and.quoted;
}

/**
 * "President Holm and Secretary Brandt warned that …", `"…," Holm and the envoy Mira Vell said in a joint
 * statement`: the named person before "and" in subject place says the words too (`speaker` is the one after "and",
 * found as the verb's subject, its role words included). The pair opens the sentence or follows the words it
 * attributes, a quote closed by its comma; "Talks with Holm and Vell said …" is no pair.
 */
function coordinatedSubject(ctx: SentenceContext, speaker: Mention, verb: Token): Mention | null {
  if (speaker.kind !== 'name' || speaker.end > verb.start) return null;
  const { tokens } = ctx;
  const s = tokens.findIndex((t) => t.start === speaker.start);
  const and = tokens[s - 1];
  if (s < 2 || and?.lower !== 'and' || and.quoted) return null;
  const first = mentionEndingAt(ctx, s - 2, false);
  if (first?.kind !== 'name' || !/^\s+$/u.test(gapBetween(ctx.body, tokens[s - 2], and))) return null;
  const before = ctx.body.slice(ctx.start, first.start);
  if (isSpaceOrPunct(before) || QUOTE_CLOSED_BY_COMMA.test(before)) return first;
  // "The ports stay open, Holm and Vell said": words ended by a comma, but not a list of names ("Holm, Vell and …").
  const f = tokens.findIndex((t) => t.start === first.start);
  const listed = mentionEndingAt(ctx, f - 1, false)?.kind === 'name';
  return /,\s+$/u.test(before) && !listed ? first : null;
}

/** The end of a quote that its speaker follows: `,"` or `",` and the space before the speaker. */
const QUOTE_CLOSED_BY_COMMA = /(?:,["\u201d\u00bb']|["\u201d\u00bb'],)\s+$/u;

/** The end of a quote closed by a full stop, and the space after it: `."`, `.\u201d`, `.\u2019`. */
const QUOTE_CLOSED_BY_FULL_STOP = /\.["\u201d\u00bb'\u2019]\s+$/u;

/**
 * "Marek notes, on 4 May, that …", "She claims that …": a present tense that is also a plural noun ("notes",
 * "claims": `presentTenseForms`) is a verb of saying after a name or a pronoun, with "that" or a comma after it;
 * "Marek's claims that …" and "denied claims that …" stay nouns. "X demands that …" reports a standing
 * demand (a position), not words, so "demands" is no such form.
 */
const PRESENT_TENSE_FORMS = new Set(speechWords.presentTenseForms);

function presentTenseAt(ctx: SentenceContext, v: number): string | null {
  // Asked of every token that is no other verb of saying: no array or closure before the word is known to be one.
  const { tokens } = ctx;
  const verb = tokens[v] as Token;
  const before = tokens[v - 1];
  if (!before || before.quoted || before.possessive || !PRESENT_TENSE_FORMS.has(verb.text)) return null;
  const lemma = speechVerbOf(verb, 'to');
  if (!lemma || !(PERSONAL_PRONOUNS.has(before.lower) || /^\p{Lu}/u.test(before.text))) return null;
  if (v - 1 === firstTokenIndex(ctx) && !PERSONAL_PRONOUNS.has(before.lower)) return null;
  const after = tokens[v + 1];
  const gap = gapBetween(ctx.body, verb, after);
  return after?.lower === 'that' || /^\s*,/u.test(gap) ? lemma : null;
}

/**
 * `thanked the hosts for the "warm welcome", adding that …`: a quoted term of a few words inside the main
 * clause, right before the participle's comma, is the writer's quotation marks, not words the participle closes.
 */
function termQuotedBefore(ctx: SentenceContext, v: number): boolean {
  const verb = ctx.tokens[v] as Token;
  // The comma after the term, outside its marks or inside them (`a "stupid war," stating …`).
  const commaAfter = (q: QuoteSpan) => {
    const after = ctx.body.slice(q.close + 1, verb.start);
    return /^["\u201d\u00bb']?\s*,\s*$/u.test(after) || (ctx.body[q.close - 1] === ',' && /^\s*$/u.test(after));
  };
  const quote = ctx.quotes.find((q) => q.close < verb.start && commaAfter(q));
  if (!quote || quote.open <= ctx.start || !ctx.body.slice(ctx.start, quote.open).trim()) return false;
  return wordCount(ctx.body.slice(quote.open + 1, quote.close)) <= TERM_WORDS;
}

/** The longest quoted term that a writer marks within a clause ('for the "warm welcome"'). */
const TERM_WORDS = 4;

/**
 * The person or role that is the subject of the verb of saying before "and" at token `v`, when that verb
 * lies in a clause inside the statement before ("… after the Norwegian leader stated … and said …"),
 * or null when the verb is the statement's own.
 */
function innerClauseSubject(ctx: SentenceContext, v: number, previous: Attribution): Mention | null {
  const { tokens } = ctx;
  for (let k = v - 2; k >= 0 && (tokens[k] as Token).start > previous.start; k--) {
    const t = tokens[k] as Token;
    if (t.quoted || !speechVerbOf(t, tokens[k - 1]?.lower ?? '', tokens[k + 1]?.lower)) continue;
    const subject = subjectBefore(ctx, k)?.mention;
    // Whoever that verb's subject is, a person or not ("after his counterpart expressed … and said …"), the second
    // verb is theirs, never the statement's own speaker's.
    return subject && subject.start > previous.start && subject.start > previous.speaker.end ? subject : null;
  }
  return null;
}

/**
 * `"We are ready," said X, "but …"`: a quote that resumes right after its attribution (and the
 * speaker's appositive) is a second direct statement of the same speaker.
 */
function resumedQuote(ctx: SentenceContext, from: number): QuoteSpan | null {
  const quote = ctx.quotes.find((q) => q.open >= from && q.open < ctx.end);
  if (!quote) return null;
  const between = ctx.body.slice(from, quote.open);
  if (!/^[^.!?"\u201c\u201d\u00ab\u00bb]{0,100}[,:]\s*$/u.test(between)) return null;
  // "When X called for jets, Y said: \"…\"" (round 15's X15-3, round 17's opening-phrase subjects): a verb of saying
  // between the attribution and the quote is another speaker's, whose quote it is.
  return saysBetween(ctx, from, quote.open) ? null : quote;
}

/**
 * Whether another subject's verb of saying stands between `from` and `to`: a name or a pronoun right before it, outside
 * quotes ("…, Vell said:"; not "…, adding:"). A loop: no closure over `ctx`.
 */
function saysBetween(ctx: SentenceContext, from: number, to: number): boolean {
  const { tokens } = ctx;
  for (let k = 1; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (t.start < from || t.quoted) continue;
    if (t.end > to) return false;
    const before = tokens[k - 1] as Token;
    if (before.start < from || !(before.nameLike || PERSONAL_PRONOUNS.has(before.lower))) continue;
    if (speechVerbOf(t, before.lower, tokens[k + 1]?.lower) !== null) return true;
  }
  return false;
}

/** ", adding that …", ", who added that …": a second statement of the speaker before. */
function continuationAt(ctx: SentenceContext, v: number, lemma: string): boolean {
  // "…, describing the other side as \"hostile\"": a naming participle after a statement is its speaker's too.
  if (!CONTINUATION_VERBS.has(lemma) && !namingParticiple(ctx, v, lemma)) return false;
  const verb = ctx.tokens[v] as Token;
  const previous = ctx.tokens[v - 1];
  // "…, while acknowledging that …": "while" may stand for the comma.
  if (/ing$/u.test(verb.lower))
    return gapBetween(ctx.body, previous, verb).includes(',') || (previous?.lower === 'while' && !previous.quoted);
  if (previous?.lower === 'who') return gapBetween(ctx.body, ctx.tokens[v - 2], previous).includes(',');
  return false;
}

/** `called it "a good day"`: a quote within the few words after the verb, in its clause. */
function quoteInVerbPhrase(ctx: SentenceContext, v: number): boolean {
  const { tokens, body } = ctx;
  // "called for a \"dignified peace\"": a demand's object, which stays with the statement before.
  if (/^(for|on)$/u.test(tokens[v + 1]?.lower ?? '')) return false;
  for (let k = v + 1; k < Math.min(tokens.length, v + VERB_PHRASE_WORDS); k++) {
    const t = tokens[k] as Token;
    if (t.start >= ctx.end) return false;
    if (t.quoted) return true;
    if (/[,;:.]/u.test(gapBetween(body, tokens[k - 1], t))) return false;
  }
  return false;
}

/** How far after a verb like "described" its quoted predicate may begin: "described Sunday's round as \"…\"". */
const VERB_PHRASE_WORDS = 8;

function attributionAt(ctx: SentenceContext, v: number, lemma: string): Attribution | null {
  const { tokens } = ctx;
  const verb = tokens[v] as Token;
  if (NAMING_VERBS.has(lemma) && !namesObject(ctx, v, lemma)) return null;
  if (AS_PREDICATE_ONLY.has(lemma) && !predicatesWithAs(ctx, v)) return null;
  if (AFTER_QUOTE_ONLY.has(lemma) && !closesQuote(ctx, v)) return null;
  if (passiveAgentAt(ctx, v)) return impersonalPassive(ctx, v);
  // "X was reminded that …", "X was informed that …": the subject of a listener verb's passive heard the words.
  if (LISTENER_VERBS.has(lemma) && BE_FORMS.has(tokens[v - 1]?.lower ?? '') && !tokens[v - 1]?.quoted) return null;
  // "… emerged from the talks to say …", "… issued a statement saying …": the clause's subject speaks.
  if (
    tokens[v - 1]?.lower === 'to' ||
    (/ing$/u.test(verb.lower) && (!tokens[v - 1]?.quoted || termQuotedBefore(ctx, v)))
  ) {
    // "…, held in Abu Dhabi, noting that …": a place after a preposition, before the participle's comma, is
    // no subject; "with Dmitriev noting that …" has one.
    const before = mentionEndingAt(ctx, v - 1, false);
    const comma = gapBetween(ctx.body, tokens[v - 1], verb).includes(',');
    const participleSubject = before && comma ? governedByPreposition(ctx, before) : before;
    const subject =
      tokens[v - 1]?.lower === 'to'
        ? clauseSubject(ctx, v)
        : participleSubject && participleSubject.kind !== 'generic'
          ? { mention: participleSubject, appositive: '' }
          : (participleOfMainClause(ctx, v) ?? (participleSubject && { mention: participleSubject, appositive: '' }));
    // "… remarks by X suggesting A, Y said B": a named speaker's clause ends the participle's words.
    const content = cutAtNextSpeaker(ctx, v, contentAfter(ctx, v, lemma));
    return subject && content ? attributed(content, subject.mention, subject.appositive) : null;
  }
  const own = subjectBefore(ctx, v);
  // "Kastrin met his counterpart and told reporters …": "and" leaves the verb to the sentence's subject.
  const before = coordinatedVerb(ctx, v) && own?.mention.kind !== 'name' ? (sentenceSubject(ctx, v) ?? own) : own;
  if (before) {
    // `"…," Holm and Vell said`: the words stand before the pair, not before its second name.
    const pair = coordinatedSubject(ctx, before.mention, verb);
    const a = attributedToSubject(ctx, v, lemma, pair ? { ...before, start: pair.start } : before);
    if (a) a.partner = pair;
    return a;
  }
  const inverted = invertedOpening(ctx, v);
  if (inverted) return inverted;
  // "…," said Torinsky / "…, said Torinsky, who added …": the speaker follows the verb.
  const gap = v > 0 ? gapBetween(ctx.body, tokens[v - 1], verb) : ctx.body.slice(ctx.start, verb.start);
  const dashed = SPACED_DASH.test(gap);
  if (!/[,"\u201d\u00bb']/u.test(gap) && !dashed && !tokens[v - 1]?.quoted) return null;
  // "The source, speaking to the agency, stated that President X …": "that" opens the words, not a speaker.
  if (tokens[v + 1]?.lower === 'that') return null;
  // "…, says the head of the presidential office, Oleh Marchuk.": the name in apposition is the speaker.
  const speaker = namedInApposition(ctx, mentionStartingAt(ctx, v + 1));
  if (!speaker) return null;
  // "…, however, denied Holm's claim that …": a possessive after the verb owns its object; it says nothing.
  if (isPossessiveMention(ctx.body, speaker)) return null;
  const content = contentBefore(ctx, verb.start);
  if (!content) return null;
  const appositive = appositiveAfter(ctx, speaker.end);
  if (dashed && !ctx.quotes.some((q) => q.close + 1 === content.end)) {
    // Agency copy of a post: the whole paragraph before the dash is the speaker's own words.
    const start = paragraphStart(ctx.body, content.start);
    let end = content.end;
    while (end > start && /[\s\u2013\u2014-]/u.test(ctx.body[end - 1] ?? '')) end--;
    return { start, end, speaker, appositive, continues: false, direct: true };
  }
  return attributed(content, speaker, appositive);
}

/**
 * The words of a verb of saying whose subject stands before it (`before`, its start moved to the first name of a
 * pair): after the verb, a quote it splits, or before the subject.
 */
function attributedToSubject(
  ctx: SentenceContext,
  v: number,
  lemma: string,
  before: NonNullable<ReturnType<typeof subjectBefore>>,
): Attribution | null {
  const verb = ctx.tokens[v] as Token;
  const interjected = interjectedQuote(ctx, v, before.mention);
  if (interjected) return attributed(interjected, before.mention, before.appositive);
  const after = cutAtNextSpeaker(ctx, v, contentAfter(ctx, v, lemma));
  // `"We want peace," he added, "but not at any price."`: a quote split by its attribution; this one takes
  // the first part, and the part after it resumes the quote (resumedQuote). The first part may end in a comma, a
  // question or an exclamation mark, not a full stop: a quote closed by one ('… was "a condition." Adviser Y added
  // that "…"') ended the sentence before it, whoever said it, and the words of this verb are the quote after it.
  const speakerStart = before.start ?? before.mention.start;
  const split = after && quoteOpeningAt(ctx, after.start) ? quotedBefore(ctx, speakerStart) : null;
  if (split && !QUOTE_CLOSED_BY_FULL_STOP.test(ctx.body.slice(split.start, speakerStart)))
    return attributed(split, before.mention, before.appositive);
  if (after) return attributed(after, before.mention, before.appositive);
  // "Earlier, Mr Premier, Holm in his post about the call, he said:" and the quote below: a verb that ends its
  // sentence with a colon announces words after it; what stands before its subject is none of them (X14-4).
  if (/^\s*:\s*$/u.test(ctx.body.slice(verb.end, ctx.end))) return null;
  // "… even if X repeated her refusal to …": a clause-only verb with an object says nothing, before it or after.
  // "expressed support for a truce, saying …": nor does a nominal object of "expressed".
  const needsClause = CLAUSE_ONLY.has(lemma) || NOMINAL_OBJECT_VERBS.has(lemma);
  if (needsClause && takesObject(ctx, v)) return null;
  const aside = asideStart(ctx, speakerStart);
  if (aside !== null) {
    const owned = !saidAgainAfter(ctx, v) && wordsBefore(ctx, aside, null);
    return owned ? attributed(owned, before.mention, before.appositive) : null;
  }
  const content =
    parentheticalContent(ctx, v, speakerStart) ??
    wordsBefore(ctx, speakerStart, NOMINAL_OBJECT_VERBS.has(lemma) ? null : verb.end) ??
    (needsClause ? null : contentPastCircumstance(ctx, v, lemma));
  return content ? attributed(content, before.mention, before.appositive) : null;
}

/**
 * The words before the speaker, unless they only cite where the sentence comes from: "According to the same
 * source, X demanded …" gives the source phrase to nobody. An opening circumstance ("At the summit, X
 * demanded Borduria withdraw …") leaves the words to the rest of the sentence after the verb (`verbEnd`), if any: a
 * nominal object ("reiterated its commitment to …") is none.
 */
function wordsBefore(
  ctx: SentenceContext,
  speakerStart: number,
  verbEnd: number | null,
): { start: number; end: number } | null {
  const content = relayedWords(ctx, contentBefore(ctx, speakerStart));
  if (!content) return null;
  const text = ctx.body.slice(content.start, content.end);
  // "… pushes for a deal and the president believes …": a clause joined to the speaker's by a conjunction is no
  // words of theirs.
  if (ENDS_IN_CONJUNCTION.test(text)) return null;
  const opening = openingPhraseKind(text);
  if (opening === 'attribution') return null;
  if (opening !== 'setting' || !circumstanceOnly(text)) return content;
  if (verbEnd === null) return null;
  const start = skipSpace(ctx.body, verbEnd);
  const end = trimEnd(ctx.body, start, ctx.end);
  return end > start ? { start, end } : null;
}

/**
 * "…, Holm said, Bordurian envoy Mira Vell said": words that end in an attribution of their own are the first
 * speaker's, which the second only relays; they are no words of the second. A capitalised word the speaker's
 * role phrase left behind (a country adjective the lexicon does not know) is cut off before that test.
 */
function relayedWords(
  ctx: SentenceContext,
  content: { start: number; end: number } | null,
): { start: number; end: number } | null {
  if (!content) return null;
  const { tokens, body } = ctx;
  let last = tokens.findLastIndex((t) => t.end <= content.end);
  const leftOver = tokens[last];
  if (leftOver && /^\p{Lu}/u.test(leftOver.text) && gapBetween(body, tokens[last - 1], leftOver).includes(',')) last--;
  const verb = tokens[last];
  if (!verb || verb.quoted || verb.start < content.start) return content;
  if (!speechVerbOf(verb, tokens[last - 1]?.lower ?? '', tokens[last + 1]?.lower)) return content;
  const subject = subjectBefore(ctx, last)?.mention;
  if (!subject || subject.kind === 'generic') return content;
  // ", Holm said," set in by commas relays; "…, as Holm has said, Vell said" is Vell's view citing Holm's.
  const at = tokens.findIndex((t) => t.start === subject.start);
  return gapBetween(body, tokens[at - 1], tokens[at]).includes(',') ? null : content;
}

/**
 * Where an "as" aside opens when the speaker at `speakerStart` is its subject ("…, as Holm has said, …"), or null.
 * The aside agrees with the words before it: they are the aside speaker's only when no other verb of the sentence
 * claims them (`saidAgainAfter`), and the "as" is no part of them.
 */
function asideStart(ctx: SentenceContext, speakerStart: number): number | null {
  const { tokens, body } = ctx;
  const at = tokens.findIndex((t) => t.start === speakerStart);
  const as = tokens[at - 1];
  if (at < 2 || as?.lower !== 'as' || as.quoted) return null;
  return gapBetween(body, tokens[at - 2], as).includes(',') ? as.start : null;
}

/** "…, as Holm has said, Vell said.": a verb of saying after the one at `v`, past a comma, that has a subject of its own. */
function saidAgainAfter(ctx: SentenceContext, v: number): boolean {
  const { tokens } = ctx;
  for (let k = v + 2; k < tokens.length && (tokens[k] as Token).start < ctx.end; k++) {
    const t = tokens[k] as Token;
    if (t.quoted || !speechVerbOf(t, tokens[k - 1]?.lower ?? '', tokens[k + 1]?.lower)) continue;
    if (subjectBefore(ctx, k)) return true;
  }
  return false;
}

/** A conjunction that ends the words before a speaker joins two clauses: the words are not the speaker's. */
const ENDS_IN_CONJUNCTION = /(?:^|\s)(?:and|but|or|while|whereas)$/iu;

/** The longest opening circumstance read as one: longer phrases are more often clauses. */
const CIRCUMSTANCE_WORDS = 12;

/**
 * "At the summit, Holm demanded …": a setting (`openingPhraseKind`) that holds no finite verb (`clauseVerbs`, a past
 * tense in -ed) and no subject pronoun tells when or where, not what was said.
 */
function circumstanceOnly(text: string): boolean {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}']+/u)
    .filter(Boolean);
  if (words.length > CIRCUMSTANCE_WORDS) return false;
  // A past tense ("the sides agreed") makes it a clause; a participle as an adjective ("a detailed plan") is rarer.
  return !words.some((w) => CLAUSE_VERBS.has(w) || /^(i|we|he|she|they|it|you)$|ed$/u.test(w));
}

/**
 * "Said Foreign Minister X, \"…\"", "Stressed X: …", "Said the head of the ministry, \"…\"": machine-translated copy that opens a sentence with
 * the verb, then the speaker and a comma or colon; the rest of the sentence is what was said.
 */
function invertedOpening(ctx: SentenceContext, v: number): Attribution | null {
  const { tokens, body } = ctx;
  const verb = tokens[v] as Token;
  if (v !== firstTokenIndex(ctx) || !/^\p{Lu}\p{Ll}+ed$|^Said$|^Told$/u.test(verb.text)) return null;
  const speaker = mentionStartingAt(ctx, v + 1);
  if (speaker?.kind !== 'name' && speaker?.kind !== 'role') return null;
  const appositive = appositiveAfter(ctx, speaker.end);
  const afterSpeaker = appositive ? body.indexOf(appositive, speaker.end) + appositive.length : speaker.end;
  // The role may run on past the mention: "Said the head of the ministry, …".
  const mark = /^(?:\s+[\p{L}'\u2019-]+){0,4}\s*[,:]\s*/u.exec(body.slice(afterSpeaker, ctx.end));
  if (!mark) return null;
  const start = afterSpeaker + mark[0].length;
  const quote = quoteOpeningAt(ctx, start);
  const end = quote ? quote.close + 1 : trimEnd(body, start, ctx.end);
  return end > start ? attributed({ start, end }, speaker, appositive) : null;
}

/**
 * Whether a word right after the verb begins its object ("repeated her refusal", "mentioned the talks"):
 * a lower-case word, with no punctuation between, that is no preposition, time word or adverb
 * ("warned on Tuesday", "repeated again" take none).
 */
function takesObject(ctx: SentenceContext, v: number): boolean {
  // Past a particle: "pointed out at a press conference".
  const at = ctx.tokens[v + 1]?.lower === 'out' ? v + 1 : v;
  const next = ctx.tokens[at + 1];
  if (!next || next.quoted || next.start >= ctx.end || !/^\s+$/u.test(gapBetween(ctx.body, ctx.tokens[at], next)))
    return false;
  if (!/^\p{Ll}/u.test(next.text) || PREPOSITIONS.has(next.lower) || /ly$/u.test(next.lower)) return false;
  return !NOT_OBJECTS.has(next.lower);
}

const NOT_OBJECTS = new Set([
  'that',
  'again',
  'today',
  'yesterday',
  'tonight',
  'earlier',
  'later',
  'once',
  'then',
  'too',
]);

/** The quote that makes up the words before the speaker, or null when there is none. */
function quotedBefore(ctx: SentenceContext, speakerStart: number): { start: number; end: number } | null {
  const content = contentBefore(ctx, speakerStart);
  return content && ctx.quotes.some((q) => q.open === content.start && q.close + 1 === content.end) ? content : null;
}

/**
 * `"…," the minister continued.`, `"…," concluded the minister.`: a verb that reports words only as the close
 * of a quote, with its speaker before it or, inverted, right after it.
 */
function closesQuote(ctx: SentenceContext, v: number): boolean {
  const { body } = ctx;
  const verb = ctx.tokens[v] as Token;
  const inverted = mentionStartingAt(ctx, v + 1) !== null;
  if (!inverted && !/^\s*(?:[.,;!?]|$)/u.test(body.slice(verb.end, ctx.end))) return false;
  // "After the plan is shown, the sides will meet again, Varga concluded.": a clause, its speaker, the end.
  if (
    !inverted &&
    /^\s*[.!?]?\s*$/u.test(body.slice(verb.end, ctx.end)) &&
    CLAUSE_THEN_SPEAKER.test(body.slice(ctx.start, verb.start))
  )
    return true;
  return ctx.quotes.some(
    (q) =>
      q.close < verb.start &&
      /^[\s,]+[^.!?;:"\u201c\u201d\u00ab\u00bb]{0,80}$/u.test(body.slice(q.close + 1, verb.start)),
  );
}

/** At least four words, a comma, and up to five words for the speaker before a verb that ends the sentence. */
const CLAUSE_THEN_SPEAKER = /^(?:\S+\s+){3}\S[\s\S]*,\s*(?:[^\s,]+\s+){1,5}$/u;

/**
 * "X met Y and told reporters …", "X confirmed A and stated B", "X acknowledged A but said B": a verb of
 * saying right after "and" or "but" (a concession and what the speaker set against it, two statements).
 */
function coordinatedVerb(ctx: SentenceContext, v: number): boolean {
  const conjunction = ctx.tokens[v - 1];
  return (conjunction?.lower === 'and' || conjunction?.lower === 'but') && !conjunction.quoted;
}

/** Nouns of "in his words", "in her view": a phrase that gives the rest of the sentence as the person's. */
const SOURCE_NOUNS = new Set(speechWords.sourceNouns);

/** A phrase that names whose words a sentence gives, and the token after it. */
interface SourcePhrase {
  speaker: Mention;
  /** Only at the start of a sentence: "As noted the minister, …", "In his words, …". */
  leadingOnly: boolean;
}

/**
 * "according to X", "in his words" / "in X's words", and machine-translated "as noted X": the phrase at
 * token `v` that names the speaker of the rest of the sentence.
 */
function sourcePhraseAt(ctx: SentenceContext, v: number): SourcePhrase | null {
  const { tokens } = ctx;
  const word = tokens[v] as Token;
  const next = tokens[v + 1];
  if (word.lower === 'according' && next?.lower === 'to') {
    // "according to an Elysée adviser": someone unnamed, whatever capitalised word describes them.
    const article = tokens[v + 2];
    if (article && INDEFINITE.has(article.lower))
      return { speaker: genericMention(article.start, article.end), leadingOnly: false };
    const speaker = pronounAt(ctx, v + 2) ?? mentionStartingAt(ctx, v + 2);
    return speaker ? { speaker, leadingOnly: false } : null;
  }
  // The other phrases open the sentence.
  if (v > 0 || !next) return null;
  if (word.lower === 'in' && next.lower === 'the' && tokens[v + 2]?.lower === 'words' && tokens[v + 3]?.lower === 'of')
    return leading(mentionStartingAt(ctx, v + 4)); // "In the words of Torinsky, …"
  if (word.lower === 'in' && SOURCE_NOUNS.has(tokens[v + 2]?.lower ?? ''))
    return leading(pronounAt(ctx, v + 1) ?? mentionEndingAt(ctx, v + 1, false)); // "In his words, …", "In her view, …"
  return word.lower === 'as' ? asPhraseAt(ctx, v, next) : null;
}

/** A phrase that opens the sentence with a person's speaker, or null for anyone else. */
const leading = (speaker: Mention | null): SourcePhrase | null =>
  speaker && speaker.kind !== 'generic' ? { speaker, leadingOnly: true } : null;

/**
 * "As Sybiha noted, …" opening the sentence at token `v`. Apart from `sourcePhraseAt`, which every token asks, because
 * of its closure: one over a parameter makes V8 allocate a context at each call.
 */
function asPhraseAt(ctx: SentenceContext, v: number, next: Token): SourcePhrase | null {
  const { tokens } = ctx;
  // Machine-translated "As noted the minister, …".
  if (speechVerbOf(next, 'as') && !/^(said|told)$/u.test(next.lower)) return leading(mentionStartingAt(ctx, v + 2));
  // "As Sybiha noted, …", "As he put it, …".
  const speaker = PERSONAL_PRONOUNS.has(next.lower) ? mentionEndingAt(ctx, v + 1, false) : namedSpeakerFrom(ctx, v + 1);
  if (!speaker) return null;
  const after = tokens.findIndex((t, k) => k > v && t.start >= speaker.end);
  const verb = tokens[after];
  const said = verb && speechVerbOf(verb, 'to', tokens[after + 1]?.lower);
  const comma = verb && /^\s*(?:\p{L}+\s*)?,/u.test(ctx.body.slice(verb.end, (tokens[after + 2] ?? verb).start + 1));
  return said && (comma || adjunctThenComma(ctx, after)) ? leading(speaker) : null;
}

/** How many words a circumstance between "As X stated" and its comma may hold: "in his speech to the summit". */
const AS_ADJUNCT_WORDS = 6;

/**
 * "As the premier stated in his speech, …", "As the analyst explained to journalists, …": a phrase opened by a
 * preposition, unquoted and unpunctuated, between the verb at `v` and the comma that ends the "as" clause.
 */
function adjunctThenComma(ctx: SentenceContext, v: number): boolean {
  const { tokens, body } = ctx;
  const first = tokens[v + 1];
  if (!first || first.quoted || !PREPOSITIONS.has(first.lower)) return false;
  for (let k = v + 1; k <= v + AS_ADJUNCT_WORDS && k + 1 < tokens.length; k++) {
    const gap = gapBetween(body, tokens[k], tokens[k + 1]);
    if ((tokens[k] as Token).quoted || !/^[\s,]+$/u.test(gap)) return false;
    if (gap.includes(',')) return true;
  }
  return false;
}

/** "according to X, …" or "…, according to X": the rest of the sentence is what X said. */
function attributedBySource(ctx: SentenceContext, v: number, source: SourcePhrase): Attribution | null {
  const { body } = ctx;
  const { speaker } = source;
  const verb = ctx.tokens[v] as Token;
  const leading = isSpaceOrPunct(body.slice(ctx.start, verb.start));
  if (leading) {
    const comma = body.indexOf(',', speaker.end);
    if (comma < 0 || comma >= ctx.end) return null;
    const start = skipSpace(body, comma + 1);
    return { speaker, appositive: '', start, end: trimEnd(body, start, ctx.end), continues: false };
  }
  if (source.leadingOnly) return null;
  // "X said, according to the agency, that …": the source passes on X's words, found at "said".
  const before = ctx.tokens[v - 1];
  if (before && !before.quoted && speechVerbOf(before, ctx.tokens[v - 2]?.lower ?? '', verb.lower)) return null;
  const content = contentBefore(ctx, verb.start);
  return content ? attributed(content, speaker, '') : null;
}

/**
 * "…," a Turkish daily quoted spokesman Ilker Demiray as saying; "…, the agency reported, citing Reza
 * Tavani"; "Russian television, quoting Vadim Torinsky as saying, reported that …": an outlet
 * passes on a person's words, and the person is their speaker. The outlet's own attribution in the
 * sentence (before or after) takes the person as its speaker; with none, what came before is theirs.
 */
/** Words between "quoted" and "as saying": "by the state news agency RIA Novosti". */
const QUOTED_AS_SAYING_WINDOW = 8;

function quotingAt(ctx: SentenceContext, v: number, found: Attribution[]): Mention | null {
  // "…, Lev Sarkov was quoted by TASS as saying": the subject of the passive is the speaker.
  if (/^(was|is|were|are|been)$/u.test(ctx.tokens[v - 1]?.lower ?? '')) {
    // "Orlov, the chief negotiator, was quoted by the agency as saying (that) …": the words follow "as saying".
    const subject = subjectBefore(ctx, v - 1);
    if (!subject || subject.mention.kind === 'generic') return null;
    const saying = ctx.tokens.findIndex(
      (t, k) => k > v && k <= v + QUOTED_AS_SAYING_WINDOW && t.lower === 'saying' && ctx.tokens[k - 1]?.lower === 'as',
    );
    // "X was quoted in the press that …" (machine-translated): the words follow the "that".
    const that = ctx.tokens.findIndex(
      (t, k) => k > v && k <= v + QUOTED_AS_SAYING_WINDOW && t.lower === 'that' && !t.quoted && t.start < ctx.end,
    );
    const content =
      (saying > 0 ? contentAfter(ctx, saying, 'say') : null) ??
      (that > 0 ? contentAfter(ctx, that - 1, 'say') : null) ??
      contentBefore(ctx, subject.start ?? subject.mention.start);
    if (content) found.push(attributed(content, subject.mention, subject.appositive));
    return null;
  }
  // "…, quoted by Yle." / "X, cited by the agency, said …": the name after "by" is the outlet, no speaker.
  if (ctx.tokens[v + 1]?.lower === 'by') return null;
  const speaker = namedSpeakerFrom(ctx, v + 1);
  if (!speaker) return null;
  const previous = found.at(-1);
  if (previous && !previous.continues && previous.speaker.kind === 'generic') {
    // "…," the agency reported, citing X: the words end before the outlet's clause.
    const lead = ctx.body.slice(previous.start, Math.min(previous.end, previous.speaker.start));
    const clause = /([,;]["\u201d\u00bb']?)\s+[^,;]*$/u.exec(lead);
    if (clause) previous.end = previous.start + clause.index + (clause[1] ?? '').length;
    previous.end = trimEnd(ctx.body, previous.start, previous.end);
    previous.speaker = speaker;
    return null;
  }
  const { tokens, body } = ctx;
  const after = tokens.findIndex((t, k) => k > v && t.start >= speaker.end);
  const asSaying = tokens[after]?.lower === 'as' && /^say(ing)?$/u.test(tokens[after + 1]?.lower ?? '');
  const clauseStart = tokens[segmentStart(ctx, v)] as Token;
  const content = contentBefore(ctx, clauseStart.start);
  const quoted = content && ctx.quotes.some((q) => q.close + 1 === content.end);
  if (content && (quoted || (!asSaying && /,\s*$/u.test(body.slice(content.end, clauseStart.start))))) {
    found.push(attributed(content, speaker, ''));
    return null;
  }
  // "X, quoting Y as saying, reported that …": the outlet's verb comes later, and speaks for Y.
  return speaker;
}

/**
 * "The results, announced by Orlov, come to …", "the plan was outlined by the envoy": a past
 * participle with "by" is passive; what stands before it is the thing said, not words of its subject.
 * Returns the agent after "by", or null when the verb at `v` is not passive.
 */
function passiveAgentAt(ctx: SentenceContext, v: number): Mention | null {
  const { tokens } = ctx;
  const verb = tokens[v] as Token;
  if (tokens[v + 1]?.lower !== 'by' || tokens[v + 1]?.quoted || !PAST_PARTICIPLE.test(verb.lower)) return null;
  // A participle after a comma (a reduced relative) or a form of "be"; "…, Sir Alan said, by Norway" is active.
  const before = tokens[v - 1];
  const passive = BE_FORMS.has(before?.lower ?? '') || gapBetween(ctx.body, before, verb).includes(',');
  if (!passive) return null;
  return namedSpeakerFrom(ctx, v + 2) ?? genericMention(verb.start, verb.end);
}

const PAST_PARTICIPLE = /(?:ed|en|said|told|written)$/u;

/**
 * "It was stated by Foreign Minister X that …", "It was noted by X: …": machine-translated passive with an
 * empty subject; the clause after the agent is X's words. Null for any other passive.
 */
function impersonalPassive(ctx: SentenceContext, v: number): Attribution | null {
  const clause = impersonalClauseAfter(ctx, v);
  return clause ? attributed(clause.content, clause.speaker, '') : null;
}

/** The agent and the words of "It was stated by X that …" when the passive verb is at token `v`. */
function impersonalClauseAfter(
  ctx: SentenceContext,
  v: number,
): { speaker: Mention; content: { start: number; end: number } } | null {
  const { tokens, body } = ctx;
  const [subject, auxiliary] = [tokens[0], tokens[1]];
  if (subject?.lower !== 'it' || !BE_FORMS.has(auxiliary?.lower ?? '') || v > 3) return null;
  const speaker = namedInApposition(ctx, namedSpeakerFrom(ctx, v + 2));
  if (speaker?.kind !== 'name') return null;
  const that = tokens.findIndex((t, k) => k > v + 2 && t.start >= speaker.end && !t.quoted && t.lower === 'that');
  const colon = body.indexOf(':', speaker.end);
  const from =
    that > 0 && that <= v + IMPERSONAL_AGENT_WORDS
      ? (tokens[that] as Token).end
      : colon >= 0 && colon < ctx.end && !/[.;]/u.test(body.slice(speaker.end, colon))
        ? colon + 1
        : -1;
  if (from < 0) return null;
  const start = skipSpace(body, from);
  const end = trimEnd(body, start, ctx.end);
  return end > start ? { speaker, content: { start, end } } : null;
}

/** How far the "that" may stand after the passive verb: past the agent, its title and a circumstance. */
const IMPERSONAL_AGENT_WORDS = 16;

/**
 * The person a sentence's passive verb of saying names as its agent ("The results, announced by X,
 * include three points."): whom the sentence is about, though it reports no words of theirs.
 */
export function passiveAgentOf(ctx: SentenceContext): Mention | null {
  for (let v = 1; v < ctx.tokens.length; v++) {
    const t = ctx.tokens[v] as Token;
    if (t.quoted || t.start >= ctx.end || !speechVerbOf(t, ctx.tokens[v - 1]?.lower ?? '', ctx.tokens[v + 1]?.lower))
      continue;
    const agent = passiveAgentAt(ctx, v);
    if (agent?.kind === 'name') return agent;
  }
  return null;
}

/**
 * "This was stated by Foreign Minister Andrii Sybiha during a briefing": agency copy that gives the words
 * first and their speaker in the next sentence, in the passive. Returns the speaker, or null.
 */
export function passiveSourceOf(ctx: SentenceContext): Mention | null {
  const { tokens } = ctx;
  // "This opinion was expressed by X" (round 15's S15-4): a noun of words after the pointer (`pointerNouns`).
  const noun = POINTER_NOUNS.has(tokens[1]?.lower ?? '') && !tokens[1]?.quoted ? 1 : 0;
  const [subject, auxiliary] = [tokens[0], tokens[1 + noun]];
  if (!subject || !auxiliary || !/^(this|that|it)$/u.test(subject.lower)) return null;
  if (noun && subject.lower === 'it') return null;
  if (!/^(was|is|has|had)$/u.test(auxiliary.lower)) return null;
  for (let k = 2 + noun; k < Math.min(tokens.length - 1, 5 + noun); k++) {
    const t = tokens[k] as Token;
    const lemma = speechVerbOf(t, 'was', tokens[k + 1]?.lower);
    if (!lemma || !/(ed|id|old|en)$/u.test(t.lower)) continue;
    const by = tokens.findIndex((b, j) => j > k && j <= k + 3 && b.lower === 'by');
    if (by < 0) return null;
    // "This was not stated by X", "This statement was denied by X": X did not say the sentence before.
    if (lemma === 'deny' || tokens.slice(1 + noun, k).some((w) => NEGATIONS.has(w.lower))) return null;
    // "This is reported by the Daily, citing Minister X": the outlet passes on X's words.
    const citing = tokens.findIndex((c, j) => j > by && !c.quoted && c.start < ctx.end && QUOTING_WORDS.has(c.lower));
    const cited = citing > 0 ? namedSpeakerFrom(ctx, citing + 1) : null;
    // "It was stated by X that …" gives its own words, not the sentence before.
    if (impersonalClauseAfter(ctx, k)) return null;
    return cited?.kind === 'name' ? cited : namedInApposition(ctx, namedSpeakerFrom(ctx, by + 1));
  }
  return null;
}

/**
 * "by the head of the Azerbaijani delegation, Deputy Prime Minister Samir Mammadli,": a role phrase with the
 * person's name in apposition after its comma stands for that person, who keeps the role as a description.
 */
/** The longest appositive searched for the name that ends it: "adviser to the President of Ruritania Ivo Lenk". */
const APPOSITIVE_WORDS = 12;

/** A name that ends the comma segment from token `k` (a long role, then the name), or null. */
function nameEndingSegment(ctx: SentenceContext, k: number): Mention | null {
  const { tokens, body } = ctx;
  let last = k;
  while (
    last + 1 < Math.min(tokens.length, k + APPOSITIVE_WORDS) &&
    !(tokens[last + 1] as Token).quoted &&
    (tokens[last + 1] as Token).start < ctx.end &&
    /^\s+$/u.test(gapBetween(body, tokens[last], tokens[last + 1]))
  )
    last++;
  if (!/^\s*[,.]/u.test(body.slice((tokens[last] as Token).end))) return null;
  const mention = mentionEndingAt(ctx, last, false);
  return mention?.kind === 'name' ? mention : null;
}

function namedInApposition(ctx: SentenceContext, mention: Mention | null): Mention | null {
  if (mention?.kind !== 'role') return mention;
  const { tokens, body } = ctx;
  const next = tokens.findIndex((t) => t.start >= mention.end);
  if (next < 0 || !/^\s*,\s*$/u.test(body.slice(mention.end, (tokens[next] as Token).start))) return mention;
  // "the head of the delegation, aide to President Ivo Lenk, Karl Brandt": the relation's name is the principal;
  // the speaker's name ends the segment after it.
  const after = relationSegmentEnd(ctx, next);
  const following = after === null ? null : namedInSegment(ctx, after);
  const named = following ?? namedInSegment(ctx, next);
  if (!named) return mention;
  const described =
    following && after ? body.slice((tokens[next] as Token).start, (tokens[after - 1] as Token).end) : '';
  const descriptor = [mention.text, described, named.descriptor].filter(Boolean).join(', ');
  return nameMention(named.start, named.end, named.name, descriptor);
}

/** The name a comma segment from token `k` gives: near its start, or ending it after a long role. */
function namedInSegment(ctx: SentenceContext, k: number): Extract<Mention, { kind: 'name' }> | null {
  const near = namedSpeakerFrom(ctx, k);
  const named = near?.kind === 'name' ? near : nameEndingSegment(ctx, k);
  return named?.kind === 'name' ? named : null;
}

/**
 * Where the segment after an "aide to <name>," or "adviser of <name>," segment from token `k` starts (the token after
 * its comma), or null when the segment at `k` is no such relation or the clause ends with it.
 */
function relationSegmentEnd(ctx: SentenceContext, k: number): number | null {
  const { tokens, body } = ctx;
  const [head, link] = [tokens[k], tokens[k + 1]];
  if (!head || !link || !RELATION_HEADS.has(head.lower) || !/^(to|of)$/u.test(link.lower)) return null;
  for (let j = k + 2; j < Math.min(tokens.length, k + APPOSITIVE_WORDS); j++) {
    const t = tokens[j] as Token;
    if (t.quoted || t.start >= ctx.end) return null;
    if (gapBetween(body, tokens[j - 1], t).includes(',')) return j;
  }
  return null;
}

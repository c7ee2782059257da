import { speechWords } from './lexicon.js';
import { countryOfWord } from './people-affiliation.js';
import { closesOpening, coreStart, openingOf } from './sentence-opening.js';
import {
  ADVERBIALS,
  AFTER_QUOTE_ONLY,
  AS_PREDICATE_ONLY,
  CAPITALISED_FUNCTION_WORDS,
  CLAUSE_ONLY,
  INSTITUTION_WORDS,
  isTimePhrase,
  NAMING_VERBS,
  NOMINAL_OBJECT_VERBS,
  OBJECT_PRONOUNS,
  OFFICE_TO_HEADS,
  PREDICATE_ADJECTIVE_ENDINGS,
  PREDICATE_ADJECTIVES,
  ROLE_HEADS,
  TITLE_WORDS,
} from './speakers-lexicon.js';
import {
  gapBetween,
  genericMention,
  type Mention,
  mentionEndingAt,
  mentionStartingAt,
  pronounMention,
  speechVerbOf,
  type Token,
} from './speakers-mentions.js';
import {
  bareClauseAt,
  firstTokenIndex,
  isSpaceOrPunct,
  PREPOSITIONS,
  type SentenceContext,
  SPACED_DASH,
  segmentStart,
} from './statements-sentence.js';

/*
 * Who speaks: the subject of a verb of saying, found before it (past adverbs, appositives, asides and
 * relative clauses, with a role phrase before a name), or the person a sentence or clause opens with.
 */

/** The opening a sentence's subject comes after (sentence-opening.ts). */
const LABELS = new Set(['label'] as const);

/**
 * The person a sentence opens with, as the subject of a later verb that has none of its own: "Kastrin
 * met his counterpart and told reporters …", "Belensky pressed for a summit, arguing that …". An
 * opening adverb ("However, …") may come first; no other verb of saying or quote may come between.
 */
export function sentenceSubject(ctx: SentenceContext, v: number): Subject | null {
  const { tokens, body } = ctx;
  // "Firm rejection: Vell refused …, calling …": past a label, the clause opens.
  const core = ctx.start + coreStart(body.slice(ctx.start, ctx.end), LABELS);
  let k = tokens.findIndex((t) => t.start >= core);
  if (k < 0 || k >= v) return null;
  const first = tokens[k] as Token;
  const opening = mentionStartingAt(ctx, k);
  if (CAPITALISED_FUNCTION_WORDS.has(first.lower) && gapBetween(body, first, tokens[k + 1]).includes(',')) k++;
  else k = pastOpeningPhrase(ctx, k, v);
  // "Orlov thanked the hosts, noting that …": a short clause that opens with a name is no opening phrase; nor
  // is the name itself before its appositive ("Lena Dross, the foreign minister, criticised …").
  // "Reed's envoy, Ana Bell, attended the talks, confirming that …": a possessive name owns the subject; the name set
  // off after the phrase it owns is the subject ("Reed's comments were reported, stating …" stays Reed's).
  if (opening?.kind === 'name' && /['\u2019]s$/u.test(body.slice(opening.start, opening.end))) {
    const comma = tokens.findIndex((t, j) => j > k && j < v && gapBetween(body, tokens[j - 1], t).includes(','));
    const owned = comma > k ? mentionStartingAt(ctx, comma) : null;
    if (owned?.kind === 'name' && owned.end <= (tokens[v - 1] as Token).start)
      return { mention: owned, appositive: '' };
  }
  const named = opening?.kind === 'name' ? opening : null;
  const nameIsPhrase = named !== null && k > 0 && named.end >= (tokens[k - 1] as Token).end;
  const mention = (nameIsPhrase ? named : mentionStartingAt(ctx, k)) ?? named;
  if (!mention || mention.kind === 'generic' || mention.end > (tokens[v - 1] as Token).start) return null;
  const after = tokens.findIndex((t) => t.start >= mention.end);
  const between = tokens.slice(after, v);
  // Another verb of saying between makes its own attribution; "continues to press …" is none, as it
  // reports words only right after a quote.
  // Nor is "emphasized the need for …": a verb that reports words only through "that" or a quote, with
  // an object instead, says nothing and leaves the subject to the participle ("…, suggesting that …").
  // Nor are words withheld: "declined to comment on …, saying …".
  const saysBetween = (t: Token, j: number) => {
    const next = between[j + 1];
    const lemma = speechVerbOf(t, between[j - 1]?.lower ?? '', next?.lower);
    if (
      lemma &&
      (CLAUSE_ONLY.has(lemma) || NOMINAL_OBJECT_VERBS.has(lemma)) &&
      next &&
      !next.quoted &&
      next.lower !== 'that'
    )
      return false;
    // "praised the hosts while conceding that …": praise with no "as" predicate says nothing either.
    if (lemma && AS_PREDICATE_ONLY.has(lemma) && !predicatesWithAs(ctx, after + j)) return false;
    // "called the envoy and said …": a phone call says nothing; nor does "described the scene".
    if (lemma && NAMING_VERBS.has(lemma) && !namesObject(ctx, after + j, lemma)) return false;
    return lemma !== null && !AFTER_QUOTE_ONLY.has(lemma) && !withheld(ctx, after + j);
  };
  if (between.some((t, j) => saysBetween(t, j)) || quotesWordsBetween(between)) return null;
  const gap = body.slice(mention.end, (tokens[v] as Token).start).replace(SHORT_QUOTE, '');
  if (/[;:"\u201c\u201d\u00ab\u00bb]/u.test(gap)) return null;
  return { mention, appositive: '' };
}

/**
 * "Late on Wednesday, Odinaev …", "On Tuesday, the minister …", "In Vienna, Orlov …": a short time or place
 * phrase set off by a comma before the subject. Returns the token after its comma, or `k` when the
 * sentence opens with no such phrase (a phrase with a quote or a verb of saying is a clause of its own).
 */
function pastOpeningPhrase(ctx: SentenceContext, k: number, v: number): number {
  const { tokens, body } = ctx;
  const opener = tokens[k] as Token;
  // "Speaking at a news conference after meeting the other delegation, X …", "Asked whether the demand covers
  // Tarsk, X …": a phrase the opening classifier reads as a setting, question or source may be longer.
  const opening = openingOf(body.slice(opener.start, ctx.end));
  const longer = opening !== null && opening.kind !== 'label';
  const words = longer ? LONG_OPENING_PHRASE_WORDS : OPENING_PHRASE_WORDS;
  for (let j = k; j < Math.min(v - 1, k + words); j++) {
    const t = tokens[j] as Token;
    // The opener itself may be one: "Asked whether …,", "Writing on X, …".
    if (t.quoted || (j > k && speechVerbOf(t, tokens[j - 1]?.lower ?? '', tokens[j + 1]?.lower))) return k;
    const gap = gapBetween(body, t, tokens[j + 1]);
    if (/[;:"\u201c\u201d\u00ab\u00bb]/u.test(gap)) return k;
    if (gap.includes(',')) return j + 1;
  }
  return k;
}

/** The longest opening phrase passed over: "Late on Sunday night," is four words. */
const OPENING_PHRASE_WORDS = 4;
/** The longest opening phrase the opening classifier reads as a setting, a question or a source. */
const LONG_OPENING_PHRASE_WORDS = 14;

/** A quoted word or two, as writers mark a term ('against being "naive"'). */
const SHORT_QUOTE = /["\u201c\u00ab][^"\u201c\u201d\u00ab\u00bb\n]{1,40}["\u201d\u00bb]/gu;

/**
 * Whether quoted words between a subject and its later verb may be someone's words: a quote of more than
 * four words may carry its own attribution; a shorter one ('cautioned against being "naive"') is the
 * writer's quotation marks around a word.
 */
function quotesWordsBetween(between: readonly Token[]): boolean {
  let run = 0;
  for (const t of between) {
    run = t.quoted ? run + 1 : 0;
    if (run > 4) return true;
  }
  return false;
}

/** Words that link a participle of saying to the main clause without a comma. */
const PARTICIPLE_LINKS = new Set(['while', 'after', 'by']);

/** ", saying …", ", writing in a post that …" after a main clause: its subject speaks. */
export function participleOfMainClause(ctx: SentenceContext, v: number): Subject | null {
  const { tokens, body } = ctx;
  // "…, while noting that …", "… while acknowledging that …", "… after saying he was …", "… by saying
  // that …": the conjunction or preposition may stand for the comma.
  const previous = tokens[v - 1];
  const whileClause = PARTICIPLE_LINKS.has(previous?.lower ?? '') && !previous?.quoted;
  if (!previous || (!whileClause && !gapBetween(body, previous, tokens[v]).includes(','))) return null;
  // "…, noting the progress made": a bare object is a topic, not words said; "saying" always reports words.
  const verb = tokens[v] as Token;
  const clause = tokens.slice(v + 1, v + 12).some((t) => t.lower === 'that' || t.quoted) || bareClauseAt(ctx, v + 1);
  // "…, calling the offer a sham", "…, describing the talks as frank": a naming participle names its object.
  const lemma = speechVerbOf(verb, previous.lower, tokens[v + 1]?.lower);
  if (lemma !== null && NAMING_VERBS.has(lemma))
    return namingParticiple(ctx, v, lemma) ? sentenceSubject(ctx, v) : null;
  if (verb.lower !== 'saying' && !clause && !/^\s*:/u.test(body.slice(verb.end))) return null;
  return sentenceSubject(ctx, v);
}

const REFUSALS = new Set(speechWords.refusalVerbs);
export const NEGATIONS = new Set(['not', 'never', "n't"]);

/**
 * "declined to say whether …", "refused to comment on …", "would not say when …": words withheld, no statement.
 */
export function withheld(ctx: SentenceContext, v: number): boolean {
  const [before, twoBefore] = [ctx.tokens[v - 1], ctx.tokens[v - 2]];
  if (!before || before.quoted) return false;
  if (NEGATIONS.has(before.lower)) return true;
  return before.lower === 'to' && !!twoBefore && !twoBefore.quoted && REFUSALS.has(twoBefore.lower);
}

/** "praised the talks as the right steps": an "as" after the verb's object, within its clause. */
export function predicatesWithAs(ctx: SentenceContext, v: number): boolean {
  for (let k = v + 1; k < Math.min(ctx.tokens.length, v + 10); k++) {
    const t = ctx.tokens[k] as Token;
    if (t.quoted || t.start >= ctx.end || /[,;:]/u.test(gapBetween(ctx.body, ctx.tokens[k - 1], t))) return false;
    if (t.lower === 'as') return true;
  }
  return false;
}

interface Subject {
  mention: Mention;
  appositive: string;
  /** Where the speaker's words begin when a role phrase comes before the name. */
  start?: number;
}

/** The speaker standing right before the verb, past adverbs ("meanwhile"), appositives and asides. */
export function subjectBefore(ctx: SentenceContext, v: number): Subject | null {
  const { tokens, body } = ctx;
  let i = v - 1;
  // "Orlov on Tuesday morning said" skips the time words; in "…, who flew in on the morning flight / in the
  // morning, said" the noun after "the" ends a phrase of its own. "Orlov earlier this month warned": a time noun
  // after a deictic ("this month", "last year"; `timePhraseNouns` in lexicon/speech.json) is a time phrase too.
  // "Vell, speaking after meeting Holm yesterday, said": an adverbial before a comma that ends a longer aside is the
  // aside's, and the name before it is no subject; a segment of adverbials only (", too,", ", meanwhile,") is skipped.
  while (
    i >= 0 &&
    (isAdverbial(tokens[i] as Token) || timeNounAt(tokens, i)) &&
    tokens[i - 1]?.lower !== 'the' &&
    (!gapBetween(body, tokens[i], tokens[i + 1]).includes(',') || adverbialsOnly(ctx, segmentStart(ctx, i), i))
  )
    i--;
  i = pastAdjunctAfterName(ctx, i, v);
  i = beforeDashAside(ctx, beforeParenthesis(ctx, i, v), v);
  const antecedent = relativePronounHead(ctx, i);
  if (antecedent) return { mention: antecedent, appositive: '' };
  const relative = relativeClauseHead(ctx, i);
  if (relative) return { mention: relative, appositive: '' };
  const appositive = '';
  for (;;) {
    const last = tokens[i];
    if (!last || last.quoted || last.start < ctx.start) return null;
    const gapAfter = body.slice(last.end, (tokens[i + 1] as Token).start);
    if (/["\u201c\u201d\u00ab\u00bb;:]/u.test(gapAfter) || SPACED_DASH.test(gapAfter)) return null;
    if (!gapAfter.includes(',')) {
      const mention = mentionEndingAt(ctx, pastCountryAfterName(ctx, i), true);
      return mention ? { mention: governedByPreposition(ctx, mention), appositive } : null;
    }
    const j = segmentStart(ctx, i);
    const first = tokens[j] as Token;
    const afterComma = j > 0 && gapBetween(body, tokens[j - 1], first).includes(',');
    // "Holm, 61, told the network": a lone number of up to three digits in commas right after a name is the
    // person's age, an aside like "who is 61"; a number after anything but a name ("Of the envoys, 12 said") is not.
    if (afterComma && j === i && /^\d{1,3}$/u.test(first.text) && tokens[j - 1]?.nameLike) {
      i = j - 1;
      continue;
    }
    // "Vadim Torinsky, Russia's chief negotiator, said": the segment describes the name before it. An aside's opener
    // is none, though it ends like a noun ("Critics of Holm, after the vote, said": "after" is no "-er" noun).
    // A clause with a verb of saying of its own ("Donbass, the Russian side insists that …, informs") is no appositive.
    if (
      afterComma &&
      !isAside(first) &&
      (looksAppositive(first) || namesRole(ctx, j, i)) &&
      !saysSomething(ctx, j, i)
    ) {
      const mention = mentionEndingAt(ctx, j - 1, true);
      if (mention && (mention.kind === 'name' || mention.kind === 'pronoun'))
        return { mention, appositive: body.slice(first.start, last.end) };
    }
    // "Bennett, who spoke to both leaders, said", "Volkov, speaking in Minsk, accused": an aside.
    if (afterComma && isAside(first)) {
      i = j - 1;
      continue;
    }
    // "Torinsky, meanwhile, said" or "Russia's deputy foreign minister, Oleg Kastrin, said".
    const mention = mentionEndingAt(ctx, i, true);
    if (
      !mention ||
      (mention.start !== first.start &&
        !onlyTimeWordsBefore(ctx, j, mention.start) &&
        !officeBeforeName(ctx, j, mention))
    )
      return null;
    const role = afterComma && mention.kind === 'name' ? leadingRole(ctx, j) : null;
    return role ? { mention, appositive: role.phrase, start: role.start } : { mention, appositive };
  }
}

/** A time noun after a deictic ("this month", "last year"): the words of a time phrase before a verb. */
const timeNounAt = (tokens: readonly Token[], i: number): boolean => isTimePhrase(tokens[i - 1], tokens[i]);

/** Whether tokens `from`–`to` are all adverbials (", too,", ", on Tuesday morning,"). */
function adverbialsOnly(ctx: SentenceContext, from: number, to: number): boolean {
  for (let k = from; k <= to; k++) if (!isAdverbial(ctx.tokens[k] as Token) && !timeNounAt(ctx.tokens, k)) return false;
  return true;
}

/** Auxiliaries among the adverbials: they stand between a subject and its verb, never before the subject. */
const AUXILIARIES = new Set('has have had was is were will would could may might'.split(' '));

/**
 * "Yesterday Holm, after repeating his demand, said …": the words before the name in its comma segment are only
 * time or sequence adverbials (`ADVERBIALS`, no auxiliary), so the name opens the clause all the same.
 */
function onlyTimeWordsBefore(ctx: SentenceContext, from: number, nameStart: number): boolean {
  let k = from;
  for (; k < ctx.tokens.length && (ctx.tokens[k] as Token).start < nameStart; k++) {
    const t = ctx.tokens[k] as Token;
    if (!isAdverbial(t) || AUXILIARIES.has(t.lower)) return false;
  }
  return k > from;
}

/**
 * "Head of the Ruritanian delegation Ivo Holm, also an adviser to the premier, said": the words before the name in its
 * comma segment are an office's title (title, role and institution words, capitalised words such as a country's
 * adjective, "the", "of", "for", with a role head among them) that holds the name, not a clause of its own ("The envoy who met Ivo Holm, …" has a verb).
 */
function officeBeforeName(ctx: SentenceContext, from: number, mention: Mention): boolean {
  if (mention.kind !== 'name') return false;
  let role = false;
  for (let k = from; k < ctx.tokens.length && (ctx.tokens[k] as Token).start < mention.start; k++) {
    const t = ctx.tokens[k] as Token;
    if (t.quoted) return false;
    if (ROLE_HEADS.has(t.lower)) {
      // "Supporters of the head of the delegation Ivo Holm, …, said": the office is the preposition's, not the subject.
      if (!role && officeGoverned(ctx, k)) return false;
      role = true;
    } else if (!TITLE_WORDS.has(t.lower) && !INSTITUTION_WORDS.has(t.lower) && !OFFICE_JOINERS.has(t.lower))
      if (!/^\p{Lu}/u.test(t.text)) return false;
  }
  return role && governedByPreposition(ctx, mention).kind === 'name';
}

/** The prepositions inside an office's title: "Minister for Foreign Affairs", "head of the Ministry of Defence". */
const OFFICE_PREPOSITIONS = new Set(['of', 'for']);
/** The words that join an office's title words: its prepositions and "the". */
const OFFICE_JOINERS = new Set([...OFFICE_PREPOSITIONS, 'the']);

/** Prepositions that open an adjunct of the verb after a name: "Holm in an interview said". */
const ADJUNCT_PREPOSITIONS = new Set(['in', 'during']);
/** Determiners after such a preposition that no name or title continues into: "in an interview", "during his visit". */
const ADJUNCT_DETERMINERS = new Set(['a', 'an', 'his', 'her', 'their', 'its']);
/** How many words such an adjunct may hold before the verb. */
const ADJUNCT_WORDS = 12;

/**
 * "Holm in an interview with a TV channel said that …": a phrase opened by "in" or "during" and a determiner
 * that no name continues into, right after a name and running to the verb with no comma, quote, colon or other
 * verb of saying, is the verb's adjunct; the name before it is the subject. Returns the name's last token, or `last`
 * unchanged. Not after a word that is no name ("Residents in a village said"), and the preposition before the name
 * still governs it ("An aide to Holm in a statement said": the aide speaks, unnamed).
 */
function pastAdjunctAfterName(ctx: SentenceContext, last: number, v: number): number {
  const { tokens, body } = ctx;
  for (let k = last; k > Math.max(0, last - ADJUNCT_WORDS); k--) {
    const t = tokens[k] as Token;
    if (t.quoted || /[,;:"\u201c\u201d\u00ab\u00bb()]/u.test(gapBetween(body, t, tokens[k + 1]))) return last;
    if (SPACED_DASH.test(gapBetween(body, t, tokens[k + 1]))) return last;
    if (!ADJUNCT_PREPOSITIONS.has(t.lower) || !ADJUNCT_DETERMINERS.has(tokens[k + 1]?.lower ?? '')) continue;
    const name = tokens[k - 1];
    if (!name?.nameLike || name.quoted || !/^\s+$/u.test(gapBetween(body, name, t))) return last;
    if (saysSomething(ctx, k, v - 1) || !opensClause(ctx, k - 1)) return last;
    return k - 1;
  }
  return last;
}

/**
 * Whether the name ending at token `last` opens its clause: at the sentence's start, after a comma, or after time
 * adverbials only. "… signed by A, B and Ivo Holm during a meeting of countries described as …": a name that ends a
 * list after a preposition is no subject of the participle after the adjunct.
 */
function opensClause(ctx: SentenceContext, last: number): boolean {
  const mention = mentionEndingAt(ctx, last, true);
  if (mention?.kind !== 'name') return false;
  let k = ctx.tokens.findIndex((t) => t.start === mention.start) - 1;
  while (k >= 0 && isAdverbial(ctx.tokens[k] as Token) && !AUXILIARIES.has((ctx.tokens[k] as Token).lower)) k--;
  const before = ctx.tokens[k];
  if (!before || before.end <= ctx.start) return true;
  return /[,;:]/u.test(gapBetween(ctx.body, before, ctx.tokens[k + 1]));
}

/**
 * A word between a subject and its verb that modifies the verb: the listed adverbials, and any lower-case
 * adverb in -ly ("pointedly warned", "firmly rejected"), but for the nouns that end so ("a close ally said").
 */
function isAdverbial(t: Token): boolean {
  if (t.quoted) return false;
  if (ADVERBIALS.has(t.lower)) return true;
  return /^\p{Ll}{3,}ly$/u.test(t.text) && !NOUNS_IN_LY.has(t.lower);
}

const NOUNS_IN_LY = new Set([
  'ally',
  'rally',
  'family',
  'assembly',
  'supply',
  'reply',
  'anomaly',
  'monopoly',
  'bully',
  'folly',
]);

/**
 * "Rep. Jane Roe (D-Ohio) told …", "Ivan Petrenko (pictured) said …": a short parenthesis between the
 * speaker and the verb is an aside; the speaker is the name before it. Returns the last token before the
 * parenthesis, or `last` when the verb follows no parenthesis.
 */
function beforeParenthesis(ctx: SentenceContext, last: number, v: number): number {
  const { tokens, body } = ctx;
  if (!/\)\s*$/u.test(gapBetween(body, tokens[last], tokens[v]))) return last;
  for (let k = last; k > Math.max(0, last - 6); k--) {
    const gap = gapBetween(body, tokens[k - 1], tokens[k]);
    if (gap.includes(')')) return last;
    if (/\(\s*$/u.test(gap)) return k - 1;
  }
  return last;
}

/**
 * "Reed—who led the team alongside his deputy Ann Cole—described …": an aside between dashes
 * before the verb; its last name is not the subject, the word before the opening dash is. Returns that
 * word's index, or `last` when no dash closes an aside right before the verb.
 */
function beforeDashAside(ctx: SentenceContext, last: number, v: number): number {
  const { tokens, body } = ctx;
  const isDash = (gap: string) => /[\u2013\u2014]|\s-+\s/u.test(gap);
  if (!isDash(gapBetween(body, tokens[last], tokens[v]))) return last;
  for (let k = last; k > Math.max(0, last - DASH_ASIDE_WORDS); k--) {
    const t = tokens[k] as Token;
    const gap = gapBetween(body, tokens[k - 1], t);
    if (t.quoted || t.start < ctx.start || /[;:"\u201c\u201d\u00ab\u00bb]/u.test(gap)) return last;
    if (isDash(gap)) return k - 1;
  }
  return last;
}

/** The longest aside between dashes passed over before a verb of saying. */
const DASH_ASIDE_WORDS = 20;

/**
 * "Al-Busaidi, who mediated in Oman's capital, Muscat, confirmed …": a relative clause that runs up to
 * the comma before the verb, whatever commas it holds; the name before "who" is the subject.
 */
function relativeClauseHead(ctx: SentenceContext, last: number): Mention | null {
  const { tokens, body } = ctx;
  const end = tokens[last];
  if (!end || !gapBetween(body, end, tokens[last + 1]).includes(',')) return null;
  for (let k = last; k > 0; k--) {
    const t = tokens[k] as Token;
    if (t.quoted || t.start < ctx.start || /[;:"\u201c\u201d\u00ab\u00bb]/u.test(gapBetween(body, tokens[k - 1], t)))
      return null;
    if (speechVerbOf(t, tokens[k - 1]?.lower ?? '', tokens[k + 1]?.lower)) return null;
    if (!/^(who|whose)$/u.test(t.lower) || !gapBetween(body, tokens[k - 1], t).includes(',')) continue;
    const head = mentionEndingAt(ctx, k - 1, true);
    return (head?.kind === 'name' || head?.kind === 'role') && k < last ? head : null;
  }
  return null;
}

/**
 * "… in the presence of Foreign Minister Aidos Berikbayev, who called the protocol a first stone": "who" right
 * before the verb stands for the name before its comma, wherever that name sits in the main clause (as
 * the object of a preposition too: the relative clause is the person's own).
 */
function relativePronounHead(ctx: SentenceContext, at: number): Mention | null {
  const { tokens, body } = ctx;
  const who = tokens[at];
  if (!who || who.quoted || who.lower !== 'who' || who.start < ctx.start) return null;
  if (!gapBetween(body, tokens[at - 1], who).includes(',')) return null;
  const head = mentionEndingAt(ctx, at - 1, true);
  return head?.kind === 'name' ? head : null;
}

const GOVERNING = new Set(
  'in near from at of outside around for with by across inside within behind to into on'.split(' '),
);

/**
 * "Hospital staff in Bakhmut described …", "Monitors from the Red Cross warned …": a name after a
 * preposition is not the subject; the group before it is, so the speaker is generic.
 */
export function governedByPreposition(ctx: SentenceContext, mention: Mention): Mention {
  if (mention.kind === 'role') {
    // "A close ally of the minister described …": the role names whose ally; the ally speaks, unnamed.
    const before = ctx.tokens[ctx.tokens.findIndex((t) => t.start === mention.start) - 1];
    return before && !before.quoted && GOVERNING.has(before.lower)
      ? genericMention(mention.start, mention.end)
      : mention;
  }
  if (mention.kind !== 'name') return mention;
  let k = ctx.tokens.findIndex((t) => t.start === mention.start) - 1;
  // Past the rest of a capitalised name: "at the Geneva Security Forum".
  const joined = (j: number) => /^\s+$/u.test(gapBetween(ctx.body, ctx.tokens[j], ctx.tokens[j + 1]));
  while (k >= 0 && /^\p{Lu}/u.test(ctx.tokens[k]?.text ?? '') && !ctx.tokens[k]?.quoted && joined(k)) k--;
  if (ctx.tokens[k]?.lower === 'the' && joined(k)) k--;
  const before = ctx.tokens[k];
  if (!before || before.quoted || !joined(k) || !GOVERNING.has(before.lower)) return mention;
  // "Head of the delegation Ivan Varga said": a titled name after a role's "of" ends that role's phrase.
  const role = ctx.tokens[k - 1];
  // Unless a preposition governs that role: "An aide to the head of the delegation Ivan Varga said".
  if (before.lower === 'of' && mention.descriptor && role && ROLE_HEADS.has(role.lower))
    return officeGoverned(ctx, k - 1) ? genericMention(mention.start, mention.end) : mention;
  if (holdsOfficeNamed(ctx, k, mention)) return mention;
  return genericMention(mention.start, mention.end);
}

/** How far back from its preposition an office's title may begin ("the head of the Ministry of Foreign Affairs"). */
const OFFICE_TITLE_WORDS = 8;

/**
 * "Minister for Foreign Affairs Ivo Holm said", "the head of the Ministry of Defence Ivo Holm said": a name after an
 * office's portfolio or body holds that office; the preposition (`prep`) belongs to the title, it does not govern the
 * name. The title runs back from the preposition over capitalised body and portfolio words (`INSTITUTION_WORDS`,
 * `TITLE_WORDS`), "of", "for" and "the" to a role head ("minister", "head"). A person's title between the preposition
 * and the name ("a spokesman for Foreign Minister Ivo Holm") makes the name the principal, who does not speak.
 */
function holdsOfficeNamed(ctx: SentenceContext, prep: number, mention: Extract<Mention, { kind: 'name' }>): boolean {
  const { tokens, body } = ctx;
  const preposition = tokens[prep] as Token;
  // "Permanent Representative to the United Nations Ivo Holm", "Ambassador to Zenda Ivo Holm": a diplomatic post's
  // title holds "to" (`officeToHeads`, round 15's S15-3); any other role's "to" governs the name.
  const to = preposition.lower === 'to';
  if (!OFFICE_PREPOSITIONS.has(preposition.lower) && !to) return false;
  // The portfolio or body between the preposition and the personal name: at least one such word in the title ("the
  // head of the Zenda Relief Society said": no body word, the society is what "of" governs), and no person's title.
  const between = `${body.slice(preposition.end, mention.start)} ${mention.descriptor}`.split(/[^\p{L}]+/u);
  const isBodyWord = (w: string) =>
    /^\p{Lu}/u.test(w) && (INSTITUTION_WORDS.has(w.toLowerCase()) || TITLE_WORDS.has(w.toLowerCase()));
  let bodyWord = between.some(isBodyWord);
  // The post's "to" names a place or body before the holder ("to Austria", "to the United Nations"): "the special
  // envoy to Ivo Holm" is sent to Holm.
  if (to && !between.some((w) => /^\p{Lu}/u.test(w))) return false;
  if (between.some((w) => ROLE_HEADS.has(w.toLowerCase()))) return false;
  for (let q = prep - 1; q >= Math.max(0, prep - OFFICE_TITLE_WORDS); q--) {
    const t = tokens[q] as Token;
    if (t.quoted || !/^\s+$/u.test(gapBetween(body, t, tokens[q + 1]))) return false;
    if (ROLE_HEADS.has(t.lower)) {
      if (to && !OFFICE_TO_HEADS.has(t.lower)) return false;
      return (bodyWord || to) && !officeGoverned(ctx, q);
    }
    if (isBodyWord(t.text)) bodyWord = true;
    // "Chairman of the Supreme Council of Ruritania Ivo Holm" (S15-3): a title over two prepositions, whose body's
    // own name ("Supreme") is no body word.
    else if (!OFFICE_JOINERS.has(t.lower) && !isProperWord(t)) return false;
  }
  return false;
}

/** A capitalised word inside a sentence that is no function word: part of a body's own name ("the Supreme Council"). */
function isProperWord(t: Token): boolean {
  return /^\p{Lu}\p{Ll}/u.test(t.text) && !CAPITALISED_FUNCTION_WORDS.has(t.lower);
}

/**
 * Whether a preposition governs the office whose role head is token `head`: "An aide to the head of the Ministry of
 * Defence Ivo Holm said": Holm holds the office, but the aide speaks.
 */
function officeGoverned(ctx: SentenceContext, head: number): boolean {
  const { tokens, body } = ctx;
  let k = head - 1;
  while (k >= 0 && ['the', 'a', 'an'].includes((tokens[k] as Token).lower)) k--;
  const before = tokens[k];
  return (
    !!before && !before.quoted && GOVERNING.has(before.lower) && /^\s+$/u.test(gapBetween(body, before, tokens[k + 1]))
  );
}

/** Whether tokens `from`–`to` hold a verb of saying. */
function saysSomething(ctx: SentenceContext, from: number, to: number): boolean {
  for (let k = from; k <= to; k++) {
    const t = ctx.tokens[k] as Token;
    if (!t.quoted && speechVerbOf(t, ctx.tokens[k - 1]?.lower ?? '', ctx.tokens[k + 1]?.lower)) return true;
  }
  return false;
}

/**
 * A role phrase opening a clause before a name in commas: "Russia's deputy foreign minister, Oleg
 * Kastrin,", "…, while Ukraine's chief negotiator, Nodar Lomakhia,".
 */
function leadingRole(ctx: SentenceContext, nameStart: number): { phrase: string; start: number } | null {
  let j = segmentStart(ctx, nameStart - 1);
  if (/^(while|whereas|but|and)$/u.test(ctx.tokens[j]?.lower ?? '')) j++;
  const first = ctx.tokens[j] as Token;
  const last = ctx.tokens[nameStart - 1] as Token;
  const lead = ctx.body.slice(ctx.start, first.start);
  // `"…," the Ukrainian president, X, said`: the comma may stand inside the quote that ends the lead.
  if (!isSpaceOrPunct(lead) && !/(?:[,;]["\u201d\u00bb']?|\b(?:while|whereas|but|and))\s*$/u.test(lead)) return null;
  const phrase = ctx.body.slice(first.start, last.end);
  const namesRole = phrase
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .some((w) => ROLE_HEADS.has(w));
  return namesRole ? { phrase, start: first.start } : null;
}

const isAside = (first: Token) =>
  /^(who|whose|which|speaking|writing|asked|quoted|cited|according|in|on|at|after|before|during|from|with|meanwhile|however|also|though|like)$/u.test(
    first.lower,
  ) || /^\p{Ll}[\p{L}-]*ing$/u.test(first.text);

/** "Kremlin spokesman", "Russian special envoy for investment": a short phrase headed by a role noun. */
function namesRole(ctx: SentenceContext, from: number, to: number): boolean {
  if (to - from > 12) return false;
  const words = ctx.tokens.slice(from, to + 1);
  return words.every((t) => !t.quoted) && words.some((t) => ROLE_HEADS.has(t.lower));
}

/** Whether the comma-delimited words from `j` describe a person: "Russia's top negotiator", "an adviser to …". */
function looksAppositive(first: Token): boolean {
  if (/^(the|a|an|one|his|her)$/u.test(first.lower) || /['\u2019]s$/u.test(first.text)) return true;
  return /^\p{Lu}/u.test(first.text) === false && /(ist|er|or|man|woman|person)$/u.test(first.lower);
}

/** The describing words after a speaker named after the verb: "said Torinsky, Russia's chief negotiator, …". */
export function appositiveAfter(ctx: SentenceContext, end: number): string {
  const rest = ctx.body.slice(end, ctx.end);
  const m = /^,\s*((?:the|a|an|one|his|her|\p{Lu}[\p{L}]*['\u2019]s)\s[^,.;]{2,80})(?=,|\.|$)/u.exec(rest);
  if (!m) return '';
  // "After talks with Mira Vell, the envoy said …": the comma that closes the sentence's opening ends the name's phrase.
  return closesOpening(ctx.body.slice(ctx.start, ctx.end), end - ctx.start) ? '' : (m[1] ?? '');
}

/**
 * "Premier Ivo Holm of Norway": the country an "of" right after a person's name gives them ("of Norway", "of the
 * United Kingdom"), as the phrase to describe them with ("of Norway"), or ''. Only a country: "Anna Lind of the
 * agency" tells nothing of the kind.
 */
export function countryAfterName(body: string, end: number): string {
  const m = OF_COUNTRY.exec(body.slice(end, end + OF_COUNTRY_REACH));
  if (!m) return '';
  const words = (m[1] ?? '').split(/\s+/u);
  for (let n = words.length; n > 0; n--) {
    const name = words.slice(0, n).join(' ');
    if (countryOfWord(name) !== null && !/['\u2019]s$/u.test(name)) return `of ${name}`;
  }
  return '';
}

/** An "of" and up to three capitalised words after a name. */
const OF_COUNTRY = /^\s+of\s+(?:the\s+)?(\p{Lu}[\p{L}.'\u2019-]*(?:\s+\p{Lu}[\p{L}.'\u2019-]*){0,2})/u;
/** How far after a name its "of <country>" is looked for: the longest country names run to about 30 characters. */
const OF_COUNTRY_REACH = 48;

/**
 * "Premier Ivo Holm of Norway said": the name before an "of <country>" that ends at token `i`, rather than the
 * country, which speaks for nobody there. Returns the index of the name's last token, or `i`.
 */
function pastCountryAfterName(ctx: SentenceContext, i: number): number {
  const { tokens, body } = ctx;
  for (let of = i - 1; of > Math.max(0, i - 5); of--) {
    const t = tokens[of] as Token;
    if (t.quoted || !/^\s+$/u.test(gapBetween(body, t, tokens[of + 1]))) return i;
    if (t.lower !== 'of') continue;
    const name = tokens[of - 1] as Token;
    if (!/^\s+$/u.test(gapBetween(body, name, t))) return i;
    return countryAfterName(body, name.end) !== '' && mentionEndingAt(ctx, of - 1, true)?.kind === 'name' ? of - 1 : i;
  }
  return i;
}

/** The first mention of a clause, as the subject of an infinitive or participle ("X emerged … to say"). */
export function clauseSubject(ctx: SentenceContext, v: number): Subject | null {
  const { tokens, body } = ctx;
  let first = 0;
  for (let k = v - 1; k > 0; k--) {
    if (/[,;:]/u.test(gapBetween(body, tokens[k - 1], tokens[k]))) {
      first = k;
      break;
    }
  }
  for (let k = first; k < Math.min(v, first + 3); k++) {
    const mention = mentionStartingAt(ctx, k);
    if (mention && mention.kind !== 'generic') return { mention, appositive: '' };
    if (mention && k === first && /^(the|a|an)$/u.test(tokens[k]?.lower ?? '')) return { mention, appositive: '' };
  }
  return null;
}

/** "him", "his", "her" as a speaker, when a possessive or object pronoun names one. */
export function pronounAt(ctx: SentenceContext, k: number): Mention | null {
  const t = ctx.tokens[k];
  const gender = t ? OBJECT_PRONOUNS.get(t.lower) : undefined;
  return t && gender ? pronounMention(t.start, t.end, gender) : null;
}

/**
 * The person named within a few words from token `k`: "quoted Foreign Ministry spokesman Oncu Keceli",
 * where the ministry's name comes before the role and the name.
 */
export function namedSpeakerFrom(ctx: SentenceContext, k: number): Mention | null {
  for (let j = k; j < Math.min(ctx.tokens.length, k + 6); j++) {
    const t = ctx.tokens[j] as Token;
    if (t.quoted || t.start >= ctx.end || (j > k && /[,;:]/u.test(gapBetween(ctx.body, ctx.tokens[j - 1], t)))) break;
    const mention = mentionStartingAt(ctx, j);
    if (mention && (mention.kind === 'name' || (j === k && mention.kind !== 'generic'))) return mention;
  }
  return null;
}

/** Conjunctions that open a subordinate clause before the main one: "Although X is expected …, he said …". */
const SUBORDINATORS = new Set('although though while whereas as when after before since because if once'.split(' '));

/**
 * "Although President Jane Roe is expected in Riyadh, she has said that …": a sentence that opens with a
 * subordinate clause whose subject is a named person, and goes on with a pronoun before `pronounStart`,
 * makes that person the pronoun's antecedent, whoever spoke last.
 */
export function subordinateClauseSubject(ctx: SentenceContext, pronounStart: number): Mention | null {
  const k = firstTokenIndex(ctx);
  const opener = ctx.tokens[k];
  if (!opener || opener.quoted || !SUBORDINATORS.has(opener.lower)) return null;
  const mention = mentionStartingAt(ctx, k + 1);
  if (mention?.kind !== 'name' || mention.end >= pronounStart) return null;
  // The pronoun opens the main clause: a comma comes between it and the subordinate clause.
  return /,\s*$/u.test(ctx.body.slice(mention.end, pronounStart)) ? mention : null;
}

/**
 * "called it 'a breakthrough'", "called the offer useful", "called for a ceasefire", "called on Moscow to …"
 * are statements; "Volnov called Aksoylu on Tuesday" and "called the envoy and said …" are phone calls.
 */
/**
 * Whether a naming verb (`NAMING_VERBS`) at token `v` names its object: "called the offer a sham", "branded the plan
 * \"dead\"", "described the talks as frank"; "called for talks" and "called on Kyiv" too, as "call" asks for
 * something there. "called the envoy", "described the scene" name nothing and report no words.
 */
export function namesObject(ctx: SentenceContext, v: number, lemma: string): boolean {
  if (lemma !== 'call' && /^(for|on)$/u.test(ctx.tokens[v + 1]?.lower ?? '')) return false;
  if (namesWhat(ctx, v)) return false;
  return callsSomething(ctx, v) || (lemma !== 'call' && predicatesWithAs(ctx, v));
}

/** How far before a naming verb "what" may stand: "what the deputy minister termed". */
const WHAT_WORDS = 4;

/**
 * "to end what he called a \"stupid war\"", "for what the aide described as a \"listening\" session": the writer's
 * noun phrase holding the name the speaker gives a thing in quote marks, no words of the speaker (gold guide R6).
 * Without the marks ("what she described as the parameters of a deal") the description is the speaker's claim.
 */
function namesWhat(ctx: SentenceContext, v: number): boolean {
  const { tokens, body } = ctx;
  for (let k = v - 1; k >= Math.max(0, v - WHAT_WORDS); k--) {
    const t = tokens[k] as Token;
    if (t.quoted || /[,;:.!?]/u.test(gapBetween(body, t, tokens[k + 1]))) return false;
    if (t.lower === 'what') return k < v - 1 && quotedNameAfter(ctx, v);
  }
  return false;
}

/** A quote within the few words after a naming verb, in its clause: `called a "stupid war"`. */
function quotedNameAfter(ctx: SentenceContext, v: number): boolean {
  const { tokens, body } = ctx;
  for (let k = v + 1; k < Math.min(tokens.length, v + WHAT_WORDS + 1); k++) {
    const t = tokens[k] as Token;
    if (t.quoted) return true;
    if (/[,;:.!?]/u.test(gapBetween(body, tokens[k - 1], t))) return false;
  }
  return false;
}

/**
 * "…, calling the offer \"a sham\"", "…, describing the talks as frank" after a main clause: a naming participle
 * whose name for its object is quoted or an "as" predicate. "…, calling it a positive step" and "…, calling her stance
 * a gift to the hawks" are the writer's summary of what the clause before reported, no words of their own.
 */
export function namingParticiple(ctx: SentenceContext, v: number, lemma: string): boolean {
  if (!NAMING_VERBS.has(lemma) || !/ing$/u.test((ctx.tokens[v] as Token).lower) || !namesObject(ctx, v, lemma))
    return false;
  const verb = ctx.tokens[v] as Token;
  return (
    (lemma !== 'call' && predicatesWithAs(ctx, v)) || ctx.quotes.some((q) => q.open > verb.end && q.open < ctx.end)
  );
}

function callsSomething(ctx: SentenceContext, v: number): boolean {
  const { tokens, body } = ctx;
  const next = tokens[v + 1];
  if (next && /^(for|on)$/u.test(next.lower)) return true;
  // "called the proposal a trap": an object, then a second noun phrase naming it; "called the offer useful":
  // an object, then an adjective that ends the clause.
  for (let k = v + 2; k < Math.min(tokens.length, v + 6); k++) {
    const t = tokens[k] as Token;
    if (
      t.quoted ||
      t.start >= ctx.end ||
      PREPOSITIONS.has(t.lower) ||
      /[,;:]/u.test(gapBetween(body, tokens[k - 1], t))
    )
      break;
    if (t.lower === 'a' || t.lower === 'an' || predicateAdjectiveAt(ctx, k)) return true;
  }
  return ctx.quotes.some((q) => q.open > (ctx.tokens[v] as Token).end && q.open < ctx.end);
}

/** A lower-case adjective that ends its clause ("… useful and said", "… useful."), never a role word. */
function predicateAdjectiveAt(ctx: SentenceContext, k: number): boolean {
  const t = ctx.tokens[k] as Token;
  if (!/^\p{Ll}+$/u.test(t.text) || TITLE_WORDS.has(t.lower) || ROLE_HEADS.has(t.lower)) return false;
  if (!PREDICATE_ADJECTIVES.has(t.lower) && !PREDICATE_ADJECTIVE_ENDINGS.some((e) => t.lower.endsWith(e))) return false;
  const next = ctx.tokens[k + 1];
  if (!next || next.start >= ctx.end) return true;
  return /[,;:.]/u.test(gapBetween(ctx.body, t, next)) || next.lower === 'and' || next.lower === 'but';
}

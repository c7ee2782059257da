import {
  ADVERBIALS,
  AFTER_QUOTE_ONLY,
  CAPITALISED_FUNCTION_WORDS,
  CLAUSE_ONLY,
  CONTENT_IN_VERB_PHRASE,
  INFINITIVE_VERBS,
  LISTENERS,
  OBJECT_PRONOUNS,
  PERSONAL_PRONOUNS,
  QUOTING_WORDS,
  ROLE_HEADS,
} from './speakers-lexicon.js';
import {
  gapBetween,
  type Mention,
  type MentionContext,
  mentionEndingAt,
  mentionStartingAt,
  speechVerbOf,
  type Token,
} from './speakers-mentions.js';
import type { QuoteSpan } from './statements-quotes.js';

/*
 * Attribution: which words of a sentence someone is reported to have said, and who. News English puts
 * the speaker before the content ("Medinsky said (that) …", "X told reporters: …", "X described … as …",
 * "according to X, …") or after it ("…, Fomin said.", "…, said Medinsky, who added that …"); a
 * continuation (", adding that …", ", who added that …") is a second statement by the same speaker.
 */

/** One attributed passage, before speaker resolution. */
export interface Attribution {
  speaker: Mention;
  /** Words after the speaker's name that describe them (", an adviser to Zelenskyy,"). */
  appositive: string;
  /** Body offsets of what was said: a quoted passage, or the reported clause. */
  start: number;
  end: number;
  /** True for ", adding that …": the speaker is the one of the attribution before it in the sentence. */
  continues: boolean;
  /** Unquoted words given as the speaker's own ("… our delegation worked - wrote Umerov."). */
  direct?: boolean;
}

export interface SentenceContext extends MentionContext {
  /** Body offsets of the sentence. */
  start: number;
  end: number;
  quotes: QuoteSpan[];
}

const PREPOSITIONS = new Set(
  'from after in on at during while before following via through to with outside upon amid when as by'.split(' '),
);
const TIME_WORDS = new Set(
  (
    'tuesday monday wednesday thursday friday saturday sunday today yesterday tonight earlier later also again late ' +
    'previously separately once then'
  ).split(' '),
);
const CONTINUATION_LEMMAS = new Set(['add', 'say', 'note', 'stress', 'warn', 'insist', 'explain', 'argue', 'claim']);

const isSpaceOrPunct = (s: string) => /^[\s,.;:!?\u2013\u2014-]*$/u.test(s);

/** A dash between words and their speaker: "… - wrote Umerov.", "\" — added the minister." */
const SPACED_DASH = /\s[\u2013\u2014-]+\s*$/u;

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
    if (QUOTING_WORDS.has(verb.lower)) {
      quotedSpeaker = quotingAt(ctx, v, found) ?? quotedSpeaker;
      continue;
    }
    const lemma = speechVerbOf(verb, tokens[v - 1]?.lower ?? '', tokens[v + 1]?.lower);
    if (!lemma) continue;
    const previous = found.at(-1);
    // A continuation with no statement before it in the sentence ("pressed for talks, arguing that …") is
    // a participle of the main clause, found below.
    if (previous && continuationAt(ctx, v, lemma)) {
      // The first statement ends where its continuation begins.
      const cut = lastCommaBefore(body, tokens[v - 1]?.lower === 'who' ? (tokens[v - 1] as Token) : verb);
      if (previous.end > cut) previous.end = trimEnd(body, previous.start, cut);
      const content = contentAfter(ctx, v, lemma);
      if (content) found.push(attributed(content, previous.speaker, '', true));
      continue;
    }
    if (
      previous &&
      previous.speaker.kind !== 'generic' &&
      coordinatedVerb(ctx, v) &&
      previous.end > verb.start &&
      !CONTENT_IN_VERB_PHRASE.has(lemma) &&
      !describesInVerbPhrase(ctx, previous)
    ) {
      // "confirmed Russia received the plan and stated it could …": two statements of one subject.
      const and = ctx.tokens[v - 1] as Token;
      previous.end = trimEnd(body, previous.start, and.start);
      const content = contentAfter(ctx, v, lemma);
      if (content) found.push(attributed(content, previous.speaker, '', true));
      continue;
    }
    if (isClaimed(verb.start)) continue;
    const a = attributionAt(ctx, v, lemma);
    if (!a) continue;
    if (quotedSpeaker && a.speaker.kind === 'generic') a.speaker = quotedSpeaker;
    quotedSpeaker = null;
    found.push(a);
    // "Russia insists on direct talks …, Sergei Lavrov told reporters": a group or a country as the
    // subject leaves the words free for a named speaker later in the sentence.
    if (a.speaker.kind !== 'generic') claimed.push([Math.min(a.start, a.speaker.start), Math.max(a.end, verb.end)]);
    const resumed = resumedQuote(ctx, Math.max(verb.end, a.speaker.end));
    if (resumed) {
      found.push({ speaker: a.speaker, appositive: '', start: resumed.open, end: resumed.close + 1, continues: true });
      claimed.push([resumed.open, resumed.close + 1]);
    }
  }
  return found.filter((a) => a.end > a.start);
}

/**
 * `"We are ready," said X, "but …"`: a quote that resumes right after its attribution (and the
 * speaker's appositive) is a second direct statement of the same speaker.
 */
function resumedQuote(ctx: SentenceContext, from: number): QuoteSpan | null {
  const quote = ctx.quotes.find((q) => q.open >= from && q.open < ctx.end);
  if (!quote) return null;
  const between = ctx.body.slice(from, quote.open);
  return /^[^.!?"\u201c\u201d\u00ab\u00bb]{0,100}[,:]\s*$/u.test(between) ? quote : null;
}

/** ", adding that …", ", who added that …": a second statement of the speaker before. */
function continuationAt(ctx: SentenceContext, v: number, lemma: string): boolean {
  if (!CONTINUATION_LEMMAS.has(lemma)) return false;
  const verb = ctx.tokens[v] as Token;
  const previous = ctx.tokens[v - 1];
  if (/ing$/u.test(verb.lower)) return gapBetween(ctx.body, previous, verb).includes(',');
  if (previous?.lower === 'who') return gapBetween(ctx.body, ctx.tokens[v - 2], previous).includes(',');
  return false;
}

function attributionAt(ctx: SentenceContext, v: number, lemma: string): Attribution | null {
  const { tokens } = ctx;
  const verb = tokens[v] as Token;
  if (lemma === 'call' && !callsSomething(ctx, v)) return null;
  if (AFTER_QUOTE_ONLY.has(lemma) && !closesQuote(ctx, v)) return null;
  // "… emerged from the talks to say …", "… issued a statement saying …": the clause's subject speaks.
  if (tokens[v - 1]?.lower === 'to' || (/ing$/u.test(verb.lower) && !tokens[v - 1]?.quoted)) {
    const participleSubject = mentionEndingAt(ctx, v - 1, false);
    const subject =
      tokens[v - 1]?.lower === 'to'
        ? clauseSubject(ctx, v)
        : participleSubject && participleSubject.kind !== 'generic'
          ? { mention: participleSubject, appositive: '' }
          : (participleOfMainClause(ctx, v) ?? (participleSubject && { mention: participleSubject, appositive: '' }));
    const content = contentAfter(ctx, v, lemma);
    return subject && content ? attributed(content, subject.mention, subject.appositive) : null;
  }
  const own = subjectBefore(ctx, v);
  // "Lavrov met his counterpart and told reporters …": "and" leaves the verb to the sentence's subject.
  const before = coordinatedVerb(ctx, v) && own?.mention.kind !== 'name' ? (sentenceSubject(ctx, v) ?? own) : own;
  if (before) {
    const interjected = interjectedQuote(ctx, v, before.mention);
    if (interjected) return attributed(interjected, before.mention, before.appositive);
    const after = cutAtNextSpeaker(ctx, v, contentAfter(ctx, v, lemma));
    if (after) return attributed(after, before.mention, before.appositive);
    const content =
      parentheticalContent(ctx, v, before.start ?? before.mention.start) ??
      contentBefore(ctx, before.start ?? before.mention.start) ??
      (CLAUSE_ONLY.has(lemma) ? null : contentPastCircumstance(ctx, v, lemma));
    return content ? attributed(content, before.mention, before.appositive) : null;
  }
  // "…," said Medinsky / "…, said Medinsky, who added …": the speaker follows the verb.
  const gap = v > 0 ? gapBetween(ctx.body, tokens[v - 1], verb) : ctx.body.slice(ctx.start, verb.start);
  const dashed = SPACED_DASH.test(gap);
  if (!/[,"\u201d\u00bb']/u.test(gap) && !dashed && !tokens[v - 1]?.quoted) return null;
  const speaker = mentionStartingAt(ctx, v + 1);
  if (!speaker) return null;
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

/** `"…," the minister continued.`: a verb that reports words only as the close of a quote. */
function closesQuote(ctx: SentenceContext, v: number): boolean {
  const { body } = ctx;
  const verb = ctx.tokens[v] as Token;
  if (!/^\s*(?:[.,;!?]|$)/u.test(body.slice(verb.end, ctx.end))) return false;
  return ctx.quotes.some(
    (q) =>
      q.close < verb.start &&
      /^[\s,]+[^.!?;:"\u201c\u201d\u00ab\u00bb]{0,80}$/u.test(body.slice(q.close + 1, verb.start)),
  );
}

/**
 * "described the talks as 'constructive' and said …", "said … and called for …": the words of a verb like
 * "describe" are its whole verb phrase, and a coordination with one stays one statement.
 */
function describesInVerbPhrase(ctx: SentenceContext, a: Attribution): boolean {
  const k = ctx.tokens.findIndex((t) => t.start === a.start);
  const t = ctx.tokens[k];
  const lemma = t && speechVerbOf(t, ctx.tokens[k - 1]?.lower ?? '', ctx.tokens[k + 1]?.lower);
  return lemma ? CONTENT_IN_VERB_PHRASE.has(lemma) : false;
}

/** "X met Y and told reporters …", "X confirmed A and stated B": a verb of saying right after "and". */
function coordinatedVerb(ctx: SentenceContext, v: number): boolean {
  const and = ctx.tokens[v - 1];
  return and?.lower === 'and' && !and.quoted;
}

/**
 * The person a sentence opens with, as the subject of a later verb that has none of its own: "Lavrov
 * met his counterpart and told reporters …", "Zelensky pressed for a summit, arguing that …". An
 * opening adverb ("However, …") may come first; no other verb of saying or quote may come between.
 */
function sentenceSubject(ctx: SentenceContext, v: number): Subject | null {
  const { tokens, body } = ctx;
  let k = tokens.findIndex((t) => t.start >= ctx.start);
  if (k < 0 || k >= v) return null;
  const first = tokens[k] as Token;
  if (CAPITALISED_FUNCTION_WORDS.has(first.lower) && gapBetween(body, first, tokens[k + 1]).includes(',')) k++;
  const mention = mentionStartingAt(ctx, k);
  if (!mention || mention.kind === 'generic' || mention.end > (tokens[v - 1] as Token).start) return null;
  const between = tokens.slice(k, v).filter((t) => t.start >= mention.end);
  // Another verb of saying between makes its own attribution; "continues to press …" is none, as it
  // reports words only right after a quote.
  const saysBetween = (t: Token, j: number) => {
    const lemma = speechVerbOf(t, between[j - 1]?.lower ?? '', between[j + 1]?.lower);
    return lemma !== null && !AFTER_QUOTE_ONLY.has(lemma);
  };
  if (between.some((t, j) => t.quoted || saysBetween(t, j))) return null;
  if (/[;:"\u201c\u201d\u00ab\u00bb]/u.test(body.slice(mention.end, (tokens[v] as Token).start))) return null;
  return { mention, appositive: '' };
}

/** ", saying …", ", writing in a post that …" after a main clause: its subject speaks. */
function participleOfMainClause(ctx: SentenceContext, v: number): Subject | null {
  const { tokens, body } = ctx;
  const previous = tokens[v - 1];
  if (!previous || !gapBetween(body, previous, tokens[v]).includes(',')) return null;
  // "…, noting the progress made": a bare object is a topic, not words said; "saying" always reports words.
  const verb = tokens[v] as Token;
  const clause = tokens.slice(v + 1, v + 12).some((t) => t.lower === 'that' || t.quoted);
  if (verb.lower !== 'saying' && !clause && !/^\s*:/u.test(body.slice(verb.end))) return null;
  return sentenceSubject(ctx, v);
}

/**
 * "…, as Sir Humphrey said, 'a brave decision'": a speaker in an "as" clause owns only the quote that
 * follows the clause, not the sentence around it.
 */
function interjectedQuote(ctx: SentenceContext, v: number, speaker: Mention): { start: number; end: number } | null {
  const { tokens, body } = ctx;
  const at = tokens.findIndex((t) => t.start === speaker.start);
  if (at <= 0 || tokens[at - 1]?.lower !== 'as') return null;
  const verb = tokens[v] as Token;
  const quote = ctx.quotes.find((q) => q.open >= verb.end && /^\s*,?\s*$/u.test(body.slice(verb.end, q.open)));
  return quote ? { start: quote.open, end: quote.close + 1 } : null;
}

/**
 * "Now, he added, the burden is shifting …": a short lead, then the speaker and verb set off by
 * commas; what was said is the rest of the sentence.
 */
function parentheticalContent(
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

/** The words of a passage, numbers included, punctuation not. */
export const wordCount = (text: string) => text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/**
 * "Medinsky said A, while Arakhamia said B": a clause with a named speaker of its own ends the first
 * speaker's content, so that both statements are found.
 */
function cutAtNextSpeaker(
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
    const lead = body.slice(content.start, subject.start ?? subject.mention.start);
    const boundary = /(?:[,;]\s*(?:while|whereas|but|and)?|\s(?:while|whereas))\s*$/u.exec(lead);
    if (boundary) return { start: content.start, end: trimEnd(body, content.start, content.start + boundary.index) };
  }
  return content;
}

/**
 * "called it 'a breakthrough'", "called for a ceasefire", "called on Moscow to …" are statements;
 * "Putin called Erdogan on Tuesday" is a phone call.
 */
function callsSomething(ctx: SentenceContext, v: number): boolean {
  const { tokens, body } = ctx;
  const next = tokens[v + 1];
  if (next && /^(for|on)$/u.test(next.lower)) return true;
  // "called the proposal a trap": an object, then a second noun phrase naming it.
  for (let k = v + 2; k < Math.min(tokens.length, v + 6); k++) {
    const t = tokens[k] as Token;
    if (
      t.quoted ||
      t.start >= ctx.end ||
      PREPOSITIONS.has(t.lower) ||
      /[,;:]/u.test(gapBetween(body, tokens[k - 1], t))
    )
      break;
    if (t.lower === 'a' || t.lower === 'an') return true;
  }
  return ctx.quotes.some((q) => q.open > (ctx.tokens[v] as Token).end && q.open < ctx.end);
}

interface Subject {
  mention: Mention;
  appositive: string;
  /** Where the speaker's words begin when a role phrase comes before the name. */
  start?: number;
}

/** The speaker standing right before the verb, past adverbs ("meanwhile"), appositives and asides. */
function subjectBefore(ctx: SentenceContext, v: number): Subject | null {
  const { tokens, body } = ctx;
  let i = v - 1;
  while (i >= 0 && ADVERBIALS.has((tokens[i] as Token).lower) && !(tokens[i] as Token).quoted) i--;
  const relative = relativeClauseHead(ctx, i);
  if (relative) return { mention: relative, appositive: '' };
  const appositive = '';
  for (;;) {
    const last = tokens[i];
    if (!last || last.quoted || last.start < ctx.start) return null;
    const gapAfter = body.slice(last.end, (tokens[i + 1] as Token).start);
    if (/["\u201c\u201d\u00ab\u00bb;:]/u.test(gapAfter) || SPACED_DASH.test(gapAfter)) return null;
    if (!gapAfter.includes(',')) {
      const mention = mentionEndingAt(ctx, i, true);
      return mention ? { mention: governedByPreposition(ctx, mention), appositive } : null;
    }
    const j = segmentStart(ctx, i);
    const first = tokens[j] as Token;
    const afterComma = j > 0 && gapBetween(body, tokens[j - 1], first).includes(',');
    // "Vladimir Medinsky, Russia's top negotiator, said": the segment describes the name before it.
    // A clause with a verb of saying of its own ("Donbass, the Russian side insists that …, informs") is no appositive.
    if (
      afterComma &&
      (looksAppositive(first) || (!isAside(first) && namesRole(ctx, j, i))) &&
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
    // "Medinsky, meanwhile, said" or "Russia's deputy foreign minister, Pavel Grigoriev, said".
    const mention = mentionEndingAt(ctx, i, true);
    if (!mention || mention.start !== first.start) return null;
    const role = afterComma && mention.kind === 'name' ? leadingRole(ctx, j) : null;
    return role ? { mention, appositive: role.phrase, start: role.start } : { mention, appositive };
  }
}

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
    return head?.kind === 'name' && k < last ? head : null;
  }
  return null;
}

const GOVERNING = new Set(
  'in near from at of outside around for with by across inside within behind to into on'.split(' '),
);

/**
 * "Hospital staff in Bakhmut described …", "Monitors from the Red Cross warned …": a name after a
 * preposition is not the subject; the group before it is, so the speaker is generic.
 */
function governedByPreposition(ctx: SentenceContext, mention: Mention): Mention {
  if (mention.kind !== 'name') return mention;
  let k = ctx.tokens.findIndex((t) => t.start === mention.start) - 1;
  // Past the rest of a capitalised name: "at the Geneva Security Forum".
  const joined = (j: number) => /^\s+$/u.test(gapBetween(ctx.body, ctx.tokens[j], ctx.tokens[j + 1]));
  while (k >= 0 && /^\p{Lu}/u.test(ctx.tokens[k]?.text ?? '') && !ctx.tokens[k]?.quoted && joined(k)) k--;
  if (ctx.tokens[k]?.lower === 'the' && joined(k)) k--;
  const before = ctx.tokens[k];
  return before && !before.quoted && joined(k) && GOVERNING.has(before.lower)
    ? { kind: 'generic', start: mention.start, end: mention.end }
    : mention;
}

/** Whether tokens `from`–`to` hold a verb of saying. */
function saysSomething(ctx: SentenceContext, from: number, to: number): boolean {
  for (let k = from; k <= to; k++) {
    const t = ctx.tokens[k] as Token;
    if (!t.quoted && speechVerbOf(t, ctx.tokens[k - 1]?.lower ?? '', ctx.tokens[k + 1]?.lower)) return true;
  }
  return false;
}

/** The first token of the comma-delimited segment that ends at token `i`. */
function segmentStart(ctx: SentenceContext, i: number): number {
  let j = i;
  while (j > 0 && !gapBetween(ctx.body, ctx.tokens[j - 1], ctx.tokens[j]).includes(',')) j--;
  return j;
}

/**
 * A role phrase opening a clause before a name in commas: "Russia's deputy foreign minister, Pavel
 * Grigoriev,", "…, while Ukraine's chief negotiator, David Arakhamia,".
 */
function leadingRole(ctx: SentenceContext, nameStart: number): { phrase: string; start: number } | null {
  let j = segmentStart(ctx, nameStart - 1);
  if (/^(while|whereas|but|and)$/u.test(ctx.tokens[j]?.lower ?? '')) j++;
  const first = ctx.tokens[j] as Token;
  const last = ctx.tokens[nameStart - 1] as Token;
  const lead = ctx.body.slice(ctx.start, first.start);
  if (!isSpaceOrPunct(lead) && !/(?:[,;]|\b(?:while|whereas|but|and))\s*$/u.test(lead)) return null;
  const phrase = ctx.body.slice(first.start, last.end);
  const namesRole = phrase
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .some((w) => ROLE_HEADS.has(w));
  return namesRole ? { phrase, start: first.start } : null;
}

const isAside = (first: Token) =>
  /^(who|whose|which|speaking|writing|asked|according|in|on|at|after|before|during|from|with|meanwhile|however|also|though|like)$/u.test(
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

/** The describing words after a speaker named after the verb: "said Medinsky, Russia's top negotiator, …". */
export function appositiveAfter(ctx: SentenceContext, end: number): string {
  const rest = ctx.body.slice(end, ctx.end);
  const m = /^,\s*((?:the|a|an|one|his|her|\p{Lu}[\p{L}]*['\u2019]s)\s[^,.;]{2,80})(?=,|\.|$)/u.exec(rest);
  return m?.[1] ?? '';
}

/** The first mention of a clause, as the subject of an infinitive or participle ("X emerged … to say"). */
function clauseSubject(ctx: SentenceContext, v: number): Subject | null {
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
    const speaker = pronounAt(ctx, v + 2) ?? mentionStartingAt(ctx, v + 2);
    return speaker ? { speaker, leadingOnly: false } : null;
  }
  // The other phrases open the sentence.
  if (v > 0 || !next) return null;
  const leading = (speaker: Mention | null): SourcePhrase | null =>
    speaker && speaker.kind !== 'generic' ? { speaker, leadingOnly: true } : null;
  if (word.lower === 'in' && next.lower === 'the' && tokens[v + 2]?.lower === 'words' && tokens[v + 3]?.lower === 'of')
    return leading(mentionStartingAt(ctx, v + 4)); // "In the words of Medinsky, …"
  if (word.lower === 'in' && tokens[v + 2]?.lower === 'words')
    return leading(pronounAt(ctx, v + 1) ?? mentionEndingAt(ctx, v + 1, false)); // "In his words, …"
  if (word.lower !== 'as') return null;
  // Machine-translated "As noted the minister, …".
  if (speechVerbOf(next, 'as') && !/^(said|told)$/u.test(next.lower)) return leading(mentionStartingAt(ctx, v + 2));
  // "As Sybiha noted, …", "As he put it, …".
  const speaker = PERSONAL_PRONOUNS.has(next.lower) ? mentionEndingAt(ctx, v + 1, false) : namedSpeakerFrom(ctx, v + 1);
  if (!speaker) return null;
  const after = tokens.findIndex((t, k) => k > v && t.start >= speaker.end);
  const verb = tokens[after];
  const said = verb && speechVerbOf(verb, 'to', tokens[after + 1]?.lower);
  const comma = verb && /^\s*(?:\p{L}+\s*)?,/u.test(ctx.body.slice(verb.end, (tokens[after + 2] ?? verb).start + 1));
  return said && comma ? leading(speaker) : null;
}

/** "him", "his", "her" as a speaker, when a possessive or object pronoun names one. */
function pronounAt(ctx: SentenceContext, k: number): Mention | null {
  const t = ctx.tokens[k];
  const gender = t ? OBJECT_PRONOUNS.get(t.lower) : undefined;
  return t && gender ? { kind: 'pronoun', start: t.start, end: t.end, gender } : null;
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
  const content = contentBefore(ctx, verb.start);
  return content ? attributed(content, speaker, '') : null;
}

/**
 * "…," a Turkish daily quoted spokesman Oncu Keceli as saying; "…, the agency reported, citing Abbas
 * Araghchi"; "Russian television, quoting Vladimir Medinsky as saying, reported that …": an outlet
 * passes on a person's words, and the person is their speaker. The outlet's own attribution in the
 * sentence (before or after) takes the person as its speaker; with none, what came before is theirs.
 */
function quotingAt(ctx: SentenceContext, v: number, found: Attribution[]): Mention | null {
  // "…, Dmitry Peskov was quoted by TASS as saying": the subject of the passive is the speaker.
  if (/^(was|is|were|are|been)$/u.test(ctx.tokens[v - 1]?.lower ?? '')) {
    const subject = mentionEndingAt(ctx, v - 2, true);
    const content = subject && subject.kind !== 'generic' ? contentBefore(ctx, subject.start) : null;
    if (subject && content) found.push(attributed(content, subject, ''));
    return null;
  }
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
 * The person named within a few words from token `k`: "quoted Foreign Ministry spokesman Oncu Keceli",
 * where the ministry's name comes before the role and the name.
 */
function namedSpeakerFrom(ctx: SentenceContext, k: number): Mention | null {
  for (let j = k; j < Math.min(ctx.tokens.length, k + 6); j++) {
    const t = ctx.tokens[j] as Token;
    if (t.quoted || t.start >= ctx.end || (j > k && /[,;:]/u.test(gapBetween(ctx.body, ctx.tokens[j - 1], t)))) break;
    const mention = mentionStartingAt(ctx, j);
    if (mention && (mention.kind === 'name' || (j === k && mention.kind !== 'generic'))) return mention;
  }
  return null;
}

/** The start of the paragraph holding `at`. */
function paragraphStart(body: string, at: number): number {
  const blank = body.lastIndexOf('\n\n', at);
  return blank < 0 ? 0 : skipSpace(body, blank);
}

const skipSpace = (body: string, at: number) => {
  let k = at;
  while (/\s/u.test(body[k] ?? '')) k++;
  return k;
};

/** The end of a passage without trailing spaces, a trailing comma, or a sentence's own final period. */
function trimEnd(body: string, start: number, end: number): number {
  let e = end;
  while (e > start && /[\s,;:[]/u.test(body[e - 1] ?? '')) e--;
  if (body[e - 1] === '.' && body[e - 2] !== '.') e--;
  while (e > start && /[\s,;:]/u.test(body[e - 1] ?? '')) e--;
  return e;
}

function lastCommaBefore(body: string, token: Token): number {
  const k = body.lastIndexOf(',', token.start);
  return k < 0 ? token.start : k;
}

/** A quoted passage that starts at `at` (past spaces), if any. */
const quoteOpeningAt = (ctx: SentenceContext, at: number) => ctx.quotes.find((q) => q.open === skipSpace(ctx.body, at));

/**
 * The content after a verb of saying, or null when nothing but circumstances follows ("said Tuesday.",
 * "told reporters in Turkey after the talks."), in which case the content came before the speaker.
 */
function contentAfter(ctx: SentenceContext, v: number, lemma: string): { start: number; end: number } | null {
  const { tokens, body } = ctx;
  const verb = tokens[v] as Token;
  // "pointed out that": past the verb's particle.
  let k = lemma === 'point' ? v + 2 : v + 1;
  if (lemma === 'tell') k = pastListener(ctx, k);
  while (k < tokens.length && TIME_WORDS.has((tokens[k] as Token).lower) && !(tokens[k] as Token).quoted) k++;
  const at = k < tokens.length ? (tokens[k] as Token) : null;
  const gap = body.slice((tokens[k - 1] as Token).end, at ? at.start : ctx.end);
  let start: number;
  if (CONTENT_IN_VERB_PHRASE.has(lemma) || (INFINITIVE_VERBS.has(lemma) && at?.lower === 'to' && !at.quoted)) {
    start = verb.start;
  } else if (!at || at.start >= ctx.end || startsContinuation(ctx, k)) {
    return null;
  } else if (/:/u.test(gap) || at.lower === 'that') {
    start = skipSpace(body, at.lower === 'that' ? at.end : (tokens[k - 1] as Token).end + gap.indexOf(':') + 1);
  } else if (PREPOSITIONS.has(at.lower) || gap.includes(',')) {
    // "said in a statement that …", "wrote on Telegram: …"; otherwise the content came before.
    const window = tokens.slice(k, k + 12).filter((t) => !t.quoted && t.start < ctx.end);
    const that = window.find((t) => t.lower === 'that');
    const circumstance = body.slice(at.start, that ? that.start : (window.at(-1)?.end ?? at.end) + 3);
    const colon = /^[^,;:.!?]*:/u.exec(circumstance);
    if (colon) start = skipSpace(body, at.start + colon[0].length);
    else if (that && !/[,;]/u.test(body.slice(at.start, that.start))) start = skipSpace(body, that.end);
    else return null;
  } else if (CLAUSE_ONLY.has(lemma)) {
    // "answered questions", "reported heavy shelling", "informed the ministry": an object, not words said.
    return null;
  } else {
    start = skipSpace(body, (tokens[k - 1] as Token).end);
  }
  const quote = quoteOpeningAt(ctx, start);
  const end = quote && quote.close >= ctx.end ? Math.min(body.length, quote.close + 1) : trimEnd(body, start, ctx.end);
  return end > start ? { start, end } : null;
}

/** ", adding that …", ", who added …": what follows belongs to a second statement. */
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
 * "Zelenskyy said in a video address late Tuesday the signals were positive": with nothing before the
 * speaker, the content starts after the circumstance, at the first word that opens a clause.
 */
function contentPastCircumstance(
  ctx: SentenceContext,
  v: number,
  lemma: string,
): { start: number; end: number } | null {
  const { tokens, body } = ctx;
  const k = lemma === 'tell' ? pastListener(ctx, v + 1) : v + 1;
  for (let j = k + 2; j < Math.min(tokens.length, k + 9); j++) {
    const t = tokens[j] as Token;
    if (t.quoted || t.start >= ctx.end || /[,;:]/u.test(gapBetween(body, tokens[j - 1], t))) return null;
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
  const { tokens, body } = ctx;
  // "told Russian state TV channel Rossiya 24 that …": an explicit "that" ends the listener.
  for (let j = k; j < Math.min(tokens.length, k + 7); j++) {
    const t = tokens[j] as Token;
    if (t.quoted || t.start >= ctx.end || /[,;:]/u.test(gapBetween(body, tokens[j - 1], t))) break;
    if (t.lower === 'that') return j;
  }
  for (let j = k; j < Math.min(tokens.length, k + 4); j++) {
    const t = tokens[j] as Token;
    if (t.lower === 'that' || t.quoted) return j;
    if (LISTENERS.has(t.lower) || LISTENERS.has(t.lower.replace(/s$/u, ''))) return j + 1;
    if (/^\p{Lu}/u.test(t.text) && !/^\p{Lu}/u.test(tokens[j + 1]?.text ?? '')) return j + 1;
  }
  return k + 1;
}

/** What came before the speaker: from the sentence start, or from the quote that ends right there. */
function contentBefore(ctx: SentenceContext, speakerStart: number): { start: number; end: number } | null {
  const { body } = ctx;
  // A quote that closed a paragraph before is no part of this sentence's words.
  const justBefore = (q: QuoteSpan) => {
    const between = body.slice(q.close + 1, speakerStart);
    return isSpaceOrPunct(between) && !/\n\s*\n/u.test(between);
  };
  const quote = ctx.quotes.find((q) => q.close < speakerStart && justBefore(q));
  const start = quote && quote.open < ctx.start ? quote.open : pastDateline(body, ctx.start, speakerStart);
  const end = Math.max(trimEnd(body, start, speakerStart), quote && quote.open >= start ? quote.close + 1 : 0);
  return end > start ? { start, end } : null;
}

/**
 * A wire dateline is the outlet's, not the speaker's: "MUSCAT, Feb. 6 (Xinhua) -- ", "ISTANBUL, May 16
 * (Reuters) - ", "TIANJIN, July 15. /TASS/. ". Returns where the sentence's own words begin.
 */
function pastDateline(body: string, start: number, end: number): number {
  const dateline =
    /^\p{Lu}[\p{Lu}\s.'/-]{2,40}(?:,[^()\n/]{1,30}?)?\s*(?:\([^()\n]{1,60}\)\s*(?:--|[-\u2013\u2014])|\/[^/\n]{1,40}\/\.)\s*/u.exec(
      body.slice(start, end),
    );
  return dateline ? start + dateline[0].length : start;
}

/**
 * "This was stated by Foreign Minister Andrii Sybiha during a briefing": agency copy that gives the words
 * first and their speaker in the next sentence, in the passive. Returns the speaker, or null.
 */
export function passiveSourceOf(ctx: SentenceContext): Mention | null {
  const { tokens } = ctx;
  const [subject, auxiliary] = [tokens[0], tokens[1]];
  if (!subject || !auxiliary || !/^(this|that|it)$/u.test(subject.lower)) return null;
  if (!/^(was|is|has|had)$/u.test(auxiliary.lower)) return null;
  for (let k = 2; k < Math.min(tokens.length - 1, 5); k++) {
    const t = tokens[k] as Token;
    if (!speechVerbOf(t, 'was', tokens[k + 1]?.lower) || !/(ed|id|old|en)$/u.test(t.lower)) continue;
    const by = tokens.findIndex((b, j) => j > k && j <= k + 3 && b.lower === 'by');
    return by > 0 ? namedSpeakerFrom(ctx, by + 1) : null;
  }
  return null;
}

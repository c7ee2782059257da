import { memoizeByString } from '../shared/memoize.js';
import { isOneCapital, startsCapitalised } from './char-tests.js';
import { isRegionName } from './non-people.js';
import { countryOfWord, officeAffiliation } from './people-affiliation.js';
import {
  CAPITALISED_FUNCTION_WORDS,
  COUNTERPART,
  COUNTERPART_HEADS,
  GROUP_WORDS,
  INDEFINITE,
  INSTITUTION_WORDS,
  LEADER_EPITHETS,
  PERSONAL_PRONOUNS,
  PLURAL_PLACE_WORDS,
  ROLE_ABBREVIATIONS,
  ROLE_HEADS,
  SEAT_CHIEF_WORDS,
  speechVerbLemma,
  TITLE_WORDS,
} from './speakers-lexicon.js';
import { scanWords } from './word-scan.js';

/*
 * Mentions of people in a sentence, found by the shape of English names and titles rather than by any
 * list of names: a run of capitalised words that are not titles, places, institutions or function
 * words ("Gennady Rudakin"), the title words before it ("Russian Deputy Foreign Minister"), a
 * pronoun, or a role phrase ("Moscow's deputy foreign minister", "the senior Ukrainian negotiator").
 */

/** A word with its offsets in the article body. */
export interface Token {
  text: string;
  start: number;
  end: number;
  /** Lower case without a possessive ending. */
  lower: string;
  /** Ends in 's or ’s, which `lower` leaves out. */
  possessive: boolean;
  /** Inside a quoted passage: the quoted person's words, not the article's. */
  quoted: boolean;
  /** May be part of a person's name (see `isNameWord`). */
  nameLike: boolean;
}

const withoutPossessive = (word: string) =>
  word.length > 2 && word.endsWith('s') && (word[word.length - 2] === "'" || word[word.length - 2] === '\u2019')
    ? word.slice(0, -2)
    : word;

/**
 * `word.toLowerCase()`, without that runtime call for a word already in lower-case ASCII, as most are:
 * it was a third of tokenizing.
 */
function lowerCase(word: string): string {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code >= 0x80 || (code >= 0x41 && code <= 0x5a)) return word.toLowerCase();
  }
  return word;
}

/** Whether lower-casing leaves the character as it is (a lower-case or uncased letter, a digit …). */
function isCaseless(char: string): boolean {
  const code = char.charCodeAt(0);
  return code < 0x80 ? code < 0x41 || code > 0x5a : char === char.toLowerCase();
}

/** What a token's text alone decides. */
interface WordForm {
  lower: string;
  possessive: boolean;
  nameLike: boolean;
}

/**
 * Read once per capitalised or hyphenated word: such words recur in every article (a bigger table than most).
 * `tokenize` reads plain lower-case words itself.
 */
const rememberedWordForm = memoizeByString((text: string): WordForm => {
  const stem = withoutPossessive(text);
  const lower = lowerCase(stem);
  return { lower, possessive: stem !== text, nameLike: isNameWord(text, lower) };
}, 50_000);

/**
 * Whether the word is lower-case ASCII letters and apostrophes: no name part (`isNameWord` needs a capital
 * or a hyphen), its own lower case once a possessive ending is cut. Most words are: reading them costs less
 * than looking them up.
 */
function isPlainLowerWord(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x61 || code > 0x7a) && code !== 0x27 && code !== 0x2019) return false;
  }
  return true;
}

/**
 * The words of `body`, each marked as quoted or not. A word is cut where a sentence starts inside it
 * (`sentenceStarts`, ascending): text that lost the space between two sentences (`QuestionsKarlsson`, `east.The`).
 */
export function tokenize(
  body: string,
  isQuoted: (at: number) => boolean,
  sentenceStarts: readonly number[] = [],
): Token[] {
  const tokens: Token[] = [];
  let next = 0;
  scanWords(body, (wordStart, wordEnd) => {
    let start = wordStart;
    while (next < sentenceStarts.length && (sentenceStarts[next] as number) <= start) next++;
    while (next < sentenceStarts.length && (sentenceStarts[next] as number) < wordEnd) {
      const cut = sentenceStarts[next++] as number;
      pushToken(tokens, body, start, withoutJoinerAtEnd(body, start, cut), isQuoted);
      start = cut;
    }
    pushToken(tokens, body, start, wordEnd, isQuoted);
  });
  return tokens;
}

/** The end of a word cut before a glued sentence, without the period or hyphen that joined them (`east.`). */
function withoutJoinerAtEnd(body: string, start: number, end: number): number {
  let last = end;
  while (last > start + 1 && /[-'\u2019.]/u.test(body[last - 1] ?? '')) last--;
  return last;
}

function pushToken(tokens: Token[], body: string, start: number, end: number, isQuoted: (at: number) => boolean): void {
  const text = body.slice(start, end);
  if (isPlainLowerWord(text)) {
    // What rememberedWordForm would find for such a word, without an object or a look-up for it.
    const lower = withoutPossessive(text);
    tokens.push({ text, start, end, lower, possessive: lower !== text, quoted: isQuoted(start), nameLike: false });
    return;
  }
  const { lower, possessive, nameLike } = rememberedWordForm(text);
  const name = nameLike && !(isPastSpeechForm(lower) && isSentenceStart(body, start));
  tokens.push({ text, start, end, lower, possessive, quoted: isQuoted(start), nameLike: name });
}

/**
 * "Said Foreign Minister X, …", "Stressed X: …": a past form of a verb of saying that opens a sentence
 * (machine-translated word order) is no part of the name after it.
 */
const isPastSpeechForm = (lower: string) =>
  (lower.endsWith('ed') || lower === 'said' || lower === 'told') && speechVerbLemma(lower, 'to') !== null;

/** Whether `at` opens the text, a line or a sentence: only spaces after a line break or a full stop before it. */
function isSentenceStart(body: string, at: number): boolean {
  let k = at - 1;
  while (k >= 0 && (body[k] === ' ' || body[k] === '\t')) k--;
  return k < 0 || body[k] === '\n' || ((body[k] === '.' || body[k] === '!' || body[k] === '?') && k < at - 1);
}

/**
 * The lemma of a token that is a verb of saying ("said": "say"), or null; see `speechVerbLemma`. A
 * possessive is no verb, and any other token's `lower` is its text in lower case, so no case is folded again.
 */
export function speechVerbOf(t: Token, previous: string, next?: string): string | null {
  return t.possessive ? null : speechVerbLemma(t.lower, previous, next);
}

export type Mention =
  /** A person's name; `descriptor` holds the words the article attaches to it (titles, an appositive). */
  | { kind: 'name'; start: number; end: number; name: string; descriptor: string }
  | { kind: 'pronoun'; start: number; end: number; gender: 'm' | 'f' }
  /** A singular, definite role phrase that stands for one person. */
  | { kind: 'role'; start: number; end: number; text: string; head: string }
  /** Anything else in a speaker's place: an institution, a country, a plural or indefinite group. */
  | { kind: 'generic'; start: number; end: number };

/**
 * Every mention is made by one of the four functions below, with all the kinds' fields in one order (`undefined`
 * where a kind has none), so that V8 gives every mention one hidden class. With one shape per kind, the attribution
 * rules that read `speaker.kind` and `speaker.start` (`readAttributions`, `findAttributions`, `extractStatements`)
 * were deoptimised and recompiled, each of them large, whenever one met a kind it had not met yet, mid-batch.
 */
const shaped = (
  kind: Mention['kind'],
  start: number,
  end: number,
  name?: string,
  descriptor?: string,
  gender?: 'm' | 'f',
  text?: string,
  head?: string,
) => ({ kind, start, end, name, descriptor, gender, text, head });

type MentionOf<K extends Mention['kind']> = Extract<Mention, { kind: K }>;
export const nameMention = (start: number, end: number, name: string, descriptor: string) =>
  shaped('name', start, end, name, descriptor) as MentionOf<'name'>;
export const pronounMention = (start: number, end: number, gender: 'm' | 'f') =>
  shaped('pronoun', start, end, undefined, undefined, gender) as MentionOf<'pronoun'>;
export const roleMention = (start: number, end: number, text: string, head: string) =>
  shaped('role', start, end, undefined, undefined, undefined, text, head) as MentionOf<'role'>;
export const genericMention = (start: number, end: number) => shaped('generic', start, end) as MentionOf<'generic'>;

/** Lower-case words inside a name ("Katharina von Albrechtsberg", "Jean-Baptiste de Valmorel"). */
export const PARTICLES = new Set([
  'de',
  'da',
  'di',
  'del',
  'der',
  'van',
  'von',
  'al',
  'el',
  'bin',
  'ibn',
  'le',
  'la',
  'du',
  'ter',
]);

/** Relative and demonstrative words stand in a speaker's place without naming anyone. */
const NOT_SPEAKERS = new Set(['which', 'that', 'who', 'whom', 'whose', 'what', 'it', 'this', 'these', 'those']);

const isCapitalised = (t: Token) => startsCapitalised(t.text);
const isAcronym = (text: string) => /^[\p{Lu}.\d]+$/u.test(text) && text.replaceAll('.', '').length > 1;

/** A function, institution or title word: never (part of) a name, also inside a hyphenated word. */
const isReservedWord = (part: string) =>
  CAPITALISED_FUNCTION_WORDS.has(part) || INSTITUTION_WORDS.has(part) || TITLE_WORDS.has(part);

/** "al-Mutairi", "el-Sisi", "bin-Salman": a lower-case particle joined to a capitalised name. */
const JOINED_PARTICLE = /^(al|el|ad|as|ash|at|az|bin|ibn|abu|ben|de|da|di|del|van|von)-(\p{Lu}.*)$/u;

/** A capitalised word that may be part of a person's name: not a title, place, institution or function word. */
function isNameWord(text: string, lower: string): boolean {
  if (isCaseless(text[0] ?? '')) {
    // Most words: only a hyphenated one can be a particle joined to a name, so the regex runs on few.
    const joined = text.includes('-') ? JOINED_PARTICLE.exec(text) : null;
    return joined ? isNameWord(joined[2] ?? '', (joined[2] ?? '').toLowerCase()) : false;
  }
  if (isAcronym(text)) return false;
  if (lower.includes('-') ? lower.split('-').some(isReservedWord) : isReservedWord(lower)) return false;
  if (TITLE_WORDS.has(lower) || GROUP_WORDS.has(lower) || ROLE_HEADS.has(lower)) return false;
  return countryOfWord(text) === null;
}

/** A word that can stand in a title or role before a name: "Deputy", "Russian", "Russia's", "of", "negotiator". */
function isTitleWord(t: Token): boolean {
  return (
    TITLE_WORDS.has(t.lower) ||
    (t.lower.includes('-') && t.lower.split('-').every((part) => TITLE_WORDS.has(part))) ||
    ROLE_HEADS.has(t.lower) ||
    countryOfWord(t.text) !== null ||
    t.lower === 'of'
  );
}

/** Gap text between two tokens, to see commas, quote marks and line breaks. */
export const gapBetween = (body: string, a: Token | undefined, b: Token | undefined): string =>
  a && b ? body.slice(a.end, b.start) : '';

/**
 * A gap that stays within one phrase: spaces, or a hyphen, or the period of an initial, or the bracket
 * an editor closes inside a name ("[Rustem] Umerov").
 */
const joins = (gap: string) => gap === ' ' || /^\]?[ \t]*\n?[ \t]*$/u.test(gap) || gap === '. ' || gap === '.';

export interface MentionContext {
  body: string;
  tokens: Token[];
  /** Surname keys of people already known in the article, for one-word mentions ("Rudakin said"). */
  isKnownSurname: (word: string) => boolean;
}

/** The first token index of the name run that ends at `last`, or -1. */
function nameRunStart(ctx: MentionContext, last: number): number {
  const { tokens, body } = ctx;
  let i = last;
  const lastToken = tokens[i];
  if (!lastToken?.nameLike) return -1;
  while (i > 0) {
    const prev = tokens[i - 1] as Token;
    if (prev.quoted || !joins(gapBetween(body, prev, tokens[i]))) break;
    if (prev.nameLike) i--;
    else if (PARTICLES.has(prev.text)) {
      // "Ursula von der Leyen": a run of particles between two parts of the name.
      let j = i - 1;
      while (j > 0 && PARTICLES.has((tokens[j - 1] as Token).text)) j--;
      if (!tokens[j - 1]?.nameLike) break;
      i = j;
    } else if (isOneCapital(prev.text))
      i--; // an initial: "John F. Kennedy"
    else break;
  }
  return pastLeadingRegion(ctx, i, last);
}

/**
 * "Special Envoy to the Middle East Karl Brandt": a region's name (non-speakers.json `regionNames`, one or two words)
 * opening a longer run is the end of a title, not the start of the name after it.
 */
function pastLeadingRegion(ctx: MentionContext, first: number, last: number): number {
  for (const width of [2, 1]) {
    if (first + width <= last && isRegionName(text(ctx, first, first + width - 1))) return first + width;
  }
  return first;
}

/** The title words before a name ("Chief Russian negotiator"), back to a comma or a non-title word. */
function titleStart(ctx: MentionContext, first: number): number {
  const { tokens, body } = ctx;
  let i = first;
  while (i > 0) {
    const prev = tokens[i - 1] as Token;
    if (prev.quoted || !joins(gapBetween(body, prev, tokens[i]))) break;
    if (isTitleWord(prev) || bodyOfTitle(prev, tokens[i - 2]) || portfolioFor(ctx, i - 1, first)) i--;
    else {
      // "Belenskyy's adviser Ostap Sokolyak": the principal belongs to the description.
      if (isPossessiveName(prev) && i < first) i--;
      break;
    }
  }
  // A title cannot start with "of".
  while (i < first && tokens[i]?.lower === 'of') i++;
  return i;
}

/**
 * "Minister for Foreign Affairs Ivo Holm": a "for" between a role head and a portfolio belongs to the title, so the
 * title reaches back to the role and the country before it ("Ireland's Minister for …"). Not when a person's title
 * follows the "for" ("a spokesman for Foreign Minister Ivo Holm": Holm is whom the spokesman speaks for).
 */
function portfolioFor(ctx: MentionContext, at: number, first: number): boolean {
  const { tokens } = ctx;
  if (tokens[at]?.lower !== 'for' || !ROLE_HEADS.has(tokens[at - 1]?.lower ?? '')) return false;
  for (let k = at + 1; k < first; k++) if (ROLE_HEADS.has((tokens[k] as Token).lower)) return false;
  return at + 1 < first;
}

/**
 * "Norwegian embassy spokesperson", "Nato Secretary General": the body a title belongs to, before the
 * title: an institution word after a country or a title word ("Norwegian embassy", "Oman's foreign
 * ministry"), or a body whose name
 * implies the affiliation (lexicon/roles.json). It tells whom the person speaks for.
 */
function bodyOfTitle(word: Token, before: Token | undefined): boolean {
  if (INSTITUTION_WORDS.has(word.lower)) return !!before && !before.quoted && isTitleWord(before);
  return isCapitalised(word) && officeAffiliation(word.text) !== null;
}

/** "Volnov's", "Belenskyy's": a person's name in the possessive, as in "Volnov's spokesman". */
const isPossessiveName = (t: Token) => t.nameLike && /['\u2019]s$/u.test(t.text);

const text = (ctx: MentionContext, from: number, to: number) =>
  ctx.body.slice(ctx.tokens[from]?.start ?? 0, ctx.tokens[to]?.end ?? 0);

/**
 * The mention whose last word is `tokens[last]`: a name (with the title before it), a pronoun, a role
 * phrase or a generic group. `allowLoneWord` accepts a single unknown capitalised word as a surname,
 * for a speaker's place ("Sokolyak wrote").
 */
export function mentionEndingAt(ctx: MentionContext, last: number, allowLoneWord: boolean): Mention | null {
  const t = ctx.tokens[last];
  if (!t || t.quoted || NOT_SPEAKERS.has(t.lower)) return null;
  const gender = PERSONAL_PRONOUNS.get(t.lower);
  if (gender) return pronounMention(t.start, t.end, gender);
  const first = nameRunStart(ctx, last);
  if (first >= 0) {
    const titled = titleStart(ctx, first);
    const single = first === last;
    const accepted = !single || titled < first || ctx.isKnownSurname(t.text) || allowLoneWord;
    if (accepted && !followsInstitution(ctx, last) && !endsInInstitution(t) && !(single && placeOfTitle(ctx, first))) {
      return nameMention(
        ctx.tokens[titled]?.start ?? t.start,
        t.end,
        text(ctx, first, last)
          .replace(/['\u2019]s$/u, '')
          .replace(/[[\]]/gu, ''),
        titled < first ? text(ctx, titled, first - 1) : '',
      );
    }
  }
  return rolePhraseEndingAt(ctx, last);
}

/**
 * "The governor of Tarsk said", "Mayor of Zenda said": one unknown capitalised word after a title's "of"
 * is the place or body the title belongs to, not a person; the mention is the role.
 */
function placeOfTitle(ctx: MentionContext, first: number): boolean {
  const of = ctx.tokens[first - 1];
  const title = ctx.tokens[first - 2];
  return (
    of?.lower === 'of' &&
    !!title &&
    ROLE_HEADS.has(title.lower) &&
    !ctx.isKnownSurname((ctx.tokens[first] as Token).text.replace(/['\u2019]s$/u, ''))
  );
}

/** "the Tarsk and Zenda Regions", "the Northern Republics": a run ending in a plural place or body word. */
const endsInInstitution = (t: Token) => PLURAL_PLACE_WORDS.has(t.lower);

/** "Moscow Times", "Kyiv Independent": a capitalised run followed by an institution word is not a person. */
function followsInstitution(ctx: MentionContext, last: number): boolean {
  const next = ctx.tokens[last + 1];
  return (
    !!next &&
    isCapitalised(next) &&
    INSTITUTION_WORDS.has(next.lower) &&
    joins(gapBetween(ctx.body, ctx.tokens[last], next))
  );
}

/** A role phrase ending at `last` ("the senior Ukrainian negotiator", "Russia's deputy minister of justice"). */
function rolePhraseEndingAt(ctx: MentionContext, last: number): Mention {
  const { tokens } = ctx;
  const t = tokens[last] as Token;
  // "The PM said …", "the DPM stressed …": an office's initials after "the" are the office, spelled out for the
  // registry, which resolves it as it would "the prime minister" (round 14's S14-1).
  const office = t.text.length > 1 && t.text === t.text.toUpperCase() ? ROLE_ABBREVIATIONS.get(t.lower) : undefined;
  const the = tokens[last - 1];
  if (office && the?.lower === 'the' && !the.quoted && joins(gapBetween(ctx.body, the, t)))
    return roleMention(the.start, t.end, `the ${office}`, office.split(' ').at(-1) ?? '');
  let head = last;
  // "minister of justice", "head of Ukraine's delegation": the head comes before "of".
  for (let k = last; k >= Math.max(0, last - 4); k--) {
    if (tokens[k]?.lower === 'of' && k > 0 && ROLE_HEADS.has(tokens[k - 1]?.lower ?? '')) {
      head = k - 1;
      break;
    }
  }
  const headWord = tokens[head]?.lower ?? '';
  const counterpart = COUNTERPART_HEADS.has(t.lower) ? counterpartEndingAt(ctx, last) : null;
  if (counterpart) return counterpart;
  // "the Kremlin boss": a chief word that is no role head of its own stands for a leader only after a seat.
  const seatChief = SEAT_CHIEF_WORDS.has(headWord) && standsForLeader(tokens, head, last);
  if (!ROLE_HEADS.has(headWord) && !LEADER_EPITHETS.has(headWord) && !seatChief) return genericMention(t.start, t.end);
  let i = head;
  while (i > 0) {
    const prev = tokens[i - 1] as Token;
    if (prev.quoted || !joins(gapBetween(ctx.body, prev, tokens[i]))) break;
    if (
      isTitleWord(prev) ||
      isPossessiveName(prev) ||
      /^(the|a|an|one)$/u.test(prev.lower) ||
      /^[\p{L}-]+ing$/u.test(prev.lower) ||
      countryWordOfPhrase(ctx, i - 1)
    )
      i--;
    else break;
    if (/^(the|a|an|one)$/u.test(prev.lower)) break;
    if (/['\u2019]s$/u.test(prev.text)) {
      // "the Kremlin's spokesman", "the president's aide": the article before the possessor opens the phrase.
      const article = tokens[i - 1];
      if (article?.lower === 'the' && !article.quoted && joins(gapBetween(ctx.body, article, prev))) i--;
      break;
    }
  }
  const opener = tokens[i] as Token;
  const start = opener.start;
  const definite =
    opener.lower === 'the' ||
    /['\u2019]s$/u.test(opener.text) ||
    (isCapitalised(tokens[head] as Token) && !INDEFINITE.has(opener.lower));
  if (!definite || INDEFINITE.has(opener.lower)) return genericMention(start, t.end);
  // "the head of state", "the head of government": a leader, not an official heading an office.
  const leads =
    (headWord === 'head' && LEADER_OFFICES.has(tokens[head + 2]?.lower ?? '') && head + 2 === last) ||
    standsForLeader(tokens, head, last);
  return roleMention(start, t.end, ctx.body.slice(start, t.end), leads ? 'leader' : headWord);
}

/**
 * "his Norwegian counterpart", "her Austrian opposite number": a possessive, a country's word and a counterpart role
 * (`COUNTERPART_HEADS`) ending at `last`, or null. Without the country nobody can tell whose office it is.
 */
function counterpartEndingAt(ctx: MentionContext, last: number): Mention | null {
  const { tokens, body } = ctx;
  const t = tokens[last] as Token;
  let k = last - (COUNTERPART_HEADS.get(t.lower)?.length ?? 0);
  const completing = tokens.slice(k, last).map((w) => w.lower);
  if (completing.join(' ') !== (COUNTERPART_HEADS.get(t.lower) ?? []).join(' ')) return null;
  const country = tokens[k - 1];
  const possessive = tokens[k - 2];
  if (!country || !possessive || country.quoted || countryOfWord(country.text) === null) return null;
  if (!/^(?:his|her)$/u.test(possessive.lower)) return null;
  for (k = k - 1; k <= last; k++) if (!joins(gapBetween(body, tokens[k - 1], tokens[k]))) return null;
  return roleMention(possessive.start, t.end, body.slice(possessive.start, t.end), COUNTERPART);
}

/**
 * "the dictator", "the Kremlin chief": an epithet for a leader, or a chief right after a country's word or seat, the
 * whole role (not "the Kremlin chief of staff").
 */
function standsForLeader(tokens: readonly Token[], head: number, last: number): boolean {
  const word = tokens[head]?.lower ?? '';
  if (LEADER_EPITHETS.has(word)) return true;
  const before = tokens[head - 1];
  return SEAT_CHIEF_WORDS.has(word) && head === last && !!before && countryOfWord(before.text) !== null;
}

/** What a head of the state or the government leads: "the head of state" is the country's leader. */
const LEADER_OFFICES = new Set(['state', 'government']);

/** A word of a country's name of several words before a role: "the United Kingdom leader", "the Saudi Arabian envoy". */
function countryWordOfPhrase(ctx: MentionContext, k: number): boolean {
  const [before, word, after] = [ctx.tokens[k - 1], ctx.tokens[k], ctx.tokens[k + 1]];
  if (!word || word.quoted || !isCapitalised(word)) return false;
  const pair = (a: Token | undefined, b: Token | undefined) =>
    !!a && !!b && isCapitalised(a) && isCapitalised(b) && countryOfWord(`${a.text} ${b.text}`) !== null;
  return pair(before, word) || pair(word, after);
}

/** Whether the capitalised word at `last` stands alone after the run's start, "the", "of" or a title word. */
function modifiesTitle(tokens: readonly Token[], first: number, last: number): boolean {
  if (last === first) return true;
  const before = tokens[last - 1] as Token;
  return !before.nameLike && (/^(the|of)$/u.test(before.lower) || isTitleWord(before));
}

/**
 * The mention starting at `tokens[first]`, for a speaker after its verb ("said Torinsky", "according to
 * Russia's chief negotiator Vadim Torinsky"): the longest run of title and name words.
 */
export function mentionStartingAt(ctx: MentionContext, first: number): Mention | null {
  const { tokens, body } = ctx;
  let last = first;
  const canContinue = (k: number) => {
    const next = tokens[k + 1];
    return !!next && !next.quoted && joins(gapBetween(body, tokens[k], next));
  };
  const start = tokens[first];
  if (!start || start.quoted) return null;
  if (PERSONAL_PRONOUNS.has(start.lower)) return mentionEndingAt(ctx, first, true);
  while (canContinue(last)) {
    const next = tokens[last + 1] as Token;
    const nameLike = next.nameLike || PARTICLES.has(next.text) || isOneCapital(next.text);
    const titleLike = isTitleWord(next) || /^(the|a|an|one)$/u.test(next.lower) || /^[\p{L}-]+ing$/u.test(next.lower);
    if (!nameLike && !titleLike) break;
    // The name ended, unless one capitalised word names the body whose title follows ("Nato Secretary General X"),
    // also inside a role ("the head of the Bordurian delegation": an adjective the lexicon does not know).
    if (!nameLike && tokens[last]?.nameLike && !(isTitleWord(next) && modifiesTitle(tokens, first, last))) break;
    last++;
  }
  return mentionEndingAt(ctx, last, true);
}

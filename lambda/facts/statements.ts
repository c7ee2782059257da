import { hash } from 'node:crypto';
import type { Article } from '../articles/article.js';
import { cutOffSentence } from './cut-off.js';
import type { MentionedPerson, OfficeHolder, Person, Principal, Statement } from './fact.js';
import { speechWords } from './lexicon.js';
import { describesJournalist, nonPersonTest } from './non-people.js';
import { firstAtOrAfter } from './offset-search.js';
import { countryNamedIn, countryOfWord } from './people-affiliation.js';
import { introducesPerson, mentionedPeople } from './people-mentions.js';
import { type CorpusCountry, type CorpusOffices, PeopleRegistry } from './people-registry.js';
import { coreStart } from './sentence-opening.js';
import { isCutOffEnding, isHeadline, type Sentence, splitSentences } from './sentences.js';
import {
  BE_FORMS,
  CAPITALISED_FUNCTION_WORDS,
  PERSONAL_PRONOUNS,
  QUOTE_LABELS,
  ROLE_HEADS,
  TITLE_WORDS,
} from './speakers-lexicon.js';
import {
  type Mention,
  type MentionContext,
  mentionEndingAt,
  mentionStartingAt,
  PARTICLES,
  speechVerbOf,
  type Token,
  tokenize,
} from './speakers-mentions.js';
import { findAttributions, isUnquotedCommitment, passiveAgentOf, passiveSourceOf } from './statements-attribution.js';
import { labelWorthyWords } from './statements-cut-off.js';
import {
  type AnnouncedList,
  announcedList,
  bulletLength,
  ordinalPointStart,
  UNCOUNTED_POINTS,
} from './statements-enumeration.js';
import { findQuoteSpans, type QuoteSpan } from './statements-quotes.js';
import { isPossessiveMention, PREPOSITIONS, type SentenceContext, trimEnd, wordCount } from './statements-sentence.js';
import { appositiveAfter, countryAfterName, subordinateClauseSubject } from './statements-subject.js';
import { type TranscriptTurn, transcriptTurns } from './statements-transcript.js';
import { withoutStrayEndQuotes } from './stray-quotes.js';

/*
 * Who said what in one article: direct quotes and reported speech, each with its speaker resolved
 * within the article (names, surnames, pronouns, roles) and its sentence as evidence. Rule-based, pure
 * and offline; see statements-attribution.ts for the attribution patterns.
 */

export interface ArticleStatements {
  /** The people who said something. */
  people: Person[];
  /** Everyone the article names, speakers included, with the sentences naming them. */
  mentions: MentionedPerson[];
  statements: Statement[];
  /** People the article gives no country but describes by a person it gives none either ("an adviser to X"). */
  principals: Principal[];
  /** The offices of a country the article gives the people it names (`PeopleRegistry.officesOf`). */
  offices: OfficeHolder[];
  /** Offices a role phrase in a speaker's place asked for that nobody filled (`PeopleRegistry.askedOffices`). */
  askedOffices: string[];
}

interface Analysed extends SentenceContext, Sentence {
  index: number;
  /** The person the sentence is about: its last speaker, or the named person in subject place. */
  about: string | null;
  /** Who else said the words `about` said in this sentence ("X and Y said in a joint statement"). */
  joint: string[];
  subject: string | null;
  /** Where the mention of `subject` ends. */
  subjectEnd: number;
}

/**
 * Extracts the statements of one article with their speakers. Pure and deterministic. `split` is the
 * article's `splitSentences(article.body)` when the caller has it already (the extractor does: splitting
 * twice per article cost ~0.35 ms). `corpusCountry` gives a person the article names without a country the one the
 * rest of the corpus gives them (extract.ts, `extractCorpusFacts`); none by default. `corpusOffices`, likewise, who holds an office
 * the article names only by its title.
 */
export function extractStatements(
  article: Article,
  split?: readonly Sentence[],
  corpusCountry?: CorpusCountry,
  corpusOffices?: CorpusOffices,
): ArticleStatements {
  const { body } = article;
  const quotes = findQuoteSpans(body);
  const split_ = split ?? splitSentences(body);
  const tokens = tokenize(
    body,
    quotedTest(body, quotes),
    split_.map((s) => s.start),
  );
  // The article's own outlet is no speaker, even when its name looks like a person's.
  const registry = new PeopleRegistry(
    nonPersonTest([article.outlet]),
    countryNamedIn(body),
    corpusCountry,
    corpusOffices,
  );
  const isKnownSurname = (word: string) => registry.isKnownSurname(word);
  let first = 0;
  const sentences = split_.map((s, index): Analysed => {
    first = firstTokenFrom(tokens, s.start, first);
    return {
      text: s.text,
      start: s.start,
      end: s.end,
      index,
      body,
      quotes: quotesAround(quotes, s),
      tokens: tokens.slice(first, firstTokenFrom(tokens, s.end, first)),
      isKnownSurname,
      about: null,
      joint: [],
      subject: null,
      subjectEnd: -1,
    };
  });
  // Full names first, so that surname-only mentions anywhere in the article can be recognised.
  // People the article introduces by a full name or a title: who it mentions, whether they speak or not.
  const introduced = new Set<string>();
  for (const s of sentences) collectNames(s, registry, introduced);
  for (const s of sentences) {
    const subject = collectNames(s, registry, null);
    s.subject = subject?.key ?? null;
    s.subjectEnd = subject?.end ?? -1;
  }
  learnGenders(sentences, registry);

  const statements = new Map<string, Statement>();
  const speakers = new Set<string>();
  const consumed = new Set<QuoteSpan>();
  let recent: string[] = [];
  const remember = (key: string) => {
    recent = [key, ...recent.filter((k) => k !== key)];
  };
  // The one notion of a cut every category shares (cut-off.ts): a last line that reads as complete is no cut.
  const cut = cutOffSentence(split_, body) !== null;
  // Where the body's words end, trailing space left out: read by the cut-off attribution and enumeration tests.
  const bodyEnd = body.trimEnd().length;
  const emit = (key: string, kind: Statement['kind'], taken: string, from: number, to: number) => {
    // The words of a person the report does not name are no one's statement (the eval README's labels).
    if (!taken.trim() || key === UNNAMED) return;
    // Words the excerpt's end cuts off, and one- or two-word scare quotes, are no statement (gold guide R5, R12).
    const worthy = labelWorthyWords(taken, body, cut);
    if (worthy === null) return;
    // A quote mark whose partner lies outside the words (a quote the splitter or the excerpt cut) would show doubled
    // once an answer sets the words in its own marks.
    const text = withoutStrayEndQuotes(worthy);
    if (!/\p{L}/u.test(text)) return;
    const evidence = evidenceOf(body, sentences, from, to);
    const id = statementId(key, kind, text);
    const repeated = statements.get(id);
    if (repeated) {
      // The same words of the same speaker twice in one article: one statement citing both places.
      if (!repeated.citations.some((c) => c.evidence === evidence))
        repeated.citations.push({ articleId: article.id, evidence });
      return;
    }
    speakers.add(key);
    statements.set(id, {
      id,
      speakerKey: key,
      speaker: key, // named once the whole article is read: a fuller form of the name may come later
      affiliation: null,
      kind,
      text,
      topics: [],
      citations: [{ articleId: article.id, evidence }],
    });
  };

  // "X said they had agreed on four points:" and a paragraph for each, or "… three key points." and a
  // sentence opening "Firstly, …" for each: whose points, how many are left, and how many sentences since the last.
  let enumeration: SpeakersList | null = null;
  const turns = transcriptTurns(body);
  const spoken = new Set<TranscriptTurn>();
  // A point of the list a sentence before announced, given to whoever announced it; false for any other sentence.
  const readEnumeratedPoint = (s: Analysed): boolean => {
    if (enumeration?.ordinal) {
      const list: SpeakersList = enumeration;
      const from = ordinalPointStart(s.text);
      if (from >= 0 && !findAttributions(s).some((a) => a.speaker.kind === 'name' || a.speaker.kind === 'pronoun')) {
        emit(list.key, 'reported', body.slice(s.start + from, trimEnd(body, s.start, s.end)), s.start, s.end);
        remember(list.key);
        s.about = list.key;
        enumeration = list.remaining > 1 ? { ...list, remaining: list.remaining - 1, since: 0 } : null;
        return true;
      }
      // One sentence of background may come between two points; a second ends the list.
      enumeration = from < 0 && list.since === 0 ? { ...list, since: 1 } : null;
    } else if (enumeration && (opensParagraph(body, sentences, s) || afterInlineBullet(sentences[s.index - 1], s))) {
      const bulleted = bulletLength(s.text) > 0 || afterInlineBullet(sentences[s.index - 1], s);
      const point = enumeratedPoint(s, bodyEnd) && (!enumeration.bulleted || bulleted);
      enumeration.remaining = point ? enumeration.remaining - 1 : 0;
      if (point && !findAttributions(s).some((a) => a.speaker.kind === 'name' || a.speaker.kind === 'pronoun')) {
        const from = s.start + bulletLength(s.text);
        emit(enumeration.key, 'reported', body.slice(from, trimEnd(body, from, s.end)), s.start, s.end);
        remember(enumeration.key);
        s.about = enumeration.key;
        if (enumeration.remaining === 0) enumeration = null;
        return true;
      }
      if (enumeration.remaining === 0) enumeration = null;
    }
    return false;
  };
  // Whose words each attribution of the sentence gives; whether anyone spoke, and the quotes it gives to nobody.
  const readAttributions = (s: Analysed) => {
    let previousKey: string | null = null;
    let spoke = false;
    const spans: { key: string; at: string }[] = [];
    const givenToNobody = new Set<QuoteSpan>();
    for (const a of findAttributions(s)) {
      const antecedent = a.speaker.kind === 'pronoun' ? subordinateClauseSubject(s, a.speaker.start) : null;
      const bound = antecedent ? null : subjectBefore(s, a.speaker, registry);
      const resolved: string | null = a.continues
        ? previousKey
        : isUnnamedSource(a.speaker, body, registry)
          ? null
          : (bound ?? resolveSpeaker(antecedent ?? a.speaker, a.appositive, s.index, registry, recent));
      // "An official told reporters …" holds the floor as a speaker with no name, until the reporting turns again.
      // Not one set inside the words it gives ("The president, an aide said, wants …"): the words' subject stays the topic.
      const aside = /,\s*$/u.test(body.slice(s.start, a.speaker.start));

      const key: string | null =
        resolved ?? (!a.continues && !aside && speaksUnnamed(a.speaker, body, s.start) ? UNNAMED : null);

      previousKey = key;
      const quote = s.quotes.find((q) => q.open === a.start && q.close + 1 === a.end);
      // A quote the sentence before already gave to its speaker is not the words of this one's.
      if (quote && consumed.has(quote) && quote.close < s.start) continue;
      if (quote) consumed.add(quote);
      for (const q of s.quotes) if (q.open >= a.start && q.close < a.end) consumed.add(q);
      if (!key) {
        if (quote) givenToNobody.add(quote);
        continue;
      }
      remember(key);
      s.about = key;
      spoke = true;
      spans.push({ key, at: `${a.start}:${a.end}` });
      if (!quote && !a.direct && POINTS_BACK.test(body.slice(a.start, a.end))) {
        // "The troops will stay. X said this while visiting …": the sentence before holds the words, unless it
        // gave them to someone already; "this while visiting …" itself says nothing.
        const pointedBack = wordsPointedBack(sentences[s.index - 1]);
        // A quote that fills the sentence pointed back at is direct speech (round 15's S15-6).
        const whole = pointedBack?.quotes.find((q) => !/\S/u.test(body.slice(pointedBack.start, q.open)));
        if (whole && !/[^\s.,!?\u2026"\u201d\u00bb']/u.test(body.slice(whole.close, pointedBack?.end)))
          emit(key, 'direct', quoteWords(body, whole), whole.open, s.end);
        else if (pointedBack) emit(key, 'reported', pointedBack.text.replace(/[\s.]+$/u, ''), pointedBack.start, s.end);
      } else if (quote) emit(key, 'direct', quoteWords(body, quote), Math.min(a.start, a.speaker.start), a.end);
      else if (a.direct) emit(key, 'direct', body.slice(a.start, a.end), a.start, a.end);
      // "commented … as follows:" announces the quote that comes next; it says nothing itself.
      else if (
        wordCount(body.slice(a.start, a.end)) >= 3 &&
        !isUnquotedCommitment(s, a) &&
        !/\bas follows$/iu.test(body.slice(a.start, a.end)) &&
        !WRITERS_FRAME.test(body.slice(a.start, a.end))
      )
        emit(key, 'reported', body.slice(a.start, a.end), Math.min(a.start, a.speaker.start), a.end);
    }
    // A pair of speakers gives the same words twice: the quote after the sentence is both speakers' too.
    const last = spans.at(-1);
    s.joint = spans.filter((x) => x.at === last?.at && x.key !== last.key).map((x) => x.key);
    return { spoke, givenToNobody };
  };
  for (const s of sentences) {
    const turn = turns.find((t) => s.end > t.start && s.start < t.end);
    if (turn) {
      // An interview's "A:" names nobody: the answer is the person the article was about before it.
      const key = turn.name ? registry.addName(turn.name, '', s.index) : (recent[0] ?? null);
      if (key && !spoken.has(turn)) emit(key, 'direct', body.slice(turn.start, turn.end), turn.start, turn.end);
      spoken.add(turn);
      if (key) remember(key);
      s.about = key;
      continue;
    }
    if (readEnumeratedPoint(s)) continue;
    // `"…," she` or `"…," Jane Roe` where the excerpt ends: the verb was cut off, the speaker was not.
    const cut = cutOffAttribution(s, consumed, bodyEnd);
    if (cut) {
      const key = isUnnamedSource(cut.speaker, body, registry)
        ? null
        : resolveSpeaker(cut.speaker, '', s.index, registry, recent);
      consumed.add(cut.quote);
      if (key) {
        emit(key, 'direct', quoteWords(body, cut.quote), cut.quote.open, s.end);
        remember(key);
        s.about = key;
        continue;
      }
    }
    // `"…," – Holm`, or a quote's line and then `— Ivo Holm, Premier of Ruritania`: the quote is signed.
    const signed = dashSignature(s, quotes, consumed);
    if (signed) {
      consumed.add(signed.quote);
      const key = resolveSpeaker(signed.speaker, '', s.index, registry, recent);
      if (key) {
        emit(key, 'direct', quoteWords(body, signed.quote), signed.quote.open, s.end);
        remember(key);
        s.about = key;
        continue;
      }
    }
    // The later sentences of a quote already given to its speaker are about them too: a quote in the next
    // paragraph is theirs ("His Excellency X …" then two paragraphs of quotes).
    const quotedOn = sentences[s.index - 1]?.about && quotedThroughout(s, consumed);
    if (quotedOn) {
      s.about = sentences[s.index - 1]?.about ?? null;
      s.joint = sentences[s.index - 1]?.joint ?? [];
      continue;
    }
    const standalone = standaloneQuote(s, sentences, consumed);
    // "The envoys met X on Monday. \"…\"": a quote after a sentence that names one person only is theirs.
    const before = sentences[s.index - 1];
    // Not a quote that the end of a cut-off text leaves open: its speaker may come after the cut.
    const closed = standalone && QUOTE_CLOSERS.test(body[standalone.close] ?? '');
    const previousAbout =
      before?.about ??
      (closed && before && !isHeadline(before) ? registry.soleNamedIn(before.index) : null) ??
      (closed && fillsParagraphFrom(body, standalone.close + 1) ? answeredAcrossQuestions(body, sentences, s) : null);
    if (standalone && previousAbout) {
      consumed.add(standalone);
      emit(previousAbout, 'direct', quoteWords(body, standalone), standalone.open, standalone.close);
      s.about = previousAbout;
      s.joint = before?.about ? before.joint : [];
      for (const other of s.joint)
        emit(other, 'direct', quoteWords(body, standalone), standalone.open, standalone.close);
      continue;
    }
    if (isHeadline(s) && !isCutOffEnding(s, body)) continue;
    const previous = sentences[s.index - 1];
    const passive = previous && !previous.about && !isHeadline(previous) ? passiveSourceOf(s) : null;
    if (previous && passive) {
      // "… . This was stated by X": the sentence before is X's.
      const key = resolveSpeaker(passive, '', s.index, registry, recent);
      if (key) {
        remember(key);
        s.about = key;
        const quote = quotes.find((q) => q.open >= previous.start && q.open < previous.end);
        if (quote && !body.slice(previous.start, quote.open).trim() && quote.close + 1 >= previous.end - 1)
          emit(key, 'direct', quoteWords(body, quote), previous.start, s.end);
        else
          emit(
            key,
            'reported',
            body.slice(previous.start, previous.end).replace(/[\s.]+$/u, ''),
            previous.start,
            s.end,
          );
        continue;
      }
    }
    const { spoke, givenToNobody } = readAttributions(s);
    const agent = s.about || s.subject ? null : passiveAgentOf(s);
    const agentKey = agent ? resolveSpeaker(agent, '', s.index, registry, recent) : null;
    if (!s.about && (s.subject ?? agentKey)) {
      s.about = s.subject ?? agentKey;
      remember(s.about as string);
    }
    // "However, he refused to give details. \"…\"", "Her message was clear: …": about the last speaker, by pronoun.
    const pronoun = s.about ? null : openingPronoun(s);
    if (pronoun) s.about = recent.find((k) => registry.gender(k) !== (pronoun === 'm' ? 'f' : 'm')) ?? null;
    // "The minister was blunt. \"…\"": a role in subject place stands for the person it resolves to; past an opening
    // phrase only when the sentence announces the quote with its colon ("Opening the meeting, the premier said:" and
    // the quote in the next paragraph, round 15's S15-2; "Earlier, the premier had signed a pact." and a quoted
    // subheading stay apart).
    const core = s.about ? undefined : coreToken(s);
    const announces = core === s.tokens[0] || /:\s*$/u.test(s.text);
    const role = core && announces ? mentionStartingAt(s, s.tokens.indexOf(core)) : null;
    if (role?.kind === 'role' && !heardPassive(s, role.end))
      s.about = resolveSpeaker(role, '', s.index, registry, recent);
    // "X did not mince words: \"…\"": a quote after a colon, in a sentence that attributes nothing, is the words
    // of the person the sentence is about.
    // "The wording the president chose says a lot: \"…\"": a quote that a generic subject's verb took is still free.
    const colonQuote = s.about && !spoke ? quoteAfterColon(s, consumed, givenToNobody) : null;
    if (s.about && colonQuote) {
      consumed.add(colonQuote);
      emit(s.about, 'direct', quoteWords(body, colonQuote), s.start, colonQuote.close);
      remember(s.about);
    }
    const list =
      s.about || s.text.endsWith(':') ? (announcedList(s.text) ?? bulletsAfterColon(s, sentences[s.index + 1])) : null;
    // "Among the proposals Marek set out:": the one person the announcement names owns the list.
    const owner = list && (s.about ?? (list.bulleted ? registry.soleNamedIn(s.index) : null));
    if (list && owner)
      enumeration = { key: owner, remaining: list.count, ordinal: list.ordinal, bulleted: list.bulleted, since: 0 };
  }

  // A bare surname recorded before the article named the person in full now goes by the full name's key.
  const canonical = (keys: Iterable<string>) => new Set([...keys].map((k) => registry.canonical(k)));
  // A correspondent's own reporting ("… correspondent X reported that …") is no newsmaker's statement.
  const people = new Map(
    [...canonical(speakers)]
      .filter((key) => !registry.isJournalist(key))
      .flatMap((key) => registry.toPerson(key) ?? [])
      .map((p) => [p.key, p]),
  );
  const mentions = mentionedPeople(article.id, body, sentences, registry, canonical([...introduced, ...speakers]));
  return {
    people: [...people.values()],
    mentions,
    principals: mentions.flatMap(({ key }) => {
      const principal = registry.principalOf(key);
      return principal ? [{ key, principal }] : [];
    }),
    offices: mentions.flatMap(({ key, name }) => registry.officesOf(key).map((office) => ({ key, name, office }))),
    askedOffices: registry.askedOffices(),
    statements: [...statements.values()].flatMap((st) => {
      const person = people.get(registry.canonical(st.speakerKey));
      if (!person) return [];
      const id = person.key === st.speakerKey ? st.id : statementId(person.key, st.kind, st.text);
      return [{ ...st, id, speakerKey: person.key, speaker: person.name, affiliation: person.affiliation }];
    }),
  };
}

/**
 * `"…," she` or `"…," Jane Roe` as the last words of a text cut off in the middle of its attribution: a closed quote,
 * not yet given to anyone, followed only by a comma and a name or a pronoun up to the end of the body.
 */
function cutOffAttribution(
  s: Analysed,
  consumed: Set<QuoteSpan>,
  end: number,
): { quote: QuoteSpan; speaker: Mention } | null {
  if (s.end < end) return null;
  const quote = s.quotes.findLast((q) => q.close < end && q.close >= s.start - 1 && !consumed.has(q));
  if (!quote || !/^\s*,?\s*[\p{L}]/u.test(s.body.slice(quote.close + 1, end))) return null;
  const k = s.tokens.findIndex((t) => t.start > quote.close);
  const speaker = k >= 0 ? mentionStartingAt(s, k) : null;
  if (!speaker || speaker.end !== end || (speaker.kind !== 'name' && speaker.kind !== 'pronoun')) return null;
  return { quote, speaker };
}

/**
 * The current speaker when the reporting has turned to one person it does not name: "\"…,\" a Ukrainian official told
 * reporters. \"…,\" he added." gives the second quote to that official (to nobody, as the labels credit named people
 * only), not to the last person named. It is remembered like a person's key and never emitted.
 */
const UNNAMED = '\u0000unnamed';

/**
 * Whether a speaker the article names nowhere is one person: a role it does not resolve ("the Kremlin's spokesman", "a
 * senior official", "one diplomat") or a singular noun of an unnamed source ("a source close to the talks";
 * `unnamedSpeakerNouns`), not a body, a place or a group in the plural.
 */
function speaksUnnamed(mention: Mention, body: string, from: number): boolean {
  if (mention.kind === 'role') return true;
  if (mention.kind !== 'generic') return false;
  const isHead = (word: string) => ROLE_HEADS.has(word) || UNNAMED_SPEAKER_NOUNS.has(word);
  const words = body
    .slice(mention.start, mention.end)
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter(Boolean);
  if (isHead(words.at(-1) ?? '')) return true;
  // "A source close to the delegation said": the head comes early in an indefinite phrase with a modifier after it.
  const clause =
    body
      .slice(from, mention.end)
      .split(/[,;:"\u201c\u201d]/u)
      .at(-1) ?? '';
  const phrase = clause.trim().toLowerCase().split(/\s+/u);
  return /^(?:a|an|one)$/u.test(phrase[0] ?? '') && phrase.slice(1, 4).some(isHead);
}

const UNNAMED_SPEAKER_NOUNS = new Set(speechWords.unnamedSpeakerNouns);

/**
 * "Reed will meet the envoy on Friday, for what he called a listening session": a pronoun speaker later in a sentence
 * whose subject is a named person stands for that person, whoever spoke last; the subject of the sentence is the
 * nearer antecedent. Not a pronoun opening the sentence's core ("Asked about Reed, he said …" is the last speaker's).
 */
function subjectBefore(s: Analysed, speaker: Mention, registry: PeopleRegistry): string | null {
  if (speaker.kind !== 'pronoun' || !s.subject || s.subjectEnd < 0 || s.subjectEnd >= speaker.start) return null;
  if (registry.gender(s.subject) === (speaker.gender === 'm' ? 'f' : 'm')) return null;
  return s.subject;
}

/**
 * "Mira Vell flew to Tarsk, where she met the envoys": a sentence that names one person and has "she", and no "he",
 * outside quotes, makes that person a woman, so that a later "he said" does not go to her. Only "she" teaches: a
 * woman's reported words often say "he" of a man named earlier ("Vell said he cannot be trusted"), while a "she" in
 * a sentence naming only a man is rare. Only people whose gender nothing else told (a title, a pronoun) learn it.
 */
function learnGenders(sentences: readonly Analysed[], registry: PeopleRegistry): void {
  for (const s of sentences) {
    const unquoted = s.tokens.filter((t) => !t.quoted);
    if (!unquoted.some((t) => t.lower === 'she') || unquoted.some((t) => t.lower === 'he')) continue;
    const key = registry.soleNamedIn(s.index);
    if (key && !registry.gender(key)) registry.setGender(key, 'f');
  }
}

/**
 * "The comments came after …", "Her remarks were made as …": the writer's frame around someone's words, which
 * tells when they were said, not what; a clause opening so is no one's words (`framingNouns` in speech.json).
 */
const WRITERS_FRAME = new RegExp(
  `^(?:the|his|her|their|these|those|such)\\s+(?:${speechWords.framingNouns.join('|')})\\s+(?:came|come|were made|was made)\\b`,
  'iu',
);

/**
 * The marks that close a quote: a quote span ending elsewhere was left open by the text. An opening curly mark
 * ends a span only where it closes one (`\u201c…,\u201c he said`, statements-quotes.ts).
 */
const QUOTE_CLOSERS = /["\u201d\u00bb\u2019'\u201c]/u;

/** A list a speaker announced: whose points, how many are left, and the sentences since the last point. */
interface SpeakersList {
  key: string;
  remaining: number;
  ordinal: boolean;
  bulleted: boolean;
  since: number;
}

/** Resolves a speaker mention to a person's key, or null for generic speakers ("officials", "Moscow"). */
function resolveSpeaker(
  mention: Mention,
  appositive: string,
  sentence: number,
  registry: PeopleRegistry,
  recent: string[],
): string | null {
  switch (mention.kind) {
    case 'name': {
      const descriptor = [mention.descriptor, appositive].filter(Boolean).join(', ');
      return registry.addName(mention.name, descriptor, sentence);
    }
    case 'pronoun': {
      // With no speaker yet, "… as X took the floor. \"…,\" she said.": the one person named just before.
      const key =
        recent.find((k) => registry.gender(k) !== (mention.gender === 'm' ? 'f' : 'm')) ??
        (recent.length ? null : registry.soleNamedIn(sentence - 1, mention.gender, sentence));
      if (key) registry.setGender(key, mention.gender);
      return key ?? null;
    }
    case 'role': {
      const key = registry.resolveRole(mention.text, mention.head, sentence, recent);
      if (key) registry.describe(key, mention.text, true);
      return key;
    }
    case 'generic':
      return null;
  }
}

/**
 * "…, according to Harbourview.", "Harbourview reported …": one capitalised word that the article never
 * gives a first name, title or role, in the frames that cite a source, is an outlet or a document, not a
 * person (people in the news are introduced by name or office before they are cited by surname).
 */
function isUnnamedSource(mention: Mention, body: string, registry: PeopleRegistry): boolean {
  if (mention.kind !== 'name' || mention.name.includes(' ') || mention.descriptor) return false;
  if (registry.isKnownSurname(mention.name)) return false;
  const before = body.slice(Math.max(0, mention.start - 16), mention.start);
  const after = body.slice(mention.end, mention.end + 16);
  return /\baccording\s+to\s+$/iu.test(before) || /^\s+(?:has\s+|had\s+)?report(?:ed|s)\b/iu.test(after);
}

/**
 * Records the names in a sentence. The first pass (`introduced` given) takes full names and titled names
 * only, and adds the keys of those that introduce a person to `introduced`; the second also takes
 * surnames of people already named. Returns the person in subject place, if any.
 */
function collectNames(
  s: Analysed,
  registry: PeopleRegistry,
  introduced: Set<string> | null,
): { key: string; end: number } | null {
  const withSurnames = introduced === null;
  const { tokens, body } = s;
  let subject: { key: string; end: number } | null = null;
  let previousNameEnd = -1;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    const next = tokens[k + 1];
    if (t.quoted || !t.nameLike || (next?.nameLike && /^[ \t]+$/u.test(body.slice(t.end, next.start)))) continue;
    // "Ali bin Omar bin Saeed": a particle with a name after it continues the name ("Ali" alone is no one).
    if (next && PARTICLES.has(next.text) && tokens[k + 2]?.nameLike) continue;
    const mention = mentionEndingAt(s as MentionContext, k, false);
    if (mention?.kind !== 'name') continue;
    // "… included Norwegian Premier Ivo Holm, Austrian Chancellor Anton Vell": a name right after another's comma is
    // the next of a list of people; the phrase before the comma is the other person, no description of this one.
    const listed = previousNameEnd >= 0 && LIST_COMMA.test(body.slice(previousNameEnd, mention.start));
    previousNameEnd = mention.end;
    if (!withSurnames && !mention.name.includes(' ') && !mention.descriptor) continue;
    if (PICTURE_CREDIT.test(body.slice(Math.max(s.start, mention.start - 24), mention.start))) continue;
    const appositive = describingAppositive(appositiveAfter(s, mention.end));
    const before = body.slice(s.start, mention.start).trim();
    const leading = listed ? '' : leadingAppositive(before);
    const own = [staffWordBefore(body, s.start, mention.start), mention.descriptor, countryAfterName(body, mention.end)]
      .filter(Boolean)
      .join(' ');
    const descriptor = [leading, own, appositive].filter(Boolean).join(', ');
    const key = registry.addName(mention.name, descriptor, s.index);
    if (key && introduced && introducesPerson(s, k, mention, appositive)) introduced.add(key);
    // In subject place: at the start, after an introductory phrase, or after a short lower-case role ("Finnish mediator").
    // "Vell's aide Brun will lead …": a possessive owns the subject, it is none.
    if (key && !subject && inSubjectPlace(before) && !isPossessiveMention(body, mention))
      subject = { key, end: mention.end };
  }
  return subject;
}

/** Between two names of a list of people: a comma alone. */
const LIST_COMMA = /^\s*,\s*$/u;

/**
 * "Staff photo by Anna Lind/Agency", "Photo: Anna Lind": the photographer a credit names is in no story, and a
 * role ("the Bordurian chief") must not stand for them.
 */
const PICTURE_CREDIT = new RegExp(`\\b(?:${speechWords.creditNouns.join('|')})s?(?:\\s+by|\\s*:)\\s*$`, 'iu');

/**
 * "Speaking to host Tina Moor, …": a journalist's role written in lower case right before a name, which the title run
 * of the name does not take, describes them all the same (their words are reporting, `isJournalist`).
 */
function staffWordBefore(body: string, from: number, start: number): string {
  const word = /([\p{L}-]+)[ \t]+$/u.exec(body.slice(Math.max(from, start - 24), start))?.[1] ?? '';
  return word && describesJournalist(word) ? word : '';
}

/** What stands before a name in subject place: nothing, an introductory phrase, or a short role. */
const inSubjectPlace = (before: string) =>
  before === '' || before.endsWith(',') || before.split(/\s+/u).every((w) => isRoleWord(w));

/** A word of a short role before a name in subject place: "Finnish mediator", "the chief". */
const isRoleWord = (word: string) =>
  /^(the|a|an)$/iu.test(word) ||
  TITLE_WORDS.has(word.toLowerCase()) ||
  ROLE_HEADS.has(word.toLowerCase()) ||
  countryOfWord(word) !== null;

/**
 * "The head of the Armenian delegation, Deputy Foreign Minister X, …": a role phrase that opens the
 * sentence and ends in the comma before the name describes the person named, as an appositive after it does.
 */
function leadingAppositive(before: string): string {
  if (!before.endsWith(',') || wordCount(before) > LEADING_ROLE_WORDS) return '';
  // The phrases set off by commas right before the name, nearest first, while each is a noun phrase: "The Premier of
  // Norway, Ivo Holm, met the President of Austria, Anton Vell" describes Vell by the last phrase only, from its
  // article on, as the clause before it is another person's.
  const phrases = before.slice(0, -1).split(',');
  const kept: string[] = [];
  for (let i = phrases.length - 1; i >= 0; i--) {
    const phrase = (phrases[i] ?? '').trim();
    if (opensNounPhrase(phrase)) {
      kept.unshift(phrase);
      continue;
    }
    const words = phrase.split(/\s+/u);
    const article = words.findLastIndex((w) => /^(the|a|an)$/iu.test(w));
    // "met the President of Austria, Anton Vell": the object of a verb; "According to the leader, Vell …" is no apposition.
    const governed = GOVERNING_WORDS.has((words[article - 1] ?? '').toLowerCase());
    if (kept.length === 0 && article > 0 && !governed) kept.unshift(words.slice(article).join(' '));
    break;
  }
  return describingAppositive(kept.join(', '));
}

/** Words that govern the noun phrase after them, which is then no apposition to the name after its comma. */
const GOVERNING_WORDS = new Set([...PREPOSITIONS, 'of', 'for', 'about', 'against', 'like', 'than']);

/** A noun phrase opens with an article, a possessive or a title ("Russia insists on …," is a clause). */
const opensNounPhrase = (phrase: string) => {
  const first = phrase.split(/\s+/u)[0] ?? '';
  return /^(the|a|an)$/iu.test(first) || /['\u2019]s$/u.test(first) || TITLE_WORDS.has(first.toLowerCase());
};

/** The longest role phrase before a name taken as its description: "The head of the Armenian delegation, a deputy foreign minister,". */
const LEADING_ROLE_WORDS = 12;

/** An appositive counts as a description of a person when it names a role ("the senior Ukrainian negotiator"). */
function describingAppositive(phrase: string): string {
  const words = phrase.toLowerCase().split(/[^\p{L}]+/u);
  // A journalist's role too ("our correspondent in Kyiv"): it tells that their words are reporting.
  return words.some((w) => ROLE_HEADS.has(w) || ROLE_HEADS.has(w.replace(/s$/u, ''))) || describesJournalist(phrase)
    ? phrase
    : '';
}

/**
 * The gender of "he" or "she" as a sentence's subject: its first word, or the first after an opening
 * adverb and its comma ("However, she …") or after a label or setting ("After the vote, she …"); null otherwise.
 */
function openingPronoun(s: Analysed): 'm' | 'f' | null {
  const [first, second] = s.tokens;
  if (!first || first.quoted) return null;
  const opener =
    second && CAPITALISED_FUNCTION_WORDS.has(first.lower) && /^,\s/u.test(s.body.slice(first.end, second.start));
  const subject = opener ? second : coreToken(s);
  if (!subject || subject.quoted) return null;
  // "His answer was short: …": a possessive opening the sentence points to the person as well.
  return PERSONAL_PRONOUNS.get(subject.lower) ?? (subject.lower === 'his' ? 'm' : subject.lower === 'her' ? 'f' : null);
}

/** The first token of the sentence's core clause, past a label or a setting (`coreStart`). */
function coreToken(s: Analysed): Token | undefined {
  const [first] = s.tokens;
  // Most sentences open with their subject; only one holding an opening's mark early is read again.
  if (first && PERSONAL_PRONOUNS.has(first.lower)) return first;
  const core = s.start + coreStart(s.body.slice(s.start, s.end));
  return core === s.start ? first : s.tokens.find((t) => t.start >= core);
}

/** A quote opening right after a colon in the sentence, not yet given to anyone. */
function quoteAfterColon(s: Analysed, consumed: Set<QuoteSpan>, free: Set<QuoteSpan>): QuoteSpan | null {
  const quote = s.quotes.find((q) => q.open > s.start && q.open < s.end && (!consumed.has(q) || free.has(q)));
  return quote && /:\s*$/u.test(s.body.slice(s.start, quote.open)) ? quote : null;
}

/** Whether a sentence starts a paragraph (a line of its own), as each point of an enumeration does. */
function opensParagraph(body: string, sentences: readonly Sentence[], s: Analysed): boolean {
  const previous = sentences[s.index - 1];
  return !!previous && body.slice(previous.end, s.start).includes('\n');
}

/** Whether a bullet set inside a line stands right before the sentence ("…: • mutual recognition; • …"). */
function afterInlineBullet(previous: Analysed | undefined, s: Analysed): boolean {
  return !!previous && /[\u2022\u25aa\u25cf\u25a0]\s*$/u.test(s.body.slice(previous.end, s.start));
}

/**
 * "X said the sides agreed on:" then bulleted points: a speaker's sentence that ends in a colon announces
 * the bullets after it, as a count or a noun of points would.
 */
function bulletsAfterColon(s: Analysed, next: Analysed | undefined): AnnouncedList | null {
  if (!s.about || !s.text.endsWith(':') || !next) return null;
  return bulletLength(next.text) > 0 || afterInlineBullet(s, next)
    ? { count: UNCOUNTED_POINTS, ordinal: false, bulleted: true }
    : null;
}

/** A dash that signs the quote before it, at the start of its line or after the quote's close. */
const SIGNING_DASH = /(?:^|[\s,.])[\u2013\u2014-]{1,2}[ \t]*(?=\p{Lu})/gu;
/** What may follow the signer's name on its line: a comma and their role, never a date, a handle or a credit. */
const SIGNER_ROLE = /^(?:,[^\n\d/@()]{0,80})?[ \t]*$/u;

/**
 * `"…," – Holm` or a quote that ends its line and a line `— Ivo Holm, Premier of Ruritania`: a named person after
 * a dash, with nothing on the line after them but their role, signs the quote that closed just before the dash
 * (on the same line, or as its own paragraph after the quote's). A photo credit or an embedded post's account and date is no signature.
 */
function dashSignature(
  s: Analysed,
  quotes: readonly QuoteSpan[],
  consumed: Set<QuoteSpan>,
): { quote: QuoteSpan; speaker: Mention } | null {
  const { body } = s;
  for (const m of s.text.matchAll(SIGNING_DASH)) {
    const at = s.start + m.index + m[0].length;
    const k = s.tokens.findIndex((t) => t.start === at);
    const speaker = k >= 0 ? mentionStartingAt(s, k) : null;
    if (speaker?.kind !== 'name') continue;
    const lineEnd = body.indexOf('\n', speaker.end);
    if (!SIGNER_ROLE.test(body.slice(speaker.end, lineEnd < 0 ? body.length : lineEnd))) continue;
    const dash = s.start + m.index;
    const quote = quotes.findLast((q) => q.close < dash);
    if (!quote || consumed.has(quote)) return null;
    const between = body.slice(quote.close + 1, dash + (m[0].match(/^[\s,.]/u) ? 1 : 0));
    return /^[ \t,.]*(?:\n[ \t]*){0,2}$/u.test(between) ? { quote, speaker } : null;
  }
  return null;
}

/**
 * A point of an enumeration: a whole sentence, or the text's last words cut off mid-sentence; a heading
 * or a question ends the enumeration.
 */
function enumeratedPoint(s: Analysed, bodyEnd: number): boolean {
  if (/\?$/u.test(s.text)) return false;
  return !isHeadline(s) || s.end >= bodyEnd;
}

/**
 * Whether nothing but spaces stands between `at` and the end of its paragraph: an interview's answer printed after
 * the writer's question fills its paragraph; `"…." That was the verdict of X.` goes on to say whose it is (review S36).
 */
const fillsParagraphFrom = (body: string, at: number) => /^[^\S\n]*(?:\n|$)/u.test(body.slice(at));

/** The most question sentences an interviewer's paragraph holds between two answers. */
const INTERVIEW_QUESTIONS = 4;

/**
 * The interviewee of a quote paragraph that follows the writer's own questions: `"A." / Isn't that, I asked, a fair
 * price? / "B."` gives B to whoever said A (round 14's S14-2). The questions must fill their paragraphs, attribute
 * nothing, and the sentence before them must have given words to someone; a paragraph that states anything ends it.
 */
function answeredAcrossQuestions(body: string, sentences: readonly Analysed[], s: Analysed): string | null {
  if (!opensParagraph(body, sentences, s)) return null;
  let j = s.index - 1;
  while (j >= 0 && s.index - j <= INTERVIEW_QUESTIONS) {
    const q = sentences[j] as Analysed;
    if (q.about || isHeadline(q) || !/\?[\s"'\u201d\u2019]*$/u.test(q.text)) break;
    j--;
  }
  const answered = sentences[j];
  const first = sentences[j + 1];
  if (j === s.index - 1 || !answered?.about || !first || !opensParagraph(body, sentences, first)) return null;
  return answered.about;
}

/**
 * A quoted passage that makes up whole sentences on its own, with no verb of saying: by press
 * convention it continues the words of the person the sentence before is about.
 */
function standaloneQuote(s: Analysed, sentences: Analysed[], consumed: Set<QuoteSpan>): QuoteSpan | null {
  const quote = s.quotes.find((q) => q.open >= s.start && q.open < s.end && !consumed.has(q));
  if (!quote || !isQuoteLabel(s.body.slice(s.start, quote.open))) return null;
  const last = sentences[firstAtOrAfter(sentences, quote.close, (x) => x.end)] ?? s;
  if (!/^[\s.,!?\u2026]*$/u.test(s.body.slice(quote.close + 1, last.end))) return null;
  // `"Who pays? Who commands?" Minister X asked.`: a split-off sentence after it names the quote's speaker.
  const next = sentences[last.index + 1];
  if (
    next &&
    !s.body.slice(last.end, next.start).includes('\n') &&
    (!isHeadline(next) || isCutOffEnding(next, s.body)) &&
    findAttributions(next).some((a) => a.start <= quote.open && a.end > quote.close)
  )
    return null;
  return wordCount(quoteWords(s.body, quote)) >= 3 ? quote : null;
}

/**
 * The sentence that "X said this while visiting …" or "X said so on Monday" points back at, when it
 * attributes nothing itself and is no headline.
 */
function wordsPointedBack(previous: Analysed | undefined): Analysed | null {
  return !previous || previous.about || isHeadline(previous) ? null : previous;
}

/**
 * "The Prime Minister was told:", "the premier was asked the following:": right after the role, a passive of a verb
 * of saying makes it the listener, so the quote after is not its words.
 */
function heardPassive(s: Analysed, after: number): boolean {
  const k = s.tokens.findIndex((t) => t.start >= after);
  const [be, verb] = [s.tokens[k], s.tokens[k + 1]];
  return (
    !!be && !!verb && BE_FORMS.has(be.lower) && !verb.quoted && !!speechVerbOf(verb, be.lower, s.tokens[k + 2]?.lower)
  );
}

/**
 * "X said this while visiting …", "X said so on Monday", "X said this about the four regions" (round 15's S15-6): a
 * pointer, then nothing or a circumstance or topic opened by one of `pointBackLinks` or `pointBackParticiples`.
 */
// The link is a whole word ("this about-turn by the allies was …" is a clause); a participle ("concerning") only
// before a determiner or a name ("this concerning development threatened …" is a clause whose subject it qualifies).
const POINTS_BACK = new RegExp(
  `^(?:[Tt]his|[Ss]o)(?:\\s+(?:${speechWords.pointBackLinks.join('|')}|(?:${speechWords.pointBackParticiples.join('|')})(?=\\s+(?:${speechWords.pointBackDeterminers.join('|')}|\\p{Lu})))(?=\\s|$).*)?$`,
  'su',
);

/** Whether a sentence lies wholly inside a quote, given to its speaker, that opened in an earlier sentence. */
function quotedThroughout(s: Analysed, consumed: Set<QuoteSpan>): boolean {
  return s.quotes.some(
    (q) => consumed.has(q) && q.open < s.start && /^[\s.,!?\u2026"\u201d\u00bb']*$/u.test(s.body.slice(q.close, s.end)),
  );
}

/** Nothing, or a label such as "Quote:", before a quote that stands on its own. */
const isQuoteLabel = (lead: string) => {
  const label = /^\s*(?:([\p{L} ]{1,20}):)?\s*$/u.exec(lead);
  return label !== null && (label[1] === undefined || QUOTE_LABELS.has(label[1].trim().toLowerCase()));
};

const quoteWords = (body: string, q: QuoteSpan) => body.slice(q.open + 1, q.close).trim();

/** The whole sentences spanning `from`–`to`, verbatim. */
function evidenceOf(body: string, sentences: readonly Sentence[], from: number, to: number): string {
  const first = firstAtOrAfter(sentences, from + 1, (s) => s.end);
  let last = first;
  while (last < sentences.length && (sentences[last] as Sentence).start < to) last++;
  const start = first < last ? (sentences[first] as Sentence).start : from;
  const end = first < last ? (sentences[last - 1] as Sentence).end : to;
  return body.slice(start, end);
}

/**
 * The quotes a sentence's attributions can involve: those opening inside it, the one before it (a
 * passage that runs into it, or ends just before its "… he said"), and the one after it (a quote
 * introduced by the sentence). Top-level quotes are disjoint, so no other quote can be adjacent.
 */
function quotesAround(quotes: QuoteSpan[], s: Sentence): QuoteSpan[] {
  const inside = firstAtOrAfter(quotes, s.start, (q) => q.open);
  const after = firstAtOrAfter(quotes, s.end, (q) => q.open);
  return quotes.slice(Math.max(0, inside - 1), after + 1);
}

/** Stable across articles: the same speaker saying the same words, however the outlet typesets them. */
export function statementId(key: string, kind: string, text: string): string {
  const normalised = text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201a\u201b]/gu, "'")
    .replace(/[\u201c\u201d\u201e\u00ab\u00bb]/gu, '"')
    .replace(/\s+/gu, ' ')
    .toLowerCase()
    .replace(/[\s"',.;:!?\u2026]+$/u, '')
    .trim();
  // The one-shot hash: a Hash object per statement cost more than the digest.
  return hash('sha256', `${key}\u0000${kind}\u0000${normalised}`).slice(0, 16);
}

function quotedTest(body: string, quotes: QuoteSpan[]): (at: number) => boolean {
  const inside = new Uint8Array(body.length);
  for (const q of quotes) inside.fill(1, q.open + 1, q.close);
  return (at) => inside[at] === 1;
}

/** The index of the first token starting at or after `offset`, searching from `from`. */
function firstTokenFrom(tokens: Token[], offset: number, from: number): number {
  let k = from;
  while (k < tokens.length && (tokens[k] as Token).start < offset) k++;
  return k;
}

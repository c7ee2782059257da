import * as z from 'zod/mini';
import defaultConfigJson from '../../config/topics.json' with { type: 'json' };
import { escapeRegex } from '../shared/escape-regex.js';
import { memoizeByString } from '../shared/memoize.js';
import { stanceWords as S } from './lexicon.js';
import { foldsToAscii, OpeningIndex, regexFirstWords } from './regex-first-words.js';

/*
 * Topics and parties are configuration (config/topics.json), not code: adding a topic such as `nato`
 * is a change to that file. Every function that needs them takes the compiled config as an argument,
 * defaulting to the shipped file, so tests can pass another one.
 */

const NonEmpty = z.string().check(z.minLength(1));

/** A word of a pattern's slot: letters, hyphens, apostrophes and single spaces, nothing a regex reads as syntax. */
const SlotWord = z.string().check(z.regex(/^[\p{L}'’-]+(?: [\p{L}'’-]+)*$/u, 'letters, hyphens, apostrophes, spaces'));

export const TopicSchema = z.object({
  id: NonEmpty.check(z.regex(/^[a-z0-9-]+$/, 'topic ids are lower-case words joined by hyphens')),
  label: NonEmpty,
  /** Literal phrases, matched whole-word and case-insensitively. */
  variants: z.array(NonEmpty),
  /**
   * Regular expressions (case-insensitive) for phrasings a list of words cannot hold. A `{name}` slot stands for the
   * word list `words.name`, so that a pattern's vocabulary is data and the pattern stays short (`expandSlots`).
   */
  patterns: z.optional(z.array(NonEmpty)),
  /**
   * Patterns that name the topic as a set of regions ("the four regions", "the regions Moscow claims"), read as the
   * topic's mentions like `patterns`; but an article that names the topic only through them says nothing of it (the
   * gold guide's R-regions: a set the article never names is not the topic), so it gives no position on it
   * (`namesTopicBeyondSets`, region-sets.ts).
   */
  setPatterns: z.optional(z.array(NonEmpty)),
  /** Word lists the patterns' slots name: literal words or phrases (a space matches any run of spaces). */
  words: z.optional(z.record(z.string().check(z.regex(/^[a-zA-Z]+$/u)), z.array(SlotWord).check(z.minLength(1)))),
  /**
   * Words that make a party's report about this topic a stance rather than news, beyond the general
   * ones (would, must, never, recognise …): "Kyiv said the plant must be demilitarised" needs none, "Russia
   * said the plant stays under its operator" needs "operator". Literal phrases, like `variants`.
   */
  stanceCues: z.optional(z.array(NonEmpty)),
});

export const PartySchema = z.object({
  /** Canonical name, as facts carry it ("Russia"). */
  name: NonEmpty,
  /** Names that stand for the party on their own ("Moscow", "the Kremlin", "the Ukrainians"). */
  variants: z.array(NonEmpty).check(z.minLength(1)),
  /** Adjectives that name the party when they qualify one of `partyMembers` ("Russian negotiators"). */
  adjectives: z.optional(z.array(NonEmpty)),
});

export const TopicsConfigSchema = z.object({
  topics: z.array(TopicSchema).check(z.minLength(1)),
  parties: z.array(PartySchema).check(z.minLength(1)),
  /** Nouns for people or bodies that speak for a party ("officials", "delegation", "foreign minister"). */
  partyMembers: z.array(NonEmpty),
  /** The country whose security guarantees are discussed: never its own guarantor. */
  guaranteeBeneficiary: z.optional(NonEmpty),
  /**
   * Places of the disputed country that no topic covers ("Kherson", "Kharkiv"): a sentence naming one and no topic
   * ends the topic carried across sentences, so that "these lands" after it is not taken for the topic's.
   */
  otherPlaces: z.optional(z.array(NonEmpty)),
  /**
   * The land in dispute named as a whole ("the occupied territories"): a qualifier, at most one word, then a noun. It
   * stands for each of `topics` that the article names anywhere (whole-land.ts).
   */
  wholeLand: z.optional(
    z.object({
      topics: z.array(NonEmpty).check(z.minLength(1)),
      qualifiers: z.array(NonEmpty).check(z.minLength(1)),
      nouns: z.array(NonEmpty).check(z.minLength(1)),
      /**
       * The land named by an adjective of land before a noun of its dispute ("territorial concessions", "its territorial
       * integrity"): the regions of the last sentence naming one before it, in the words a side uses to claim or refuse
       * them. Agenda nouns ("the territorial issue") stay out: they name what is talked about, not what is claimed.
       */
      landAdjectives: z.optional(z.array(NonEmpty)),
      disputeNouns: z.optional(z.array(NonEmpty)),
    }),
  ),
});
export type TopicsConfig = z.infer<typeof TopicsConfigSchema>;

export class TopicsConfigError extends Error {
  override name = 'TopicsConfigError';
}

/** Validates a topics configuration (the parsed JSON of a file like config/topics.json), its patterns' slots filled. */
export function parseTopicsConfig(json: unknown): TopicsConfig {
  const result = TopicsConfigSchema.safeParse(json);
  if (!result.success) throw new TopicsConfigError(`invalid topics config:\n${z.prettifyError(result.error)}`);
  const ids = result.data.topics.map((t) => t.id);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) throw new TopicsConfigError(`invalid topics config: topic id "${duplicate}" appears twice`);
  const topics = result.data.topics.map((topic) => {
    if (!topic.patterns && !topic.setPatterns) return topic;
    const expand = (list: readonly string[] | undefined) =>
      list?.map((pattern) => expandSlots(pattern, topic.words ?? {}, topic.id));
    const patterns = expand(topic.patterns);
    const setPatterns = expand(topic.setPatterns);
    return { ...topic, ...(patterns ? { patterns } : {}), ...(setPatterns ? { setPatterns } : {}) };
  });
  return { ...result.data, topics };
}

const SLOT = /\{([a-zA-Z]+)\}/gu;

/**
 * A pattern with each `{name}` slot replaced by its word list as an alternation, `(?:southern|eastern)`: the longest
 * words first (as `regions?` tries `regions` first), a space standing for `\s+`. Checked as a regex.
 */
function expandSlots(pattern: string, words: Readonly<Record<string, readonly string[]>>, topic: string): string {
  const expanded = pattern.replace(SLOT, (slot, name: string) => {
    const list = words[name];
    if (!list)
      throw new TopicsConfigError(`invalid topics config: topic "${topic}" has no word list "${name}" (${slot})`);
    const sorted = [...new Set(list)].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
    // Letters, hyphens and apostrophes are literal in a regex: only the spaces change.
    return `(?:${sorted.map((w) => w.replace(/ /gu, '\\s+')).join('|')})`;
  });
  try {
    new RegExp(expanded, 'iu');
  } catch {
    throw new TopicsConfigError(`invalid topics config: topic "${topic}": not a valid regular expression: ${pattern}`);
  }
  return expanded;
}

/** A match of a topic or party in a text, with offsets into that text. */
export interface Mention<T extends string = string> {
  id: T;
  start: number;
  end: number;
}

export interface PartyMention extends Mention {
  /** `name`: the party itself; `member`: someone speaking for it; `proposal`: its proposal or position. */
  kind: 'name' | 'member' | 'proposal';
}

/**
 * A party mention as one object literal, keys in the order the other rules write theirs (`{ id, start, end, kind }`):
 * a spread copy of a topic mention (`{ ...m, kind }`) has another shape in V8, and the position rules that read both
 * were deoptimised whenever one of them met the other first, in the middle of a batch.
 */
const partyMention = (id: string, start: number, end: number, kind: PartyMention['kind']): PartyMention => ({
  id,
  start,
  end,
  kind,
});

/**
 * Nouns for what a party puts forward ("Ukraine's proposal" speaks for Ukraine), and those of them that are
 * never verbs, which may follow a party's name directly ("the Kyiv draft", where "Kyiv plans" is a verb).
 * Vocabulary, kept in lexicon/stance.json.
 */
const PROPOSAL_NOUNS = S.proposalNouns;
const PROPOSAL_ONLY_NOUNS = S.proposalOnlyNouns;

/** The configuration compiled to regular expressions, once per config object. */
export interface CompiledTopics {
  config: TopicsConfig;
  topics: readonly { id: string; label: string }[];
  partyNames: readonly string[];
  /** Every topic mention in `text`, in text order. */
  topicMentions(text: string): Mention[];
  /** Ids of the topics `text` mentions, in configuration order. */
  topicsIn(text: string): string[];
  /** Ids of the topics with `setPatterns`: named in some texts only as a set of regions. */
  setTopics: readonly string[];
  /** Whether `text` names `topic` otherwise than through its `setPatterns` ("the four regions"). */
  namesTopicBeyondSets(topic: string, text: string): boolean;
  /** Whether `text` holds one of the topic's own stance cues (config `stanceCues`). */
  cuesStance(topic: string, text: string): boolean;
  /**
   * Where the text names a party: on its own ("Moscow", "the Ukrainians"), through someone who speaks
   * for it ("Ukrainian officials", "Russia's top negotiator"), or through its proposal ("Ukraine's
   * proposal"). A bare possessive ("Ukraine's security") or an adjective on anything else ("Russian
   * territory") is not a mention of the party as an actor and is left out.
   */
  partyMentions(text: string): readonly PartyMention[];
}

/** A party after "of": the cheap test before looking for an office further back ("the President of Russia"). */
const OF_BEFORE = /\bof\s+(?:the\s+)?$/iu;

/**
 * Literal phrases as one whole-word regex source, longest first so "Crimean peninsula" wins over
 * "Crimean"; inner spaces match any whitespace (hard-wrapped text). One boundary check around the whole
 * alternation, not one per phrase: with hundreds of phrases (country names) that is many times faster.
 */
export function phrasesSource(phrases: readonly string[]): string {
  return phrases.length ? `(?<![\\p{L}\\p{N}])${phrasesAhead(phrases)}` : '(?!)';
}

/** phrasesSource without the boundary before the phrase, which a `TextPattern` checks in code. */
export function phrasesAhead(phrases: readonly string[]): string {
  if (!phrases.length) return '(?!)';
  return `${phrasesAlternatives(phrases)}(?![\\p{L}\\p{N}])`;
}

/** The phrases alone, longest first, without either boundary: `phrasesSource` minus its lookarounds. */
export function phrasesAlternatives(phrases: readonly string[]): string {
  if (!phrases.length) return '(?!)';
  const alternatives = [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((phrase) => escapeRegex(phrase.trim()).replace(/\s+/g, '\\s+'));
  return `(?:${alternatives.join('|')})`;
}

/**
 * A global regex searched over whole bodies, with the assertion it opens with left to code (`startsAt`):
 * a regex that starts with a lookbehind or a `\b` makes V8 try it at every position, while one that starts
 * with its words lets it skip ahead to their first letters, three to five times faster on a body.
 */
export interface TextPattern {
  id: string;
  regex: RegExp;
  /** The opening assertion taken out of `regex`, tested at a match's start; null when there was none. */
  startsAt: ((text: string, at: number) => boolean) | null;
  /**
   * The words every match opens with (regex-first-words.ts), lower-cased, with `regex` made sticky to try it
   * there; absent when the source does not tell them, and the pattern is searched for over the whole text.
   */
  opening?: { words: ReadonlySet<string>; sticky: RegExp };
  /** A topic's set pattern (`setPatterns`): it names the topic only in an article that names it otherwise too. */
  set?: true;
}

/** The lookbehind of `phrasesSource` itself, tested at one position: a letter outside the BMP counts too. */
const PHRASE_START = /(?<![\p{L}\p{N}])/uy;

/** Where `phrasesSource` may match: no letter or digit (a whole character, not a code unit) before. */
export const atPhraseStart = (text: string, at: number) => {
  PHRASE_START.lastIndex = at;
  return PHRASE_START.test(text);
};

const phrasePattern = (id: string, phrases: readonly string[]): TextPattern => ({
  id,
  regex: new RegExp(phrasesAhead(phrases), 'giu'),
  startsAt: atPhraseStart,
});

/** The pattern with the words its matches open with, when its source tells them. */
export function withOpening(pattern: TextPattern): TextPattern {
  const words = regexFirstWords(pattern.regex.source, pattern.startsAt !== null);
  if (!words) return pattern;
  return { ...pattern, opening: { words, sticky: new RegExp(pattern.regex.source, `${pattern.regex.flags}y`) } };
}

/** `\b` as the configured patterns' flags define it (with `iu`, ſ and the Kelvin sign are word characters too). */
const WORD_BOUNDARY = /\b/iuy;

const atWordBoundary = (text: string, at: number) => {
  WORD_BOUNDARY.lastIndex = at;
  return WORD_BOUNDARY.test(text);
};

/** A configured regular expression; one that opens with a `\b` for all its alternatives has it tested in code. */
function configuredPattern(id: string, source: string): TextPattern {
  const rest = withoutLeadingBoundary(source);
  return rest === null
    ? { id, regex: new RegExp(source, 'giu'), startsAt: null }
    : { id, regex: new RegExp(rest, 'giu'), startsAt: atWordBoundary };
}

/**
 * The source after its leading `\b`, or null when it has none or when a top-level `|` makes that `\b`
 * the first alternative's only (`\bfoo|bar`).
 */
function withoutLeadingBoundary(source: string): string | null {
  if (!source.startsWith('\\b')) return null;
  let depth = 0;
  let inClass = false;
  for (let i = 2; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return null;
  }
  return source.slice(2);
}

/** Calls `onMatch` with every match of the pattern in `text`, in order (no generator: a result object per match was garbage). */
export function eachMatch({ regex, startsAt }: TextPattern, text: string, onMatch: (m: RegExpExecArray) => void): void {
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m; m = regex.exec(text)) {
    if (!m[0]) {
      regex.lastIndex++;
      continue;
    }
    // A match inside a word ("xCrimea") is none; one may still start later inside it (a whole character on).
    if (startsAt && !startsAt(text, m.index)) {
      regex.lastIndex = m.index + ((text.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1);
      continue;
    }
    onMatch(m);
  }
}

/**
 * Patterns searched for together: one pass over a text's words tries each pattern only where a word its
 * matches open with stands, instead of one scan of the whole text per pattern (each alias list or configured
 * pattern used to cost a scan of every article body).
 */
export interface PatternSet {
  patterns: readonly TextPattern[];
  /** Indices of the patterns whose matches may open with each word. */
  byOpening: OpeningIndex<number>;
  /** Indices of the patterns without known opening words, searched for over the whole text. */
  scanned: readonly number[];
}

export function patternSet(patterns: readonly TextPattern[]): PatternSet {
  const byOpening = new OpeningIndex<number>();
  const scanned: number[] = [];
  for (const [index, { opening }] of patterns.entries()) {
    if (!opening) scanned.push(index);
    else for (const word of opening.words) byOpening.add(word, index);
  }
  return { patterns, byOpening, scanned };
}

/**
 * Every match of every pattern of the set in `text`, by pattern: what `eachMatch` finds for each. A match of
 * a pattern with opening words starts where a run of ASCII letters starts (its start is checked: no letter
 * before it) and that run is one of its words, so trying it at those runs alone finds the same matches, as long
 * as the text holds no character that matches an ASCII letter only case-insensitively.
 */
export function setMatches(set: PatternSet, text: string): Mention[][] {
  const scanAll = set.scanned.length === set.patterns.length || foldsToAscii(text);
  const found = set.patterns.map((pattern) => {
    const mentions: Mention[] = [];
    if (scanAll || !pattern.opening)
      eachMatch(pattern, text, (m) => mentions.push({ id: pattern.id, start: m.index, end: m.index + m[0].length }));
    return mentions;
  });
  if (scanAll) return found;
  // Where each pattern's last match ended: as with a global regex, the next one starts there or later.
  const resumeAt = set.patterns.map(() => 0);
  set.byOpening.visit(text, (at, candidates) => {
    for (const index of candidates) {
      const { id, opening, startsAt } = set.patterns[index] as TextPattern & Required<Pick<TextPattern, 'opening'>>;
      if (at < (resumeAt[index] ?? 0)) continue;
      opening.sticky.lastIndex = at;
      const m = opening.sticky.exec(text);
      if (!m?.[0] || (startsAt && !startsAt(text, at))) continue;
      const end = at + m[0].length;
      found[index]?.push({ id, start: at, end });
      resumeAt[index] = end;
    }
    return false;
  });
  return found;
}

function mentionsOf(text: string, set: PatternSet): Mention[] {
  const matching = setMatches(set, text).filter((mentions) => mentions.length > 0);
  // Most texts match one pattern of a set or none, and one pattern's matches are already in text order (each starts
  // after the one before ends): no copy and no sort for them, as `flat` and `sort` cost for every sentence.
  if (matching.length <= 1) return matching[0] ?? [];
  return matching.flat().sort((a, b) => a.start - b.start || b.end - a.end);
}

const compiled = new WeakMap<TopicsConfig, CompiledTopics>();

/** Compiles a configuration (memoised per config object, so callers may call it on every article). */
export function compileTopics(config: TopicsConfig): CompiledTopics {
  const cached = compiled.get(config);
  if (cached) return cached;
  // Searched together, by the words their matches open with: a scan of every text per alias list and per
  // configured pattern cost three times as much, and grew with every alias added. Searched for on their own,
  // the few party names and cues are faster: V8 skips ahead to their first letters.
  const topicPatterns = patternSet(
    config.topics.flatMap((t) => [
      withOpening(phrasePattern(t.id, t.variants)),
      ...(t.patterns ?? []).map((source) => withOpening(configuredPattern(t.id, source))),
      ...(t.setPatterns ?? []).map((source) => ({
        ...withOpening(configuredPattern(t.id, source)),
        set: true as const,
      })),
    ]),
  );
  const partyPatterns = patternSet(config.parties.map((p) => phrasePattern(p.name, p.variants)));
  const cuePatterns = new Map(
    config.topics
      .filter((t) => t.stanceCues?.length)
      .map((t) => [t.id, patternSet([phrasePattern(t.id, t.stanceCues ?? [])])]),
  );
  const adjectivePatterns = patternSet(
    config.parties.filter((p) => p.adjectives?.length).map((p) => phrasePattern(p.name, p.adjectives ?? [])),
  );
  const memberNoun = phrasesSource(config.partyMembers);
  // A title may run on past its first member noun ("deputy defense minister"), but not over a verb or a function word.
  const longerTitle = `(?:(?:\\s+(?!(?:said|says|told|tells|wants|wanted|and|or|the|a|an|that|who|which|to|of|in|on|at|for|with|by|from)\\b)[\\p{L}-]+){0,2}?\\s+${memberNoun})?`;
  // Up to three words may stand between ("Russia's deputy defense minister", "Top Ukrainian chief negotiator").
  const memberAfterName = new RegExp(`^['\u2019]s(?:\\s+[\\p{L}-]+){0,3}?\\s+${memberNoun}${longerTitle}`, 'iu');
  const memberAfterAdjective = new RegExp(`^(?:\\s+[\\p{L}-]+){0,3}?\\s+${memberNoun}${longerTitle}`, 'iu');
  // "Moscow's demand", "the Kremlin chief's demand" (a member between), "the Moscow memorandum".
  const proposalAfterName = new RegExp(
    `^(?:(?:\\s+${memberNoun})?['\u2019]s(?:\\s+[\\p{L}-]+){0,2}?\\s+${phrasesSource(PROPOSAL_NOUNS)}|\\s+${phrasesSource(PROPOSAL_ONLY_NOUNS)})`,
    'iu',
  );
  // "the Russian memorandum" is Russia's; "Russian positions" and "the Russian response" are as often military.
  // A possessive between them names who in that party holds it: "the Ukrainian leader's plan".
  const adjectiveProposals = PROPOSAL_NOUNS.filter((noun) => noun !== 'positions' && noun !== 'response');
  // The words between are the noun's modifiers, never a conjunction or a verb's function word: in "one-fifth of Ukrainian
  // territory and demands Kyiv cede …" the adjective ends its phrase at "and", and "demands" is the next verb.
  // Those words (a conjunction, an article, a preposition, an auxiliary) are the lexicon's `modifierEnders`.
  const proposalAfterAdjective = new RegExp(
    `^(?:\\s+(?!${phrasesAlternatives(S.modifierEnders)}\\b)[\\p{L}-]+(?:['\u2019]s)?){0,2}?\\s+${phrasesSource(adjectiveProposals)}`,
    'iu',
  );
  // "the Russian leader's demands", "the Kremlin chief's plan": a member's possessive proposal is the party's proposal.
  const possessiveProposal = new RegExp(
    `^['\u2019]s(?:\\s+[\\p{L}-]+){0,2}?\\s+${phrasesSource(PROPOSAL_NOUNS)}`,
    'iu',
  );
  const memberOrProposal = (m: Mention<string>, memberLength: number, after: string): PartyMention => {
    const proposal = possessiveProposal.exec(after.slice(memberLength));
    return proposal
      ? partyMention(m.id, m.start, m.end + memberLength + proposal[0].length, 'proposal')
      : partyMention(m.id, m.start, m.end + memberLength, 'member');
  };
  // "the Ministry of Foreign Affairs of Ukraine", "the President of the Russian Federation": the title before the party.
  const memberBeforeName = new RegExp(`${memberNoun}(?:\\s+of(?:\\s+[\\p{L}-]+){1,3}?)?\\s+of\\s+(?:the\\s+)?$`, 'iu');
  // A set topic's other names alone, searched only when an article's positions ask whether it names the topic.
  const beyondSets = new Map(
    config.topics
      .filter((t) => t.setPatterns?.length)
      .map((t) => [t.id, patternSet(topicPatterns.patterns.filter((p) => p.id === t.id && !p.set))]),
  );
  // Once per configuration, not per text: `topicsIn` is asked of every statement and many sentences.
  const topicIds = config.topics.map((t) => t.id);
  const result: CompiledTopics = {
    config,
    topics: config.topics.map(({ id, label }) => ({ id, label })),
    partyNames: config.parties.map((p) => p.name),
    topicMentions: (text) => mentionsOf(text, topicPatterns),
    topicsIn: (text) => {
      const matched = setMatches(topicPatterns, text);
      const found = new Set(topicPatterns.patterns.filter((_, index) => matched[index]?.length).map(({ id }) => id));
      return topicIds.filter((id) => found.has(id));
    },
    setTopics: config.topics.filter((t) => t.setPatterns?.length).map((t) => t.id),
    namesTopicBeyondSets: (topic, text) => {
      const own = beyondSets.get(topic);
      return own !== undefined && setMatches(own, text).some((matches) => matches.length > 0);
    },
    cuesStance(topic, text) {
      const cues = cuePatterns.get(topic);
      return cues !== undefined && setMatches(cues, text).some((matches) => matches.length > 0);
    },
    // Asked of the same sentence by several rules (positions, guarantors, the article's parties): read once.
    // Frozen, since every caller shares the answer.
    partyMentions: memoizeByString((text) => {
      const found: PartyMention[] = [];
      for (const m of mentionsOf(text, partyPatterns)) {
        const after = text.slice(m.end, m.end + 80);
        const member = memberAfterName.exec(after) ?? null;
        const proposal = member ? null : proposalAfterName.exec(after);
        const before =
          member || proposal || !OF_BEFORE.test(text.slice(Math.max(0, m.start - 8), m.start))
            ? null
            : memberBeforeName.exec(text.slice(Math.max(0, m.start - 60), m.start));
        if (member) found.push(memberOrProposal(m, member[0].length, after));
        else if (proposal) found.push(partyMention(m.id, m.start, m.end + proposal[0].length, 'proposal'));
        else if (before) found.push(partyMention(m.id, m.start - before[0].length, m.end, 'member'));
        else if (!/^['\u2019]s\b/u.test(after)) found.push(partyMention(m.id, m.start, m.end, 'name'));
      }
      for (const m of mentionsOf(text, adjectivePatterns)) {
        const after = text.slice(m.end, m.end + 80);
        const member = memberAfterAdjective.exec(after);
        const proposal = member ? null : proposalAfterAdjective.exec(after);
        if (member) found.push(memberOrProposal(m, member[0].length, after));
        else if (proposal) found.push(partyMention(m.id, m.start, m.end + proposal[0].length, 'proposal'));
      }
      return Object.freeze(found.sort((a, b) => a.start - b.start).map((m) => Object.freeze(m)));
    }),
  };
  compiled.set(config, result);
  return result;
}

/** The shipped configuration, config/topics.json, validated once at module load. */
export const defaultTopicsConfig: TopicsConfig = parseTopicsConfig(defaultConfigJson);

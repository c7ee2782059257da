import type { Position, Statement } from './fact.js';
import { rejectionWords, stanceWords, words } from './lexicon.js';
import { HELD_BY_OTHER_PARTY, KEPT, type PositionCandidate, UNJUDGED, wordTokens } from './position-candidates.js';
import { type StanceKind, stanceKind } from './stance-kind.js';
import type { CompiledTopics } from './topics.js';

/*
 * The position scorer's features: generic, from the rules' verdicts, the lexicons and the sentence's structure, never
 * from an article's words as such. Each is a number in [0, 1]; their names are the keys the weight file
 * (config/position-scorer.json) must list in this order.
 */

/** Rejection rules frequent enough on the training reports to get a weight of their own; the rest share one. */
const NAMED_RULES = [
  'no-want-offer-refusal',
  'outsider-frame',
  'no-actor',
  'party-named-after-stance',
  'party-asked-to-act',
  'subject-states-no-position',
  'background',
  'topic-in-aside',
] as const;

export const FEATURE_NAMES = [
  'verdict:kept',
  'verdict:held-by-other-party',
  'verdict:unjudged',
  ...NAMED_RULES.map((r) => `verdict:${r}`),
  'verdict:other-rule',
  'party:mention',
  'party:word-only',
  'party:person',
  'party:speaker',
  'party:hyphen-compound',
  'party:first-named',
  'party:leads',
  'party:possessive',
  'party:before-stance-verb',
  'party:other-named',
  'party:other-person',
  'party:list-lead',
  'kind:demand',
  'kind:offer',
  'kind:refusal',
  'kind:withdrawal',
  'lex:stance-verb',
  'lex:trade-or-condition',
  'lex:topic-stance-cue',
  'lex:judgement',
  'lex:saying-verb',
  'lex:outsider',
  'lex:hedge',
  'negation',
  'modality',
  'question',
  'history',
  'quote-marks',
  'headline',
  'lead',
  'place-in-article',
  'rules:topic-party',
  'rules:article',
  'length',
  'short',
  'topics:several',
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];

const lexicon = (...lists: readonly (readonly string[])[]) =>
  new RegExp(`(?<![\\p{L}])${words(...lists)}(?![\\p{L}])`, 'iu');

const STANCE_VERB = lexicon(stanceWords.stanceVerbs, stanceWords.wantOfferRefuse);
const TRADE = lexicon(stanceWords.tradeAndConditionCues, stanceWords.conditionOpeners);
const JUDGEMENT = lexicon(stanceWords.replyJudgements, stanceWords.pointingAnswers);
const SAYING = lexicon(stanceWords.sayingVerbs);
const OUTSIDER = lexicon(stanceWords.outsiderSayers, rejectionWords.outsiderViewers);
const HEDGE = lexicon(stanceWords.hedges);
const NEGATION = /(?<![\p{L}])(?:not|no|never|nor|without)(?![\p{L}])|n['’]t(?![\p{L}])/iu;
const MODALITY = lexicon(stanceWords.modals, ['may', 'might', 'should', 'must', 'can', 'shall']);
const YEAR = /(?<![\p{N}])(?:19|20)\d\d(?![\p{N}])/u;
const HISTORY_WORDS = lexicon(['since'], stanceWords.seizureParticiples, stanceWords.backgroundMarkers);
const QUOTE_MARKS = /["“”«»]/u;

/** What the features read beyond the candidate: the reading's rule positions, statements and size. */
export interface FeatureContext {
  topics: CompiledTopics;
  positions: readonly Position[];
  statements: readonly Statement[];
  sentenceCount: number;
}

const clamp = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

/**
 * What a sentence gives every candidate it holds, whatever the topic and party: read once per sentence, since a
 * sentence naming two topics and two parties is four candidates, and the lexicons, the stance kind, the tokens and
 * the topics were read again for each.
 */
interface SentenceFeatures {
  text: string;
  topics: CompiledTopics;
  /** Where the first stance verb stands, or -1. */
  verbAt: number;
  kind: StanceKind | null;
  trade: number;
  judgement: number;
  saying: number;
  outsider: number;
  hedge: number;
  negation: number;
  modality: number;
  question: number;
  history: number;
  quoteMarks: number;
  /** Word tokens. */
  length: number;
  severalTopics: number;
  /** `cuesStance` by topic, asked once each. */
  cues: Map<string, number>;
}

function readSentence(text: string, topics: CompiledTopics): SentenceFeatures {
  return {
    text,
    topics,
    verbAt: STANCE_VERB.exec(text)?.index ?? -1,
    kind: stanceKind(text),
    trade: TRADE.test(text) ? 1 : 0,
    judgement: JUDGEMENT.test(text) ? 1 : 0,
    saying: SAYING.test(text) ? 1 : 0,
    outsider: OUTSIDER.test(text) ? 1 : 0,
    hedge: HEDGE.test(text) ? 1 : 0,
    negation: NEGATION.test(text) ? 1 : 0,
    modality: MODALITY.test(text) ? 1 : 0,
    question: /\?\W*$/u.test(text) ? 1 : 0,
    history: YEAR.test(text) || HISTORY_WORDS.test(text) ? 1 : 0,
    quoteMarks: QUOTE_MARKS.test(text) ? 1 : 0,
    length: wordTokens(text).length,
    severalTopics: topics.topicsIn(text).length > 1 ? 1 : 0,
    cues: new Map(),
  };
}

/** The last sentence read: a sentence's candidates come one after another (`positionCandidates`). */
let lastSentence: SentenceFeatures | null = null;

function sentenceFeatures(text: string, topics: CompiledTopics): SentenceFeatures {
  if (lastSentence === null || lastSentence.text !== text || lastSentence.topics !== topics) {
    lastSentence = readSentence(text, topics);
  }
  return lastSentence;
}

function cuesStance(sentence: SentenceFeatures, topic: string): number {
  let cued = sentence.cues.get(topic);
  if (cued === undefined) {
    cued = sentence.topics.cuesStance(topic, sentence.text) ? 1 : 0;
    sentence.cues.set(topic, cued);
  }
  return cued;
}

const NO_FEATURES = Object.fromEntries(FEATURE_NAMES.map((name) => [name, 0])) as Record<FeatureName, number>;

/** The feature vector of one candidate, in `FEATURE_NAMES` order. */
export function candidateFeatures(candidate: PositionCandidate, context: FeatureContext): number[] {
  const { text, party, topic, named } = candidate;
  const sentence = sentenceFeatures(text, context.topics);
  // A copy of one object with every feature at 0: one shape for every candidate's record, where a record filled key
  // by key was a dictionary, each of its 48 stores and loads a lookup.
  const f: Record<FeatureName, number> = { ...NO_FEATURES };

  const verdict = candidate.verdict;
  if (verdict === KEPT) f['verdict:kept'] = 1;
  else if (verdict === HELD_BY_OTHER_PARTY) f['verdict:held-by-other-party'] = 1;
  else if (verdict === UNJUDGED) f['verdict:unjudged'] = 1;
  else if ((NAMED_RULES as readonly string[]).includes(verdict)) f[`verdict:${verdict}` as FeatureName] = 1;
  else f['verdict:other-rule'] = 1;

  f['party:mention'] = named.byMention.has(party) ? 1 : 0;
  f['party:person'] = named.byPerson.has(party) ? 1 : 0;
  f['party:word-only'] = !named.byMention.has(party) && !named.byPerson.has(party) ? 1 : 0;
  f['party:speaker'] = context.statements.some(
    (s) => s.affiliation === party && s.citations.some((c) => c.evidence === text || text.includes(c.evidence)),
  )
    ? 1
    : 0;
  // The party's first word ("Russian-held", "Kremlin's"): a hyphen compound or a possessive after it. A party the
  // candidate has from its list's lead is not named in the item by a word of its own (else it would be the item's).
  const wordAt = candidate.listLead ? -1 : (named.wordAt.get(party) ?? -1);
  if (wordAt >= 0) {
    const rest = text.slice(wordAt);
    const word = /^[\p{L}'’]+/u.exec(rest)?.[0] ?? '';
    f['party:hyphen-compound'] = rest.charAt(word.length) === '-' ? 1 : 0;
    f['party:possessive'] = /['’]s$/u.test(word) || /^['’]s(?![\p{L}])/u.test(rest.slice(word.length)) ? 1 : 0;
  }
  const at = named.firstAt.get(party) ?? -1;
  f['party:leads'] = at >= 0 && wordTokens(text.slice(0, at)).length <= 6 ? 1 : 0;
  const others = named.all.filter((p) => p !== party);
  f['party:other-named'] = others.length ? 1 : 0;
  f['party:list-lead'] = candidate.listLead ? 1 : 0;
  f['party:other-person'] = others.some((p) => named.byPerson.has(p)) ? 1 : 0;
  const otherAt = others.map((p) => named.firstAt.get(p) ?? -1).filter((i) => i >= 0);
  f['party:first-named'] = at >= 0 && otherAt.every((i) => at <= i) ? 1 : 0;
  const verbAt = sentence.verbAt;
  f['party:before-stance-verb'] = at >= 0 && verbAt > at ? 1 : 0;

  const kind = sentence.kind;
  if (kind) f[`kind:${kind}`] = 1;
  f['lex:stance-verb'] = verbAt >= 0 ? 1 : 0;
  f['lex:trade-or-condition'] = sentence.trade;
  f['lex:topic-stance-cue'] = cuesStance(sentence, topic);
  f['lex:judgement'] = sentence.judgement;
  f['lex:saying-verb'] = sentence.saying;
  f['lex:outsider'] = sentence.outsider;
  f['lex:hedge'] = sentence.hedge;
  f.negation = sentence.negation;
  f.modality = sentence.modality;
  f.question = sentence.question;
  f.history = sentence.history;
  f['quote-marks'] = sentence.quoteMarks;
  f.headline = candidate.headline ? 1 : 0;
  f.lead = candidate.headline || candidate.index < 3 ? 1 : 0;
  f['place-in-article'] = candidate.headline ? 0 : clamp(candidate.index / Math.max(1, context.sentenceCount - 1));
  const ruled = context.positions.filter((p) => p.topic === topic && p.party === party).length;
  f['rules:topic-party'] = clamp(Math.log1p(ruled) / Math.log(8));
  f['rules:article'] = clamp(Math.log1p(context.positions.length) / Math.log(32));
  const length = sentence.length;
  f.length = clamp(length / 60);
  f.short = length < 8 ? 1 : 0;
  f['topics:several'] = sentence.severalTopics;
  return FEATURE_NAMES.map((name) => f[name] ?? 0);
}

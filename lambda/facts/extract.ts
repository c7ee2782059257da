import type { Article } from '../articles/article.js';
import { boundArticleFacts } from './article-fact-limits.js';
import { articleParties } from './article-parties.js';
import { corpusPlacedPeople, unlistedOpeningKeys, unlistedOwnerKeys } from './corpus-placed-people.js';
import { cutOffSentence, withoutCutOffCitations } from './cut-off.js';
import type { ArticleFacts, CorpusFacts, Person, Position, Statement } from './fact.js';
import { withCorpusGuarantors } from './guarantor-corpus.js';
import { extractGuarantors } from './guarantors.js';
import { mergeArticleFacts } from './merge.js';
import { withoutOutletSpeakers } from './non-people.js';
import { settlePeopleAndCountries } from './people-identity.js';
import type { CorpusCountry, CorpusOffices } from './people-registry.js';
import { memoTokenizer, positionCandidates } from './position-candidates.js';
import { candidateFeatures } from './position-features.js';
import {
  applyPositionScorer,
  candidateScore,
  defaultPositionScorer,
  type PositionScorer,
  type ScoredCandidate,
} from './position-scorer.js';
import { extractPositions } from './positions.js';
import { unnamedSetTopics, withoutUnnamedSets } from './region-sets.js';
import type { PositionRejection, RejectionSink } from './rejection-trace.js';
import { type Sentence, splitSentences } from './sentences.js';
import { extractStatements } from './statements.js';
import { staffTurns } from './statements-transcript.js';
import { type CompiledTopics, compileTopics, defaultTopicsConfig, type TopicsConfig } from './topics.js';

/**
 * What the rest of the corpus knows that one article may not say: the country of a person the article names without
 * one, and who holds an office it names by its title alone (`settlePeopleAndCountries`).
 */
export interface CorpusKnowledge {
  countryOf: CorpusCountry;
  /** Who holds an office the article names only by its title ("the Ruritanian foreign minister"), as plain data. */
  offices?: CorpusOffices;
}

/**
 * One reading of an article: its facts, and for each of its sentences whether the guarantee topic is open there as
 * the reading found it (`extractGuarantors`' arrangement). The corpus pass (`withCorpusGuarantors`) takes the topic
 * from the reading whose facts it settles, the only source of it, so it never reads the article a third time.
 */
export interface ArticleReading {
  facts: ArticleFacts;
  guaranteeTopic: readonly boolean[];
}

/**
 * Reads one article under a topics configuration, with what the corpus knows when given (an object, so that
 * `articles.map(read)` passes no index for it): its facts and the guarantee topic beside them.
 */
export type ArticleReader = (article: Article, corpus?: CorpusKnowledge) => ArticleReading;

/** A position candidate with its features, as the training script reads them (`ReaderOptions.onCandidates`). */
export interface FeaturedCandidate extends ScoredCandidate {
  features: number[];
}

/** How a reader scores position candidates; the defaults are production's. */
export interface ReaderOptions {
  /** The position scorer's weights (config/position-scorer.json by default); null keeps the rules' positions alone. */
  scorer?: PositionScorer | null;
  /** Told every reading's position candidates with their features and scores (the training script). */
  onCandidates?: (article: Article, candidates: FeaturedCandidate[]) => void;
}

/**
 * A reader bound to a topics configuration (config/topics.json by default): statements, guarantors
 * and positions, each citing its sentence verbatim. Pure and deterministic. Statements come first: a
 * quoted speaker's affiliation tells whose proposal or position an unattributed quote states. An
 * article contributes at most its first 500 facts of each kind (article-fact-limits.ts). `onReject`, when
 * given, is told every candidate guarantor and position a rule rejected, by the rule's name (the candidate accounting).
 * After the rules, the position scorer (`options.scorer`: the shipped weights unless given, null for the rules alone)
 * decides over every position candidate, with the rules' verdicts read from the same rejections.
 */
export function createArticleReader(
  topicsConfig: TopicsConfig = defaultTopicsConfig,
  onReject?: RejectionSink,
  options: ReaderOptions = {},
): ArticleReader {
  const topics = compileTopics(topicsConfig);
  const scorer = options.scorer === undefined ? defaultPositionScorer() : options.scorer;
  const { onCandidates } = options;
  const scoring = scorer !== null || onCandidates !== undefined;
  return (article, corpus) => {
    // The position rejections of this reading, for the scorer's features; each still goes to `onReject` too.
    const positionRejections: PositionRejection[] = [];
    const sink: RejectionSink | undefined = scoring
      ? (rejection) => {
          if (rejection.category === 'positions') positionRejections.push(rejection);
          onReject?.(rejection);
        }
      : onReject;
    const sentences = splitSentences(article.body);
    const { people, mentions, statements, principals, offices, askedOffices } = extractStatements(
      article,
      sentences,
      corpus?.countryOf,
      corpus?.offices,
    );
    // Array.from, not .map: once V8 optimises this reader, `.map` returns a holey array, a new map for every rule
    // that reads the statements (extractPositions, speakerParty, …), each deoptimised and recompiled mid-batch.
    const tagged = Array.from(statements, (s) => ({
      ...s,
      topics: [...new Set([...s.topics, ...topics.topicsIn(s.text)])],
    }));
    const parties = articleParties(article, { sentences, statements: tagged, people, mentioned: mentions, topics });
    const context = { sentences, statements: tagged, people, topics, parties, onReject: sink };
    // Positions also know the people the article names by surname alone whom the corpus places in a party, in its
    // headline too ("Belenko rules out …" over a body that names him only by his office): the headline is read with
    // the same people as the body.
    const placed = corpus
      ? corpusPlacedPeople(titledBody(article), [...people, ...mentions], corpus.countryOf, topics.partyNames)
      : [];
    // On the first reading, the owners of possessives in sentences naming a topic whom the corpus may place: a stance
    // there may be theirs ("… rejected Volnov's demands for the Donetsk region").
    // And the bare surnames opening its sentences, which the corpus may know ("Holm played down …, \"…,\" he said").
    const unlistedNames = corpus
      ? []
      : [
          ...unlistedOwnerKeys(article.body, [...people, ...mentions], (at) => namesTopicAt(sentences, at, topics)),
          ...unlistedOpeningKeys(
            article.body,
            sentences.map((s) => s.start),
            [...people, ...mentions],
          ),
        ];
    // A guarantor or position whose only evidence is the sentence the excerpt's end cuts off is no fact (R5).
    const cut = cutOffSentence(sentences, article.body);
    // The topics the article names only as a set of regions (R-regions), read once if a position asks.
    const unnamedSets = unnamedSetTopics(article, topics);
    const rule = 'cut-off-sentence';
    // extractGuarantors tells its topic on every article it reads.
    let guaranteeTopic: readonly boolean[] = [];
    const rulePositions = withoutCutOffCitations(
      withoutStaffQuestions(
        article.body,
        withoutUnnamedSets(
          extractPositions(article, { ...context, mentioned: [...mentions, ...placed] }),
          unnamedSets,
          topics,
          sink,
        ),
        sink,
      ),
      cut,
      article.body,
      {
        sink,
        describe: ({ topic, party }, sentence) => ({ category: 'positions', topic, party, sentence, rule }),
      },
    );
    const positions = scoring
      ? withoutUnnamedSets(
          scoredPositions(article, rulePositions, {
            sentences,
            topics,
            people: [...people, ...mentions, ...placed],
            statements: tagged,
            rejections: positionRejections,
            scorer,
            onCandidates,
          }),
          unnamedSets,
          topics,
          // The scorer's additions it removes go to the trace alone (the scorer has read its rejections by now); the
          // rules' positions here passed the first check. An addition the first check had removed as a rule's position
          // is told again, with the same rule: the accounting reads a sentence's rules, not how often each was told.
          onReject,
        )
      : rulePositions;
    const facts = boundArticleFacts({
      articleId: article.id,
      people,
      mentions,
      statements: tagged,
      guarantors: withoutCutOffCitations(
        extractGuarantors(article, {
          ...context,
          // Guarantors do more work to name their rejections; only the accounting's own sink asks them to.
          onReject,
          mentioned: mentions,
          onTopic: (open) => {
            guaranteeTopic = open;
          },
        }),
        cut,
        article.body,
        { sink: onReject, describe: ({ country }, sentence) => ({ category: 'guarantors', country, sentence, rule }) },
      ),
      positions,
      ...(principals.length ? { principals } : {}),
      ...(offices.length ? { offices } : {}),
      ...(askedOffices.length ? { askedOffices } : {}),
      ...(unlistedNames.length ? { unlistedNames } : {}),
    });
    return { facts, guaranteeTopic };
  };
}

interface ScoringInputs {
  sentences: readonly Sentence[];
  topics: CompiledTopics;
  people: readonly Pick<Person, 'name' | 'affiliation'>[];
  statements: readonly Statement[];
  rejections: readonly PositionRejection[];
  scorer: PositionScorer | null;
  onCandidates: ReaderOptions['onCandidates'];
}

/**
 * The rules' positions with the position scorer's decisions (position-scorer.ts) over every candidate of the reading
 * (position-candidates.ts); the candidates go to `onCandidates` first, scored by `scorer` when there is one.
 */
function scoredPositions(article: Article, positions: Position[], inputs: ScoringInputs): Position[] {
  const { sentences, topics, people, statements, rejections, scorer, onCandidates } = inputs;
  // One tokenizer for the reading: the scorer compares the sentences the candidates' verdicts compared.
  const tokens = memoTokenizer();
  const candidates = positionCandidates({
    title: article.title,
    sentences,
    topics,
    people,
    positions,
    rejections,
    tokens,
  });
  if (candidates.length === 0) return positions;
  const featureContext = { topics, positions, statements, sentenceCount: sentences.length };
  const featured = candidates.map((c) => {
    const features = candidateFeatures(c, featureContext);
    return { ...c, features, score: scorer ? candidateScore(scorer, features) : 0 };
  });
  onCandidates?.(article, featured);
  return scorer ? applyPositionScorer(positions, featured, scorer, article.id, tokens) : positions;
}

/**
 * Positions without those read from a question of a transcript's journalist ("So Kyiv refuses to discuss
 * Crimea at all?"): an interviewer's question states nobody's position.
 */
function withoutStaffQuestions(body: string, positions: Position[], onReject?: RejectionSink): Position[] {
  const staff = staffTurns(body);
  if (staff.length === 0) return positions;
  const isStaffQuestion = (evidence: string) => {
    const at = body.indexOf(evidence);
    return /\?\W*$/u.test(evidence) && staff.some((t) => at >= t.start && at < t.end);
  };
  return positions.filter((p) => {
    const asked = p.citations.every((c) => isStaffQuestion(c.evidence));
    if (asked && onReject) {
      const sentence = p.citations[0]?.evidence ?? '';
      onReject({ category: 'positions', topic: p.topic, party: p.party, sentence, rule: 'staff-question' });
    }
    return !asked;
  });
}

let defaultReader: ArticleReader | undefined;
/** The reader under config/topics.json and the shipped scorer, made on first use. */
const readWithDefaults: ArticleReader = (article, corpus) => {
  defaultReader ??= createArticleReader();
  return defaultReader(article, corpus);
};

/** Extracts statements, guarantors and positions from one article, under config/topics.json. */
export function extractArticleFacts(article: Article, corpus?: CorpusKnowledge): ArticleFacts {
  return readWithDefaults(article, corpus).facts;
}

/** `extractArticleFacts` with the guarantee topic beside the facts, for a corpus pass (`ArticleReading`). */
export function readArticle(article: Article, corpus?: CorpusKnowledge): ArticleReading {
  return readWithDefaults(article, corpus);
}

/**
 * Extracts every article and merges the facts across them: what `talks extract --json` and the eval print. What the
 * corpus knows is applied before the merge (`settleCorpusFacts`).
 */
export function extractCorpusFacts(articles: Article[], topicsConfig: TopicsConfig = defaultTopicsConfig): CorpusFacts {
  return mergeArticleFacts(settleCorpusFacts(articles, createArticleReader(topicsConfig), topicsConfig));
}

/**
 * Each article's facts with what the corpus knows applied, by index, before any merge: people's countries
 * (`settlePeopleAndCountries`, which reads again the articles whose people the corpus places), then the guarantors its
 * articles name, which tell a list of them in another article (`withCorpusGuarantors`, under `topicsConfig`, the
 * configuration `read` was made with, and with the guarantee topic of each article's last reading). The eval's facts
 * (`extractCorpusFacts`) and the candidate accounting's both come from here.
 */
export function settleCorpusFacts(
  articles: readonly Article[],
  read: ArticleReader,
  topicsConfig: TopicsConfig = defaultTopicsConfig,
): ArticleFacts[] {
  const outlets = articles.map((a) => a.outlet);
  const readings = articles.map((article) => read(article));
  const guaranteeTopics = readings.map((r) => r.guaranteeTopic);
  const facts = withoutOutletSpeakers(
    readings.map((r) => r.facts),
    outlets,
  );
  const settled = settlePeopleAndCountries(facts, [], (i, countryOf, offices) => {
    const again = read(articles[i] as Article, { countryOf, offices });
    guaranteeTopics[i] = again.guaranteeTopic;
    return withoutOutletSpeakers([again.facts], outlets)[0] ?? (facts[i] as ArticleFacts);
  });
  return withCorpusGuarantors(articles, settled, compileTopics(topicsConfig), [], guaranteeTopics);
}

/** Whether the sentence holding the body offset `at` names a topic. */
function namesTopicAt(sentences: readonly Sentence[], at: number, topics: CompiledTopics): boolean {
  const sentence = sentences.find((s) => s.end > at);
  return sentence !== undefined && sentence.start <= at && topics.topicsIn(sentence.text).length > 0;
}

/** The text whose surnames the corpus may place: the headline, when there is one, and the body. */
const titledBody = (article: Article): string => (article.title ? `${article.title}\n${article.body}` : article.body);

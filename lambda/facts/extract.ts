import type { Article } from '../articles/article.js';
import { boundArticleFacts } from './article-fact-limits.js';
import { articleParties } from './article-parties.js';
import { corpusPlacedPeople, unlistedOwnerKeys } from './corpus-placed-people.js';
import { cutOffSentence, withoutCutOffCitations } from './cut-off.js';
import type { ArticleFacts, CorpusFacts, Position } from './fact.js';
import { withCorpusGuarantors } from './guarantor-corpus.js';
import { extractGuarantors } from './guarantors.js';
import { mergeArticleFacts } from './merge.js';
import { withoutOutletSpeakers } from './non-people.js';
import { settlePeopleAndCountries } from './people-identity.js';
import type { CorpusCountry, CorpusOffices } from './people-registry.js';
import { extractPositions } from './positions.js';
import type { RejectionSink } from './rejection-trace.js';
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
 * Extracts the facts of one article under a given topics configuration, with what the corpus knows when given (an
 * object, so that `articles.map(extractor)` passes no index for it).
 */
export type ArticleFactExtractor = (article: Article, corpus?: CorpusKnowledge) => ArticleFacts;

/**
 * An extractor bound to a topics configuration (config/topics.json by default): statements, guarantors
 * and positions, each citing its sentence verbatim. Pure and deterministic. Statements come first: a
 * quoted speaker's affiliation tells whose proposal or position an unattributed quote states. An
 * article contributes at most its first 500 facts of each kind (article-fact-limits.ts). `onReject`, when
 * given, is told every candidate guarantor and position a rule rejected, by the rule's name (the candidate accounting);
 * `onTopic`, for each article read, where its guarantee topic is open (the corpus pass reads it again).
 */
export function createFactExtractor(
  topicsConfig: TopicsConfig = defaultTopicsConfig,
  onReject?: RejectionSink,
  onTopic?: (article: Article, open: readonly boolean[]) => void,
): ArticleFactExtractor {
  const topics = compileTopics(topicsConfig);
  return (article, corpus) => {
    const sentences = splitSentences(article.body);
    const { people, mentions, statements, principals, offices, askedOffices } = extractStatements(
      article,
      sentences,
      corpus?.countryOf,
      corpus?.offices,
    );
    const tagged = statements.map((s) => ({
      ...s,
      topics: [...new Set([...s.topics, ...topics.topicsIn(s.text)])],
    }));
    const parties = articleParties(article, { sentences, statements: tagged, people, mentioned: mentions, topics });
    const context = { sentences, statements: tagged, people, topics, parties, onReject };
    // Positions also know the people the article names by surname alone whom the corpus places in a party.
    const placed = corpus
      ? corpusPlacedPeople(article.body, [...people, ...mentions], corpus.countryOf, topics.partyNames)
      : [];
    // On the first reading, the owners of possessives in sentences naming a topic whom the corpus may place: a stance
    // there may be theirs ("… rejected Volnov's demands for the Donetsk region").
    const unlistedNames = corpus
      ? []
      : unlistedOwnerKeys(article.body, [...people, ...mentions], (at) => namesTopicAt(sentences, at, topics));
    // A guarantor or position whose only evidence is the sentence the excerpt's end cuts off is no fact (R5).
    const cut = cutOffSentence(sentences, article.body);
    const rule = 'cut-off-sentence';
    return boundArticleFacts({
      articleId: article.id,
      people,
      mentions,
      statements: tagged,
      guarantors: withoutCutOffCitations(
        extractGuarantors(article, {
          ...context,
          mentioned: mentions,
          ...(onTopic ? { onTopic: (open: readonly boolean[]) => onTopic(article, open) } : {}),
        }),
        cut,
        article.body,
        { sink: onReject, describe: ({ country }, sentence) => ({ category: 'guarantors', country, sentence, rule }) },
      ),
      positions: withoutCutOffCitations(
        withoutStaffQuestions(
          article.body,
          extractPositions(article, { ...context, mentioned: [...mentions, ...placed] }),
          onReject,
        ),
        cut,
        article.body,
        {
          sink: onReject,
          describe: ({ topic, party }, sentence) => ({ category: 'positions', topic, party, sentence, rule }),
        },
      ),
      ...(principals.length ? { principals } : {}),
      ...(offices.length ? { offices } : {}),
      ...(askedOffices.length ? { askedOffices } : {}),
      ...(unlistedNames.length ? { unlistedNames } : {}),
    });
  };
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

const extractWithDefaults = createFactExtractor();

/** Extracts statements, guarantors and positions from one article, under config/topics.json. */
export function extractArticleFacts(article: Article, corpus?: CorpusKnowledge): ArticleFacts {
  return extractWithDefaults(article, corpus);
}

/**
 * Extracts every article and merges the facts across them: what `talks extract --json` and the eval print. What the
 * corpus knows is applied before the merge: people's countries (`settlePeopleAndCountries`), then the guarantors its
 * articles name, which tell a list of them in another article (`withCorpusGuarantors`, under `topicsConfig`, the
 * configuration `extract` was made with). With the default extractor, the corpus pass takes the guarantee topic each
 * article's last reading found rather than reading it again.
 */
export function extractCorpusFacts(
  articles: Article[],
  given?: ArticleFactExtractor,
  topicsConfig: TopicsConfig = defaultTopicsConfig,
): CorpusFacts {
  const topicOf = new Map<Article, readonly boolean[]>();
  const extract =
    given ?? createFactExtractor(defaultTopicsConfig, undefined, (article, open) => topicOf.set(article, open));
  const outlets = articles.map((a) => a.outlet);
  const facts = withoutOutletSpeakers(
    articles.map((article) => extract(article)),
    outlets,
  );
  const settled = settlePeopleAndCountries(facts, [], (i, countryOf, offices) => {
    const [again] = withoutOutletSpeakers([extract(articles[i] as Article, { countryOf, offices })], outlets);
    return again ?? (facts[i] as ArticleFacts);
  });
  return mergeArticleFacts(
    withCorpusGuarantors(articles, settled, compileTopics(topicsConfig), [], (article) => topicOf.get(article)),
  );
}

/** Whether the sentence holding the body offset `at` names a topic. */
function namesTopicAt(sentences: readonly Sentence[], at: number, topics: CompiledTopics): boolean {
  const sentence = sentences.find((s) => s.end > at);
  return sentence !== undefined && sentence.start <= at && topics.topicsIn(sentence.text).length > 0;
}

import type { Article } from '../articles/article.js';
import type { Citation, CorpusFacts } from './fact.js';

/*
 * The prediction format of ../shared/eval/README.md, printed by `talks extract --json` and scored by
 * score.mjs. An article that stands for several input files lists the rest in `files`, so a merged
 * duplicate still counts for every file it came from.
 */

type PredictedCitation = Pick<Citation, 'articleId' | 'evidence'>;

export interface Prediction {
  articles: {
    id: string;
    file: string;
    files: string[];
    title: string | null;
    source: string | null;
    url: string | null;
  }[];
  statements: {
    speaker: string;
    affiliation: string | null;
    kind: string;
    text: string;
    citations: PredictedCitation[];
  }[];
  guarantors: { country: string; proposedBy: string | null; citations: PredictedCitation[] }[];
  positions: { topic: string; party: string; stance: string; citations: PredictedCitation[] }[];
}

/**
 * The topics the prediction format has (../shared/eval/README.md): the bot keeps its other configured topics (the
 * nuclear plant) for the drill-down, but a scored prediction lists none of them.
 */
export const SCORED_TOPICS: readonly string[] = ['crimea', 'donbas'];

const cite = (citations: Citation[]): PredictedCitation[] =>
  citations.map(({ articleId, evidence }) => ({ articleId, evidence }));

/** The prediction of `facts`, positions only on `topics` (the format's, unless a set labels every configured topic). */
export function toPrediction(
  articles: Article[],
  facts: CorpusFacts,
  topics: readonly string[] = SCORED_TOPICS,
): Prediction {
  return {
    articles: articles.map(({ id, files: [file = '', ...more], title, outlet, url }) => ({
      id,
      file,
      files: more,
      title,
      source: outlet,
      url,
    })),
    statements: facts.statements.map(({ speaker, affiliation, kind, text, citations }) => ({
      speaker,
      affiliation,
      kind,
      text,
      citations: cite(citations),
    })),
    guarantors: facts.guarantors.map(({ country, proposedBy, citations }) => ({
      country,
      proposedBy,
      citations: cite(citations),
    })),
    positions: facts.positions
      .filter(({ topic }) => topics.includes(topic))
      .map(({ topic, party, stance, citations }) => ({
        topic,
        party,
        stance,
        citations: cite(citations),
      })),
  };
}

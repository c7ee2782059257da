import scorerJson from '../../config/position-scorer.json' with { type: 'json' };
import type { Position } from './fact.js';
import { KEPT, memoTokenizer, type PositionCandidate, sameSentence, type Tokenizer } from './position-candidates.js';
import { FEATURE_NAMES } from './position-features.js';
import { positionId } from './positions.js';
import { candidateScore, parseScorerModel, type ScorerModel, type Thresholds } from './scorer-model.js';
import { stanceText } from './stance-text.js';

/*
 * The position scorer: a logistic regression over the candidates' features (position-features.ts), its weights data
 * in config/position-scorer.json, trained by `npm run train:position-scorer` (scripts/train-position-scorer.ts). The
 * extractor keeps a candidate the rules did not keep when its score reaches `addThreshold`, citing its sentence
 * verbatim, and drops a rule's position whose every sentence scores below `dropThreshold` (null: never).
 */

export type PositionScorer = ScorerModel;

export class PositionScorerError extends Error {
  override name = 'PositionScorerError';
}

/** Validates a weight file: its shape, and that its features are the code's, in the code's order. */
export function parsePositionScorer(json: unknown): PositionScorer {
  return parseScorerModel(json, { name: 'position', features: FEATURE_NAMES, error: PositionScorerError });
}

let shipped: PositionScorer | undefined;

/**
 * The shipped weights (config/position-scorer.json), validated on first use rather than at import, so that the
 * training script, which reads with the scorer off, still runs when a feature change has made the file stale.
 */
export function defaultPositionScorer(): PositionScorer {
  shipped ??= parsePositionScorer(scorerJson);
  return shipped;
}

export { candidateScore, type Thresholds };

/** A candidate with its score. */
export interface ScoredCandidate extends PositionCandidate {
  score: number;
}

/**
 * The rules' positions with the scorer's decisions applied: a rule position dropped when every sentence it cites is a
 * candidate of its topic and party scoring below `dropThreshold`; a candidate the rules did not keep added, once per
 * (sentence, topic, party), when it scores at least `addThreshold`.
 */
export function applyPositionScorer(
  positions: readonly Position[],
  candidates: readonly ScoredCandidate[],
  thresholds: Thresholds,
  articleId: string,
  /** The reading's tokenizer: the candidates' sentences and the positions' citations were tokenised already. */
  tokens: Tokenizer = memoTokenizer(),
): Position[] {
  const { addThreshold, dropThreshold } = thresholds;
  const own = (p: Position) => candidates.filter((c) => c.topic === p.topic && c.party === p.party);
  const kept =
    dropThreshold === null
      ? [...positions]
      : positions.filter((p) => {
          const mine = own(p);
          const low = (evidence: string) =>
            mine.some((c) => c.score < dropThreshold && sameSentence(c.text, evidence, tokens)) &&
            !mine.some((c) => c.score >= dropThreshold && sameSentence(c.text, evidence, tokens));
          return !p.citations.every((c) => low(c.evidence));
        });
  const added: Position[] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    if (c.verdict === KEPT || c.score < addThreshold) continue;
    const key = `${c.topic}\u0000${c.party}\u0000${c.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const already = kept.some(
      (p) =>
        p.topic === c.topic && p.party === c.party && p.citations.some((x) => sameSentence(x.evidence, c.text, tokens)),
    );
    if (already) continue;
    const stance = stanceText(c.text);
    added.push({
      id: positionId(c.topic, c.party, stance),
      topic: c.topic,
      party: c.party,
      stance,
      citations: [{ articleId, evidence: c.text }],
    });
  }
  return [...kept, ...added];
}

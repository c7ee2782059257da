/*
 * Why the extractor dropped a candidate. The rules generate candidates widely (every country of a guarantee
 * sentence, every clause naming a topic and a party) and reject most; the candidate accounting
 * (scripts/accounting.ts) needs each rejection's rule by name to say which rule costs recall, and the position
 * scorer (position-candidates.ts) reads a position rejection's rule as a feature: the reader keeps its own sink for
 * positions. Production passes no sink of its own, so a guarantor's rejection costs one optional call that does nothing.
 */

/** A country of a sentence about guarantees that the guarantor rules did not keep. */
export interface GuarantorRejection {
  category: 'guarantors';
  country: string;
  /** The sentence the country is named in, verbatim. */
  sentence: string;
  rule: string;
}

/** A topic of a clause that the position rules gave to no party, or not to `party`. */
export interface PositionRejection {
  category: 'positions';
  topic: string;
  /** The party the rule judged, when it had one. */
  party: string | null;
  sentence: string;
  rule: string;
}

export type Rejection = GuarantorRejection | PositionRejection;

/** Told every rejection, with the rule's name; in production only the reader's own, whose position rejections the position scorer reads. */
export type RejectionSink = (rejection: Rejection) => void;

import { hash } from 'node:crypto';
import type { Citation } from '../facts/fact.js';

/*
 * What finds a flagged fact after a merge. A statement or position is keyed by its content id, but when a
 * later article's wording merges into it and brings a smaller id, the merged fact takes that id
 * (lambda/facts/merge.ts keeps the smallest). What survives every merge is each citation with its own
 * wording: merging only unions citations, and a citation worded otherwise than the merged fact keeps its
 * wording as `quote`. So a flag remembers a few of its fact's citations, hashed short, and an answer line
 * showing any of them is the flagged fact, whatever its id has become.
 */

/** Anchors a flag keeps: the fact's first citations (one is enough to find it; a few survive cut lists). */
export const ANCHORS_PER_FACT = 5;

/** The anchor of one citation of a statement or position whose text is `text`. */
export function citationAnchor(kind: 'statement' | 'position', citation: Citation, text: string): string {
  return hash(
    'sha256',
    `${kind}\u0000${citation.articleId}\u0000${citation.evidence}\u0000${citation.quote ?? text}`,
  ).slice(0, 12);
}

/** The anchors of a fact: its first citations'. */
export function factAnchors(kind: 'statement' | 'position', citations: readonly Citation[], text: string): string[] {
  return citations.slice(0, ANCHORS_PER_FACT).map((c) => citationAnchor(kind, c, text));
}

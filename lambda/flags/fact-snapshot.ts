import type { SourceRef } from '../articles/article.js';
import type { Citation } from '../facts/fact.js';
import type { FactSnapshot } from './flag-book.js';

/** A snapshot is read in a modal and a list: its text and evidence are cut to these, so a document stays small. */
const SNAPSHOT_LIMITS = { textChars: 2_000, citations: 3, evidenceChars: 1_000 };

const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** What a flagged fact's document keeps of the fact: its first citations, cut, and only their sources. */
export function snapshotOf(
  lead: string | null,
  text: string,
  quoted: boolean,
  citations: readonly Citation[],
  sources: readonly SourceRef[],
): FactSnapshot {
  const kept = citations.slice(0, SNAPSHOT_LIMITS.citations).map((c) => ({
    ...c,
    evidence: cut(c.evidence, SNAPSHOT_LIMITS.evidenceChars),
    ...(c.quote ? { quote: cut(c.quote, SNAPSHOT_LIMITS.evidenceChars) } : {}),
  }));
  const cited = new Set(kept.map((c) => c.articleId));
  return {
    lead,
    text: cut(text, SNAPSHOT_LIMITS.textChars),
    quoted,
    citations: kept,
    sources: sources.filter((s) => cited.has(s.id)),
  };
}

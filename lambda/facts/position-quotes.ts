import type { Position } from './fact.js';
import type { Sentence } from './sentences.js';
import { findQuoteSpans } from './statements-quotes.js';

/*
 * One quote, one position per topic and side. The splitter cuts a quote of several sentences into as many
 * sentences ("We will not leave the east. We cannot do that. It is our land," he said.), and each may state the
 * same stance again; the speaker took one position, which cites every sentence of the quote that states it.
 */

/**
 * Folds positions on the same topic and side whose sentences lie in one quoted passage into the first of them,
 * which keeps its stance and cites the later sentences too. Positions outside quotes are left alone.
 */
export function foldQuotedRepeats(
  positions: readonly Position[],
  sentences: readonly Sentence[],
  body: string,
): Position[] {
  const keyOf = (p: Position) => `${p.topic}\u0000${p.party}`;
  const counts = new Map<string, number>();
  for (const p of positions) counts.set(keyOf(p), (counts.get(keyOf(p)) ?? 0) + 1);
  // Most articles hold each side's stance on a topic once: no quote needs finding.
  if (![...counts.values()].some((n) => n > 1)) return [...positions];
  const spans = findQuoteSpans(body);
  const sentenceOf = new Map<string, Sentence>();
  for (const s of sentences) if (!sentenceOf.has(s.text)) sentenceOf.set(s.text, s);
  const quoteOf = (p: Position): number => {
    const sentence = sentenceOf.get(p.citations[0]?.evidence ?? '');
    return sentence ? spans.findIndex((q) => q.open < sentence.end && q.close > sentence.start) : -1;
  };
  const kept: Position[] = [];
  const firstInQuote = new Map<string, Position>();
  for (const p of positions) {
    const quote = (counts.get(keyOf(p)) ?? 0) > 1 ? quoteOf(p) : -1;
    const first = quote >= 0 ? firstInQuote.get(`${keyOf(p)}\u0000${quote}`) : undefined;
    if (!first) {
      const copy = { ...p, citations: [...p.citations] };
      if (quote >= 0) firstInQuote.set(`${keyOf(p)}\u0000${quote}`, copy);
      kept.push(copy);
      continue;
    }
    for (const c of p.citations) if (!first.citations.some((d) => d.evidence === c.evidence)) first.citations.push(c);
  }
  return kept;
}

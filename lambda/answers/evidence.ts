import type { Citation } from '../facts/fact.js';
import type { FactLine } from './answer.js';

/** Words shorter than this (a country's name) stay in their sentence: eliding them would hide the point. */
const MIN_ELIDED_CHARS = 20;

/**
 * What a citation's evidence sentence adds to the fact shown above it: the sentence with the fact's own
 * words elided ("“…,” Lomakhia said."), so the reader sees who said it and how without reading the quote
 * twice; null when the sentence is the fact itself (in quotation marks or not). Both renderers show evidence this way.
 */
export function evidenceBeyond(line: FactLine, citation: Citation): string | null {
  if (citation.evidence === line.text) return null;
  const elidable = line.text.length >= MIN_ELIDED_CHARS && citation.evidence.includes(line.text);
  if (!elidable) return citation.evidence;
  const rest = citation.evidence.replace(line.text, '…');
  // Only quotation marks around the quote: the sentence is the quote.
  return /\p{L}/u.test(rest) ? rest : null;
}

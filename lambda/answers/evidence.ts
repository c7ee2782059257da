import type { Citation } from '../facts/fact.js';
import type { FactLine } from './answer.js';
import lexicon from './connectives.json' with { type: 'json' };

const CONNECTIVES: ReadonlySet<string> = new Set(lexicon.connectives);

/** Whether what a sentence adds to its fact is one linking word alone: "But ….", "However, …". */
function addsOnlyAConnective(rest: string): boolean {
  const words = rest.match(/\p{L}+/gu) ?? [];
  return words.length === 1 && CONNECTIVES.has((words[0] as string).toLowerCase());
}

/** Words shorter than this (a country's name) stay in their sentence: eliding them would hide the point. */
const MIN_ELIDED_CHARS = 20;

/**
 * What a citation's evidence sentence adds to the fact shown above it: the sentence with the fact's own
 * words elided ("“…,” Lomakhia said."), so the reader sees who said it and how without reading the quote
 * twice; null when the sentence is the fact itself (in quotation marks or not, or after a lone connective). Both renderers show evidence this way.
 */
export function evidenceBeyond(line: FactLine, citation: Citation): string | null {
  if (citation.evidence === line.text) return null;
  const elidable = line.text.length >= MIN_ELIDED_CHARS && citation.evidence.includes(line.text);
  if (!elidable) return citation.evidence;
  const rest = citation.evidence.replace(line.text, '…');
  // Only quotation marks around the quote: the sentence is the quote; a lone "But" before it adds nothing either.
  return /\p{L}/u.test(rest) && !addsOnlyAConnective(rest) ? rest : null;
}

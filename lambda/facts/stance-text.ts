import { pastDateline } from './statements-sentence.js';
import { withoutStrayQuotes } from './stray-quotes.js';

/*
 * The words a position shows as its stance, cut from its clause so that they read alone: never a wire dateline
 * ("KYIV, Jan 15 (Agency) - "), which is the outlet's, as statements leave it out of the words said (`pastDateline`),
 * and never a quote mark whose partner lies outside them (`withoutStrayQuotes`). Every cut is a slice, so the stance
 * stays a verbatim substring of its evidence.
 */

/** The stance as a position shows it: `clause` past a wire dateline and without stray quote marks. */
export function stanceText(clause: string): string {
  const own = clause.slice(pastDateline(clause, 0, clause.length));
  return withoutStrayQuotes(own.trim() ? own : clause);
}

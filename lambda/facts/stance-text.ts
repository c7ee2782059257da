import { pastDateline } from './statements-sentence.js';
import { withoutStrayQuotes } from './stray-quotes.js';

/*
 * The words a position shows as its stance, cut from its clause so that they read alone: never a wire dateline
 * ("KYIV, Jan 15 (Agency) - "), which is the outlet's, as statements leave it out of the words said (`pastDateline`),
 * and never a quote mark whose partner lies outside them (`withoutStrayQuotes`). Every cut is a slice, so the stance
 * stays a verbatim substring of its evidence.
 */

/**
 * "PORT ELLIS, June 20 - ", "TARSK, 20 May – ": a dateline that names no agency, which `pastDateline` (written for the
 * words said, where a wire's frame is surer) leaves alone: a city in capitals, a comma, a short date with a number, a
 * spaced dash.
 */
const DATELINE_WITHOUT_AGENCY =
  /^\p{Lu}[\p{Lu}\s.'-]{2,40},\s+[^\n,()\-\u2013\u2014]{0,16}\d[^\n,()\-\u2013\u2014]{0,16}\s[-\u2013\u2014]{1,2}\s+/u;

/** The stance as a position shows it: `clause` past a wire dateline and without stray quote marks. */
export function stanceText(clause: string): string {
  const past = pastDateline(clause, 0, clause.length);
  const own = clause.slice(past > 0 ? past : (DATELINE_WITHOUT_AGENCY.exec(clause)?.[0].length ?? 0));
  return withoutStrayQuotes(own.trim() ? own : clause);
}
